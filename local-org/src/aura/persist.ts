// The org's records as a JSON document (a host's state file) and back. Typed values keep their type: a Date is
// {"$date": "YYYY-MM-DD"}, a Datetime {"$datetime": ms}, a Time {"$time": ms}. A document of another format or
// version is refused with a message, never half-loaded. Scheduled paths are closures of the transaction that
// scheduled them: they are written as descriptions only, and a loaded org has none pending.
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime, type FieldValue } from '../core/values.ts';
import type { LocalOrg } from './org.ts';

export const STORE_FORMAT = 'local-org-store';
export const STORE_VERSION = 1;

type Encoded = null | boolean | number | string | { $date: string } | { $datetime: number } | { $time: number };

export interface StoredOrg {
    format: typeof STORE_FORMAT;
    version: number;
    clock: number;
    issued: number;
    records: { type: string; fields: Record<string, Encoded> }[];
    pendingScheduled: { description: string; dueAt: number }[];
    /** Whatever the host keeps beside the records (e.g. its user names). */
    host?: unknown;
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

export function storeToJson(org: LocalOrg, host?: unknown): StoredOrg {
    const snapshot = org.store.snapshot();
    return {
        format: STORE_FORMAT,
        version: STORE_VERSION,
        clock: org.clock.now(),
        issued: snapshot.issued,
        records: snapshot.records.map((record) => {
            const fields: Record<string, Encoded> = {};
            for (const name of record.fieldNames()) {
                const value = record.get(name);
                if (!(value instanceof SObject)) fields[name] = encode(value);
            }
            return { type: record.type, fields };
        }),
        pendingScheduled: [...org.pending.values()].map((work) => ({
            description: work.description,
            dueAt: work.dueAt
        })),
        ...(host === undefined ? {} : { host })
    };
}

/** Replaces the org's records with a document's; throws (changing nothing) when the document is not one. */
export function storeFromJson(org: LocalOrg, document: unknown): StoredOrg {
    const stored = document as StoredOrg;
    if (!stored || typeof stored !== 'object' || stored.format !== STORE_FORMAT) {
        throw new Error(`not a ${STORE_FORMAT} document`);
    }
    if (stored.version !== STORE_VERSION) {
        throw new Error(
            `${STORE_FORMAT} version ${String(stored.version)}, this local-org reads version ${STORE_VERSION}`
        );
    }
    if (!Array.isArray(stored.records) || typeof stored.issued !== 'number' || typeof stored.clock !== 'number') {
        throw new Error(`${STORE_FORMAT} document without records, issued and clock`);
    }
    const records = stored.records.map((row, index) => {
        if (!row || typeof row.type !== 'string' || !row.fields || typeof row.fields.Id !== 'string') {
            throw new Error(`record ${index}: no type or Id`);
        }
        if (!org.metadata.schema.object(row.type))
            throw new Error(`record ${index}: no object ${row.type} in the project`);
        const record = new SObject(row.type);
        for (const [name, value] of Object.entries(row.fields))
            record.set(name, decode(value, `record ${index}.${name}`));
        return record;
    });
    org.store.restore({ issued: stored.issued, records });
    org.pending.clear();
    org.clock.set(stored.clock);
    const admin = org.user(org.admin.username);
    if (admin) org.admin = admin;
    return stored;
}
