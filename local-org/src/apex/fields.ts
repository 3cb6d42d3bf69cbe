// Crossing between Apex values and record field values (core/values.ts): number fields read as Decimal (Integer
// for int fields), Apex numbers written back as JS numbers. The schema decides; a field it does not know keeps the
// JS type (numbers read as Decimal).
import { SObject } from '../core/sobject.ts';
import type { Schema } from '../core/schema.ts';
import type { FieldValue } from '../core/values.ts';
import { SDate, SDatetime, STime } from '../core/values.ts';
import { ApexDecimal, ApexDouble, BigDecimal, isNumber, NativeObject, toNumber, type Value } from './values.ts';

export function fieldToApex(
    value: FieldValue | undefined,
    schema: Schema | null,
    objectName: string,
    field: string
): Value {
    if (value === undefined || value === null) return null;
    const describe = schema?.field(objectName, field);
    if (describe?.type === 'base64' && typeof value === 'string') {
        return new NativeObject('Blob', { text: Buffer.from(value, 'base64').toString('utf8') });
    }
    if (typeof value === 'number' && objectName.toLowerCase() === 'aggregateresult' && Number.isInteger(value)) {
        return value;
    }
    if (typeof value === 'number') {
        if (describe?.type === 'int') return Math.trunc(value);
        const scale = describe?.scale;
        const decimal = new BigDecimal(value);
        return scale !== undefined && scale >= decimal.decimalPlaces()
            ? new ApexDecimal(decimal, scale)
            : new ApexDecimal(decimal);
    }
    return value as Value;
}

export function apexToField(value: Value): FieldValue {
    if (value === null) return null;
    if (isNumber(value)) return toNumber(value);
    if (value instanceof ApexDouble) return value.value;
    if (
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        value instanceof SDate ||
        value instanceof SDatetime ||
        value instanceof STime ||
        value instanceof SObject
    ) {
        return value;
    }
    throw new TypeError(`A ${value.constructor.name} cannot be stored in a field`);
}
