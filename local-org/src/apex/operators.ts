// Apex operators on runtime values: arithmetic with Integer overflow wrapping and Decimal scale, string
// concatenation, comparison, `==` (Strings ignore case, Ids compare 15/18) and `equals` (exact, as Assert uses it).
import { sameId, toId18 } from '../core/ids.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime } from '../core/values.ts';
import {
    ApexDecimal,
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    EnumValue,
    isNumber,
    NativeObject,
    toBig,
    toNumber,
    TypeValue,
    wrapInteger,
    wrapLong,
    type Value
} from './values.ts';

export class ArithmeticFault extends Error {
    constructor(
        readonly exceptionType: string,
        message: string
    ) {
        super(message);
    }
}

type Num = number | bigint | ApexDecimal | ApexDouble;

function rank(value: Num): number {
    if (typeof value === 'number') return 0;
    if (typeof value === 'bigint') return 1;
    if (value instanceof ApexDecimal) return 2;
    return 3;
}

/** Decimal division with no scale given: exact when the quotient terminates, else 32 significant digits. */
function divideDecimal(left: ApexDecimal, right: ApexDecimal): ApexDecimal {
    const quotient = left.value.div(right.value);
    const exact = quotient.toSignificantDigits(32);
    const scale = Math.max(left.scale, Math.min(exact.decimalPlaces(), 32));
    return new ApexDecimal(exact.toDecimalPlaces(scale), scale);
}

export function arithmetic(op: string, left: Num, right: Num): Num {
    const level = Math.max(rank(left), rank(right));
    if (level === 0) {
        const a = left as number;
        const b = right as number;
        switch (op) {
            case '+':
                return wrapInteger(a + b);
            case '-':
                return wrapInteger(a - b);
            case '*':
                return Number(BigInt.asIntN(32, BigInt(a) * BigInt(b)));
            case '/':
                if (b === 0) throw new ArithmeticFault('MathException', 'Divide by 0');
                return wrapInteger(Math.trunc(a / b));
        }
    }
    if (level === 1) {
        const a = BigInt(left as number | bigint);
        const b = BigInt(right as number | bigint);
        switch (op) {
            case '+':
                return wrapLong(a + b);
            case '-':
                return wrapLong(a - b);
            case '*':
                return wrapLong(a * b);
            case '/':
                if (b === 0n) throw new ArithmeticFault('MathException', 'Divide by 0');
                return wrapLong(a / b);
        }
    }
    if (level === 3) {
        const a = toNumber(left);
        const b = toNumber(right);
        switch (op) {
            case '+':
                return new ApexDouble(a + b);
            case '-':
                return new ApexDouble(a - b);
            case '*':
                return new ApexDouble(a * b);
            case '/':
                if (b === 0) throw new ArithmeticFault('MathException', 'Divide by 0');
                return new ApexDouble(a / b);
        }
    }
    const a = left instanceof ApexDecimal ? left : new ApexDecimal(toBig(left), 0);
    const b = right instanceof ApexDecimal ? right : new ApexDecimal(toBig(right), 0);
    switch (op) {
        case '+':
            return new ApexDecimal(a.value.plus(b.value), Math.max(a.scale, b.scale));
        case '-':
            return new ApexDecimal(a.value.minus(b.value), Math.max(a.scale, b.scale));
        case '*':
            return new ApexDecimal(a.value.times(b.value), a.scale + b.scale);
        case '/':
            if (b.value.isZero()) throw new ArithmeticFault('MathException', 'Divide by 0');
            return divideDecimal(a, b);
    }
    throw new Error(`operator ${op}`);
}

export function negate(value: Num): Num {
    if (typeof value === 'number') return wrapInteger(-value);
    if (typeof value === 'bigint') return wrapLong(-value);
    if (value instanceof ApexDecimal) return new ApexDecimal(value.value.negated(), value.scale);
    return new ApexDouble(-value.value);
}

function pad(value: number, width: number): string {
    return String(value).padStart(width, '0');
}

export function formatDatetimeGmt(value: SDatetime): string {
    const date = new Date(value.ms);
    return (
        `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)} ` +
        `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`
    );
}

/** Java's Double.toString, closely enough: always a decimal point, exponent form for large and small values. */
export function formatDouble(value: number): string {
    if (Number.isInteger(value) && Math.abs(value) < 1e7) return value.toFixed(1);
    if (Math.abs(value) >= 1e7 || (value !== 0 && Math.abs(value) < 1e-3)) {
        const [mantissa, exponent] = value.toExponential().split('e');
        return `${mantissa.includes('.') ? mantissa : mantissa + '.0'}E${Number(exponent)}`;
    }
    return String(value);
}

/** String.valueOf / concatenation. `objectToString` renders class instances (their toString() if they have one). */
export function stringOf(value: Value, objectToString?: (object: ApexObject) => string): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
    if (value instanceof ApexDecimal) return value.toString();
    if (value instanceof ApexDouble) return formatDouble(value.value);
    if (value instanceof SDate) return value.toString();
    if (value instanceof SDatetime) return formatDatetimeGmt(value);
    if (value instanceof STime) return value.toString();
    const inner = (item: Value) => stringOf(item, objectToString);
    if (value instanceof ApexList) return '(' + value.items.map(inner).join(', ') + ')';
    if (value instanceof ApexSet) return '{' + [...value.entries.values()].map(inner).join(', ') + '}';
    if (value instanceof ApexMap) {
        return '{' + [...value.entries.values()].map((e) => `${inner(e.key)}=${inner(e.value)}`).join(', ') + '}';
    }
    if (value instanceof SObject) {
        const record = value.toRecord();
        const fields = Object.entries(record).map(([name, field]) => `${name}=${inner(field as Value)}`);
        return `${value.type}:{${fields.join(', ')}}`;
    }
    if (value instanceof EnumValue) return value.name;
    if (value instanceof TypeValue) return value.type.text;
    if (value instanceof ApexObject) return objectToString ? objectToString(value) : value.cls.name;
    if (value instanceof NativeObject && typeof value.data.display === 'string') return value.data.display;
    return `[${value.typeName}]`;
}

function looksLikeIds(a: string, b: string): boolean {
    return a.length !== b.length && (a.length === 15 || a.length === 18) && (b.length === 15 || b.length === 18);
}

/**
 * Equality. `ignoreCase` is `==` (Strings compare case-insensitively); Assert and Set/Map semantics compare exactly.
 * `objectEquals` handles class instances (their equals() if defined, identity otherwise).
 */
export function valuesEqual(
    a: Value,
    b: Value,
    ignoreCase: boolean,
    objectEquals?: (x: ApexObject, y: Value) => boolean
): boolean {
    if (a === null || b === null) return a === b;
    if (typeof a === 'string' && typeof b === 'string') {
        if (looksLikeIds(a, b) && toId18(a) && toId18(b)) return sameId(a, b);
        return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
    }
    if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
    if (typeof a === 'boolean' || typeof b === 'boolean') return a === b;
    if (a instanceof SDate || a instanceof SDatetime || a instanceof STime) return a.equals(b);
    if (a instanceof EnumValue && b instanceof EnumValue) return a.type === b.type && a.name === b.name;
    const eq = (x: Value, y: Value) => valuesEqual(x, y, ignoreCase, objectEquals);
    if (a instanceof ApexList && b instanceof ApexList) {
        return a.items.length === b.items.length && a.items.every((item, i) => eq(item, b.items[i]));
    }
    if (a instanceof ApexSet && b instanceof ApexSet) {
        return a.entries.size === b.entries.size && [...a.entries.keys()].every((key) => b.entries.has(key));
    }
    if (a instanceof ApexMap && b instanceof ApexMap) {
        if (a.entries.size !== b.entries.size) return false;
        for (const [key, entry] of a.entries) {
            const other = b.entries.get(key);
            if (!other || !eq(entry.value, other.value)) return false;
        }
        return true;
    }
    if (a instanceof SObject && b instanceof SObject) {
        if (a.type.toLowerCase() !== b.type.toLowerCase()) return false;
        const names = new Set([...a.fieldNames(), ...b.fieldNames()].map((name) => name.toLowerCase()));
        for (const name of names) {
            if (!eq((a.get(name) ?? null) as Value, (b.get(name) ?? null) as Value)) return false;
        }
        return true;
    }
    if (a instanceof TypeValue && b instanceof TypeValue) return a.type.name === b.type.name;
    if (a instanceof NativeObject && b instanceof NativeObject && a.token) return a.token === b.token;
    if (a instanceof ApexObject) return objectEquals ? objectEquals(a, b) : a === b;
    return a === b;
}

export function compareNumbers(a: Num, b: Num): number {
    if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
    return toBig(a).comparedTo(toBig(b));
}

/** `<`, `>`… : numbers, Strings (case-insensitive), Dates, Datetimes, Times. Null on either side is false. */
export function compare(a: Value, b: Value): number | null {
    if (a === null || b === null) return null;
    if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
    if (typeof a === 'string' && typeof b === 'string') {
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        return x === y ? 0 : x < y ? -1 : 1;
    }
    if (a instanceof SDate && b instanceof SDate) return Math.sign(a.epochDay - b.epochDay);
    if ((a instanceof SDatetime && b instanceof SDatetime) || (a instanceof STime && b instanceof STime)) {
        return Math.sign(a.ms - b.ms);
    }
    return null;
}
