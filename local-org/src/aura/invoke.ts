// Calling the org as a Lightning page does: an @AuraEnabled method (`invokeAura`), a Lightning Data Service record
// update (`saveRecord`), and the scheduled paths whose time the clock has passed (`runDue`). Each runs as the user in
// a transaction of its own with fresh limits; an uncaught exception rolls every change back; platform events
// published by a committed transaction are delivered to the org's subscribers.
// Sources: https://developer.salesforce.com/docs/platform/lwc/guide/apex-error-handling.html (an AuraHandledException
//          reaches the component with its message; any other uncaught exception is thrown to the client with its
//          message, type and stack trace)
//          https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_transaction_control.htm
//          https://developer.salesforce.com/docs/platform/lwc/guide/reference-update-record.html
import { PlatformException, UnsupportedError } from '../core/errors.ts';
import type { LimitCounters, PublishedEvent, ScheduledWork, Transaction, UserContext } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, type FieldValue } from '../core/values.ts';
import { emptyLimits, OrgTransaction } from '../platform/transaction.ts';
import { ApexThrown, AssertionFailure } from '../apex/exceptions.ts';
import type { Interpreter } from '../apex/interpreter.ts';
import { hasAnnotation } from '../apex/lower-types.ts';

import type { LocalOrg } from './org.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface AuraErrorBody {
    message: string;
    exceptionType: string;
    isUserDefinedException: boolean;
    stackTrace: string | null;
}

export type AuraResult =
    | { ok: true; value: Json; limits: LimitCounters; events: PublishedEvent[] }
    | { ok: false; status: number; body: AuraErrorBody; limits: LimitCounters; unsupported?: boolean };

class RecordErrors extends Error {
    constructor(readonly errors: { statusCode: string; message: string; fields: string[] }[]) {
        super(errors.map((item) => item.message).join(' '));
    }
}

/** The transaction that scheduled each pending work (the work's closures belong to it). */
const owners = new WeakMap<ScheduledWork, Transaction>();

/** Keeps work `tx` scheduled (or a loaded store restored) pending in the org; a later work of the same key replaces it. */
export function adoptScheduled(org: LocalOrg, tx: Transaction, work: ScheduledWork[]): void {
    for (const item of work) {
        owners.set(item, tx);
        org.pending.set(item.key, item);
    }
}

function errorBody(ip: Interpreter | null, error: unknown): { body: AuraErrorBody; unsupported?: boolean } {
    const problem = ip ? ip.asApex(error) : error;
    if (problem instanceof ApexThrown) {
        const exception = problem.exception;
        const standard = exception.cls.standard;
        return {
            body: {
                message: exception.exception?.message ?? '',
                exceptionType: standard ? `System.${exception.cls.name}` : exception.cls.name,
                isUserDefinedException: !standard,
                stackTrace: exception.exception?.stack ?? null
            }
        };
    }
    if (problem instanceof AssertionFailure) {
        return {
            body: {
                message: problem.message,
                exceptionType: 'System.AssertException',
                isUserDefinedException: false,
                stackTrace: problem.stack
            }
        };
    }
    if (problem instanceof PlatformException) {
        const body = { message: problem.message, isUserDefinedException: false, stackTrace: null };
        return { body: { ...body, exceptionType: `System.${problem.exceptionType}` } };
    }
    if (problem instanceof UnsupportedError || problem instanceof TypeError) {
        const message = `local-org cannot run this call: ${problem.message}`;
        const body = { message, exceptionType: 'local-org.Unsupported', isUserDefinedException: false };
        return { body: { ...body, stackTrace: null }, unsupported: true };
    }
    throw error;
}

/** Runs `work` as `user` in a new transaction; commits on success, rolls back on an exception. */
function transact<T>(
    org: LocalOrg,
    user: UserContext,
    work: (tx: OrgTransaction, ip: Interpreter) => T
): { ok: true; value: T; tx: OrgTransaction } | { ok: false; error: unknown; tx: OrgTransaction; ip: Interpreter } {
    const tx = new OrgTransaction(org.metadata, org.store, org.clock, user);
    const ip = org.apex.interpreter(tx);
    const savepoint = org.store.savepoint();
    org.current = tx;
    try {
        const value = work(tx, ip);
        org.store.releaseSavepoints();
        adoptScheduled(org, tx, tx.scheduled);
        org.deliver(tx.publishedEvents);
        org.deliverNotifications(tx.notifications);
        return { ok: true, value, tx };
    } catch (error) {
        org.store.rollback(savepoint);
        org.store.releaseSavepoints();
        return { ok: false, error, tx, ip };
    } finally {
        org.current = null;
    }
}

/** Calls `Class.method` (static, @AuraEnabled) with the component's JSON parameters, as the user. */
export function invokeAura(
    org: LocalOrg,
    user: UserContext,
    className: string,
    methodName: string,
    params: Record<string, unknown>
): AuraResult {
    const cls = org.apex.classes.resolve(className, null);
    const method = cls
        ?.findMethods(methodName)
        .find((m) => hasAnnotation(m.modifiers, 'auraenabled') && m.modifiers.keywords.has('static'));
    if (!cls || !method) {
        const message = `No @AuraEnabled static method ${className}.${methodName}.`;
        const body = { message, exceptionType: '', isUserDefinedException: false, stackTrace: null };
        return { ok: false, status: 404, body, limits: emptyLimits() };
    }
    // The interpreter's own Aura conversion: JSON parameters to the declared types, the result to JSON.
    const outcome = transact(
        org,
        user,
        (tx) => org.apex.callAuraEnabled(tx, cls.name, method.name, params ?? {}) as Json
    );
    if (outcome.ok) {
        return { ok: true, value: outcome.value, limits: { ...outcome.tx.limits }, events: outcome.tx.publishedEvents };
    }
    const limits = { ...outcome.tx.limits };
    return { ok: false, status: 500, ...errorBody(outcome.ip, outcome.error), limits };
}

export interface RecordInput {
    apiName?: string;
    fields: Record<string, unknown>;
}

export type SaveResult =
    | { ok: true; id: string; limits: LimitCounters }
    | {
          ok: false;
          status: number;
          body: { message: string; output: { errors: { errorCode: string; message: string }[]; fieldErrors: object } };
      };

/** updateRecord of lightning/uiRecordApi: one record updated through the order of execution, in user mode. */
export function saveRecord(org: LocalOrg, user: UserContext, input: RecordInput): SaveResult {
    const id = String(input.fields?.Id ?? '');
    const existing = id ? org.store.get(id) : undefined;
    if (!existing) {
        const message = `The requested resource does not exist: ${id || 'no Id'}`;
        return { ok: false, status: 404, body: { message, output: { errors: [], fieldErrors: {} } } };
    }
    const describe = org.metadata.schema.object(existing.type)!;
    const record = new SObject(describe.name, { Id: existing.id });
    for (const [name, value] of Object.entries(input.fields)) {
        if (name.toLowerCase() === 'id') continue;
        const field = describe.fields.get(name.toLowerCase());
        let converted = value as FieldValue;
        if (value !== null && field?.type === 'date') converted = SDate.parse(String(value).slice(0, 10));
        if (value !== null && field?.type === 'datetime') converted = SDatetime.parse(String(value));
        record.set(field?.name ?? name, converted);
    }
    const saveEngine = org.engines.saveEngine!;
    const outcome = transact(org, user, (tx) => {
        const [result] = saveEngine.dml(tx, 'update', [record], { allOrNone: true, accessMode: 'user' });
        if (!result.success) throw new RecordErrors(result.errors);
        return result.id!;
    });
    if (outcome.ok) return { ok: true, id: outcome.value, limits: { ...outcome.tx.limits } };
    const error = outcome.error;
    const errors =
        error instanceof RecordErrors
            ? error.errors
            : error instanceof PlatformException
              ? (error.dml?.flatMap((row) => row.errors) ?? [
                    { statusCode: error.exceptionType, message: error.message, fields: [] }
                ])
              : null;
    if (!errors) throw error;
    const fieldErrors: Record<string, { errorCode: string; message: string }[]> = {};
    for (const item of errors) {
        for (const field of item.fields)
            (fieldErrors[field] ??= []).push({ errorCode: item.statusCode, message: item.message });
    }
    const top = errors.filter((item) => item.fields.length === 0);
    return {
        ok: false,
        status: 400,
        body: {
            message: errors.map((item) => item.message).join(' '),
            output: { errors: top.map((item) => ({ errorCode: item.statusCode, message: item.message })), fieldErrors }
        }
    };
}

export interface DueRun {
    description: string;
    dueAt: number;
    error?: string;
}

/**
 * Runs, in time order, every scheduled path due by `until`, each at its due time in a transaction of its own (the
 * work re-reads its record and runs only if it still meets the entry conditions), then sets the clock to `until`.
 */
export function runDue(org: LocalOrg, until: number): DueRun[] {
    const runs: DueRun[] = [];
    for (;;) {
        let next: [string, ScheduledWork] | null = null;
        for (const entry of org.pending)
            if (entry[1].dueAt <= until && (!next || entry[1].dueAt < next[1].dueAt)) next = entry;
        if (!next) break;
        const [key, work] = next;
        org.pending.delete(key);
        const owner = owners.get(work);
        if (!owner) continue;
        if (work.dueAt > org.clock.now()) org.clock.set(work.dueAt);
        // The work belongs to the transaction that scheduled it; it runs as a new one: fresh limits, and what it
        // publishes or schedules is taken from that transaction's lists afterwards.
        Object.assign(owner.limits, emptyLimits());
        const events = owner.publishedEvents.length;
        const notifications = owner.notifications.length;
        const before = new Set(owner.scheduled);
        const savepoint = org.store.savepoint();
        org.current = owner;
        try {
            work.run();
            org.store.releaseSavepoints();
            adoptScheduled(
                org,
                owner,
                owner.scheduled.filter((item) => !before.has(item))
            );
            org.deliver(owner.publishedEvents.slice(events));
            org.deliverNotifications(owner.notifications.slice(notifications));
            runs.push({ description: work.description, dueAt: work.dueAt });
        } catch (error) {
            org.store.rollback(savepoint);
            org.store.releaseSavepoints();
            owner.notifications.splice(notifications);
            const message = error instanceof Error ? error.message : String(error);
            runs.push({ description: work.description, dueAt: work.dueAt, error: message });
        } finally {
            org.current = null;
        }
    }
    if (until > org.clock.now()) org.clock.set(until);
    return runs;
}

export interface InsertOutcome {
    ids: (string | null)[];
    errors: string[][];
    limits: LimitCounters;
}

function recordFrom(org: LocalOrg, objectName: string, fields: Record<string, unknown>): SObject {
    const describe = org.metadata.schema.object(objectName);
    if (!describe) throw new Error(`No object ${objectName} in the project`);
    const record = new SObject(describe.name);
    for (const [name, value] of Object.entries(fields)) {
        const field = describe.fields.get(name.toLowerCase());
        let converted = value as FieldValue;
        if (value !== null && field?.type === 'date') converted = SDate.parse(String(value).slice(0, 10));
        if (value !== null && field?.type === 'datetime') converted = SDatetime.parse(String(value));
        record.set(field?.name ?? name, converted);
    }
    return record;
}

/**
 * Inserts rows as the user (a data load: `sf data tree import`) in one DML statement with allOrNone=false, through
 * the order of execution: each row that fails reports its errors and the others are saved.
 */
export function insertRecords(
    org: LocalOrg,
    user: UserContext,
    objectName: string,
    rows: Record<string, unknown>[],
    accessMode: 'user' | 'system' = 'user'
): InsertOutcome {
    const records = rows.map((row) => recordFrom(org, objectName, row));
    const saveEngine = org.engines.saveEngine!;
    const outcome = transact(org, user, (tx) =>
        saveEngine.dml(tx, 'insert', records, { allOrNone: false, accessMode })
    );
    if (!outcome.ok) throw outcome.error;
    return {
        ids: outcome.value.map((result) => (result.success ? result.id : null)),
        errors: outcome.value.map((result) => result.errors.map((error) => error.message)),
        limits: { ...outcome.tx.limits }
    };
}
