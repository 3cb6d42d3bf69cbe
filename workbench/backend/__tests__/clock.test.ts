// Same cases as force-app-tests BusinessHoursClockTest, against "Lead Handoff SDR Hours" read from
// config/project-scratch-def.json (Mon–Fri 09:00–17:00 New York, Thanksgiving 2026 and New Year 2027 off).
import { describe, expect, it } from '@jest/globals';
import { BusinessHoursClock, zonedTime } from '../clock.ts';
import { loadProjectMetadata } from '../metadata.ts';

const SDR_HOURS = 'Lead Handoff SDR Hours';
const clock = new BusinessHoursClock(loadProjectMetadata(process.cwd()).businessHours);
const ny = (year: number, month: number, day: number, hour: number, minute: number) =>
    new Date(zonedTime({ year, month, day }, hour * 60 + minute, 'America/New_York'));

describe('BusinessHoursClock', () => {
    it('reads the SDR hours from the scratch org definition', () => {
        const hours = clock.hours(SDR_HOURS);
        expect(hours.timeZone).toBe('America/New_York');
        expect(hours.week[1]).toEqual({ start: 9 * 60, end: 17 * 60 });
        expect(hours.week[6]).toBeNull();
        expect(hours.holidays.map((holiday) => holiday.date)).toEqual(['2026-11-26', '2027-01-01']);
    });

    it('converts New York wall-clock time with daylight saving time', () => {
        expect(ny(2026, 7, 1, 9, 0).toISOString()).toBe('2026-07-01T13:00:00.000Z');
        expect(ny(2026, 12, 1, 9, 0).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    });

    it('adds minutes on a Friday afternoon across the weekend', () => {
        expect(clock.addMinutes(SDR_HOURS, ny(2026, 11, 20, 16, 30), 60)).toEqual(ny(2026, 11, 23, 9, 30));
    });

    it('skips Thanksgiving', () => {
        expect(clock.addMinutes(SDR_HOURS, ny(2026, 11, 25, 16, 30), 60)).toEqual(ny(2026, 11, 27, 9, 30));
    });

    it("skips New Year's Day and the weekend after it", () => {
        expect(clock.addMinutes(SDR_HOURS, ny(2026, 12, 31, 16, 30), 60)).toEqual(ny(2027, 1, 4, 9, 30));
    });

    it('counts from the next opening when started outside business hours', () => {
        expect(clock.addMinutes(SDR_HOURS, ny(2026, 11, 21, 12, 0), 30)).toEqual(ny(2026, 11, 23, 9, 30));
    });

    it('keeps wall-clock hours across the end of daylight saving time', () => {
        // Friday 2026-10-30 16:00 + 120 business minutes: 60 on Friday, 60 on Monday after the clocks went back.
        expect(clock.addMinutes(SDR_HOURS, ny(2026, 10, 30, 16, 0), 120)).toEqual(ny(2026, 11, 2, 10, 0));
        expect(ny(2026, 11, 2, 10, 0).toISOString()).toBe('2026-11-02T15:00:00.000Z');
    });

    it('measures business minutes without nights, weekends and holidays', () => {
        expect(clock.businessMinutesBetween(SDR_HOURS, ny(2026, 11, 20, 16, 30), ny(2026, 11, 23, 9, 30))).toBe(60);
        expect(clock.businessMinutesBetween(SDR_HOURS, ny(2026, 11, 25, 9, 0), ny(2026, 11, 27, 9, 0))).toBe(480);
        expect(BusinessHoursClock.calendarMinutesBetween(ny(2026, 11, 20, 16, 30), ny(2026, 11, 23, 9, 30))).toBe(3900);
    });

    it('measures zero for missing or reversed bounds', () => {
        const now = new Date();
        expect(BusinessHoursClock.calendarMinutesBetween(null, now)).toBe(0);
        expect(BusinessHoursClock.calendarMinutesBetween(now, new Date(now.getTime() - 3_600_000))).toBe(0);
        expect(clock.businessMinutesBetween(SDR_HOURS, null, now)).toBe(0);
    });

    it('falls back to round-the-clock default hours for an unknown name', () => {
        const start = ny(2026, 11, 21, 12, 0);
        expect(clock.addMinutes('No Such Hours', start, 30)).toEqual(new Date(start.getTime() + 30 * 60_000));
    });
});
