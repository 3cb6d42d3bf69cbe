// SOQL comparison semantics: text compares case-insensitively (=, !=, LIKE, ORDER BY), Ids compare by their
// 18-character form (15 and 18 characters are one Id), nulls match only `= null` / `!= null` and are never in a
// range. https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm
import { toId18 } from '../core/ids.ts';
import type { FieldType } from '../core/schema.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime, type FieldValue } from '../core/values.ts';

export type CompareKind = 'id' | 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'multi';

export function compareKind(type: FieldType): CompareKind {
    switch (type) {
        case 'id':
        case 'reference':
            return 'id';
        case 'int':
        case 'double':
        case 'currency':
        case 'percent':
            return 'number';
        case 'boolean':
            return 'boolean';
        case 'date':
            return 'date';
        case 'datetime':
            return 'datetime';
        case 'time':
            return 'time';
        case 'multipicklist':
            return 'multi';
        default:
            return 'text';
    }
}

/** A value as compared: Ids in 18-character form, text lower-cased, dates as numbers. Null stays null. */
export type Key = string | number | boolean | null;

/** Thrown for a value that cannot be compared with the field (the platform's QueryException). */
export class BadValueError extends Error {}

export function keyOf(value: unknown, kind: CompareKind): Key {
    if (value === null || value === undefined) return kind === 'boolean' ? false : null;
    if (value instanceof SObject) return keyOf(value.id, kind);
    switch (kind) {
        case 'id': {
            const text = String(value);
            if (text === '') return null;
            const id = toId18(text);
            if (!id) throw new BadValueError(`invalid ID field: ${text}`);
            return id;
        }
        case 'text':
        case 'multi':
            return String(value).toLowerCase();
        case 'number':
            if (typeof value === 'number') return value;
            if (typeof value === 'object' && value !== null && 'toNumber' in value) {
                return (value as { toNumber(): number }).toNumber();
            }
            throw new BadValueError(`invalid number: ${String(value)}`);
        case 'boolean':
            if (typeof value === 'boolean') return value;
            throw new BadValueError(`invalid boolean: ${String(value)}`);
        case 'date':
            if (value instanceof SDate) return value.epochDay;
            if (value instanceof SDatetime) throw new BadValueError('a Datetime value on a Date field');
            throw new BadValueError(`invalid date: ${String(value)}`);
        case 'datetime':
            if (value instanceof SDatetime) return value.ms;
            if (value instanceof SDate) throw new BadValueError('a Date value on a Datetime field');
            throw new BadValueError(`invalid datetime: ${String(value)}`);
        case 'time':
            if (value instanceof STime) return value.ms;
            throw new BadValueError(`invalid time: ${String(value)}`);
    }
}

/** Total order for ORDER BY and MIN/MAX (nulls handled by the caller). */
export function compareKeys(left: Key, right: Key): number {
    if (left === right) return 0;
    if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : 1;
    if (typeof left === 'boolean' && typeof right === 'boolean') return left ? 1 : -1;
    return (left as number) < (right as number) ? -1 : 1;
}

/** LIKE: % any run, _ one character, case-insensitive; \% and \_ are literal. */
export function likePattern(pattern: string): RegExp {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
        const character = pattern[index];
        if (character === '\\' && index + 1 < pattern.length) {
            source += escapeRegex(pattern[++index]);
        } else if (character === '%') source += '[\\s\\S]*';
        else if (character === '_') source += '[\\s\\S]';
        else source += escapeRegex(character);
    }
    return new RegExp(`^${source}$`, 'i');
}

function escapeRegex(character: string): string {
    return character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Original value of a key for output (MIN/MAX return the field's value, not its key). */
export function isFieldValue(value: unknown): value is FieldValue {
    return (
        value === null ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        value instanceof SDate ||
        value instanceof SDatetime ||
        value instanceof STime ||
        value instanceof SObject
    );
}
