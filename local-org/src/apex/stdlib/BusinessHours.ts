// BusinessHours.add/diff/isWithin/nextStartDate on the org's BusinessHours records (the store) in their own time
// zone, skipping the holidays associated with them (the project's holiday definitions name their business hours;
// the association is not a queryable field on the platform). A day whose start and end are both 00:00 is open 24
// hours. Partial-day holidays are not emulated (UnsupportedError).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_businesshours.htm
import type { SObject } from '../../core/sobject.ts';
import { SDatetime, STime } from '../../core/values.ts';
import { fromLocal, localParts } from '../timezone.ts';
import type { Value } from '../values.ts';
import type { Runtime, StdlibClass } from './registry.ts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY = 86_400_000;
const HORIZON_DAYS = 3660;

interface Calendar {
    zone: string;
    /** Open intervals [start, end) in epoch ms of one local date. */
    openOn(year: number, month: number, day: number, weekday: number): [number, number][];
}

function calendarOf(rt: Runtime, id: Value): Calendar {
    if (typeof id !== 'string') return rt.fail('NullPointerException', 'Argument cannot be null');
    const record: SObject | undefined = rt.tx.store.get(id);
    if (!record || record.type.toLowerCase() !== 'businesshours') {
        return rt.fail('InvalidParameterValueException', `Invalid business hours id: ${id}`);
    }
    const zone = String(record.get('TimeZoneSidKey') ?? 'America/Los_Angeles');
    const name = String(record.get('Name') ?? '');
    const holidays = rt.tx.metadata.holidays.filter((holiday) => holiday.businessHours.includes(name));
    if (holidays.some((holiday) => holiday.startTimeInMinutes !== undefined)) {
        return rt.unsupported('BusinessHours with a partial-day holiday');
    }
    const isHoliday = (year: number, month: number, day: number) =>
        holidays.some((holiday) => {
            const [y, m, d] = holiday.activityDate.split('-').map(Number);
            return m === month && d === day && (y === year || holiday.isRecurring);
        });
    return {
        zone,
        openOn(year, month, day, weekday) {
            if (isHoliday(year, month, day)) return [];
            const start = record.get(`${DAYS[weekday - 1]}StartTime`);
            const end = record.get(`${DAYS[weekday - 1]}EndTime`);
            if (!(start instanceof STime) || !(end instanceof STime)) return [];
            const open = fromLocal(zone, year, month, day, start.hour, start.minute, start.second, start.millisecond);
            const closeDay = end.ms === 0 ? day + 1 : day;
            const close = fromLocal(zone, year, month, closeDay, end.hour, end.minute, end.second, end.millisecond);
            return close > open ? [[open, close]] : [];
        }
    };
}

/** Open intervals from the local day containing `from`, day by day. */
function* intervals(calendar: Calendar, from: number): Generator<[number, number]> {
    const p = localParts(from, calendar.zone);
    for (let offset = 0; offset < HORIZON_DAYS; offset++) {
        const date = new Date(Date.UTC(p.year, p.month - 1, p.day + offset));
        const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
        yield* calendar.openOn(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), weekday);
    }
}

function instant(rt: Runtime, value: Value): number {
    if (!(value instanceof SDatetime)) return rt.fail('NullPointerException', 'Argument cannot be null');
    return value.ms;
}

function add(rt: Runtime, id: Value, start: Value, interval: Value): Value {
    const calendar = calendarOf(rt, id);
    let remaining = Number(typeof interval === 'bigint' || typeof interval === 'number' ? interval : NaN);
    if (!Number.isFinite(remaining)) return rt.fail('NullPointerException', 'Argument cannot be null');
    if (remaining < 0) return rt.unsupported('BusinessHours.add with a negative interval');
    const from = instant(rt, start);
    for (const [open, close] of intervals(calendar, from)) {
        if (close <= from) continue;
        const begin = Math.max(open, from);
        if (remaining <= close - begin) return new SDatetime(begin + remaining);
        remaining -= close - begin;
    }
    return rt.unsupported('BusinessHours.add beyond ten years');
}

function diff(rt: Runtime, id: Value, start: Value, end: Value): Value {
    const calendar = calendarOf(rt, id);
    const from = instant(rt, start);
    const to = instant(rt, end);
    if (to <= from) return to === from ? 0n : -BigInt(Number(diff(rt, id, end, start)));
    let total = 0;
    for (const [open, close] of intervals(calendar, from)) {
        if (open >= to) break;
        total += Math.max(0, Math.min(close, to) - Math.max(open, from));
    }
    return BigInt(total);
}

export const BusinessHoursClass: StdlibClass = {
    name: 'BusinessHours',
    statics: {
        add: (rt, [id, start, interval]) => add(rt, id, start, interval),
        addgmt: (rt, [id, start, interval]) => add(rt, id, start, interval),
        diff: (rt, [id, start, end]) => diff(rt, id, start, end),
        iswithin: (rt, [id, at]) => {
            const calendar = calendarOf(rt, id);
            const moment = instant(rt, at);
            for (const [open, close] of intervals(calendar, moment - DAY)) {
                if (open > moment) return false;
                if (moment < close) return true;
            }
            return false;
        },
        nextstartdate: (rt, [id, at]) => {
            const calendar = calendarOf(rt, id);
            const moment = instant(rt, at);
            for (const [open, close] of intervals(calendar, moment - DAY)) {
                if (close <= moment) continue;
                return new SDatetime(Math.max(open, moment));
            }
            return null;
        }
    }
};
