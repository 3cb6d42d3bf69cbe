// Time and TimeZone.
// Sources: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_time.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_timezone.htm
import { SDatetime, STime } from '../../core/values.ts';
import { zoneOffset } from '../timezone.ts';
import { NativeObject, type Value } from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

function num(rt: Runtime, value: Value): number {
    if (typeof value !== 'number') return rt.fail('NullPointerException', 'Argument cannot be null');
    return value;
}

const timeInstance: Record<string, InstanceMethod<STime>> = {
    hour: (_rt, t) => t.hour,
    minute: (_rt, t) => t.minute,
    second: (_rt, t) => t.second,
    millisecond: (_rt, t) => t.millisecond,
    addhours: (rt, t, [n]) => new STime(t.ms + num(rt, n) * 3_600_000),
    addminutes: (rt, t, [n]) => new STime(t.ms + num(rt, n) * 60_000),
    addseconds: (rt, t, [n]) => new STime(t.ms + num(rt, n) * 1000),
    equals: (_rt, t, [other]) => t.equals(other)
};

export const TimeClass: StdlibClass = {
    name: 'Time',
    owns: (value) => value instanceof STime,
    instance: timeInstance,
    statics: {
        newinstance: (rt, [h, m, s, ms]) => STime.of(num(rt, h), num(rt, m), num(rt, s), num(rt, ms))
    }
};

export function timeZoneValue(id: string): NativeObject {
    return new NativeObject('TimeZone', { id });
}

const zoneInstance: Record<string, InstanceMethod<NativeObject>> = {
    getid: (_rt, zone) => zone.data.id as string,
    getoffset: (rt, zone, [dt]) => {
        if (!(dt instanceof SDatetime)) return rt.fail('NullPointerException', 'Argument cannot be null');
        return zoneOffset(dt.ms, zone.data.id as string);
    },
    getdisplayname: (_rt, zone) =>
        new Intl.DateTimeFormat('en-US', { timeZone: zone.data.id as string, timeZoneName: 'long' })
            .formatToParts(new Date())
            .find((part) => part.type === 'timeZoneName')?.value ?? (zone.data.id as string),
    tostring: (_rt, zone) => zone.data.id as string
};

export const TimeZoneClass: StdlibClass = {
    name: 'TimeZone',
    owns: (value) => value instanceof NativeObject && value.typeName === 'TimeZone',
    instance: zoneInstance,
    statics: {
        gettimezone: (rt, args) => timeZoneValue(args.length ? String(args[0]) : rt.tx.user.timeZone)
    }
};
