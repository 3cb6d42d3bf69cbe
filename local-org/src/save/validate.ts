// System validation and validation rules of one record being saved. Order of execution, steps "system validation"
// (Apex/API requests: foreign keys, field formats, maximum field lengths, restricted picklists; required fields and
// the rest of system validation again after before triggers) and "custom validation rules":
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_triggers_order_of_execution.htm
// Status codes: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode
import type { RecordError } from '../core/errors.ts';
import { toId18 } from '../core/ids.ts';
import type { Transaction } from '../core/runtime.ts';
import type { FieldDescribe, SObjectDescribe } from '../core/schema.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime } from '../core/values.ts';
import { evaluateFormula } from '../formula/index.ts';
import type { AccessModel } from './access.ts';

const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'combobox', 'encryptedstring']);

function error(statusCode: string, message: string, fields: string[] = []): RecordError {
    return { statusCode, message, fields };
}

/** Field values of the wrong type for the field (an Apex interpreter or flow passing a wrong value). */
function typeError(field: FieldDescribe, value: unknown): RecordError | null {
    if (value === null || value === undefined) return null;
    const wrong = (): RecordError =>
        error('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${String(value)}`, [
            field.name
        ]);
    switch (field.type) {
        case 'boolean':
            return typeof value === 'boolean' ? null : wrong();
        case 'int':
        case 'double':
        case 'currency':
        case 'percent':
            return typeof value === 'number' ? null : wrong();
        case 'date':
            return value instanceof SDate ? null : wrong();
        case 'datetime':
            return value instanceof SDatetime ? null : wrong();
        case 'time':
            return value instanceof STime ? null : wrong();
        default:
            return typeof value === 'string' ? null : wrong();
    }
}

export function systemValidation(
    transaction: Transaction,
    describe: SObjectDescribe,
    record: SObject,
    prior: SObject | null = null
): RecordError[] {
    const errors: RecordError[] = [];
    const missing: string[] = [];
    for (const field of describe.fields.values()) {
        const value = record.get(field.name) ?? null;
        if (field.required && field.type !== 'boolean' && (value === null || value === '') && field.name !== 'Id') {
            missing.push(field.name);
            continue;
        }
        if (value === null || value instanceof SObject) continue;
        const wrongType = typeError(field, value);
        if (wrongType) {
            errors.push(wrongType);
            continue;
        }
        if (TEXT_TYPES.has(field.type) && field.length && String(value).length > field.length) {
            errors.push(
                error(
                    'STRING_TOO_LONG',
                    `${field.label}: data value too large: ${String(value)} (max length=${field.length})`,
                    [field.name]
                )
            );
        }
        if (field.type === 'picklist' && field.restrictedPicklist) {
            const allowed = (field.picklistValues ?? []).some((entry) => entry.active && entry.value === value);
            if (!allowed) {
                errors.push(
                    error(
                        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                        `${field.label}: bad value for restricted picklist field: ${String(value)}`,
                        [field.name]
                    )
                );
            }
        }
        if (typeof value === 'number' && field.precision !== undefined) {
            const digits = field.precision - (field.scale ?? 0);
            if (Math.abs(Math.trunc(value)).toString().length > digits && Math.trunc(value) !== 0) {
                errors.push(
                    error(
                        'NUMBER_OUTSIDE_VALID_RANGE',
                        `${field.label}: value outside of valid range on numeric field: ${value}`,
                        [field.name]
                    )
                );
            }
        }
        if (field.type === 'reference' && field.name !== 'Id') {
            const referenceError = checkReference(transaction, field, String(value));
            if (referenceError) errors.push(referenceError);
            else if (!sameId(prior?.get(field.name), value)) {
                const convertedError = checkConvertedLead(transaction, field, String(value));
                if (convertedError) errors.push(convertedError);
            }
        }
    }
    if (missing.length > 0) {
        errors.unshift(
            error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing)
        );
    }
    return errors;
}

function checkReference(transaction: Transaction, field: FieldDescribe, value: string): RecordError | null {
    const id = toId18(value);
    if (!id) return error('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
    const schema = transaction.metadata.schema;
    const target = schema.objectForId(id);
    const targets = (field.referenceTo ?? []).map((name) => name.toLowerCase());
    const typeOk = target && (targets.length === 0 || targets.includes(target.name.toLowerCase()));
    if (!typeOk)
        return error('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
    if (id === toId18(transaction.user.id)) return null;
    if (target.kind === 'customMetadata') return null;
    if (!transaction.store.get(id)) {
        return error('INVALID_CROSS_REFERENCE_KEY', `${field.label}: invalid cross reference id`, [field.name]);
    }
    return null;
}

function sameId(before: unknown, after: unknown): boolean {
    return typeof before === 'string' && typeof after === 'string' && toId18(before) === toId18(after);
}

// A converted lead can no longer be referenced: a new lookup to it (an insert, or an update that changes the lookup)
// fails CANNOT_UPDATE_CONVERTED_LEAD; references that existed before the conversion stay. "Once a lead has been
// converted, you can only reference the convertedAccountId or convertedContactId fields":
// https://help.salesforce.com/s/articleView?id=000384333&type=1
function checkConvertedLead(transaction: Transaction, field: FieldDescribe, value: string): RecordError | null {
    const id = toId18(value);
    const target = id ? transaction.store.get(id) : undefined;
    if (!target || target.type.toLowerCase() !== 'lead' || target.get('IsConverted') !== true) return null;
    return error('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', [field.name]);
}

/** Every active validation rule whose formula is true adds its message (on its error display field, if any). */
export function validationRules(
    transaction: Transaction,
    describe: SObjectDescribe,
    record: SObject,
    prior: SObject | null,
    access: AccessModel
): RecordError[] {
    const errors: RecordError[] = [];
    for (const rule of describe.validationRules) {
        if (!rule.active) continue;
        const failed = evaluateFormula(
            rule.errorConditionFormula,
            {
                record,
                prior,
                isNew: prior === null,
                user: transaction.user,
                now: transaction.now(),
                hasPermission: (name) => access.hasCustomPermission(transaction.user, name),
                schema: transaction.metadata.schema,
                customMetadata: transaction.metadata.customMetadata,
                labels: transaction.metadata.labels,
                recordById: (id) => transaction.store.get(id),
                position: { file: rule.file }
            },
            'Boolean'
        );
        if (failed === true) {
            const fields = rule.errorDisplayField ? [rule.errorDisplayField] : [];
            errors.push(error('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.errorMessage, fields));
        }
    }
    return errors;
}
