import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
    SLA_DISPLAY,
    addDays,
    clockOffset,
    countdownText,
    formatDuration,
    formatMinutes,
    isoDate,
    openingText,
    serverTime,
    slaState,
    slaStatus,
    waitingText
} from 'c/slaClock';

const MINUTE = 60_000;
const NOW = Date.parse('2026-03-02T15:00:00.000Z');
const inMinutes = (minutes: number) => new Date(NOW + minutes * MINUTE).toISOString();

describe('server clock offset', () => {
    it('reads the server time through the offset when the browser clock is wrong', () => {
        const browserNow = NOW - 5 * MINUTE;
        const offset = clockOffset(new Date(NOW).toISOString(), browserNow);
        expect(offset).toBe(5 * MINUTE);
        expect(serverTime(offset, browserNow)).toBe(NOW);
        expect(serverTime(offset, browserNow + MINUTE)).toBe(NOW + MINUTE);
    });

    it('trusts the browser when the server time is missing or unreadable', () => {
        expect(clockOffset(null, NOW)).toBe(0);
        expect(clockOffset('not a date', NOW)).toBe(0);
    });
});

describe('SLA state', () => {
    // Due soon from 15 minutes before a 60-minute deadline, as the server sets Due_Soon_At__c from the policy.
    const acceptBy = inMinutes(15);
    const dueSoonAt = inMinutes(0);

    it('is green until the due-soon time, amber from exactly it', () => {
        expect(slaState(acceptBy, NOW - MINUTE, dueSoonAt)).toBe('green');
        expect(slaState(acceptBy, NOW, dueSoonAt)).toBe('amber');
        expect(slaState(acceptBy, NOW + MINUTE, dueSoonAt)).toBe('amber');
    });

    it('keeps no rule of its own: without a due-soon time it stays green until the deadline', () => {
        expect(slaState(inMinutes(1), NOW, null)).toBe('green');
        expect(slaState(inMinutes(1), NOW)).toBe('green');
    });

    it('is still within the SLA exactly at the accept-by, and red one minute after', () => {
        expect(slaState(acceptBy, NOW + 15 * MINUTE, dueSoonAt)).toBe('amber');
        expect(slaState(acceptBy, NOW + 16 * MINUTE, dueSoonAt)).toBe('red');
        expect(slaState(inMinutes(-8), NOW)).toBe('red');
    });

    it('is paused while the business hours are closed, until they open, unless already breached', () => {
        // Outside business hours the accept-by clock stands still (ResponseSlaClock on the server sets pausedUntil).
        // Hours open in 60 minutes; 15 business minutes are left then, all of them due soon.
        const pausedUntil = inMinutes(60);
        expect(slaState(inMinutes(75), NOW, inMinutes(60), pausedUntil)).toBe('paused');
        expect(slaState(inMinutes(75), NOW + 59 * MINUTE, inMinutes(60), pausedUntil)).toBe('paused');
        // Once the hours open the clock runs again: the ticking browser needs no new page for that.
        expect(slaState(inMinutes(75), NOW + 60 * MINUTE, inMinutes(60), pausedUntil)).toBe('amber');
        // Paused wins over due soon, as ResponseSlaClock orders them.
        expect(slaState(acceptBy, NOW, dueSoonAt, pausedUntil)).toBe('paused');
        expect(slaState(inMinutes(-8), NOW, null, pausedUntil)).toBe('red');
        expect(slaState(acceptBy, NOW, dueSoonAt, null)).toBe('amber');
    });

    it("says until when a paused SLA waits, in the user's locale and time zone", () => {
        // Jest's @salesforce/i18n: en-US, America/Los_Angeles. 2026-03-02 17:00 UTC is a Monday, 09:00 there.
        const opening = '2026-03-02T17:00:00.000Z';
        expect(openingText(opening)).toBe('Mon, Mar 2, 9:00 AM');
        expect(slaStatus(acceptBy, NOW, dueSoonAt, opening)).toEqual({
            state: 'paused',
            text: 'until Mon, Mar 2, 9:00 AM'
        });
        expect(openingText(null)).toBe('');
    });

    it('has no state without an accept-by', () => {
        expect(slaState(null, NOW)).toBe('none');
        expect(slaStatus(undefined, NOW)).toEqual({ state: 'none', text: '' });
    });
});

describe('countdown and waiting text', () => {
    it('counts down in minutes, then hours with two-digit minutes, then days', () => {
        expect(countdownText(inMinutes(12.5), NOW)).toBe('12 min left');
        expect(countdownText(inMinutes(65), NOW)).toBe('1 h 05 min left');
        expect(countdownText(inMinutes(60 * 26 + 3), NOW)).toBe('1 d 2 h left');
        expect(countdownText(inMinutes(0.5), NOW)).toBe('less than 1 min left');
        expect(countdownText(inMinutes(0), NOW)).toBe('due now');
        expect(countdownText(inMinutes(-1), NOW)).toBe('1 min overdue');
    });

    it('says how late an overdue lead is', () => {
        expect(countdownText(inMinutes(-8.4), NOW)).toBe('8 min overdue');
        expect(slaStatus(inMinutes(-90), NOW)).toEqual({ state: 'red', text: '1 h 30 min overdue' });
    });

    it('says how long a lead has waited since it became an MQL', () => {
        expect(waitingText(inMinutes(-35), NOW)).toBe('35 min');
        expect(waitingText(inMinutes(-0.2), NOW)).toBe('just now');
        expect(waitingText(null, NOW)).toBe('');
    });

    it('formats durations and Apex minute counts alike, never negative', () => {
        expect(formatDuration(-5 * MINUTE)).toBe('0 min');
        expect(formatMinutes(125)).toBe('2 h 05 min');
        expect(formatMinutes(null)).toBe('');
    });
});

describe('boundaries, each pinned one minute before, exactly at and one minute after', () => {
    const acceptBy = inMinutes(0);
    const dueSoonAt = inMinutes(-15);

    it('the SLA is met up to and including the accept-by moment, breached one minute after', () => {
        expect(slaState(acceptBy, NOW - MINUTE, dueSoonAt)).toBe('amber');
        expect(slaState(acceptBy, NOW, dueSoonAt)).toBe('amber');
        expect(slaState(acceptBy, NOW + MINUTE, dueSoonAt)).toBe('red');
        // one millisecond past the accept-by is already late
        expect(slaState(acceptBy, NOW + 1, dueSoonAt)).toBe('red');
    });

    it('turns amber exactly at the due-soon time, not a millisecond before', () => {
        expect(slaState(acceptBy, NOW - 15 * MINUTE - 1, dueSoonAt)).toBe('green');
        expect(slaState(acceptBy, NOW - 15 * MINUTE, dueSoonAt)).toBe('amber');
    });

    it('the countdown reads "due now" exactly at zero, a minute left before, a minute overdue after', () => {
        expect(countdownText(acceptBy, NOW - MINUTE)).toBe('1 min left');
        expect(countdownText(acceptBy, NOW)).toBe('due now');
        expect(countdownText(acceptBy, NOW + MINUTE)).toBe('1 min overdue');
        expect(countdownText(acceptBy, NOW - MINUTE + 1)).toBe('less than 1 min left');
    });

    it('due within the hour reads in minutes up to 59, one hour exactly at 60 minutes', () => {
        expect(countdownText(inMinutes(59), NOW)).toBe('59 min left');
        expect(countdownText(inMinutes(60), NOW)).toBe('1 h 00 min left');
        expect(countdownText(inMinutes(61), NOW)).toBe('1 h 01 min left');
        expect(formatMinutes(59)).toBe('59 min');
        expect(formatMinutes(60)).toBe('1 h 00 min');
    });

    it('counts hours up to 23 h 59, one day exactly at 24 hours', () => {
        expect(formatMinutes(24 * 60 - 1)).toBe('23 h 59 min');
        expect(formatMinutes(24 * 60)).toBe('1 d 0 h');
        expect(formatMinutes(24 * 60 + 60)).toBe('1 d 1 h');
    });

    it('a lead waits "just now" under a minute, "1 min" from exactly one minute', () => {
        expect(waitingText(inMinutes(0), NOW)).toBe('just now');
        expect(waitingText(NOW - MINUTE + 1, NOW)).toBe('just now');
        expect(waitingText(inMinutes(-1), NOW)).toBe('1 min');
        expect(waitingText(inMinutes(-2), NOW)).toBe('2 min');
    });

    it('reads times given as epoch milliseconds as well as ISO text, and an empty accept-by as none', () => {
        expect(slaState(NOW, NOW + MINUTE)).toBe('red');
        expect(slaState('', NOW)).toBe('none');
        expect(countdownText('', NOW)).toBe('');
        expect(countdownText('not a date', NOW)).toBe('');
        expect(waitingText('', NOW)).toBe('');
        expect(formatMinutes(undefined)).toBe('');
        expect(formatMinutes(0)).toBe('0 min');
    });
});

describe('dates', () => {
    it('adds days across month and year ends', () => {
        expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
        expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    });

    it('gives the local yyyy-mm-dd of a moment', () => {
        expect(isoDate(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
    });
});

describe('how an SLA state reads on screen', () => {
    const slds = readFileSync(
        'node_modules/@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.css',
        'utf8'
    );

    it('uses only classes SLDS defines, and words and an icon as well as colour', () => {
        for (const display of Object.values(SLA_DISPLAY)) {
            for (const className of display.className.split(' ')) {
                expect(new RegExp(`\\.${className}[,{\\s]`).test(slds)).toBe(true);
            }
            expect(display.word).not.toBe('');
            expect(display.icon).not.toBe('');
        }
        expect(Object.values(SLA_DISPLAY).map((display) => display.word)).toEqual([
            'On track',
            'Due soon',
            'Breached',
            'Paused',
            'No SLA'
        ]);
    });
});
