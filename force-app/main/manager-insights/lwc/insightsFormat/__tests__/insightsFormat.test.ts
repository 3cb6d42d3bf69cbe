import { describe, expect, it } from '@jest/globals';
import {
    PERIOD_OPTIONS,
    businessTimeText,
    choiceButtons,
    dateText,
    dayCount,
    normalizePeriod,
    periodChoice,
    percentText,
    periodText,
    queueBreachState,
    queueBreachText
} from 'c/insightsFormat';

describe('periods', () => {
    it('offers 7, 30 and 90 days', () => {
        expect(PERIOD_OPTIONS.map((option) => option.label)).toEqual(['7 days', '30 days', '90 days']);
    });

    it('rounds a configured period up to the next one the Apex accepts', () => {
        expect(normalizePeriod(7)).toBe(7);
        expect(normalizePeriod('30')).toBe(30);
        expect(normalizePeriod(14)).toBe(30);
        expect(normalizePeriod(365)).toBe(90);
    });

    it('falls back to 7 days for nonsense', () => {
        expect(normalizePeriod(undefined)).toBe(7);
        expect(normalizePeriod('soon')).toBe(7);
        expect(normalizePeriod(-3)).toBe(7);
    });

    it('marks the chosen button pressed and brand, the others neutral', () => {
        const buttons = choiceButtons(PERIOD_OPTIONS, '30');
        expect(buttons.map((button) => button.pressed)).toEqual(['false', 'true', 'false']);
        expect(buttons[1].className).toContain('slds-button_brand');
        expect(buttons[0].className).toContain('slds-button_neutral');
    });

    it('makes the period group for the picker, with the chosen period', () => {
        expect(periodChoice('90')).toEqual({ name: 'period', label: 'Period', options: PERIOD_OPTIONS, value: '90' });
    });
});

describe('rates and business time', () => {
    it('shows whole and one-decimal percentages', () => {
        expect(percentText(75)).toBe('75 %');
        expect(percentText(41.66)).toBe('41.7 %');
        expect(percentText(0)).toBe('0 %');
    });

    it('says when there was nothing to divide', () => {
        expect(percentText(null)).toBe('not enough data');
        expect(percentText(undefined)).toBe('not enough data');
        expect(percentText(Number.NaN)).toBe('not enough data');
    });

    it('tells business time in minutes and hours, never in days', () => {
        expect(businessTimeText(42)).toBe('42 min');
        expect(businessTimeText(185)).toBe('3 h 05 min');
        expect(businessTimeText(1500)).toBe('25 h');
        expect(businessTimeText(0)).toBe('0 min');
        expect(businessTimeText(null)).toBe('not enough data');
        expect(businessTimeText(undefined)).toBe('not enough data');
    });

    it('tells a full day of business minutes in hours: 23 h 59 min, then exactly 24 h', () => {
        expect(businessTimeText(24 * 60 - 1)).toBe('23 h 59 min');
        expect(businessTimeText(24 * 60)).toBe('24 h');
        expect(businessTimeText(24 * 60 + 1)).toBe('24 h');
    });
});

describe('queue breach state', () => {
    it('is red when any MQL is past its SLA, whatever else is due', () => {
        const queue = { breachedNow: 1, dueSoon: 4, pending: 9 };
        expect(queueBreachState(queue)).toBe('red');
        expect(queueBreachText(queue)).toBe('Breached: 1 MQL past the SLA');
    });

    it('is amber when an MQL is due soon', () => {
        const queue = { breachedNow: 0, dueSoon: 2, pending: 5 };
        expect(queueBreachState(queue)).toBe('amber');
        expect(queueBreachText(queue)).toBe('At risk: 2 MQLs due soon');
    });

    it('is paused while the business hours of every waiting MQL are closed, until they open; breached wins', () => {
        const now = Date.parse('2026-03-02T15:00:00.000Z');
        // 17:00 UTC is 9:00 AM in the user's time zone (Jest: America/Los_Angeles).
        const queue = { breachedNow: 0, dueSoon: 2, pending: 5, slaPausedUntil: '2026-03-02T17:00:00.000Z' };
        expect(queueBreachState(queue, now)).toBe('paused');
        expect(queueBreachText(queue, now)).toBe('Paused until Mon, Mar 2, 9:00 AM');
        expect(queueBreachState(queue, Date.parse(queue.slaPausedUntil))).toBe('amber');
        expect(queueBreachState({ ...queue, breachedNow: 1 }, now)).toBe('red');
    });

    it('is green otherwise, with or without waiting MQLs', () => {
        expect(queueBreachState({ breachedNow: 0, dueSoon: 0 })).toBe('green');
        expect(queueBreachText({ breachedNow: 0, dueSoon: 0, pending: 3 })).toBe(
            'On track: every waiting MQL is inside its SLA'
        );
        expect(queueBreachText({ breachedNow: 0, dueSoon: 0, pending: 0 })).toBe('On track: nothing waiting');
    });
});

describe('words', () => {
    it('counts days, one or more', () => {
        expect(dayCount(1)).toBe('1 day');
        expect(dayCount(0)).toBe('0 days');
        expect(dayCount(90)).toBe('90 days');
    });

    it('shows dates and date-times by their date part', () => {
        expect(dateText('2026-03-02')).toBe('2 Mar 2026');
        expect(dateText('2026-12-31T23:30:00.000Z')).toBe('31 Dec 2026');
        expect(dateText(null)).toBe('');
        expect(dateText('yesterday')).toBe('');
        expect(dateText('on 2026-03-02')).toBe('');
    });

    it('shows a month number it has no name for rather than failing', () => {
        expect(dateText('2026-13-02')).toBe('2 13 2026');
    });

    it('captions a period only when both ends are known', () => {
        expect(periodText('2026-02-23T15:00:00.000Z', '2026-03-02T15:00:00.000Z')).toBe('23 Feb 2026 – 2 Mar 2026');
        expect(periodText(null, '2026-03-02')).toBe('');
    });
});
