// Numbers and words shared by the manager views (queue SLA board, funnel, reason Pareto): periods, rates,
// business time and the breach state of a queue. Waiting time and SLA colours come from c/slaClock.
import DAY_COUNT_ONE from '@salesforce/label/c.LeadHandoff_ManagerInsights_DayCountOne';
import DAY_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_ManagerInsights_DayCountOther';
import MQL_COUNT_ONE from '@salesforce/label/c.LeadHandoff_ManagerInsights_MqlCountOne';
import MQL_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_ManagerInsights_MqlCountOther';
import PERIOD from '@salesforce/label/c.LeadHandoff_ManagerInsights_Period';
import NOT_ENOUGH_DATA from '@salesforce/label/c.LeadHandoff_ManagerInsights_NotEnoughData';
import PERCENT from '@salesforce/label/c.LeadHandoff_ManagerInsights_Percent';
import BUSINESS_HOURS from '@salesforce/label/c.LeadHandoff_ManagerInsights_BusinessHours';
import QUEUE_BREACHED from '@salesforce/label/c.LeadHandoff_ManagerInsights_QueueBreached';
import QUEUE_AT_RISK from '@salesforce/label/c.LeadHandoff_ManagerInsights_QueueAtRisk';
import QUEUE_ON_TRACK from '@salesforce/label/c.LeadHandoff_ManagerInsights_QueueOnTrack';
import QUEUE_NOTHING_WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_QueueNothingWaiting';
import QUEUE_PAUSED from '@salesforce/label/c.LeadHandoff_ManagerInsights_QueuePaused';
import MONTHS from '@salesforce/label/c.LeadHandoff_ManagerInsights_MonthsShort';
import DATE_FORMAT from '@salesforce/label/c.LeadHandoff_ManagerInsights_DateFormat';
import { formatCount, formatLabel } from 'c/labelFormat';
import { formatMinutes, openingText, slaState } from 'c/slaClock';
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

/** "1 day", "30 days". */
export function dayCount(count: number): string {
    return formatCount(count, DAY_COUNT_ONE, DAY_COUNT_OTHER);
}

export const PERIOD_OPTIONS: readonly ChoiceOption[] = PERIOD_DAYS.map((days) => ({
    value: String(days),
    label: dayCount(days)
}));

/** The period group (7, 30 or 90 days) with `period` chosen. */
export function periodChoice(period: string): ChoiceGroup {
    return { name: 'period', label: PERIOD, options: PERIOD_OPTIONS, value: period };
}

/** A period the Apex accepts: one of PERIOD_DAYS, else the nearest longer one (90 at most). */
export function normalizePeriod(days: unknown): number {
    const value = Number(days);
    // Zero and negative periods need no test of their own: the first period is the nearest longer one.
    if (!Number.isFinite(value)) return PERIOD_DAYS[0];
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
    if (rate === null || rate === undefined || Number.isNaN(rate)) return NOT_ENOUGH_DATA;
    const rounded = Math.round(rate * 10) / 10;
    return formatLabel(PERCENT, Number.isInteger(rounded) ? rounded : rounded.toFixed(1));
}

/**
 * Business minutes in words. Business days have no fixed length (they follow the business hours), so time is
 * told in hours and minutes, never in days.
 */
export function businessTimeText(minutes: number | null | undefined): string {
    if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return NOT_ENOUGH_DATA;
    const whole = Math.max(0, Math.round(minutes));
    if (whole < 24 * 60) return formatMinutes(whole);
    return formatLabel(BUSINESS_HOURS, Math.floor(whole / 60));
}

/** What the board knows of a queue's waiting MQLs. */
export interface QueueWaiting {
    breachedNow: number;
    dueSoon: number;
    pending?: number;
    /** when the SLA clocks of its waiting MQLs run again, while the business hours of all of them are closed */
    slaPausedUntil?: string | null;
}

/**
 * Red when a lead waits past its accept-by, paused while the business hours of every waiting MQL's SLA are closed
 * (until they open), amber when one is due soon (past its Due_Soon_At__c, set from the response SLA policy), green
 * otherwise: the order of c/slaClock's slaState for one lead, and of ResponseSlaClock in Apex.
 */
export function queueBreachState(queue: QueueWaiting, now: number = Date.now()): Exclude<SlaState, 'none'> {
    if (queue.breachedNow > 0) return 'red';
    // The queue as one lead: breached is settled above, so slaState decides paused against due soon.
    const state = slaState(Number.MAX_SAFE_INTEGER, now, queue.dueSoon > 0 ? now : null, queue.slaPausedUntil);
    return state === 'none' ? 'green' : state;
}

/** The breach state in words, so that colour is never the only signal. */
export function queueBreachText(queue: QueueWaiting, now: number = Date.now()): string {
    const mqls = (count: number) => formatCount(count, MQL_COUNT_ONE, MQL_COUNT_OTHER);
    const state = queueBreachState(queue, now);
    if (state === 'red') return formatLabel(QUEUE_BREACHED, mqls(queue.breachedNow));
    if (state === 'paused') return formatLabel(QUEUE_PAUSED, openingText(queue.slaPausedUntil));
    if (state === 'amber') return formatLabel(QUEUE_AT_RISK, mqls(queue.dueSoon));
    return queue.pending ? QUEUE_ON_TRACK : QUEUE_NOTHING_WAITING;
}

/** A yyyy-mm-dd or ISO date-time as "2 Mar 2026" (the date part, whatever the time zone). */
export function dateText(value: string | null | undefined): string {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
    if (!match) return '';
    const month = MONTHS.split(',')[Number(match[2]) - 1]?.trim() ?? match[2];
    return formatLabel(DATE_FORMAT, Number(match[3]), month, match[1]);
}

/** A period caption: "2 Mar 2026 – 9 Mar 2026"; empty when either end is unknown. */
export function periodText(start: string | null | undefined, end: string | null | undefined): string {
    const from = dateText(start);
    const to = dateText(end);
    return from && to ? `${from} – ${to}` : '';
}
