// System: clock, debug, asserts, RoundingMode.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_system.htm
import { SDate, SDatetime } from '../../core/values.ts';
import { localParts } from '../timezone.ts';
import { EnumValue } from '../values.ts';
import { systemAsserts } from './Assert.ts';
import type { Runtime, StdlibClass } from './registry.ts';

export const ROUNDING_MODES = ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'];

export function today(rt: Runtime): SDate {
    const parts = localParts(rt.tx.now(), rt.tx.user.timeZone);
    return new SDate(parts.year, parts.month, parts.day);
}

function enumHolder(name: string, values: string[]): StdlibClass {
    return {
        name,
        property: (_rt, value) => {
            const index = values.findIndex((candidate) => candidate.toLowerCase() === value.toLowerCase());
            return index >= 0 ? new EnumValue(name, values[index], index) : undefined;
        }
    };
}

export const RoundingMode = enumHolder('RoundingMode', ROUNDING_MODES);
export const AccessLevel = enumHolder('AccessLevel', ['USER_MODE', 'SYSTEM_MODE']);

export const System: StdlibClass = {
    name: 'System',
    statics: {
        ...systemAsserts,
        now: (rt) => new SDatetime(rt.tx.now()),
        today: (rt) => today(rt),
        currenttimemillis: (rt) => BigInt(rt.tx.now()),
        debug: () => null,
        isbatch: () => false,
        isfuture: () => false,
        isqueueable: () => false,
        isscheduled: () => false,
        requestversion: (rt) => rt.unsupported('System.requestVersion'),
        enqueuejob: (rt) => rt.unsupported('System.enqueueJob (async Apex)')
    }
};
