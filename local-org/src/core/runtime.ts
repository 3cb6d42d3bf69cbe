// The seams between local-org's layers. Each layer implements one interface and calls the others only through
// these, so the Apex interpreter, the SOQL engine, the save pipeline and the flow interpreter can be built and
// tested apart:
//   Apex interpreter ──query──► QueryEngine ──reads──► Store
//          │ └──────dml──────► SaveEngine ──► before-save flows, validation rules, Store, after-save flows
//          ▲                                        │ (Apex actions)
//          └──────────────── ApexInvoker ◄──────────┘
// All of them share one Transaction: clock, running user, limits, savepoints, events and notifications.
import type { RecordError } from './errors.ts';
import type { ProjectMetadata } from './metadata.ts';
import type { SObject } from './sobject.ts';
import type { FieldValue } from './values.ts';

/** USER_MODE enforces the running user's object and field permissions; SYSTEM_MODE does not. */
export type AccessMode = 'user' | 'system';

/** The running user as the platform sees them (User fields the emulation needs). */
export interface UserContext {
    id: string;
    username: string;
    profileId: string;
    /** IANA zone of the user (TimeZoneSidKey), e.g. 'America/Los_Angeles'. */
    timeZone: string;
    locale: string;
    /** Permission sets assigned (API names), resolved from PermissionSetAssignment records. */
    permissionSets: string[];
}

/** The in-memory data of one org. Records handed out are copies: changing them changes nothing stored. */
export interface Store {
    get(id: string): SObject | undefined;
    /** Every stored record of an object (any case of the name). */
    all(objectName: string): SObject[];
    /** Stores a record (insert or replace by Id); the caller has run the save pipeline. */
    put(record: SObject): void;
    remove(id: string): void;
    newId(objectName: string): string;
    savepoint(): number;
    rollback(savepoint: number): void;
}

/** Governor counters of the current transaction (or test context), as `Limits` reports them. */
export interface LimitCounters {
    queries: number;
    queryRows: number;
    dmlStatements: number;
    dmlRows: number;
    /** Custom notifications sent (Messaging.CustomNotification and the flow action). */
    customNotifications: number;
    publishImmediateDml: number;
}

export interface PublishedEvent {
    type: string;
    fields: Record<string, FieldValue>;
    publishedAt: number;
}

export interface CustomNotificationSent {
    notificationType: string;
    title: string;
    body: string;
    targetId: string | null;
    recipientIds: string[];
    sentAt: number;
}

/**
 * What a pending scheduled path is, as data: the flow's API name, the path's, the record, the user whose save
 * scheduled it and that save's $Record__Prior. The flow module re-creates the runnable work from it
 * (`restoreScheduledPath`) when the closure is gone (a host saved the org to a file and loaded it again).
 */
export interface ScheduledPathState {
    flow: string;
    path: string;
    recordId: string;
    /** The running user of the save that scheduled the path; the path runs as them. */
    userId: string;
    /** The record before that save; null when the save was an insert. */
    prior: SObject | null;
}

/** A scheduled path waiting for its time (record-triggered flow, offset from a field or the trigger time). */
export interface ScheduledWork {
    dueAt: number;
    description: string;
    /** Identifies the work (flow, path, record), so that scheduling it again replaces the pending one. */
    key: string;
    state: ScheduledPathState;
    run(): void;
}

/** Shared state of one emulated transaction or Apex test method. */
export interface Transaction {
    readonly metadata: ProjectMetadata;
    readonly store: Store;
    /** Milliseconds since the epoch (settable: tests and the workbench move it). */
    now(): number;
    readonly user: UserContext;
    readonly limits: LimitCounters;
    /** Platform events published (delivered to subscribers after commit). */
    readonly publishedEvents: PublishedEvent[];
    readonly notifications: CustomNotificationSent[];
    readonly scheduled: ScheduledWork[];
}

/** A bind variable in a SOQL statement (`:leadIds`, `:limitSize`), resolved by whoever owns the expression. */
export type BindResolver = (bind: { name: string; node?: unknown }) => unknown;

export interface QueryOptions {
    accessMode: AccessMode;
    /** `with sharing`: only records the user can see (as far as sharing is emulated). */
    enforceSharing: boolean;
    binds: BindResolver;
}

export type QueryResult =
    { kind: 'records'; records: SObject[] } | { kind: 'count'; count: number } | { kind: 'aggregate'; rows: SObject[] };

export interface QueryEngine {
    /**
     * Runs a SOQL statement. `query` is its text, or a parse tree from `@apexdevtools/apex-parser`'s `query` rule
     * (what an Apex `[SELECT …]` holds). Counts one query and its rows in the transaction's limits.
     */
    query(transaction: Transaction, query: string | unknown, options: QueryOptions): QueryResult;
}

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';

export interface DmlOptions {
    allOrNone: boolean;
    accessMode: AccessMode;
}

export interface DmlRecordResult {
    /** The record's Id (set on the caller's SObject too after a successful insert). */
    id: string | null;
    success: boolean;
    errors: RecordError[];
}

export interface SaveEngine {
    /**
     * One DML statement on a list of records, through the order of execution. With allOrNone, one failure rolls
     * the whole statement back and every result carries the errors it had (the caller raises DmlException).
     * Counts one DML statement and its rows.
     */
    dml(transaction: Transaction, operation: DmlOperation, records: SObject[], options: DmlOptions): DmlRecordResult[];
}

/** What flows need from Apex: run an `@InvocableMethod` with one input per interview (bulkified). */
export interface ApexInvoker {
    invokeInvocable(
        transaction: Transaction,
        className: string,
        inputs: Record<string, unknown>[]
    ): Record<string, unknown>[];
}
