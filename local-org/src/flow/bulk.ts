// Elements that touch data, run once for all interviews of a batch waiting at them (src/flow/run.ts).
// Get Records reads the store (custom metadata from the project's records) in system context, as record-triggered
// flows run; Create/Update Records go through the SaveEngine (the full order of execution for those records).
import { PlatformException, UnsupportedError, type RecordError } from '../core/errors.ts';
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import type { Transaction } from '../core/runtime.ts';
import { combine, compare, equal } from './conditions.ts';
import type { FlowData, Interview } from './interview.ts';
import { child, children, filtersOf, text, valueOf, type FlowElement, type FlowFilter } from './model.ts';

/** Only real platform faults take fault connectors; an emulator gap (UnsupportedError) or bug propagates. */
export function isPlatformFault(error: unknown): boolean {
    if (error instanceof UnsupportedError) return false;
    // A governor limit cannot be handled, in Apex or by a fault path: the transaction fails.
    if (error instanceof PlatformException) return error.exceptionType !== 'LimitException';
    // An uncaught Apex exception from an invocable method (src/apex's ApexThrown carries the exception object).
    if (!(error instanceof Error)) return false;
    const marked = error as Error & { isApexException?: boolean; exception?: { cls?: unknown } };
    return (
        marked.isApexException === true ||
        (error.constructor.name === 'ApexThrown' && marked.exception?.cls !== undefined)
    );
}

export function runBulk(element: FlowElement, interviews: Interview[]): void {
    switch (element.kind) {
        case 'recordLookups':
            return lookup(element, interviews);
        case 'recordCreates':
            return create(element, interviews);
        case 'recordUpdates':
            return update(element, interviews);
        case 'actionCalls':
            return action(element, interviews);
        default:
            throw new UnsupportedError(`flow element ${element.kind} (${element.name})`, element.position);
    }
}

function countQuery(transaction: Transaction, rows: number): void {
    transaction.limits.queries++;
    transaction.limits.queryRows += rows;
    if (transaction.limits.queries > 100) {
        throw new PlatformException('LimitException', 'Too many SOQL queries: ' + transaction.limits.queries);
    }
}

function candidates(transaction: Transaction, objectName: string): SObject[] {
    if (objectName.toLowerCase().endsWith('__mdt')) {
        return (transaction.metadata.customMetadata.get(objectName.toLowerCase()) ?? []).map((record) =>
            record.clone()
        );
    }
    return transaction.store.all(objectName);
}

function matches(
    interview: Interview,
    record: SObject,
    filters: FlowFilter[],
    logic: string | undefined,
    element: FlowElement
): boolean {
    const results = filters.map((filter) => () => {
        const right = interview.literal(filter.value);
        return compare(record.get(filter.field) ?? null, filter.operator, right, {
            ignoreCase: true,
            position: element.position
        });
    });
    return combine(logic, results, element.position);
}

function lookup(element: FlowElement, interviews: Interview[]): void {
    const node = element.node;
    const objectName = text(node, 'object') ?? '';
    const filters = filtersOf(node);
    const logic = text(node, 'filterLogic');
    const firstOnly = text(node, 'getFirstRecordOnly') === 'true';
    const sortField = text(node, 'sortField');
    const descending = text(node, 'sortOrder') === 'Desc';
    const transaction = interviews[0].transaction;
    const all = candidates(transaction, objectName);
    let rows = 0;
    const results = interviews.map((interview) => {
        let found = all.filter((record) => matches(interview, record, filters, logic, element));
        if (sortField) found = sortBy(found, sortField, descending);
        if (firstOnly) found = found.slice(0, 1);
        rows += found.length;
        return found;
    });
    countQuery(transaction, rows);
    interviews.forEach((interview, index) => {
        const found = results[index];
        const value: FlowData = firstOnly ? (found[0] ?? null) : found;
        if (text(node, 'storeOutputAutomatically') === 'true') interview.setValue(element.name, value);
        const outputReference = text(node, 'outputReference');
        if (outputReference) interview.set(outputReference, value);
        const assignments = children(node, 'outputAssignments');
        const assignNulls = text(node, 'assignNullValuesIfNoRecordsFound') === 'true';
        for (const assignment of assignments) {
            if (!found[0] && !assignNulls) continue;
            interview.set(
                text(assignment, 'assignToReference') ?? '',
                found[0]?.get(text(assignment, 'field') ?? '') ?? null
            );
        }
    });
}

function sortBy(records: SObject[], field: string, descending: boolean): SObject[] {
    const sorted = [...records].sort((a, b) => {
        const x = a.get(field) ?? null;
        const y = b.get(field) ?? null;
        if (equal(x, y, false)) return 0;
        if (x === null) return 1;
        if (y === null) return -1;
        return compare(x, 'LessThan', y, { ignoreCase: true }) ? -1 : 1;
    });
    return descending ? sorted.reverse() : sorted;
}

function fieldsFrom(interview: Interview, node: FlowElement['node']): [string, FlowData][] {
    return children(node, 'inputAssignments').map((assignment) => {
        const value = interview.literal(valueOf(child(assignment, 'value')));
        return [text(assignment, 'field') ?? '', value === '' ? null : value];
    });
}

function recordValue(value: FlowData, element: FlowElement): SObject {
    if (value instanceof SObject) return value;
    throw new UnsupportedError(`a record collection or non-record input in ${element.name}`, element.position);
}

function faultText(verb: string, errors: RecordError[]): string {
    const first = errors[0];
    return (
        `This error occurred when the flow tried to ${verb} records: ${first?.statusCode}: ${first?.message}. ` +
        'You can look up ExceptionCode values in the SOAP API Developer Guide.'
    );
}

function create(element: FlowElement, interviews: Interview[]): void {
    const node = element.node;
    if (interviews[0].phase === 'before') {
        throw new UnsupportedError(`Create Records in a before-save flow (${element.name})`, element.position);
    }
    const objectName = text(node, 'object');
    const records = interviews.map((interview) => {
        const reference = text(node, 'inputReference');
        if (reference) return recordValue(interview.get(reference).value, element).clone();
        const record = new SObject(objectName ?? '');
        for (const [field, value] of fieldsFrom(interview, node)) {
            if (Array.isArray(value)) throw new UnsupportedError(`a collection assigned to ${field}`, element.position);
            record.set(field, value ?? null);
        }
        return record;
    });
    const transaction = interviews[0].transaction;
    const describe = transaction.metadata.schema.object(records[0].type);
    if (describe?.kind === 'platformEvent' || records[0].type.toLowerCase().endsWith('__e')) {
        // Publish-after-commit events: kept on the transaction (the save engine removes those of a rolled-back
        // statement); publishing counts as a DML statement.
        transaction.limits.dmlStatements++;
        transaction.limits.dmlRows += records.length;
        for (const record of records) {
            transaction.publishedEvents.push({
                type: record.type,
                fields: record.toRecord(),
                publishedAt: transaction.now()
            });
        }
        return;
    }
    const results = interviews[0].services.save.dml(transaction, 'insert', records, {
        allOrNone: false,
        accessMode: 'system'
    });
    interviews.forEach((interview, index) => {
        const result = results[index];
        if (!result.success) {
            interview.fault = faultText('create', result.errors);
            return;
        }
        if (text(node, 'storeOutputAutomatically') === 'true') interview.setValue(element.name, result.id);
        const idReference = text(node, 'assignRecordIdToReference');
        if (idReference) interview.set(idReference, result.id);
    });
}

function update(element: FlowElement, interviews: Interview[]): void {
    const node = element.node;
    const reference = text(node, 'inputReference');
    const transaction = interviews[0].transaction;
    if (interviews[0].phase === 'before') {
        for (const interview of interviews) {
            if (reference && reference.toLowerCase() !== '$record') {
                throw new UnsupportedError(`Update Records of another record in a before-save flow`, element.position);
            }
            if (children(node, 'filters').length > 0) {
                throw new UnsupportedError(`Update Records by filter in a before-save flow`, element.position);
            }
            for (const [field, value] of fieldsFrom(interview, node)) interview.set(`$Record.${field}`, value);
        }
        return;
    }
    const wanted = new Map<string, { record: SObject; interviews: Interview[] }>();
    const add = (record: SObject, interview: Interview): void => {
        const key = record.id!.substring(0, 15);
        const entry = wanted.get(key) ?? { record: new SObject(record.type, { Id: record.id }), interviews: [] };
        for (const name of record.fieldNames()) entry.record.set(name, record.get(name) ?? null);
        entry.interviews.push(interview);
        wanted.set(key, entry);
    };
    if (reference) {
        for (const interview of interviews) {
            const record = recordValue(interview.get(reference).value, element);
            if (!record.id) throw new UnsupportedError(`Update Records of a record without Id`, element.position);
            add(changedFields(transaction, record), interview);
        }
    } else {
        const objectName = text(node, 'object') ?? '';
        const filters = filtersOf(node);
        const logic = text(node, 'filterLogic');
        const all = transaction.store.all(objectName);
        let rows = 0;
        for (const interview of interviews) {
            const values = fieldsFrom(interview, node);
            for (const record of all.filter((r) => matches(interview, r, filters, logic, element))) {
                rows++;
                const change = new SObject(record.type, { Id: record.id });
                for (const [field, value] of values) {
                    if (Array.isArray(value))
                        throw new UnsupportedError(`a collection assigned to ${field}`, element.position);
                    change.set(field, value ?? null);
                }
                add(change, interview);
            }
        }
        countQuery(transaction, rows);
    }
    if (wanted.size === 0) return;
    const entries = [...wanted.values()];
    const results = interviews[0].services.save.dml(
        transaction,
        'update',
        entries.map((entry) => entry.record),
        { allOrNone: false, accessMode: 'system' }
    );
    entries.forEach((entry, index) => {
        if (results[index].success) return;
        for (const interview of entry.interviews) interview.fault = faultText('update', results[index].errors);
    });
}

/** A record variable's fields that differ from the stored record (what the update changes), with its Id. */
function changedFields(transaction: Transaction, record: SObject): SObject {
    const stored = transaction.store.get(record.id!);
    const change = new SObject(record.type, { Id: record.id });
    for (const name of record.fieldNames()) {
        const value = record.get(name) ?? null;
        if (value instanceof SObject) continue;
        if (!stored || !equal(stored.get(name) ?? null, value, false)) change.set(name, value);
    }
    return change;
}

function inputsOf(interview: Interview, node: FlowElement['node']): Record<string, FlowData> {
    const inputs: Record<string, FlowData> = {};
    for (const parameter of children(node, 'inputParameters')) {
        inputs[text(parameter, 'name') ?? ''] = interview.literal(valueOf(child(parameter, 'value')));
    }
    return inputs;
}

/** The type of the record that holds an Apex action's outputs stored automatically (not an object of the schema). */
const APEX_ACTION_OUTPUT = 'ApexActionOutput';

function action(element: FlowElement, interviews: Interview[]): void {
    const node = element.node;
    const type = text(node, 'actionType');
    const transaction = interviews[0].transaction;
    if (type === 'apex') {
        if (interviews[0].phase === 'before') {
            throw new UnsupportedError(`an Apex action in a before-save flow (${element.name})`, element.position);
        }
        const inputs = interviews.map((interview) => inputsOf(interview, node) as Record<string, unknown>);
        let outputs: Record<string, unknown>[];
        try {
            outputs = interviews[0].services.apex.invokeInvocable(transaction, text(node, 'actionName') ?? '', inputs);
        } catch (error) {
            if (!isPlatformFault(error)) throw error;
            for (const interview of interviews) interview.fault = (error as Error).message;
            return;
        }
        const storeAutomatically = text(node, 'storeOutputAutomatically') === 'true';
        interviews.forEach((interview, index) => {
            for (const output of children(node, 'outputParameters')) {
                const value = outputs[index]?.[text(output, 'name') ?? ''];
                interview.set(text(output, 'assignToReference') ?? '', (value ?? null) as FlowData);
            }
            // "Store output values automatically": {!Element.output} reads the action's result (ledger: flow actions).
            if (storeAutomatically) {
                interview.setValue(
                    element.name,
                    new SObject(APEX_ACTION_OUTPUT, (outputs[index] ?? {}) as Record<string, FieldValue>)
                );
            }
        });
        return;
    }
    if (type === 'customNotificationAction') {
        for (const interview of interviews) {
            const inputs = inputsOf(interview, node);
            const recipients = inputs.recipientIds;
            transaction.limits.customNotifications++;
            transaction.notifications.push({
                notificationType: String(inputs.customNotifTypeId ?? ''),
                title: String(inputs.title ?? ''),
                body: String(inputs.body ?? ''),
                targetId: typeof inputs.targetId === 'string' ? inputs.targetId : null,
                recipientIds: (Array.isArray(recipients) ? recipients : [recipients]).filter(
                    (id): id is string => typeof id === 'string'
                ),
                sentAt: transaction.now()
            });
        }
        return;
    }
    throw new UnsupportedError(`flow action type ${type} (${element.name})`, element.position);
}
