// Operators of decision conditions, start (entry) conditions and record filters, and condition logic
// ("and", "or", "1 AND (2 OR NOT 3)"). Operators: https://help.salesforce.com/s/articleView?id=sf.flow_ref_operators_condition.htm
import { UnsupportedError, type SourcePosition } from '../core/errors.ts';
import { sameId } from '../core/ids.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime } from '../core/values.ts';
import type { FlowData } from './interview.ts';

export interface CompareOptions {
    /** Record filters are SOQL: text compares ignoring case. Decisions and entry conditions compare exactly. */
    ignoreCase: boolean;
    /** IsChanged: the prior value of the left side (undefined when the left side is not a record field). */
    prior?: () => FlowData;
    isNew?: boolean;
    position?: SourcePosition;
}

function blank(value: FlowData): boolean {
    return value === null || value === undefined || value === '';
}

function comparable(value: FlowData): number | string | boolean | null {
    if (value instanceof SDate) return value.epochDay;
    if (value instanceof SDatetime || value instanceof STime) return value.ms;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    return null;
}

export function equal(left: FlowData, right: FlowData, ignoreCase: boolean): boolean {
    if (blank(left) || blank(right)) return blank(left) && blank(right);
    if (left instanceof SDate && right instanceof SDatetime) return false;
    const a = comparable(left);
    const b = comparable(right);
    if (typeof a === 'string' && typeof b === 'string') {
        if ((a.length === 15 || a.length === 18) && (b.length === 15 || b.length === 18) && sameId(a, b)) return true;
        return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
    }
    if (typeof a === 'number' && typeof b === 'string') return a === Number(b);
    if (typeof a === 'string' && typeof b === 'number') return Number(a) === b;
    return a === b;
}

function order(left: FlowData, right: FlowData): number | null {
    if (blank(left) || blank(right)) return null;
    const a = comparable(left);
    const b = comparable(right);
    if (a === null || b === null) return null;
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
}

function textOf(value: FlowData, ignoreCase: boolean): string {
    const text = blank(value) ? '' : String(value);
    return ignoreCase ? text.toLowerCase() : text;
}

export function compare(left: FlowData, operator: string, right: FlowData, options: CompareOptions): boolean {
    const truth = right === true || right === 'true';
    switch (operator) {
        case 'EqualTo':
            return equal(left, right, options.ignoreCase);
        case 'NotEqualTo':
            return !equal(left, right, options.ignoreCase);
        case 'GreaterThan':
            return (order(left, right) ?? 0) > 0;
        case 'GreaterThanOrEqualTo': {
            const result = order(left, right);
            return result !== null && result >= 0;
        }
        case 'LessThan':
            return (order(left, right) ?? 0) < 0;
        case 'LessThanOrEqualTo': {
            const result = order(left, right);
            return result !== null && result <= 0;
        }
        case 'Contains':
            return !blank(left) && textOf(left, options.ignoreCase).includes(textOf(right, options.ignoreCase));
        case 'StartsWith':
            return !blank(left) && textOf(left, options.ignoreCase).startsWith(textOf(right, options.ignoreCase));
        case 'EndsWith':
            return !blank(left) && textOf(left, options.ignoreCase).endsWith(textOf(right, options.ignoreCase));
        case 'IsNull':
            return (left === null || left === undefined || left === '') === truth;
        case 'IsBlank':
            return (blank(left) || (Array.isArray(left) && left.length === 0)) === truth;
        case 'IsEmpty':
            return (!Array.isArray(left) || left.length === 0) === truth;
        case 'IsChanged': {
            if (!options.prior)
                throw new UnsupportedError('IsChanged on a value that is not a $Record field', options.position);
            const changed = !options.isNew && !equal(left, options.prior(), false);
            return changed === truth;
        }
        default:
            throw new UnsupportedError(`flow condition operator ${operator}`, options.position);
    }
}

class LogicParser {
    private index = 0;

    constructor(
        private readonly tokens: string[],
        private readonly results: (() => boolean)[],
        private readonly fail: () => never
    ) {}

    parse(): boolean {
        const value = this.disjunction();
        if (this.index !== this.tokens.length) this.fail();
        return value;
    }

    private disjunction(): boolean {
        let value = this.conjunction();
        while (this.tokens[this.index] === 'or') {
            this.index++;
            const next = this.conjunction();
            value = value || next;
        }
        return value;
    }

    private conjunction(): boolean {
        let value = this.primary();
        while (this.tokens[this.index] === 'and') {
            this.index++;
            const next = this.primary();
            value = value && next;
        }
        return value;
    }

    private primary(): boolean {
        const token = this.tokens[this.index++];
        if (token === 'not') return !this.primary();
        if (token === '(') {
            const value = this.disjunction();
            if (this.tokens[this.index++] !== ')') this.fail();
            return value;
        }
        const number = Number(token);
        if (!Number.isInteger(number) || !this.results[number - 1]) this.fail();
        return this.results[number - 1]();
    }
}

/** Combines condition results: "and", "or", or custom logic over 1-based condition numbers. */
export function combine(logic: string | undefined, results: (() => boolean)[], position?: SourcePosition): boolean {
    const normalized = (logic ?? 'and').trim().toLowerCase();
    if (normalized === 'and' || normalized === '') return results.every((result) => result());
    if (normalized === 'or') return results.some((result) => result());
    if (normalized === 'no_conditions') return true;
    const parser = new LogicParser(normalized.match(/\d+|and|or|not|\(|\)/g) ?? [], results, () => {
        throw new UnsupportedError(`condition logic "${logic}"`, position);
    });
    return parser.parse();
}

export function isRecord(value: FlowData): value is SObject {
    return value instanceof SObject;
}
