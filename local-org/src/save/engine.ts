// The save pipeline: one DML statement through the platform's order of execution, for batches of up to 200 records
// of one object. https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_triggers_order_of_execution.htm
//   load the stored record · apply the new values (+ defaults on insert) · before-save flows · (Apex before
//   triggers: unsupported) · system validation · validation rules · save · after-save flows
// then allOrNone rollback, or with allOrNone=false the documented partial-save retries (up to three attempts, each
// re-running the automation for the records that had no error, governor limits reset to the statement's start):
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dml_bulk_exceptions.htm
import { PlatformException, UnsupportedError, type RecordError } from '../core/errors.ts';
import type { ProjectMetadata } from '../core/metadata.ts';
import type {
    ApexInvoker,
    DmlOperation,
    DmlOptions,
    DmlRecordResult,
    LimitCounters,
    QueryEngine,
    SaveEngine,
    Transaction
} from '../core/runtime.ts';
import type { SObjectDescribe } from '../core/schema.ts';
import { SObject } from '../core/sobject.ts';
import { createFlowRunner, type FlowRunner } from '../flow/index.ts';
import type { AccessModel } from './access.ts';
import { assignAutoNumbers } from './auto-number.ts';
import { applyDefaults, stampSystemFields } from './defaults.ts';
import { systemValidation, validationRules } from './validate.ts';

export interface SaveEngineOptions {
    metadata: ProjectMetadata;
    query: QueryEngine;
    apex: ApexInvoker;
    access: AccessModel;
}

/**
 * Internal saves (lead conversion) may write read-only fields, choose whether automation runs, and belong to a call
 * that counts its own DML statement (counted: false).
 */
export interface SaveControl {
    internal?: boolean;
    automation?: boolean;
    counted?: boolean;
}

const BATCH = 200;
const MAX_DEPTH = 16;

export class LocalSaveEngine implements SaveEngine {
    readonly access: AccessModel;
    readonly flows: FlowRunner;
    private depth = 0;

    constructor(options: SaveEngineOptions) {
        this.access = options.access;
        this.flows = createFlowRunner({
            save: this,
            apex: options.apex,
            hasCustomPermission: (user, name) => options.access.hasCustomPermission(user, name)
        });
    }

    dml(transaction: Transaction, operation: DmlOperation, records: SObject[], options: DmlOptions): DmlRecordResult[] {
        return this.statement(transaction, operation, records, options, {});
    }

    statement(
        transaction: Transaction,
        operation: DmlOperation,
        records: SObject[],
        options: DmlOptions,
        control: SaveControl
    ): DmlRecordResult[] {
        if (operation === 'undelete') throw new UnsupportedError('undelete (no recycle bin is emulated)');
        if (this.depth >= MAX_DEPTH) {
            throw new PlatformException('DmlException', 'maximum trigger depth exceeded');
        }
        const limitsAtStart = { ...transaction.limits };
        const eventsAtStart = transaction.publishedEvents.length;
        const savepoint = transaction.store.savepoint();
        let pending = records.map((_, index) => index);
        const results: DmlRecordResult[] = records.map(() => ({ id: null, success: false, errors: [] }));
        this.depth++;
        try {
            for (let attempt = 1; ; attempt++) {
                if (attempt > 1) {
                    transaction.store.rollback(savepoint);
                    transaction.publishedEvents.length = eventsAtStart;
                    Object.assign(transaction.limits as LimitCounters, limitsAtStart);
                }
                if (control.counted !== false) countStatement(transaction, pending.length);
                const attemptResults = this.run(
                    transaction,
                    operation,
                    pending.map((index) => records[index]),
                    options,
                    control
                );
                pending.forEach((index, position) => (results[index] = attemptResults[position]));
                const failed = attemptResults.some((result) => !result.success);
                if (!failed) break;
                if (options.allOrNone) {
                    transaction.store.rollback(savepoint);
                    transaction.publishedEvents.length = eventsAtStart;
                    for (const result of results) {
                        result.success = false;
                        result.id = operation === 'insert' ? null : result.id;
                    }
                    break;
                }
                pending = pending.filter((_, position) => attemptResults[position].success);
                if (pending.length === 0) {
                    // Every record failed (some perhaps after they were saved, in an after-save flow): undo them all.
                    transaction.store.rollback(savepoint);
                    transaction.publishedEvents.length = eventsAtStart;
                    break;
                }
                if (attempt === 3) {
                    transaction.store.rollback(savepoint);
                    throw new PlatformException(
                        'DmlException',
                        'Too many batch retries in the presence of Apex triggers and partial failures.'
                    );
                }
            }
        } finally {
            this.depth--;
        }
        results.forEach((result, index) => {
            if (operation === 'insert' || operation === 'upsert') {
                if (result.success && result.id) records[index].set('Id', result.id);
                else if (operation === 'insert') records[index].unset('Id');
            }
        });
        return results;
    }

    private run(
        transaction: Transaction,
        operation: DmlOperation,
        records: SObject[],
        options: DmlOptions,
        control: SaveControl
    ): DmlRecordResult[] {
        const results: DmlRecordResult[] = [];
        for (let start = 0; start < records.length;) {
            const type = records[start].type.toLowerCase();
            let end = start + 1;
            while (end < records.length && end - start < BATCH && records[end].type.toLowerCase() === type) end++;
            const chunk = records.slice(start, end);
            if (operation === 'delete') results.push(...this.remove(transaction, chunk, options));
            else results.push(...this.save(transaction, operation, chunk, options, control));
            start = end;
        }
        return results;
    }

    private describe(transaction: Transaction, record: SObject): SObjectDescribe {
        const describe = transaction.metadata.schema.object(record.type);
        if (!describe) throw new UnsupportedError(`DML on ${record.type} (not in the schema)`);
        const trigger = transaction.metadata.apexTriggers.find((source) =>
            new RegExp(`\\btrigger\\s+\\w+\\s+on\\s+${describe.name}\\b`, 'i').test(source.text)
        );
        if (trigger) throw new UnsupportedError(`Apex trigger ${trigger.name}`, { file: trigger.file });
        return describe;
    }

    private save(
        transaction: Transaction,
        operation: DmlOperation,
        records: SObject[],
        options: DmlOptions,
        control: SaveControl
    ): DmlRecordResult[] {
        const describe = this.describe(transaction, records[0]);
        const user = transaction.user;
        const automation = control.automation ?? true;
        const entries = records.map((input) => {
            const isInsert = operation === 'insert' || (operation === 'upsert' && !input.id);
            const errors: RecordError[] = [];
            const prior = isInsert ? null : input.id ? (transaction.store.get(input.id) ?? null) : null;
            if (isInsert && input.id) {
                errors.push(failure('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']));
            } else if (!isInsert && !input.id) {
                errors.push(failure('MISSING_ARGUMENT', 'Id not specified in an update call', []));
            } else if (!isInsert && (!prior || prior.type.toLowerCase() !== describe.name.toLowerCase())) {
                errors.push(failure('ENTITY_IS_DELETED', 'entity is deleted', []));
            }
            if (options.accessMode === 'user' && errors.length === 0) {
                const allowed = isInsert
                    ? this.access.canCreate(user, describe.name)
                    : this.access.canEdit(user, describe.name);
                const shared = isInsert || !prior || (this.access.canEditRecord?.(user, prior) ?? true);
                if (!allowed || !shared) {
                    errors.push(
                        failure('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', [])
                    );
                }
            }
            const working = isInsert ? new SObject(describe.name) : (prior?.clone(true) ?? new SObject(describe.name));
            const refused: string[] = [];
            for (const name of input.fieldNames()) {
                const value = input.get(name) ?? null;
                if (value instanceof SObject) continue;
                if (name.toLowerCase() === 'id') continue;
                const field = describe.fields.get(name.toLowerCase());
                if (!field) throw new UnsupportedError(`field ${describe.name}.${name} (not in the schema)`);
                const writable = isInsert ? field.createable : field.updateable;
                const unchanged = !isInsert && sameValue(prior?.get(name) ?? null, value);
                if (!control.internal && !writable && !unchanged) refused.push(field.name);
                else if (
                    options.accessMode === 'user' &&
                    !control.internal &&
                    !unchanged &&
                    !this.access.canEditField(user, describe.name, field.name)
                ) {
                    refused.push(field.name);
                }
                working.set(field.name, value === '' ? null : value);
            }
            if (refused.length > 0) {
                errors.push(
                    failure(
                        'INVALID_FIELD_FOR_INSERT_UPDATE',
                        `Unable to create/update fields: ${refused.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                        refused
                    )
                );
            }
            if (!control.internal && prior?.get('IsConverted') === true && describe.name === 'Lead') {
                errors.push(failure('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', []));
            }
            if (isInsert) applyDefaults(transaction, describe, working);
            if (prior) working.set('Id', prior.id);
            return { working, prior, isInsert, errors };
        });
        const live = (): typeof entries => entries.filter((entry) => entry.errors.length === 0);
        if (automation) {
            const before = live();
            const flowErrors = this.flows.runBeforeSave(
                transaction,
                describe.name,
                before.map((entry) => ({ record: entry.working, prior: entry.prior }))
            );
            before.forEach((entry, index) => entry.errors.push(...flowErrors[index]));
        }
        for (const entry of live()) {
            entry.errors.push(...systemValidation(transaction, describe, entry.working, entry.prior));
            if (automation && entry.errors.length === 0) {
                entry.errors.push(...validationRules(transaction, describe, entry.working, entry.prior, this.access));
            }
        }
        const saved = live();
        assignAutoNumbers(
            transaction,
            describe,
            saved.filter((entry) => entry.isInsert).map((entry) => entry.working)
        );
        for (const entry of saved) {
            if (entry.isInsert) entry.working.set('Id', transaction.store.newId(describe.name));
            stampSystemFields(transaction, describe, entry.working, entry.isInsert);
            transaction.store.put(entry.working);
        }
        if (automation && saved.length > 0) {
            const flowErrors = this.flows.runAfterSave(
                transaction,
                describe.name,
                saved.map((entry) => ({ record: entry.working.clone(true), prior: entry.prior }))
            );
            saved.forEach((entry, index) => entry.errors.push(...flowErrors[index]));
        }
        return entries.map((entry) => ({
            id: entry.errors.length === 0 ? entry.working.id : entry.isInsert ? null : (entry.prior?.id ?? null),
            success: entry.errors.length === 0,
            errors: entry.errors
        }));
    }

    private remove(transaction: Transaction, records: SObject[], options: DmlOptions): DmlRecordResult[] {
        const describe = this.describe(transaction, records[0]);
        const deleteFlow = transaction.metadata.flows.find((flow) =>
            new RegExp(
                `<recordTriggerType>Delete</recordTriggerType>[\\s\\S]*<object>${describe.name}</object>|<object>${describe.name}</object>[\\s\\S]*<recordTriggerType>Delete</recordTriggerType>`
            ).test(flow.xml)
        );
        if (deleteFlow) throw new UnsupportedError('a record-triggered flow on delete', { file: deleteFlow.file });
        return records.map((record) => {
            const stored = record.id ? transaction.store.get(record.id) : undefined;
            if (!stored)
                return {
                    id: record.id,
                    success: false,
                    errors: [failure('ENTITY_IS_DELETED', 'entity is deleted', [])]
                };
            const user = transaction.user;
            const denied =
                !this.access.canDelete(user, describe.name) || !(this.access.canEditRecord?.(user, stored) ?? true);
            if (options.accessMode === 'user' && denied) {
                return {
                    id: record.id,
                    success: false,
                    errors: [failure('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id', [])]
                };
            }
            transaction.store.remove(stored.id!);
            return { id: stored.id, success: true, errors: [] };
        });
    }
}

function failure(statusCode: string, message: string, fields: string[]): RecordError {
    return { statusCode, message, fields };
}

function sameValue(left: unknown, right: unknown): boolean {
    if (left === right) return true;
    if (left && typeof (left as { equals?: unknown }).equals === 'function')
        return (left as { equals(o: unknown): boolean }).equals(right);
    return false;
}

/** One DML statement and its rows; the platform's limits are 150 statements and 10,000 rows per transaction. */
export function countStatement(transaction: Transaction, rows: number): void {
    const limits = transaction.limits as LimitCounters;
    limits.dmlStatements++;
    limits.dmlRows += rows;
    if (limits.dmlStatements > 150)
        throw new PlatformException('LimitException', `Too many DML statements: ${limits.dmlStatements}`);
    if (limits.dmlRows > 10_000) throw new PlatformException('LimitException', `Too many DML rows: ${limits.dmlRows}`);
}
