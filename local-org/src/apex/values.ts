// The interpreter's runtime values. Integer is a JS number (32-bit), Long a bigint, Decimal keeps its scale
// (decimal.js value + scale), Double is boxed so that it is told apart from Integer. Id and String are JS strings
// (the declared type decides Id normalisation). Field values cross to other layers through fields.ts.
import DecimalJs from 'decimal.js';
import type { Decimal as DecimalType } from 'decimal.js';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime } from '../core/values.ts';
import type { TypeRef } from './ast.ts';
import type { ClassInfo } from './classes.ts';

// decimal.js's ESM build has a default export only; its typings describe the CommonJS shape.
const Decimal = DecimalJs as unknown as typeof DecimalType;

export const BigDecimal = Decimal.clone({
    precision: 60,
    rounding: Decimal.ROUND_HALF_UP,
    toExpNeg: -100,
    toExpPos: 100
});
export type BigDecimalValue = InstanceType<typeof BigDecimal>;

export class ApexDecimal {
    readonly value: BigDecimalValue;
    readonly scale: number;

    constructor(value: BigDecimalValue | string | number, scale?: number) {
        this.value = value instanceof BigDecimal ? value : new BigDecimal(value);
        this.scale = scale ?? Math.max(0, this.value.decimalPlaces());
    }

    static of(text: string): ApexDecimal {
        const dot = text.indexOf('.');
        return new ApexDecimal(new BigDecimal(text), dot < 0 ? 0 : text.length - dot - 1);
    }

    toString(): string {
        return this.value.toFixed(this.scale);
    }
}

export class ApexDouble {
    constructor(readonly value: number) {}
}

export class ApexList {
    /** The result of a SOQL literal: assigning it to an SObject variable takes its single row. */
    soql = false;
    constructor(
        public elementType: TypeRef | null,
        public items: Value[] = []
    ) {}
}

export class ApexSet {
    readonly entries = new Map<string, Value>();
    constructor(public elementType: TypeRef | null) {}
}

export class ApexMap {
    /** Describe maps (getGlobalDescribe, fields.getMap) look String keys up ignoring case; their keys are lower-case. */
    foldCase = false;
    readonly entries = new Map<string, { key: Value; value: Value }>();
    constructor(
        public keyType: TypeRef | null,
        public valueType: TypeRef | null
    ) {}
}

export interface ExceptionState {
    message: string | null;
    cause: ApexObject | null;
    line: number;
    stack: string;
    dml?: { index: number; id: string | null; errors: { statusCode: string; message: string; fields: string[] }[] }[];
}

/** An instance of a class of the project (or of a standard exception class). */
export class ApexObject {
    readonly fields = new Map<string, Value>();
    exception: ExceptionState | undefined;
    constructor(readonly cls: ClassInfo) {}
}

export class EnumValue {
    constructor(
        readonly type: string,
        readonly name: string,
        readonly ordinal: number
    ) {}
    toString(): string {
        return this.name;
    }
}

/** `X.class`, Type.forName: a System.Type. */
export class TypeValue {
    constructor(readonly type: TypeRef) {}
}

/** A value of a standard class kept by its stdlib module (Schema.DescribeSObjectResult, Database.SaveResult, …). */
export class NativeObject {
    constructor(
        readonly typeName: string,
        readonly data: Record<string, unknown>,
        /** Value identity for tokens (`Lead.SObjectType` equals itself wherever it comes from); else by reference. */
        readonly token?: string
    ) {}
}

/** A dotted name that is not a value (a class, a namespace, `System.RoundingMode`) while it is being resolved. */
export class TypeName {
    constructor(readonly path: string[]) {}
    get key(): string {
        return this.path.join('.').toLowerCase();
    }
}

export type Value =
    | null
    | boolean
    | number
    | bigint
    | string
    | ApexDecimal
    | ApexDouble
    | SDate
    | SDatetime
    | STime
    | SObject
    | ApexList
    | ApexSet
    | ApexMap
    | ApexObject
    | EnumValue
    | TypeValue
    | NativeObject;

export function isNumber(value: unknown): value is number | bigint | ApexDecimal | ApexDouble {
    return (
        typeof value === 'number' ||
        typeof value === 'bigint' ||
        value instanceof ApexDecimal ||
        value instanceof ApexDouble
    );
}

export function toBig(value: number | bigint | ApexDecimal | ApexDouble): BigDecimalValue {
    if (value instanceof ApexDecimal) return value.value;
    if (value instanceof ApexDouble) return new BigDecimal(value.value);
    return new BigDecimal(value.toString());
}

export function toDecimal(value: number | bigint | ApexDecimal | ApexDouble): ApexDecimal {
    if (value instanceof ApexDecimal) return value;
    if (value instanceof ApexDouble) return new ApexDecimal(new BigDecimal(value.value));
    return new ApexDecimal(new BigDecimal(value.toString()), 0);
}

export function toNumber(value: number | bigint | ApexDecimal | ApexDouble): number {
    if (value instanceof ApexDecimal) return value.value.toNumber();
    if (value instanceof ApexDouble) return value.value;
    return Number(value);
}

export function wrapInteger(value: number): number {
    return value | 0;
}

export function wrapLong(value: bigint): bigint {
    return BigInt.asIntN(64, value);
}

let identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(value: object): number {
    let id = identities.get(value);
    if (id === undefined) {
        id = nextIdentity++;
        identities.set(value, id);
    }
    return id;
}
export function resetIdentities(): void {
    identities = new WeakMap();
}

/** The key of a value in a Set or Map: Strings case-sensitive, Decimals by value and scale, objects by identity. */
export function keyOf(value: Value): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return 's' + value;
    if (typeof value === 'number' || typeof value === 'bigint') return 'n' + value.toString();
    if (typeof value === 'boolean') return 'b' + value;
    if (value instanceof ApexDecimal) return 'd' + value.toString();
    if (value instanceof ApexDouble) return 'f' + value.value;
    if (value instanceof SDate) return 'D' + value.toString();
    if (value instanceof SDatetime) return 'T' + value.ms;
    if (value instanceof STime) return 't' + value.ms;
    if (value instanceof EnumValue) return 'e' + value.type + '.' + value.name;
    if (value instanceof SObject) {
        const fields = value.fieldNames().map((name) => name.toLowerCase() + '=' + keyOf(value.get(name) as Value));
        return 'o' + value.type.toLowerCase() + '{' + fields.sort().join(',') + '}';
    }
    if (value instanceof ApexList) return 'l[' + value.items.map(keyOf).join(',') + ']';
    if (value instanceof ApexSet) return 'S[' + [...value.entries.keys()].sort().join(',') + ']';
    if (value instanceof TypeValue) return 'y' + value.type.name;
    if (value instanceof NativeObject && value.token) return 'N' + value.token;
    return '#' + identity(value);
}
