// Business-hours arithmetic like Apex BusinessHours.add / BusinessHours.diff: weekly opening hours in the record's
// time zone (DST-correct through Intl), holidays skipped. Unknown names use the org default, as BusinessHoursClock.
import type { BusinessHoursDefinition } from './metadata.ts';

const MINUTE = 60_000;
const MAX_DAYS_SCANNED = 3660;

interface LocalDate {
    year: number;
    month: number;
    day: number;
}

/** A new org's "Default" business hours: open all day, every day (used when a name is unknown). */
const ORG_DEFAULT: BusinessHoursDefinition = {
    name: 'Default',
    active: true,
    isDefault: true,
    timeZone: 'America/New_York',
    week: Array.from({ length: 7 }, () => ({ start: 0, end: 24 * 60 })),
    holidays: []
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
    let format = formatters.get(timeZone);
    if (!format) {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric'
        });
        formatters.set(timeZone, format);
    }
    return format;
}

/** Wall-clock parts of an instant in a time zone. */
export function localParts(instant: number, timeZone: string) {
    const parts: Record<string, number> = {};
    for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
        if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

function offsetAt(instant: number, timeZone: string): number {
    const parts = localParts(instant, timeZone);
    const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    return asUtc - Math.floor(instant / MINUTE) * MINUTE;
}

/** The instant of a wall-clock time in a time zone (a skipped DST hour moves forward, like Salesforce). */
export function zonedTime(date: LocalDate, minutesOfDay: number, timeZone: string): number {
    const asUtc = Date.UTC(date.year, date.month - 1, date.day) + minutesOfDay * MINUTE;
    const first = asUtc - offsetAt(asUtc, timeZone);
    const second = asUtc - offsetAt(first, timeZone);
    return second;
}

function nextDate(date: LocalDate): LocalDate {
    const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
    return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const isoDate = (date: LocalDate) =>
    `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

export class BusinessHoursClock {
    private readonly byName = new Map<string, BusinessHoursDefinition>();
    private readonly orgDefault: BusinessHoursDefinition;

    constructor(definitions: BusinessHoursDefinition[]) {
        for (const definition of definitions) if (definition.active) this.byName.set(definition.name, definition);
        this.orgDefault = definitions.find((definition) => definition.isDefault && definition.active) ?? ORG_DEFAULT;
    }

    /** The business hours used for a name: the active ones of that name, else the org default. */
    hours(name: string | null | undefined): BusinessHoursDefinition {
        return (name ? this.byName.get(name) : undefined) ?? this.orgDefault;
    }

    /** Today's date (yyyy-mm-dd) in a time zone. */
    static today(now: Date, timeZone: string): string {
        const parts = localParts(now.getTime(), timeZone);
        return isoDate(parts);
    }

    private openWindow(hours: BusinessHoursDefinition, date: LocalDate): { start: number; end: number } | null {
        const day = isoDate(date);
        const closed = hours.holidays.some((holiday) =>
            holiday.recurring ? holiday.date.slice(5) === day.slice(5) : holiday.date === day
        );
        const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
        const opening = hours.week[weekday];
        if (closed || !opening) return null;
        return {
            start: zonedTime(date, opening.start, hours.timeZone),
            end: zonedTime(date, opening.end, hours.timeZone)
        };
    }

    /** The moment `minutes` business minutes after `startAt` (BusinessHours.add). */
    addMinutes(name: string | null | undefined, startAt: Date, minutes: number): Date {
        const hours = this.hours(name);
        let remaining = Math.max(minutes, 0) * MINUTE;
        let cursor = startAt.getTime();
        let date: LocalDate = localParts(cursor, hours.timeZone);
        for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
            const window = this.openWindow(hours, date);
            if (window && cursor < window.end) {
                cursor = Math.max(cursor, window.start);
                const available = window.end - cursor;
                if (remaining <= available) return new Date(cursor + remaining);
                remaining -= available;
            }
            date = nextDate(date);
            cursor = Math.max(cursor, zonedTime(date, 0, hours.timeZone));
        }
        throw new Error(`Business hours "${hours.name}" have no open time in ten years: check their weekly hours.`);
    }

    /** Whole business minutes between two moments (BusinessHours.diff, rounded down); 0 when not in order. */
    businessMinutesBetween(name: string | null | undefined, startAt: Date | null, endAt: Date | null): number {
        if (!startAt || !endAt || endAt.getTime() <= startAt.getTime()) return 0;
        const hours = this.hours(name);
        const end = endAt.getTime();
        let total = 0;
        let date: LocalDate = localParts(startAt.getTime(), hours.timeZone);
        for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
            if (zonedTime(date, 0, hours.timeZone) >= end) break;
            const window = this.openWindow(hours, date);
            if (window) {
                const from = Math.max(window.start, startAt.getTime());
                const to = Math.min(window.end, end);
                if (to > from) total += to - from;
            }
            date = nextDate(date);
        }
        return Math.floor(total / MINUTE);
    }

    static calendarMinutesBetween(startAt: Date | null, endAt: Date | null): number {
        if (!startAt || !endAt || endAt.getTime() <= startAt.getTime()) return 0;
        return Math.floor((endAt.getTime() - startAt.getTime()) / MINUTE);
    }
}
