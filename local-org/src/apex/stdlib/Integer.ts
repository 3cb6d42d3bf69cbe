// Integer, Long, Double and Boolean: valueOf and the conversions the project uses.
// Sources: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_integer.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_long.htm
import { ApexDecimal, ApexDouble, isNumber, toNumber, type Value } from '../values.ts';
import type { Runtime, StdlibClass } from './registry.ts';

function parseWhole(rt: Runtime, value: Value, type: string): bigint | null {
    if (value === null) return null;
    if (typeof value === 'string') {
        if (!/^[+-]?\d+$/.test(value.trim())) rt.fail('TypeException', `Invalid ${type}: ${value}`);
        return BigInt(value.trim());
    }
    if (isNumber(value)) return BigInt(Math.trunc(toNumber(value)));
    return rt.unsupported(`${type}.valueOf of ${rt.stringOf(value)}`);
}

export const IntegerClass: StdlibClass = {
    name: 'Integer',
    owns: (value) => typeof value === 'number',
    statics: {
        valueof: (rt, [value]) => {
            const whole = parseWhole(rt, value, 'integer');
            return whole === null ? null : Number(BigInt.asIntN(32, whole));
        }
    },
    instance: {
        format: (_rt, self: number) => self.toLocaleString('en-US'),
        intvalue: (_rt, self: number) => self,
        longvalue: (_rt, self: number) => BigInt(self)
    }
};

export const LongClass: StdlibClass = {
    name: 'Long',
    owns: (value) => typeof value === 'bigint',
    statics: {
        valueof: (rt, [value]) => {
            const whole = parseWhole(rt, value, 'long');
            return whole === null ? null : BigInt.asIntN(64, whole);
        }
    },
    instance: {
        intvalue: (_rt, self: bigint) => Number(BigInt.asIntN(32, self)),
        longvalue: (_rt, self: bigint) => self,
        format: (_rt, self: bigint) => self.toLocaleString('en-US')
    }
};

export const DoubleClass: StdlibClass = {
    name: 'Double',
    owns: (value) => value instanceof ApexDouble,
    statics: {
        valueof: (rt, [value]) => {
            if (value === null) return null;
            if (typeof value === 'string') return new ApexDouble(Number(value));
            if (isNumber(value)) return new ApexDouble(toNumber(value));
            return rt.unsupported('Double.valueOf');
        }
    },
    instance: {
        intvalue: (_rt, self: ApexDouble) => Math.trunc(self.value) | 0,
        longvalue: (_rt, self: ApexDouble) => BigInt(Math.trunc(self.value)),
        round: (_rt, self: ApexDouble) => BigInt(Math.round(self.value)),
        doublevalue: (_rt, self: ApexDouble) => self
    }
};

export const BooleanClass: StdlibClass = {
    name: 'Boolean',
    owns: (value) => typeof value === 'boolean',
    statics: {
        valueof: (_rt, [value]) =>
            value === null ? null : typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true'
    }
};

export const MathClass: StdlibClass = {
    name: 'Math',
    statics: {
        min: (rt, [a, b]) => pick(rt, a, b, (x, y) => x <= y),
        max: (rt, [a, b]) => pick(rt, a, b, (x, y) => x >= y),
        abs: (rt, [a]) =>
            isNumber(a)
                ? toNumber(a) < 0
                    ? negateValue(a)
                    : a
                : rt.fail('NullPointerException', 'Argument cannot be null'),
        mod: (rt, [a, b]) => {
            if (typeof a === 'number' && typeof b === 'number')
                return b === 0 ? rt.fail('MathException', 'Divide by 0') : a % b;
            if (isNumber(a) && isNumber(b)) return BigInt(a as never) % BigInt(b as never);
            return rt.fail('NullPointerException', 'Argument cannot be null');
        },
        floor: (_rt, [a]) => new ApexDouble(Math.floor(toNumber(a as never))),
        ceil: (_rt, [a]) => new ApexDouble(Math.ceil(toNumber(a as never))),
        round: (_rt, [a]) => Math.round(toNumber(a as never)),
        roundtolong: (_rt, [a]) => BigInt(Math.round(toNumber(a as never))),
        random: () => new ApexDouble(Math.random())
    }
};

function negateValue(value: Value): Value {
    if (typeof value === 'number') return -value;
    if (typeof value === 'bigint') return -value;
    if (value instanceof ApexDecimal) return new ApexDecimal(value.value.negated(), value.scale);
    return new ApexDouble(-(value as ApexDouble).value);
}

/** Math.min/max keep the wider type of their arguments (Integer, Long, Decimal, Double). */
function pick(rt: Runtime, a: Value, b: Value, first: (x: number, y: number) => boolean): Value {
    if (!isNumber(a) || !isNumber(b)) return rt.fail('NullPointerException', 'Argument cannot be null');
    const chosen = first(toNumber(a), toNumber(b)) ? a : b;
    if (typeof a === 'bigint' || typeof b === 'bigint') return typeof chosen === 'number' ? BigInt(chosen) : chosen;
    if (a instanceof ApexDecimal || b instanceof ApexDecimal) {
        return chosen instanceof ApexDecimal ? chosen : new ApexDecimal(String(toNumber(chosen)));
    }
    return chosen;
}
