// Wall-clock arithmetic in an IANA time zone (the user's TimeZoneSidKey, a BusinessHours zone) with Intl.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
    let format = formatters.get(zone);
    if (!format) {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            weekday: 'short'
        });
        formatters.set(zone, format);
    }
    return format;
}

export interface LocalParts {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    millisecond: number;
    /** 1 = Monday … 7 = Sunday */
    weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(ms: number, zone: string): LocalParts {
    const parts: Record<string, string> = {};
    for (const part of formatter(zone).formatToParts(new Date(ms))) parts[part.type] = part.value;
    return {
        year: Number(parts.year),
        month: Number(parts.month),
        day: Number(parts.day),
        hour: Number(parts.hour) % 24,
        minute: Number(parts.minute),
        second: Number(parts.second),
        millisecond: ((ms % 1000) + 1000) % 1000,
        weekday: WEEKDAYS[parts.weekday]
    };
}

/** Offset of the zone from GMT at an instant, in milliseconds (New York in winter: -5 h). */
export function zoneOffset(ms: number, zone: string): number {
    const p = localParts(ms, zone);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
    return asUtc - ms;
}

/** The instant of a wall-clock time in a zone (the earlier one when the clock repeats). */
export function fromLocal(
    zone: string,
    year: number,
    month: number,
    day: number,
    hour = 0,
    minute = 0,
    second = 0,
    millisecond = 0
): number {
    const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    let guess = wall - zoneOffset(wall, zone);
    guess = wall - zoneOffset(guess, zone);
    return guess;
}
