// Queue SLA board: one row per Lead queue with what waits now (pending, breached, due soon, the oldest wait, ticking),
// how fast and how the queue decided over the period, and a button that opens the inbox on that queue. A compact
// table sorted breached first, re-sortable by any column (SLDS sortable headers: buttons, aria-sort).
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getQueueHealth from '@salesforce/apex/QueueHealthController.getQueueHealth';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardSubject';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardEmpty';
import EMPTY_DETAIL from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardEmptyDetail';
import STALE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardStale';
import CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardCaption';
import CAPTION_RANGE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardCaptionRange';
import REFRESH from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRefresh';
import REFRESHING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRefreshing';
import NOBODY_WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardNobodyWaiting';
import OPEN_IN_INBOX from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOpenInInbox';
import OPEN_QUEUE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOpenQueue';
import REJECT_REASON from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRejectReason';
import RECYCLE_REASON from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRecycleReason';
import COLUMN_QUEUE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardQueues';
import COLUMN_STATUS from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardColumnStatus';
import WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardWaiting';
import PAST_SLA from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardPastSla';
import DUE_SOON from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardDueSoon';
import OLDEST_WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOldestWaiting';
import MEDIAN from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardMedian';
import ACCEPT_TIMES from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardAcceptTimes';
import DECIDED from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardDecided';
import OUTCOMES from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOutcomes';
import OUTCOME_RATES from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOutcomeRates';
import WITHIN_SLA from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardWithinSla';
import TOP_REASONS from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardTopReasons';
import REASON_COUNT from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardReasonCount';
import NO_REASONS from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardNoReasons';
import COLUMN_INBOX from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardColumnInbox';
import TABLE_CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardTableCaption';
import SORTED_BY from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardSortedBy';
import SORT_ASCENDING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardSortAscending';
import SORT_DESCENDING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardSortDescending';
import BUSINESS_HOURS_ONLY from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardBusinessHoursOnly';
import { formatLabel } from 'c/labelFormat';
import { errorMessage, isServerMessage } from 'c/errorMessages';
import PAUSED_UNTIL from '@salesforce/label/c.LeadHandoff_Shared_SlaPausedUntil';
import { SLA_DISPLAY, clockOffset, openingText, serverTime, waitingText } from 'c/slaClock';
import {
    businessTimeText,
    normalizePeriod,
    dayCount,
    percentText,
    periodText,
    queueBreachState,
    queueBreachText
} from 'c/insightsFormat';

type QueueHealth = QueueHealthDto.QueueHealth;
type QueueStatus = QueueHealthDto.QueueStatus;

/** The page state key the inbox reads its view from: `c__view=queue:<Queue DeveloperName>`. */
export const INBOX_VIEW_STATE = 'c__view';
export const TICK_MS = 15_000;
const MIN_REFRESH_SECONDS = 15;

export type SortKey =
    'name' | 'status' | 'pending' | 'breached' | 'dueSoon' | 'oldest' | 'median' | 'decided' | 'accepted' | 'slaMet';
export type SortDirection = 'ascending' | 'descending';

/** Worst first: breached, due soon, paused (its clocks stand still), on track. */
const STATUS_RANK = { red: 3, amber: 2, paused: 1, green: 0 } as const;

interface SortColumn {
    key: SortKey;
    label: string;
    /** The direction a first click sorts in: names A to Z, figures largest (worst) first. */
    firstDirection: SortDirection;
}

const SORT_COLUMNS: readonly SortColumn[] = [
    { key: 'name', label: COLUMN_QUEUE, firstDirection: 'ascending' },
    { key: 'status', label: COLUMN_STATUS, firstDirection: 'descending' },
    { key: 'pending', label: WAITING, firstDirection: 'descending' },
    { key: 'breached', label: PAST_SLA, firstDirection: 'descending' },
    { key: 'dueSoon', label: DUE_SOON, firstDirection: 'descending' },
    { key: 'oldest', label: OLDEST_WAITING, firstDirection: 'descending' },
    { key: 'median', label: MEDIAN, firstDirection: 'descending' },
    { key: 'decided', label: DECIDED, firstDirection: 'descending' },
    { key: 'accepted', label: OUTCOMES, firstDirection: 'descending' },
    { key: 'slaMet', label: WITHIN_SLA, firstDirection: 'descending' }
];

/** The value each column sorts a queue by; null sorts last in either direction. */
const SORT_VALUES: Readonly<Record<SortKey, (queue: QueueStatus, now: number) => string | number | null>> = {
    name: (queue) => queue.queueName.toLocaleLowerCase(),
    // Within a status, more breached, then more due soon, then more waiting comes first.
    status: (queue, now) =>
        STATUS_RANK[queueBreachState(queue, now)] * 1e12 +
        queue.breachedNow * 1e8 +
        queue.dueSoon * 1e4 +
        queue.pending,
    pending: (queue) => queue.pending,
    breached: (queue) => queue.breachedNow,
    dueSoon: (queue) => queue.dueSoon,
    oldest: (queue, now) => (queue.oldestWaitingSince ? now - Date.parse(queue.oldestWaitingSince) : null),
    median: (queue) => queue.medianMinutesToAccept,
    decided: (queue) => queue.decided,
    accepted: (queue) => queue.acceptanceRate,
    slaMet: (queue) => queue.slaMetRate
};

/** The queues in the order of one column; ties keep the routing order. */
export function sortQueues(
    queues: readonly QueueStatus[],
    key: SortKey,
    direction: SortDirection,
    now: number
): QueueStatus[] {
    const sign = direction === 'ascending' ? 1 : -1;
    return queues
        .map((queue, index) => ({ queue, index, value: SORT_VALUES[key](queue, now) }))
        .sort((left, right) => {
            if (left.value === null || right.value === null) {
                return left.value === right.value ? left.index - right.index : left.value === null ? 1 : -1;
            }
            if (left.value === right.value) return left.index - right.index;
            return (left.value < right.value ? -1 : 1) * sign;
        })
        .map((entry) => entry.queue);
}

/** "Not our ICP (reject)"; a label that already names its kind ("Other (recycle)") keeps it once. */
export function reasonText(label: string, kind: string): string {
    const withKind = kind === 'Reject' ? REJECT_REASON : RECYCLE_REASON;
    const kindPart = formatLabel(withKind, '').trim().toLowerCase();
    return label.toLowerCase().includes(kindPart) ? label : formatLabel(withKind, label);
}

export default class QueueSlaBoard extends NavigationMixin(LightningElement) {
    @api periodDays = 7;
    /** Seconds between automatic refreshes; 0 turns auto-refresh off. */
    @api refreshSeconds = 60;
    /** API name of the Lightning tab (app page) that holds the inbox. */
    @api inboxTabName = 'Lead_Handoff_Inbox';

    labels = {
        heading: HEADING,
        loading: LOADING,
        subject: SUBJECT,
        empty: EMPTY,
        emptyDetail: EMPTY_DETAIL,
        tableCaption: TABLE_CAPTION,
        topReasons: TOP_REASONS,
        columnInbox: COLUMN_INBOX,
        businessHoursOnly: BUSINESS_HOURS_ONLY,
        openInInbox: OPEN_IN_INBOX
    };

    /** Breached first until the manager sorts by another column. */
    sortKey: SortKey = 'status';
    sortDirection: SortDirection = 'descending';

    health: QueueHealth | null = null;
    loading = false;
    refreshing = false;
    loadError: string | null = null;
    loadErrorFromServer = false;
    now = Date.now();

    offset = 0;
    lastLoadedAt = 0;
    tickTimer: ReturnType<typeof setInterval> | null = null;

    connectedCallback(): void {
        this.load();
        // One interval ticks the oldest-waiting times and triggers the auto-refresh; cleared on disconnect.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.tickTimer = setInterval(() => this.tick(), TICK_MS);
    }

    disconnectedCallback(): void {
        if (this.tickTimer) clearInterval(this.tickTimer);
        this.tickTimer = null;
    }

    tick(): void {
        this.now = serverTime(this.offset);
        const every = Number(this.refreshSeconds);
        if (every > 0 && Date.now() - this.lastLoadedAt >= Math.max(every, MIN_REFRESH_SECONDS) * 1000) {
            this.refresh();
        }
    }

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = null;
        await this.fetchHealth();
        this.loading = false;
    }

    /** Reloads while the rows stay on screen. */
    async refresh(): Promise<void> {
        if (this.loading || this.refreshing) return;
        this.refreshing = true;
        await this.fetchHealth();
        this.refreshing = false;
    }

    async fetchHealth(): Promise<void> {
        this.lastLoadedAt = Date.now();
        try {
            const health = await getQueueHealth({ periodDays: normalizePeriod(this.periodDays) });
            this.offset = clockOffset(health.serverNow);
            this.now = serverTime(this.offset);
            this.health = health;
            this.loadError = null;
        } catch (error) {
            this.loadError = errorMessage(error);
            this.loadErrorFromServer = isServerMessage(error);
        }
    }

    handleRefresh(): void {
        if (this.health) this.refresh();
        else this.load();
    }

    handleOpenQueue(event: Event): void {
        const developerName = (event.currentTarget as HTMLElement).dataset.queue;
        if (!developerName) return;
        this[NavigationMixin.Navigate]({
            type: 'standard__navItemPage',
            attributes: { apiName: this.inboxTabName },
            state: { [INBOX_VIEW_STATE]: `queue:${developerName}` }
        });
    }

    // ----------------------------------------------------------------------------------------- display

    get queues(): QueueStatus[] {
        return this.health?.queues ?? [];
    }

    /** A load error with no figures to fall back on; with figures it shows as the stale warning. */
    get blockingError(): string | null {
        return this.health ? null : this.loadError;
    }

    get isEmpty(): boolean {
        return !this.loading && !this.loadError && this.health !== null && this.queues.length === 0;
    }

    get showTable(): boolean {
        return !this.loading && this.queues.length > 0;
    }

    get staleWarning(): string {
        return this.health && this.loadError ? formatLabel(STALE, this.loadError) : '';
    }

    get periodCaption(): string {
        const days = normalizePeriod(this.periodDays);
        const range = this.health ? periodText(this.health.periodStart, this.health.periodEnd) : '';
        return range ? formatLabel(CAPTION_RANGE, dayCount(days), range) : formatLabel(CAPTION, dayCount(days));
    }

    get busyState(): 'true' | 'false' {
        return this.refreshing ? 'true' : 'false';
    }

    get refreshLabel(): string {
        return this.refreshing ? REFRESHING : REFRESH;
    }

    handleSort(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.sort as SortKey | undefined;
        const column = SORT_COLUMNS.find((candidate) => candidate.key === key);
        if (!column) return;
        if (column.key === this.sortKey) {
            this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
        } else {
            this.sortKey = column.key;
            this.sortDirection = column.firstDirection;
        }
    }

    /** The sortable column heads: a button each; the sorted one carries aria-sort and an arrow. */
    get columns() {
        return SORT_COLUMNS.map((column) => {
            const sorted = column.key === this.sortKey;
            const ascending = this.sortDirection === 'ascending';
            return {
                key: column.key,
                label: column.label,
                ariaSort: sorted ? this.sortDirection : null,
                thClass: `slds-is-sortable${sorted ? ` slds-is-sorted slds-is-sorted_${ascending ? 'asc' : 'desc'}` : ''}`,
                arrow: sorted ? (ascending ? '\u25B2' : '\u25BC') : ''
            };
        });
    }

    /** Said to screen readers after each sort (the header's aria-sort says it too, when focus reaches it). */
    get sortAnnouncement(): string {
        const column = SORT_COLUMNS.find((candidate) => candidate.key === this.sortKey);
        const direction = this.sortDirection === 'ascending' ? SORT_ASCENDING : SORT_DESCENDING;
        return column ? formatLabel(SORTED_BY, column.label, direction) : '';
    }

    get rows() {
        return sortQueues(this.queues, this.sortKey, this.sortDirection, this.now).map((queue) => {
            const state = queueBreachState(queue, this.now);
            const display = SLA_DISPLAY[state];
            const topReason = (queue.topReasons ?? [])[0];
            return {
                key: queue.queueId,
                developerName: queue.queueDeveloperName,
                name: queue.queueName,
                state,
                statusClass: display.className,
                statusIcon: display.icon,
                statusWord: display.word,
                // Paused says until when beside its badge; the other states' counts are the next columns.
                statusDetail: state === 'paused' ? formatLabel(PAUSED_UNTIL, openingText(queue.slaPausedUntil)) : '',
                statusTitle: queueBreachText(queue, this.now),
                pending: queue.pending,
                breached: queue.breachedNow,
                due: queue.dueSoon,
                oldestText: queue.oldestWaitingSince ? waitingText(queue.oldestWaitingSince, this.now) : NOBODY_WAITING,
                acceptTimesText:
                    queue.medianMinutesToAccept === null
                        ? businessTimeText(null)
                        : formatLabel(
                              ACCEPT_TIMES,
                              businessTimeText(queue.medianMinutesToAccept),
                              businessTimeText(queue.p90MinutesToAccept)
                          ),
                decided: queue.decided,
                outcomesText: queue.decided
                    ? formatLabel(
                          OUTCOME_RATES,
                          percentText(queue.acceptanceRate),
                          percentText(queue.rejectRate),
                          percentText(queue.recycleRate)
                      )
                    : percentText(null),
                slaMetText: percentText(queue.slaMetRate),
                topReasonText: topReason
                    ? formatLabel(REASON_COUNT, reasonText(topReason.label, topReason.kind), topReason.count)
                    : NO_REASONS,
                // The name starts with the visible text "Open in inbox" (WCAG 2.5.3, axe label-content-name-mismatch).
                openLabel: formatLabel(OPEN_QUEUE, queue.queueName)
            };
        });
    }
}
