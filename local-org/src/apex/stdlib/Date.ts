// Date: calendar dates with no zone; Date.today() is the date in the running user's time zone.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_date.htm
import { SDate, SDatetime } from '../../core/values.ts';
import type { Value } from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';
import { today } from './System.ts';

function whole(rt: Runtime, value: Value): number {
    if (typeof value !== 'number') return rt.fail('NullPointerException', 'Argument cannot be null');
    return value;
}

function addMonths(date: SDate, months: number): SDate {
    const total = date.year * 12 + (date.month - 1) + months;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return new SDate(year, month, Math.min(date.day, last));
}

const instance: Record<string, InstanceMethod<SDate>> = {
    adddays: (rt, date, [days]) => date.addDays(whole(rt, days)),
    addmonths: (rt, date, [months]) => addMonths(date, whole(rt, months)),
    addyears: (rt, date, [years]) => addMonths(date, 12 * whole(rt, years)),
    daysbetween: (rt, date, [other]) => {
        if (!(other instanceof SDate)) return rt.fail('NullPointerException', 'Argument cannot be null');
        return other.epochDay - date.epochDay;
    },
    year: (_rt, date) => date.year,
    month: (_rt, date) => date.month,
    day: (_rt, date) => date.day,
    dayofyear: (_rt, date) => date.epochDay - new SDate(date.year, 1, 1).epochDay + 1,
    issameday: (_rt, date, [other]) => date.equals(other),
    tostartofmonth: (_rt, date) => new SDate(date.year, date.month, 1),
    tostartofweek: (_rt, date) => date.addDays(-(date.isoWeekday % 7)),
    format: (rt, date) => {
        if (rt.tx.user.locale !== 'en_US') return rt.unsupported(`Date.format() in locale ${rt.tx.user.locale}`);
        return `${date.month}/${date.day}/${date.year}`;
    },
    equals: (_rt, date, [other]) => date.equals(other)
};

export const DateClass: StdlibClass = {
    name: 'Date',
    owns: (value) => value instanceof SDate,
    instance,
    statics: {
        today: (rt) => today(rt),
        newinstance: (rt, [year, month, day]) => new SDate(whole(rt, year), whole(rt, month), whole(rt, day)),
        valueof: (rt, [value]) => {
            if (value === null) return null;
            if (value instanceof SDatetime) return rt.unsupported('Date.valueOf(Datetime)');
            if (typeof value === 'string') {
                try {
                    return SDate.parse(value.substring(0, 10));
                } catch {
                    return rt.fail('TypeException', `Invalid date: ${value}`);
                }
            }
            return rt.unsupported('Date.valueOf');
        },
        daysinmonth: (rt, [year, month]) => new Date(Date.UTC(whole(rt, year), whole(rt, month), 0)).getUTCDate(),
        isleapyear: (rt, [year]) => {
            const y = whole(rt, year);
            return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        }
    }
};
