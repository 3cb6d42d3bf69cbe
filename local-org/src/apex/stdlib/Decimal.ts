// Decimal: keeps its scale (1.10 has scale 2); setScale and divide round with a System.RoundingMode.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_decimal.htm
// setScale(n) without a mode and round() without a mode use half even, as the page says for round(); for
// setScale(n) the page only says "rounded if necessary": uncertain, see ledger/apex.md.
import {
    ApexDecimal,
    ApexDouble,
    EnumValue,
    isNumber,
    toBig,
    toDecimal,
    type BigDecimalValue,
    type Value
} from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

type Rounding = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const MODES: Record<string, Rounding> = {
    UP: 0,
    DOWN: 1,
    CEILING: 2,
    FLOOR: 3,
    HALF_UP: 4,
    HALF_DOWN: 5,
    HALF_EVEN: 6
};

export function roundingOf(rt: Runtime, mode: Value | undefined, fallback: Rounding): Rounding {
    if (mode === undefined || mode === null) return fallback;
    if (!(mode instanceof EnumValue)) return rt.unsupported('rounding mode that is not a System.RoundingMode');
    if (mode.name === 'UNNECESSARY') return 9 as never;
    return MODES[mode.name];
}

export function rescale(rt: Runtime, value: BigDecimalValue, scale: number, rounding: Rounding): ApexDecimal {
    if ((rounding as number) === 9) {
        if (value.decimalPlaces() > scale) rt.fail('MathException', 'Rounding necessary');
        return new ApexDecimal(value, scale);
    }
    return new ApexDecimal(value.toDecimalPlaces(scale, rounding), scale);
}

function roundToLong(rt: Runtime, value: BigDecimalValue, mode: Value | undefined): bigint {
    const rounded = value.toDecimalPlaces(0, roundingOf(rt, mode, MODES.HALF_EVEN));
    return BigInt(rounded.toFixed(0));
}

const instance: Record<string, InstanceMethod<ApexDecimal>> = {
    setscale: (rt, self, [scale, mode]) =>
        rescale(rt, self.value, scale as number, roundingOf(rt, mode, MODES.HALF_EVEN)),
    divide: (rt, self, [divisor, scale, mode]) => {
        if (!isNumber(divisor)) return rt.fail('NullPointerException', 'Attempt to de-reference a null object');
        const by = toBig(divisor);
        if (by.isZero()) return rt.fail('MathException', 'Divide by 0');
        return rescale(rt, self.value.div(by), scale as number, roundingOf(rt, mode, MODES.HALF_UP));
    },
    round: (rt, self, [mode]) => roundToLong(rt, self.value, mode),
    intvalue: (_rt, self) => Number(BigInt.asIntN(32, BigInt(self.value.trunc().toFixed(0)))),
    longvalue: (_rt, self) => BigInt.asIntN(64, BigInt(self.value.trunc().toFixed(0))),
    doublevalue: (_rt, self) => new ApexDouble(self.value.toNumber()),
    scale: (_rt, self) => self.scale,
    precision: (_rt, self) => self.value.precision(true),
    abs: (_rt, self) => new ApexDecimal(self.value.abs(), self.scale),
    striptrailingzeros: (_rt, self) => new ApexDecimal(self.value),
    toplainstring: (_rt, self) => self.toString(),
    format: (_rt, self) =>
        Number(self.value.toNumber()).toLocaleString('en-US', { maximumFractionDigits: Math.max(self.scale, 3) }),
    pow: (_rt, self, [exponent]) =>
        new ApexDecimal(self.value.pow(exponent as number), self.scale * (exponent as number)),
    min: (_rt, self, [other]) => (self.value.lte(toBig(other as never)) ? self : toDecimal(other as never)),
    max: (_rt, self, [other]) => (self.value.gte(toBig(other as never)) ? self : toDecimal(other as never))
};

export const DecimalClass: StdlibClass = {
    name: 'Decimal',
    owns: (value) => value instanceof ApexDecimal,
    instance,
    statics: {
        valueof: (rt, [value]) => {
            if (value === null) return null;
            if (typeof value === 'string') {
                if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim()))
                    rt.fail('TypeException', `Invalid decimal: ${value}`);
                return ApexDecimal.of(value.trim());
            }
            if (isNumber(value)) return toDecimal(value);
            return rt.unsupported('Decimal.valueOf of ' + rt.stringOf(value));
        }
    }
};
