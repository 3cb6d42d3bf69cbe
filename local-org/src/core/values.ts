// The values that cross local-org's layers (store, SOQL, DML, formulas, flows, Apex). Each layer may keep richer
// values of its own inside (the Apex interpreter has Decimal with scale, collections, objects), but what a record
// field holds, what a query returns and what a flow assigns is one of these:
//   null · boolean · number (Integer, Long, Double and number/currency/percent fields) · string (Text, Id,
//   picklist values, email, ...) · SDate · SDatetime · STime · SObject (a parent reached through a relationship).
// A blank text field is null, never '' (the platform stores '' as null).
import type { SObject } from './sobject.ts';

/** A calendar date with no time zone (Apex Date, field type date). Immutable. */
export class SDate {
    readonly year: number;
    readonly month: number; // 1–12
    readonly day: number; // 1–31

    constructor(year: number, month: number, day: number) {
        // Normalise overflow (addDays, addMonths) through UTC arithmetic.
        const utc = new Date(Date.UTC(year, month - 1, day));
        this.year = utc.getUTCFullYear();
        this.month = utc.getUTCMonth() + 1;
        this.day = utc.getUTCDate();
    }

    /** 'YYYY-MM-DD' */
    static parse(text: string): SDate {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
        if (!match) throw new Error(`Invalid date: ${text}`);
        return new SDate(Number(match[1]), Number(match[2]), Number(match[3]));
    }

    /** Days since 1970-01-01 (for comparisons and differences). */
    get epochDay(): number {
        return Math.round(Date.UTC(this.year, this.month - 1, this.day) / 86_400_000);
    }

    /** Monday = 1 … Sunday = 7 */
    get isoWeekday(): number {
        const day = new Date(Date.UTC(this.year, this.month - 1, this.day)).getUTCDay();
        return day === 0 ? 7 : day;
    }

    addDays(days: number): SDate {
        return new SDate(this.year, this.month, this.day + days);
    }

    equals(other: unknown): boolean {
        return other instanceof SDate && other.epochDay === this.epochDay;
    }

    toString(): string {
        return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
    }
}

/** An instant (Apex Datetime, field type datetime), in milliseconds since the epoch, UTC. Immutable. */
export class SDatetime {
    readonly ms: number;

    constructor(ms: number) {
        if (!Number.isFinite(ms)) throw new Error(`Invalid datetime: ${ms}`);
        this.ms = ms;
    }

    /** ISO 8601 with a zone ('2026-12-04T18:43:00.000Z', '2026-12-04T13:43:00-05:00'). */
    static parse(text: string): SDatetime {
        const ms = Date.parse(text);
        if (Number.isNaN(ms)) throw new Error(`Invalid datetime: ${text}`);
        return new SDatetime(ms);
    }

    equals(other: unknown): boolean {
        return other instanceof SDatetime && other.ms === this.ms;
    }

    /** '2026-12-04T18:43:00.000Z' (the REST/JSON form). */
    toString(): string {
        return new Date(this.ms).toISOString();
    }
}

/** A time of day (Apex Time, field type time), milliseconds after midnight. Immutable. */
export class STime {
    readonly ms: number;

    constructor(ms: number) {
        this.ms = ((ms % 86_400_000) + 86_400_000) % 86_400_000;
    }

    static of(hour: number, minute: number, second = 0, millisecond = 0): STime {
        return new STime(((hour * 60 + minute) * 60 + second) * 1000 + millisecond);
    }

    /** 'HH:mm:ss.SSSZ' or 'HH:mm:ss' */
    static parse(text: string): STime {
        const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(text.trim());
        if (!match) throw new Error(`Invalid time: ${text}`);
        return STime.of(
            Number(match[1]),
            Number(match[2]),
            Number(match[3] ?? 0),
            Number((match[4] ?? '0').padEnd(3, '0'))
        );
    }

    get hour(): number {
        return Math.floor(this.ms / 3_600_000);
    }
    get minute(): number {
        return Math.floor(this.ms / 60_000) % 60;
    }
    get second(): number {
        return Math.floor(this.ms / 1000) % 60;
    }
    get millisecond(): number {
        return this.ms % 1000;
    }

    equals(other: unknown): boolean {
        return other instanceof STime && other.ms === this.ms;
    }

    toString(): string {
        return `${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}.${pad(this.millisecond, 3)}Z`;
    }
}

export type FieldValue = null | boolean | number | string | SDate | SDatetime | STime | SObject;

function pad(value: number, width: number): string {
    return String(value).padStart(width, '0');
}
