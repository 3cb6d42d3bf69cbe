// The response SLA as an SDR sees it: green, amber or red, a countdown and how long a lead has waited.
// Times come from the server (InboxPage.serverNow): the browser clock may be off, so keep the offset and
// read "now" through it.
import DURATION_MINUTES from '@salesforce/label/c.LeadHandoff_Shared_DurationMinutes';
import DURATION_HOURS_MINUTES from '@salesforce/label/c.LeadHandoff_Shared_DurationHoursMinutes';
import DURATION_DAYS_HOURS from '@salesforce/label/c.LeadHandoff_Shared_DurationDaysHours';
import SLA_ON_TRACK from '@salesforce/label/c.LeadHandoff_Shared_SlaOnTrack';
import SLA_DUE_SOON from '@salesforce/label/c.LeadHandoff_Shared_SlaDueSoon';
import SLA_BREACHED from '@salesforce/label/c.LeadHandoff_Shared_SlaBreached';
import SLA_NONE from '@salesforce/label/c.LeadHandoff_Shared_SlaNone';
import SLA_DUE_NOW from '@salesforce/label/c.LeadHandoff_Shared_SlaDueNow';
import SLA_OVERDUE from '@salesforce/label/c.LeadHandoff_Shared_SlaOverdue';
import SLA_UNDER_A_MINUTE_LEFT from '@salesforce/label/c.LeadHandoff_Shared_SlaUnderAMinuteLeft';
import SLA_TIME_LEFT from '@salesforce/label/c.LeadHandoff_Shared_SlaTimeLeft';
import SLA_PAUSED from '@salesforce/label/c.LeadHandoff_Shared_SlaPaused';
import SLA_PAUSED_UNTIL from '@salesforce/label/c.LeadHandoff_Shared_SlaPausedUntil';
import JUST_NOW from '@salesforce/label/c.LeadHandoff_Shared_JustNow';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { formatLabel } from 'c/labelFormat';

export type SlaState = 'green' | 'amber' | 'red' | 'paused' | 'none';

export interface SlaStatus {
    state: SlaState;
    /** "12 min left", "1 h 05 min left", "8 min overdue", "until Mon, Mar 2, 9:00 AM"; empty without an accept-by */
    text: string;
}

const MINUTE = 60_000;

function toMillis(value: string | number | null | undefined): number | null {
    if (value === null || value === undefined || value === '') return null;
    const millis = typeof value === 'number' ? value : Date.parse(value);
    return Number.isNaN(millis) ? null : millis;
}

/** Milliseconds to add to the browser clock to read the server clock. */
export function clockOffset(serverNow: string | null | undefined, browserNow: number = Date.now()): number {
    const server = toMillis(serverNow);
    return server === null ? 0 : server - browserNow;
}

/** The server's "now", from the browser clock and an offset of clockOffset(). */
export function serverTime(offset: number, browserNow: number = Date.now()): number {
    return browserNow + offset;
}

/** "8 min", "1 h 05 min", "2 d 3 h": whole minutes, rounded down. */
export function formatDuration(millis: number): string {
    const minutes = Math.floor(Math.max(0, millis) / MINUTE);
    if (minutes < 60) return formatLabel(DURATION_MINUTES, minutes);
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return formatLabel(DURATION_HOURS_MINUTES, hours, String(minutes % 60).padStart(2, '0'));
    return formatLabel(DURATION_DAYS_HOURS, Math.floor(hours / 24), hours % 24);
}

/** A number of minutes (as Apex reports time in stage) in the same words. */
export function formatMinutes(minutes: number | null | undefined): string {
    return minutes === null || minutes === undefined ? '' : formatDuration(minutes * MINUTE);
}

/**
 * Green until the lead's due-soon time, amber from it (Due_Soon_At__c: the server computes it from the response SLA
 * policy, so the rows, the stage panel and the queue board agree), red once the accept-by has passed. Exactly at the
 * accept-by the SLA is still met (Lead_Handoff_Qualify: Met when decided no later than Accept_By__c).
 * Paused while the business hours of the SLA are closed: the server sends when they open (`slaPausedUntil`, from
 * ResponseSlaClock, the Apex twin of this order: breached first, then paused, then due soon); from that moment the
 * clock runs again.
 */
export function slaState(
    acceptBy: string | number | null | undefined,
    now: number,
    dueSoonAt?: string | number | null,
    pausedUntil?: string | number | null
): SlaState {
    const due = toMillis(acceptBy);
    if (due === null) return 'none';
    if (now > due) return 'red';
    const opening = toMillis(pausedUntil);
    if (opening !== null && now < opening) return 'paused';
    const dueSoon = toMillis(dueSoonAt);
    return dueSoon !== null && now >= dueSoon ? 'amber' : 'green';
}

let openingFormat: Intl.DateTimeFormat | null = null;

/** When business hours open, in the user's locale and time zone: "Mon, Mar 2, 9:00 AM"; empty when unknown. */
export function openingText(at: string | number | null | undefined): string {
    const millis = toMillis(at);
    if (millis === null) return '';
    openingFormat ??= new Intl.DateTimeFormat(LOCALE, {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: TIME_ZONE
    });
    return openingFormat.format(new Date(millis));
}

/**
 * How an SLA state reads on screen, shared by inbox rows and the stage panel: words and an icon as well as colour,
 * on an SLDS badge theme (SLDS has no warning text colour; a badge keeps its own background, so its contrast holds
 * on a focused or selected row too: white on success green 4.6:1, dark on warning orange 8:1, white on error 5.5:1,
dark on the lightest (white) badge of a paused SLA 17:1).
 */
export const SLA_DISPLAY: Record<SlaState, { word: string; icon: string; className: string }> = {
    green: { word: SLA_ON_TRACK, icon: '\u2713', className: 'slds-badge slds-theme_success' },
    amber: { word: SLA_DUE_SOON, icon: '\u26A0', className: 'slds-badge slds-theme_warning' },
    red: { word: SLA_BREACHED, icon: '\u2716', className: 'slds-badge slds-theme_error' },
    paused: { word: SLA_PAUSED, icon: '\u2016', className: 'slds-badge slds-badge_lightest' },
    none: { word: SLA_NONE, icon: '\u2013', className: 'slds-badge' }
};

export function countdownText(acceptBy: string | number | null | undefined, now: number): string {
    const due = toMillis(acceptBy);
    if (due === null) return '';
    const remaining = due - now;
    if (remaining === 0) return SLA_DUE_NOW;
    if (remaining < 0) return formatLabel(SLA_OVERDUE, formatDuration(-remaining));
    if (remaining < MINUTE) return SLA_UNDER_A_MINUTE_LEFT;
    return formatLabel(SLA_TIME_LEFT, formatDuration(remaining));
}

export function slaStatus(
    acceptBy: string | number | null | undefined,
    now: number,
    dueSoonAt?: string | number | null,
    pausedUntil?: string | number | null
): SlaStatus {
    const state = slaState(acceptBy, now, dueSoonAt, pausedUntil);
    // Paused, a countdown in calendar time would overstate the time left: say when the clock runs again instead.
    const text =
        state === 'paused' ? formatLabel(SLA_PAUSED_UNTIL, openingText(pausedUntil)) : countdownText(acceptBy, now);
    return { state, text };
}

/** How long a lead has waited since `since` (its MQL time): "35 min", "just now", or empty when unknown. */
export function waitingText(since: string | number | null | undefined, now: number): string {
    const start = toMillis(since);
    if (start === null) return '';
    return now - start < MINUTE ? JUST_NOW : formatDuration(now - start);
}

/** yyyy-mm-dd of a moment in the browser's time zone (what a date input shows). */
export function isoDate(millis: number): string {
    const date = new Date(millis);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The yyyy-mm-dd `days` after the yyyy-mm-dd `from`. */
export function addDays(from: string, days: number): string {
    const [year, month, day] = from.split('-').map(Number);
    return isoDate(new Date(year, month - 1, day + days).getTime());
}
