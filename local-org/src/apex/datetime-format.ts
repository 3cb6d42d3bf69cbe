// Java SimpleDateFormat patterns, as Datetime.format uses them, rendered in a time zone.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_datetime.htm
import { localParts, zoneOffset } from './timezone.ts';

const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function pad(value: number, width: number): string {
    return String(value).padStart(width, '0');
}

function zoneName(ms: number, zone: string, long: boolean): string {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        timeZoneName: long ? 'long' : 'short'
    }).formatToParts(new Date(ms));
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

export function formatDatetime(ms: number, pattern: string, zone: string): string {
    const p = localParts(ms, zone);
    let out = '';
    let i = 0;
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === "'") {
            const end = pattern.indexOf("'", i + 1);
            if (end === i + 1) out += "'";
            else out += pattern.substring(i + 1, end < 0 ? pattern.length : end);
            i = end < 0 ? pattern.length : end + 1;
            continue;
        }
        if (!/[A-Za-z]/.test(c)) {
            out += c;
            i++;
            continue;
        }
        let n = 1;
        while (pattern[i + n] === c) n++;
        i += n;
        const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
        switch (c) {
            case 'y':
                out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
                break;
            case 'M':
                out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].substring(0, 3) : pad(p.month, n);
                break;
            case 'd':
                out += pad(p.day, n);
                break;
            case 'H':
                out += pad(p.hour, n);
                break;
            case 'h':
                out += pad(hour12, n);
                break;
            case 'k':
                out += pad(p.hour === 0 ? 24 : p.hour, n);
                break;
            case 'm':
                out += pad(p.minute, n);
                break;
            case 's':
                out += pad(p.second, n);
                break;
            case 'S':
                out += pad(p.millisecond, 3).substring(0, Math.max(n, 3));
                break;
            case 'a':
                out += p.hour < 12 ? 'AM' : 'PM';
                break;
            case 'E':
                out += n >= 4 ? DAYS[p.weekday - 1] : DAYS[p.weekday - 1].substring(0, 3);
                break;
            case 'u':
                out += String(p.weekday);
                break;
            case 'z':
                out += zoneName(ms, zone, n >= 4);
                break;
            case 'Z':
            case 'X': {
                const offset = zoneOffset(ms, zone) / 60000;
                const sign = offset < 0 ? '-' : '+';
                const abs = Math.abs(offset);
                out += `${sign}${pad(Math.floor(abs / 60), 2)}${c === 'X' && n >= 3 ? ':' : ''}${pad(abs % 60, 2)}`;
                break;
            }
            default:
                throw new Error(`Datetime pattern letter ${c}`);
        }
    }
    return out;
}
