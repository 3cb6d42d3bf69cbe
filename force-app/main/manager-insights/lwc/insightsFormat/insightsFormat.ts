// Numbers and words shared by the manager views (queue SLA board, funnel, reason Pareto): periods, rates,
// business time and the breach state of a queue. Waiting time and SLA colours come from c/slaClock.
import { formatMinutes } from 'c/slaClock';
import type { SlaState } from 'c/slaClock';

export const PERIOD_DAYS = [7, 30, 90] as const;

export interface ChoiceOption {
    value: string;
    label: string;
}

export interface ChoiceButton extends ChoiceOption {
    pressed: 'true' | 'false';
    className: string;
}

/** One single-choice group of c/insightsPicker: its options and the chosen value. */
export interface ChoiceGroup {
    name: string;
    label: string;
    options: readonly ChoiceOption[];
    value: string;
}

export const PERIOD_OPTIONS: readonly ChoiceOption[] = PERIOD_DAYS.map((days) => ({
    value: String(days),
    label: `${days} days`
}));

/** The period group (7, 30 or 90 days) with `period` chosen. */
export function periodChoice(period: string): ChoiceGroup {
    return { name: 'period', label: 'Period', options: PERIOD_OPTIONS, value: period };
}

const NO_DATA = 'not enough data';

/** A period the Apex accepts: one of PERIOD_DAYS, else the nearest longer one (90 at most). */
export function normalizePeriod(days: unknown): number {
    const value = Number(days);
    if (!Number.isFinite(value) || value <= 0) return PERIOD_DAYS[0];
    return PERIOD_DAYS.find((candidate) => value <= candidate) ?? PERIOD_DAYS[PERIOD_DAYS.length - 1];
}

/** Buttons of a single-choice group (SLDS button group with aria-pressed), the chosen one highlighted. */
export function choiceButtons(options: readonly ChoiceOption[], chosen: string): ChoiceButton[] {
    return options.map((option) => {
        const active = option.value === chosen;
        return {
            ...option,
            pressed: active ? 'true' : 'false',
            className: `slds-button ${active ? 'slds-button_brand' : 'slds-button_neutral'}`
        };
    });
}

/** "42 %", "12.5 %", or "not enough data" when there was nothing to divide. */
export function percentText(rate: number | null | undefined): string {
    if (rate === null || rate === undefined || Number.isNaN(rate)) return NO_DATA;
    const rounded = Math.round(rate * 10) / 10;
    return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} %`;
}

/**
 * Business minutes in words. Business days have no fixed length (they follow the business hours), so time is
 * told in hours and minutes, never in days.
 */
export function businessTimeText(minutes: number | null | undefined): string {
    if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return NO_DATA;
    const whole = Math.max(0, Math.round(minutes));
    if (whole < 24 * 60) return formatMinutes(whole);
    return `${Math.floor(whole / 60)} h`;
}

/** Red when a lead waits past its accept-by, amber when one is due soon (past its Due_Soon_At__c, set from the response SLA policy), green otherwise. */
export function queueBreachState(queue: { breachedNow: number; dueSoon: number }): Exclude<SlaState, 'none'> {
    if (queue.breachedNow > 0) return 'red';
    if (queue.dueSoon > 0) return 'amber';
    return 'green';
}

/** The breach state in words, so that colour is never the only signal. */
export function queueBreachText(queue: { breachedNow: number; dueSoon: number; pending: number }): string {
    if (queue.breachedNow > 0) return `Breached: ${plural(queue.breachedNow, 'MQL')} past the SLA`;
    if (queue.dueSoon > 0) return `At risk: ${plural(queue.dueSoon, 'MQL')} due soon`;
    return queue.pending > 0 ? 'On track: every waiting MQL is inside its SLA' : 'On track: nothing waiting';
}

export function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A yyyy-mm-dd or ISO date-time as "2 Mar 2026" (the date part, whatever the time zone). */
export function dateText(value: string | null | undefined): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
    if (!match) return '';
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`;
}

/** A period caption: "2 Mar 2026 – 9 Mar 2026"; empty when either end is unknown. */
export function periodText(start: string | null | undefined, end: string | null | undefined): string {
    const from = dateText(start);
    const to = dateText(end);
    return from && to ? `${from} – ${to}` : '';
}
