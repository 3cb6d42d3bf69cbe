// The part of local-org the workbench uses (local-org/src/aura), loaded at run time from the build's output
// (.build/local-org, emitted by `npm run build`): the workbench and local-org are compiled as separate packages, so
// these declarations state the surface the workbench relies on.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface UserContext {
    id: string;
    username: string;
}

export interface LimitCounters {
    queries: number;
    queryRows: number;
    dmlStatements: number;
    dmlRows: number;
}

export interface PublishedEvent {
    type: string;
    fields: Record<string, unknown>;
    publishedAt: number;
}

export interface StoredRecord {
    get(field: string): unknown;
    fieldNames(): string[];
    readonly id: string | null;
    readonly type: string;
}

export interface LocalOrg {
    readonly clock: { now(): number; set(ms: number): void };
    readonly store: { get(id: string): StoredRecord | undefined; all(objectName: string): StoredRecord[] };
    readonly metadata: { businessHours: { name: string }[] };
    readonly pending: Map<string, { dueAt: number; description: string }>;
    admin: UserContext;
    reseed(): void;
    createUser(definition: {
        username: string;
        firstName: string;
        lastName: string;
        profile?: string;
        permissionSets?: string[];
        groups?: string[];
        timeZone?: string;
    }): UserContext;
    user(usernameOrId: string): UserContext | null;
    customPermissions(user: UserContext): string[];
    subscribe(listener: (event: PublishedEvent) => void): () => void;
    /** Custom notifications of committed transactions, with the active users each reached. */
    readonly notifications: {
        title: string;
        body: string;
        targetId: string | null;
        sentAt: number;
        userIds: string[];
    }[];
}

export interface AuraErrorBody {
    message: string;
    exceptionType: string;
    isUserDefinedException: boolean;
    stackTrace: string | null;
}

export type AuraResult =
    | { ok: true; value: Json; limits: LimitCounters; events: PublishedEvent[] }
    | { ok: false; status: number; body: AuraErrorBody; limits: LimitCounters; unsupported?: boolean };

export type SaveResult =
    | { ok: true; id: string; limits: LimitCounters }
    | { ok: false; status: number; body: { message: string; output: unknown } };

export interface BusinessCalendar {
    name: string;
    add(from: number, ms: number): number;
    diff(from: number, to: number): number;
    isWithin(at: number): boolean;
    nextStart(at: number): number;
}

export interface Aura {
    createLocalOrg(options: { root: string; now?: number }): LocalOrg;
    invokeAura(
        org: LocalOrg,
        user: UserContext,
        className: string,
        methodName: string,
        params: Record<string, unknown>
    ): AuraResult;
    saveRecord(
        org: LocalOrg,
        user: UserContext,
        input: { apiName?: string; fields: Record<string, unknown> }
    ): SaveResult;
    insertRecords(
        org: LocalOrg,
        user: UserContext,
        objectName: string,
        rows: Record<string, unknown>[]
    ): { ids: (string | null)[]; errors: string[][]; limits: LimitCounters };
    runDue(org: LocalOrg, until: number): { description: string; dueAt: number; error?: string }[];
    storeToJson(org: LocalOrg, host?: unknown): { pendingScheduled: unknown[] } & Record<string, unknown>;
    /** Restores the records and the pending scheduled paths; `notRestored` names each path it could not restore. */
    storeFromJson(org: LocalOrg, document: unknown): { host?: unknown; restored: number; notRestored: string[] };
    businessHours(org: LocalOrg, name?: string): BusinessCalendar;
    STORE_FORMAT: string;
    STORE_VERSION: number;
}

/** Imports local-org's aura module from the build output. */
export async function loadAura(root: string): Promise<Aura> {
    const entry = join(root, '.build', 'local-org', 'src', 'aura', 'index.js');
    if (!existsSync(entry))
        throw new Error(`${relative(root, entry)} is missing: run npm run build (it compiles local-org).`);
    return (await import(pathToFileURL(entry).href)) as Aura;
}
