// local-org values ⇄ formulon's typed literals. Formulas see blank text as '' (the platform stores '' as null, and
// a formula compares a blank text field equal to ''); a blank picklist stays a typed null so TEXT() and ISPICKVAL()
// can treat it as blank; a blank number is null, or 0 when the formula treats blanks as zeroes.
import { UnsupportedError } from '../core/errors.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime, type FieldValue } from '../core/values.ts';
import type { Literal } from './formulon-internals.ts';

/** A value with the type it has in its source (a schema FieldType, a flow dataType or a formulon dataType). */
export interface TypedValue {
    value: FieldValue | undefined;
    type?: string;
}

const TEXT_TYPES = new Set([
    'text',
    'string',
    'textarea',
    'email',
    'phone',
    'url',
    'id',
    'reference',
    'encryptedstring',
    'combobox'
]);

/** A schema field type or flow dataType as formulon's dataType. */
export function formulaType(type: string | undefined): string | undefined {
    if (!type) return undefined;
    const lower = type.toLowerCase();
    if (TEXT_TYPES.has(lower)) return 'text';
    if (lower === 'picklist' || lower === 'multipicklist') return lower;
    if (lower === 'boolean' || lower === 'checkbox') return 'checkbox';
    if (['int', 'double', 'currency', 'percent', 'number'].includes(lower)) return 'number';
    if (lower === 'date') return 'date';
    if (lower === 'datetime') return 'datetime';
    if (lower === 'time') return 'time';
    return undefined;
}

export function nullLiteral(sourceType?: string): Literal {
    return { type: 'literal', dataType: 'null', value: null, options: {}, sourceType };
}

export function textLiteral(text: string): Literal {
    return { type: 'literal', dataType: 'text', value: text, options: { length: text.length } };
}

export function numberLiteral(value: number): Literal {
    const [whole, fraction = ''] = String(Math.abs(value)).split('.');
    return { type: 'literal', dataType: 'number', value, options: { length: whole.length, scale: fraction.length } };
}

export function booleanLiteral(value: boolean): Literal {
    return { type: 'literal', dataType: 'checkbox', value, options: {} };
}

export function toLiteral(typed: TypedValue, blanksAsZeros = false): Literal {
    const type = formulaType(typed.type);
    const value = typed.value;
    if (value === null || value === undefined || value === '') {
        if (type === 'text') return textLiteral('');
        if (type === 'checkbox') return booleanLiteral(false);
        if (type === 'number' && blanksAsZeros) return numberLiteral(0);
        if (value === '') return textLiteral('');
        return nullLiteral(type);
    }
    if (typeof value === 'boolean') return booleanLiteral(value);
    if (typeof value === 'number') return numberLiteral(value);
    if (typeof value === 'string') {
        if (type === 'picklist') return { type: 'literal', dataType: 'picklist', value, options: {} };
        if (type === 'multipicklist') throw new UnsupportedError('multi-select picklist in a formula');
        return textLiteral(value);
    }
    if (value instanceof SDate) {
        return { type: 'literal', dataType: 'date', value: new Date(Date.UTC(value.year, value.month - 1, value.day)) };
    }
    if (value instanceof SDatetime) return { type: 'literal', dataType: 'datetime', value: new Date(value.ms) };
    if (value instanceof STime) return { type: 'literal', dataType: 'time', value: new Date(value.ms) };
    if (value instanceof SObject) throw new UnsupportedError('a record used as a value in a formula');
    throw new UnsupportedError(`formula value of type ${typeof value}`);
}

export function fromLiteral(literal: Literal): FieldValue {
    const value = literal.value;
    if (value === null || value === undefined || literal.dataType === 'null') return null;
    switch (literal.dataType) {
        case 'number':
        case 'checkbox':
        case 'text':
        case 'picklist':
            return value as FieldValue;
        case 'date': {
            const date = value as Date;
            return new SDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
        }
        case 'datetime':
            return new SDatetime((value as Date).getTime());
        case 'time':
            return new STime((value as Date).getTime());
        default:
            throw new UnsupportedError(`formula result of type ${literal.dataType}`);
    }
}

const formats = new Map<string, Intl.DateTimeFormat>();
// Every zone offset is a multiple of 15 minutes, so the local date cannot change inside a UTC quarter hour: the last
// date computed per zone is reused within the same quarter.
const lastDates = new Map<string, { quarter: number; date: SDate }>();

/** The calendar date of an instant in a time zone (TODAY() is the running user's today). */
export function dateInZone(ms: number, timeZone: string): SDate {
    let format = formats.get(timeZone);
    if (!format) {
        format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
        formats.set(timeZone, format);
    }
    const quarter = Math.floor(ms / 900_000);
    const cached = lastDates.get(timeZone);
    if (cached && cached.quarter === quarter) return cached.date;
    const parts = format.formatToParts(new Date(ms));
    const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    const date = new SDate(part('year'), part('month'), part('day'));
    lastDates.set(timeZone, { quarter, date });
    return date;
}
