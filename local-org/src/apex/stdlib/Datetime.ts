// Datetime: instants; newInstance/format/date()/hour() use the running user's time zone, the Gmt variants GMT.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_datetime.htm
import { SDate, SDatetime, STime } from '../../core/values.ts';
import { formatDatetime } from '../datetime-format.ts';
import { fromLocal, localParts } from '../timezone.ts';
import type { Value } from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

function num(rt: Runtime, value: Value): number {
    if (typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    return rt.fail('NullPointerException', 'Argument cannot be null');
}

function zoneOf(rt: Runtime): string {
    return rt.tx.user.timeZone;
}

function add(rt: Runtime, dt: SDatetime, amount: Value, unit: number): SDatetime {
    return new SDatetime(dt.ms + num(rt, amount) * unit);
}

/** addDays/addMonths move the wall clock of the user's zone (a day is not always 24 hours). */
function addCalendar(rt: Runtime, dt: SDatetime, days: number, months: number): SDatetime {
    const zone = zoneOf(rt);
    const p = localParts(dt.ms, zone);
    const total = p.year * 12 + (p.month - 1) + months;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = Math.min(p.day, last) + days;
    return new SDatetime(fromLocal(zone, year, month, day, p.hour, p.minute, p.second, p.millisecond));
}

const instance: Record<string, InstanceMethod<SDatetime>> = {
    addseconds: (rt, dt, [n]) => add(rt, dt, n, 1000),
    addminutes: (rt, dt, [n]) => add(rt, dt, n, 60_000),
    addhours: (rt, dt, [n]) => add(rt, dt, n, 3_600_000),
    adddays: (rt, dt, [n]) => addCalendar(rt, dt, num(rt, n), 0),
    addmonths: (rt, dt, [n]) => addCalendar(rt, dt, 0, num(rt, n)),
    addyears: (rt, dt, [n]) => addCalendar(rt, dt, 0, 12 * num(rt, n)),
    gettime: (_rt, dt) => BigInt(dt.ms),
    date: (rt, dt) => {
        const p = localParts(dt.ms, zoneOf(rt));
        return new SDate(p.year, p.month, p.day);
    },
    dategmt: (_rt, dt) => {
        const d = new Date(dt.ms);
        return new SDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    },
    time: (rt, dt) => {
        const p = localParts(dt.ms, zoneOf(rt));
        return STime.of(p.hour, p.minute, p.second, p.millisecond);
    },
    timegmt: (_rt, dt) => new STime(dt.ms),
    year: (rt, dt) => localParts(dt.ms, zoneOf(rt)).year,
    month: (rt, dt) => localParts(dt.ms, zoneOf(rt)).month,
    day: (rt, dt) => localParts(dt.ms, zoneOf(rt)).day,
    hour: (rt, dt) => localParts(dt.ms, zoneOf(rt)).hour,
    minute: (rt, dt) => localParts(dt.ms, zoneOf(rt)).minute,
    second: (rt, dt) => localParts(dt.ms, zoneOf(rt)).second,
    hourgmt: (_rt, dt) => new Date(dt.ms).getUTCHours(),
    format: (rt, dt, [pattern, zone]) => {
        if (pattern === undefined) {
            if (rt.tx.user.locale !== 'en_US')
                return rt.unsupported(`Datetime.format() in locale ${rt.tx.user.locale}`);
            return formatDatetime(dt.ms, 'M/d/yyyy h:mm a', zoneOf(rt));
        }
        return formatDatetime(dt.ms, String(pattern), typeof zone === 'string' ? zone : zoneOf(rt));
    },
    formatgmt: (_rt, dt, [pattern]) => formatDatetime(dt.ms, String(pattern), 'UTC'),
    formatlong: (rt, dt) => formatDatetime(dt.ms, 'M/d/yyyy h:mm:ss a z', zoneOf(rt)),
    issameday: (rt, dt, [other]) => {
        if (!(other instanceof SDatetime)) return false;
        const a = localParts(dt.ms, zoneOf(rt));
        const b = localParts(other.ms, zoneOf(rt));
        return a.year === b.year && a.month === b.month && a.day === b.day;
    },
    equals: (_rt, dt, [other]) => dt.equals(other)
};

export const DatetimeClass: StdlibClass = {
    name: 'Datetime',
    owns: (value) => value instanceof SDatetime,
    instance,
    statics: {
        now: (rt) => new SDatetime(rt.tx.now()),
        newinstance: (rt, args) => {
            if (args.length === 1) return new SDatetime(num(rt, args[0]));
            if (args.length === 2 && args[0] instanceof SDate && args[1] instanceof STime) {
                const d = args[0];
                const t = args[1];
                return new SDatetime(
                    fromLocal(zoneOf(rt), d.year, d.month, d.day, t.hour, t.minute, t.second, t.millisecond)
                );
            }
            const [y, mo, d, h, mi, s] = args.map((arg) => (arg === undefined ? 0 : num(rt, arg)));
            return new SDatetime(fromLocal(zoneOf(rt), y, mo, d, h ?? 0, mi ?? 0, s ?? 0));
        },
        newinstancegmt: (rt, args) => {
            if (args.length === 2 && args[0] instanceof SDate && args[1] instanceof STime) {
                const d = args[0];
                return new SDatetime(Date.UTC(d.year, d.month - 1, d.day) + args[1].ms);
            }
            const [y, mo, d, h, mi, s] = args.map((arg) => num(rt, arg));
            return new SDatetime(Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0));
        },
        valueof: (rt, [value]) => {
            if (value === null) return null;
            if (typeof value === 'string') {
                const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
                if (!m) return rt.fail('TypeException', `Invalid date/time: ${value}`);
                const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
                return new SDatetime(fromLocal(zoneOf(rt), y, mo, d, h, mi, s));
            }
            return rt.unsupported('Datetime.valueOf');
        },
        valueofgmt: (rt, [value]) => {
            if (typeof value !== 'string') return rt.unsupported('Datetime.valueOfGmt');
            return new SDatetime(Date.parse(value.replace(' ', 'T') + 'Z'));
        }
    }
};
