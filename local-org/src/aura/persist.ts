// The org's records and pending scheduled paths as a JSON document (a host's state file) and back. Typed values keep
// their type: a Date is {"$date": "YYYY-MM-DD"}, a Datetime {"$datetime": ms}, a Time {"$time": ms}. A document of
// another format or version, or a malformed one, is refused with a message, never half-loaded.
// A pending scheduled path is stored as data (flow, path, record, due time, the user whose save scheduled it and that
// save's $Record__Prior, encoded like the records) and made runnable again on load by the flow module, owned by a
// transaction of the same user, so `runDue` runs it as it runs any other. A path the project no longer has (its flow
// or path renamed or deleted) or whose user is gone is not restored: the load goes on and returns one line naming it
// (the host shows them), so that editing a flow does not cost the saved records. A version 1 document (pending paths
// written as descriptions only) loads its records, and each of its pending paths is such a line.
import { SObject } from '../core/sobject.ts';
import type { ScheduledPathState } from '../core/runtime.ts';
import { SDate, SDatetime, STime, type FieldValue } from '../core/values.ts';
import { OrgTransaction } from '../platform/transaction.ts';
import { adoptScheduled } from './invoke.ts';
import type { LocalOrg } from './org.ts';

export const STORE_FORMAT = 'local-org-store';
export const STORE_VERSION = 2;
/** Version 1 wrote pending scheduled paths as descriptions only. */
const DESCRIPTIONS_ONLY_VERSION = 1;

type Encoded = null | boolean | number | string | { $date: string } | { $datetime: number } | { $time: number };

export interface StoredRecord {
    type: string;
    fields: Record<string, Encoded>;
}

export interface StoredScheduledPath {
    flow: string;
    path: string;
    recordId: string;
    /** The user whose save scheduled the path: it runs as them. */
    userId: string;
    dueAt: number;
    /** $Record__Prior of that save; null when it was an insert. */
    prior: StoredRecord | null;
    /** For a person reading the file; not read back. */
    description: string;
}

export interface StoredOrg {
    format: typeof STORE_FORMAT;
    version: number;
    clock: number;
    issued: number;
    records: StoredRecord[];
    pendingScheduled: StoredScheduledPath[];
    /** Whatever the host keeps beside the records (e.g. its user names). */
    host?: unknown;
}

export interface LoadedOrg {
    /** What the host kept beside the records. */
    host?: unknown;
    /** Pending scheduled paths runnable again. */
    restored: number;
    /** One line per pending path that was not restored, naming it and saying why. */
    notRestored: string[];
}

function encode(value: FieldValue | undefined): Encoded {
    if (value === undefined || value === null) return null;
    if (value instanceof SDate) return { $date: value.toString() };
    if (value instanceof SDatetime) return { $datetime: value.ms };
    if (value instanceof STime) return { $time: value.ms };
    if (value instanceof SObject) return null; // relationships are not stored, only their Id fields
    return value;
}

function decode(value: unknown, where: string): FieldValue {
    if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
        return value;
    if (value && typeof value === 'object') {
        const tagged = value as Record<string, unknown>;
        if (typeof tagged.$date === 'string') return SDate.parse(tagged.$date);
        if (typeof tagged.$datetime === 'number') return new SDatetime(tagged.$datetime);
        if (typeof tagged.$time === 'number') return new STime(tagged.$time);
    }
    throw new Error(`${where}: not a stored field value`);
}

function encodeRecord(record: SObject): StoredRecord {
    const fields: Record<string, Encoded> = {};
    for (const name of record.fieldNames()) {
        const value = record.get(name);
        if (!(value instanceof SObject)) fields[name] = encode(value);
    }
    return { type: record.type, fields };
}

function decodeRecord(org: LocalOrg, row: StoredRecord, where: string): SObject {
    if (!row || typeof row.type !== 'string' || !row.fields || typeof row.fields.Id !== 'string') {
        throw new Error(`${where}: no type or Id`);
    }
    if (!org.metadata.schema.object(row.type)) throw new Error(`${where}: no object ${row.type} in the project`);
    const record = new SObject(row.type);
    for (const [name, value] of Object.entries(row.fields)) record.set(name, decode(value, `${where}.${name}`));
    return record;
}

export function storeToJson(org: LocalOrg, host?: unknown): StoredOrg {
    const snapshot = org.store.snapshot();
    return {
        format: STORE_FORMAT,
        version: STORE_VERSION,
        clock: org.clock.now(),
        issued: snapshot.issued,
        records: snapshot.records.map(encodeRecord),
        pendingScheduled: [...org.pending.values()].map(({ state, dueAt, description }) => ({
            flow: state.flow,
            path: state.path,
            recordId: state.recordId,
            userId: state.userId,
            dueAt,
            prior: state.prior && encodeRecord(state.prior),
            description
        })),
        ...(host === undefined ? {} : { host })
    };
}

interface PendingPath {
    state: ScheduledPathState;
    dueAt: number;
}

/** The pending paths of a version 2 document, decoded; throws on a malformed entry. */
function pendingPaths(org: LocalOrg, stored: StoredOrg): PendingPath[] {
    if (!Array.isArray(stored.pendingScheduled)) throw new Error(`${STORE_FORMAT} document without pendingScheduled`);
    return stored.pendingScheduled.map((row, index) => {
        const where = `pendingScheduled ${index}`;
        const names = [row?.flow, row?.path, row?.recordId, row?.userId];
        if (names.some((name) => typeof name !== 'string') || typeof row.dueAt !== 'number') {
            throw new Error(`${where}: not a scheduled path (flow, path, recordId, userId, dueAt)`);
        }
        const prior = row.prior === null ? null : decodeRecord(org, row.prior, `${where}.prior`);
        const { flow, path, recordId, userId } = row;
        return { state: { flow, path, recordId, userId, prior }, dueAt: row.dueAt };
    });
}

/** Version 1 kept a description of each pending path, not what it needs to run. */
function describedOnly(stored: StoredOrg): string[] {
    const described = (stored.pendingScheduled ?? []) as unknown as { description?: string; dueAt?: number }[];
    return described.map(
        (row) =>
            `${String(row?.description)} (due ${new Date(Number(row?.dueAt)).toISOString()}): ` +
            `a version ${DESCRIPTIONS_ONLY_VERSION} document holds its description only`
    );
}

/** Each pending path made runnable again in a transaction of the user who scheduled it, or a line saying why not. */
function restorePaths(org: LocalOrg, paths: PendingPath[]): string[] {
    const notRestored: string[] = [];
    for (const { state, dueAt } of paths) {
        const user = org.user(state.userId);
        if (!user) {
            const named = `scheduled path ${state.flow}/${state.path} for ${state.recordId}`;
            notRestored.push(
                `${named}: no user ${state.userId} in the org (the path runs as the user who scheduled it)`
            );
            continue;
        }
        const owner = new OrgTransaction(org.metadata, org.store, org.clock, user);
        try {
            adoptScheduled(org, owner, [org.flows.restoreScheduledPath(owner, state, dueAt)]);
        } catch (error) {
            notRestored.push((error as Error).message);
        }
    }
    return notRestored;
}

/**
 * Replaces the org's records and pending scheduled paths with a document's; throws (changing nothing) when the
 * document is not one. Returns what the host kept and the pending paths that could not be restored.
 */
export function storeFromJson(org: LocalOrg, document: unknown): LoadedOrg {
    const stored = document as StoredOrg;
    if (!stored || typeof stored !== 'object' || stored.format !== STORE_FORMAT) {
        throw new Error(`not a ${STORE_FORMAT} document`);
    }
    if (stored.version !== STORE_VERSION && stored.version !== DESCRIPTIONS_ONLY_VERSION) {
        throw new Error(
            `${STORE_FORMAT} version ${String(stored.version)}, this local-org reads versions ` +
                `${DESCRIPTIONS_ONLY_VERSION} and ${STORE_VERSION}`
        );
    }
    if (!Array.isArray(stored.records) || typeof stored.issued !== 'number' || typeof stored.clock !== 'number') {
        throw new Error(`${STORE_FORMAT} document without records, issued and clock`);
    }
    const records = stored.records.map((row, index) => decodeRecord(org, row, `record ${index}`));
    const paths = stored.version === STORE_VERSION ? pendingPaths(org, stored) : [];
    org.store.restore({ issued: stored.issued, records });
    org.pending.clear();
    org.clock.set(stored.clock);
    const admin = org.user(org.admin.username);
    if (admin) org.admin = admin;
    const notRestored = stored.version === STORE_VERSION ? restorePaths(org, paths) : describedOnly(stored);
    return {
        ...(stored.host === undefined ? {} : { host: stored.host }),
        restored: org.pending.size,
        notRestored
    };
}
