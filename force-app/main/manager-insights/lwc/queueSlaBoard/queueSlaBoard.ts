// Queue SLA board: one tile per Lead queue with what waits now (pending, breached, due soon, the
// oldest wait, ticking), how fast the queue decided over the period, and a link to the inbox on that queue.
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getQueueHealth from '@salesforce/apex/QueueHealthController.getQueueHealth';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardSubject';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardEmpty';
import EMPTY_DETAIL from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardEmptyDetail';
import STALE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardStale';
import QUEUES from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardQueues';
import CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardCaption';
import CAPTION_RANGE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardCaptionRange';
import REFRESH from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRefresh';
import REFRESHING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRefreshing';
import NOBODY_WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardNobodyWaiting';
import DECISION_COUNT_ONE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardDecisionCountOne';
import DECISION_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardDecisionCountOther';
import OPEN_IN_INBOX from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOpenInInbox';
import OPEN_QUEUE from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOpenQueue';
import REJECT_REASON from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRejectReason';
import RECYCLE_REASON from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRecycleReason';
import WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardWaiting';
import PAST_SLA from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardPastSla';
import DUE_SOON from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardDueSoon';
import OLDEST_WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardOldestWaiting';
import MEDIAN from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardMedian';
import P90 from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardP90';
import DECIDED from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardDecided';
import ACCEPTED from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardAccepted';
import REJECTED from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRejected';
import RECYCLED from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardRecycled';
import WITHIN_SLA from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardWithinSla';
import BUSINESS_HOURS_ONLY from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardBusinessHoursOnly';
import TOP_REASONS from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardTopReasons';
import NO_REASONS from '@salesforce/label/c.LeadHandoff_ManagerInsights_BoardNoReasons';
import { formatCount, formatLabel } from 'c/labelFormat';
import { errorMessage, isServerMessage } from 'c/errorMessages';
import { clockOffset, serverTime, waitingText } from 'c/slaClock';
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

const TILE_CLASSES = {
    red: 'tile tile_red slds-box slds-theme_default',
    amber: 'tile tile_amber slds-box slds-theme_default',
    green: 'tile tile_green slds-box slds-theme_default'
} as const;

const BADGE_CLASSES = {
    red: 'slds-badge slds-theme_error',
    amber: 'slds-badge slds-theme_warning',
    green: 'slds-badge slds-theme_success'
} as const;

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
        queues: QUEUES,
        waiting: WAITING,
        pastSla: PAST_SLA,
        dueSoon: DUE_SOON,
        oldestWaiting: OLDEST_WAITING,
        median: MEDIAN,
        p90: P90,
        decided: DECIDED,
        accepted: ACCEPTED,
        rejected: REJECTED,
        recycled: RECYCLED,
        withinSla: WITHIN_SLA,
        businessHoursOnly: BUSINESS_HOURS_ONLY,
        topReasons: TOP_REASONS,
        noReasons: NO_REASONS,
        openInInbox: OPEN_IN_INBOX
    };

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

    /** Reloads while the tiles stay on screen. */
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

    get showTiles(): boolean {
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

    get tiles() {
        return this.queues.map((queue) => {
            const state = queueBreachState(queue);
            const reasons = queue.topReasons ?? [];
            return {
                key: queue.queueId,
                developerName: queue.queueDeveloperName,
                name: queue.queueName,
                headingId: `queue-${queue.queueDeveloperName}`,
                state,
                tileClass: TILE_CLASSES[state],
                badgeClass: BADGE_CLASSES[state],
                stateText: queueBreachText(queue),
                pending: queue.pending,
                breached: queue.breachedNow,
                due: queue.dueSoon,
                oldestText: queue.oldestWaitingSince ? waitingText(queue.oldestWaitingSince, this.now) : NOBODY_WAITING,
                medianText: businessTimeText(queue.medianMinutesToAccept),
                p90Text: businessTimeText(queue.p90MinutesToAccept),
                decidedText: formatCount(queue.decided, DECISION_COUNT_ONE, DECISION_COUNT_OTHER),
                acceptanceText: percentText(queue.acceptanceRate),
                rejectText: percentText(queue.rejectRate),
                recycleText: percentText(queue.recycleRate),
                slaMetText: percentText(queue.slaMetRate),
                hasReasons: reasons.length > 0,
                reasons: reasons.map((reason) => ({
                    key: `${reason.kind}-${reason.code}`,
                    text: reasonText(reason.label, reason.kind),
                    countText: String(reason.count)
                })),
                // The name starts with the visible text "Open in inbox" (WCAG 2.5.3, axe label-content-name-mismatch).
                openLabel: formatLabel(OPEN_QUEUE, queue.queueName)
            };
        });
    }
}
