// The SDR inbox: the MQLs waiting for the running user, oldest SLA first, decided with one keystroke.
// Decisions are optimistic (the row leaves at once) and come back with the server's reason when refused.
// Live refresh comes from Lead_Handoff_Event__e through lightning/empApi, or from polling when that fails.
// Rows with canDecide false (a manager viewing a queue they are not in) are read-only: no actions, no selection.
import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';
import getInbox from '@salesforce/apex/LeadInboxController.getInbox';
import getDispositionReasons from '@salesforce/apex/LeadInboxController.getDispositionReasons';
import decide from '@salesforce/apex/LeadInboxController.decide';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxHeading';
import VIEWS from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxViews';
import KEYBOARD_SHORTCUTS from '@salesforce/label/c.LeadHandoff_SdrInbox_KeyboardShortcuts';
import HIDE_KEYBOARD_SHORTCUTS from '@salesforce/label/c.LeadHandoff_SdrInbox_HideKeyboardShortcuts';
import SHORTCUT_NEXT_PREVIOUS from '@salesforce/label/c.LeadHandoff_SdrInbox_ShortcutNextPrevious';
import SHORTCUT_ACCEPT from '@salesforce/label/c.LeadHandoff_SdrInbox_ShortcutAccept';
import SHORTCUT_REJECT from '@salesforce/label/c.LeadHandoff_SdrInbox_ShortcutReject';
import SHORTCUT_RECYCLE from '@salesforce/label/c.LeadHandoff_SdrInbox_ShortcutRecycle';
import SHORTCUT_SELECT from '@salesforce/label/c.LeadHandoff_SdrInbox_ShortcutSelect';
import SHORTCUT_HELP from '@salesforce/label/c.LeadHandoff_SdrInbox_ShortcutHelp';
import LOADING from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxLoading';
import LOAD_FAILED from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxLoadFailed';
import LOAD_FAILED_CHECK from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxLoadFailedCheck';
import TRY_AGAIN from '@salesforce/label/c.LeadHandoff_Shared_TryAgain';
import SELECTED_LEADS from '@salesforce/label/c.LeadHandoff_SdrInbox_SelectedLeads';
import SELECTED_COUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_SelectedCount';
import ACCEPT_SELECTED from '@salesforce/label/c.LeadHandoff_SdrInbox_AcceptSelected';
import REJECT_SELECTED from '@salesforce/label/c.LeadHandoff_SdrInbox_RejectSelected';
import RECYCLE_SELECTED from '@salesforce/label/c.LeadHandoff_SdrInbox_RecycleSelected';
import TABLE from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxTable';
import SELECT_ALL from '@salesforce/label/c.LeadHandoff_SdrInbox_SelectAll';
import SELECT_LEAD from '@salesforce/label/c.LeadHandoff_SdrInbox_SelectLead';
import COLUMN_LEAD from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnLead';
import COLUMN_SEGMENT from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnSegment';
import COLUMN_TRIGGER from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnTrigger';
import COLUMN_FIT from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnFit';
import COLUMN_INTENT from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnIntent';
import COLUMN_WAITING from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnWaiting';
import COLUMN_SLA from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnSla';
import COLUMN_DECISION from '@salesforce/label/c.LeadHandoff_SdrInbox_ColumnDecision';
import VIEW_ONLY from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewOnly';
import LOAD_MORE from '@salesforce/label/c.LeadHandoff_SdrInbox_LoadMore';
import LOAD_MORE_FAILED from '@salesforce/label/c.LeadHandoff_SdrInbox_LoadMoreFailed';
import REASONS_FAILED from '@salesforce/label/c.LeadHandoff_SdrInbox_ReasonsFailed';
import ERROR_TRY_AGAIN from '@salesforce/label/c.LeadHandoff_SdrInbox_ErrorTryAgain';
import ONLY_MEMBERS_DECIDE from '@salesforce/label/c.LeadHandoff_SdrInbox_OnlyMembersDecide';
import ONLY_MEMBERS_DECIDE_SENTENCE from '@salesforce/label/c.LeadHandoff_SdrInbox_OnlyMembersDecideSentence';
import THIS_QUEUE from '@salesforce/label/c.LeadHandoff_SdrInbox_ThisQueue';
import VIEW_ONLY_MQLS from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewOnlyMqls';
import THIS_VIEW from '@salesforce/label/c.LeadHandoff_SdrInbox_ThisView';
import INBOX_ZERO from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxZero';
import VIEW_TITLE from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewTitle';
import VIEW_TITLE_BREACHED from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewTitleBreached';
import VIEW_TITLE_OWN from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewTitleOwn';
import VIEW_TITLE_OWN_BREACHED from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewTitleOwnBreached';
import VIEW_TITLE_LEAVES_OUT from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewTitleLeavesOut';
import VIEW_QUEUE_VIEW_ONLY from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewQueueViewOnly';
import VIEW_MQL_COUNT_ONE from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewMqlCountOne';
import VIEW_MQL_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewMqlCountOther';
import ALL_SCOPE from '@salesforce/label/c.LeadHandoff_SdrInbox_AllScope';
import VIEW_LATE from '@salesforce/label/c.LeadHandoff_SdrInbox_ViewLate';
import MY_LEADS_BUTTON from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsButton';
import LeadReasonModal from 'c/leadReasonModal';
import { formatCount, formatLabel } from 'c/labelFormat';
import {
    ACTION_LABELS,
    buildDecisionRequest,
    decisionFailedTitle,
    decisionOnLead,
    errorMessage,
    isServerMessage,
    joinWords,
    reasonPickerHeading,
    recordPage,
    summarizeDecision
} from 'c/handoffRequests';
import type { DecisionAction, ReasonOption } from 'c/handoffRequests';
import { intentTriggerLabel, scoreLabel, segmentBadgeClass, segmentLabel } from 'c/leadLabels';
import { SLA_DISPLAY, clockOffset, isoDate, serverTime, slaStatus, waitingText } from 'c/slaClock';
import { MQL } from 'c/leadStages';

type InboxRow = LeadInboxController.InboxRow;
type InboxView = LeadInboxController.InboxView;

export const HANDOFF_CHANNEL = '/event/Lead_Handoff_Event__e';
export const POLL_MS = 30_000;
export const TICK_MS = 5_000;
/** decide() takes at most this many leads per call. */
const MAX_LEADS_PER_DECISION = 200;

interface HandoffEventPayload {
    Lead_Id__c?: string;
    Stage__c?: string;
}

/** Why a read-only row has no actions (the server would refuse the decision as NOT_YOURS). */
export function readOnlyReason(row: InboxRow): string {
    return formatLabel(ONLY_MEMBERS_DECIDE, row.ownerName ?? THIS_QUEUE);
}

/** The views that gather the user's own MQLs and those of the queues they work (not the view-only queues). */
const OWN_VIEWS: ReadonlySet<string> = new Set(['all', 'breached']);

/** How a view button's tooltip says what it counts: "All: 4 MQLs waiting for you and the queues you work, 1 past the SLA". */
export function viewTitle(view: InboxView, viewOnlyQueues: readonly string[]): string {
    const waiting = formatCount(view.count, VIEW_MQL_COUNT_ONE, VIEW_MQL_COUNT_OTHER);
    if (OWN_VIEWS.has(view.key)) {
        const own = view.breached
            ? formatLabel(VIEW_TITLE_OWN_BREACHED, view.label, waiting, view.breached)
            : formatLabel(VIEW_TITLE_OWN, view.label, waiting);
        return viewOnlyQueues.length ? formatLabel(VIEW_TITLE_LEAVES_OUT, own, joinWords(viewOnlyQueues)) : own;
    }
    const name = view.viewOnly ? formatLabel(VIEW_QUEUE_VIEW_ONLY, view.label) : view.label;
    return view.breached
        ? formatLabel(VIEW_TITLE_BREACHED, name, waiting, view.breached)
        : formatLabel(VIEW_TITLE, name, waiting);
}

/** The Lightning tab of "My leads" (force-app/main/lead-handoff-app/tabs). */
export const MY_LEADS_TAB = 'Lead_Handoff_My_Leads';

export default class LeadInbox extends NavigationMixin(LightningElement) {
    @api pageSize = 50;
    @api defaultView = 'all';

    labels = {
        heading: HEADING,
        myLeads: MY_LEADS_BUTTON,
        views: VIEWS,
        keyboardShortcuts: KEYBOARD_SHORTCUTS,
        shortcutNextPrevious: SHORTCUT_NEXT_PREVIOUS,
        shortcutAccept: SHORTCUT_ACCEPT,
        shortcutReject: SHORTCUT_REJECT,
        shortcutRecycle: SHORTCUT_RECYCLE,
        shortcutSelect: SHORTCUT_SELECT,
        shortcutHelp: SHORTCUT_HELP,
        loading: LOADING,
        tryAgain: TRY_AGAIN,
        selectedLeads: SELECTED_LEADS,
        acceptSelected: ACCEPT_SELECTED,
        rejectSelected: REJECT_SELECTED,
        recycleSelected: RECYCLE_SELECTED,
        table: TABLE,
        selectAll: SELECT_ALL,
        columnLead: COLUMN_LEAD,
        columnSegment: COLUMN_SEGMENT,
        columnTrigger: COLUMN_TRIGGER,
        columnFit: COLUMN_FIT,
        columnIntent: COLUMN_INTENT,
        columnWaiting: COLUMN_WAITING,
        columnSla: COLUMN_SLA,
        columnDecision: COLUMN_DECISION,
        viewOnly: VIEW_ONLY,
        accept: ACTION_LABELS.accept,
        reject: ACTION_LABELS.reject,
        recycle: ACTION_LABELS.recycle,
        loadMore: LOAD_MORE
    };

    rows: InboxRow[] = [];
    views: InboxView[] = [];
    view = '';
    nextCursor: string | null = null;
    loading = false;
    loadingMore = false;
    loadError: string | null = null;
    /** The server said why (e.g. a missing permission set): its sentence says what to do; no connection advice. */
    loadErrorFromServer = false;
    selectedIds: string[] = [];
    focusedIndex = 0;
    showHelp = false;
    /** leadId → the sentence the server gave when it refused a decision on that lead */
    rowErrors: Record<string, string> = {};
    /** leadId → the URL of its record page (NavigationMixin.GenerateUrl), for the link on its name */
    recordUrls: Record<string, string> = {};
    now = Date.now();

    offset = 0;
    reasons: ReasonOption[] | null = null;
    /** Leads decided but not yet answered by the server: a refresh must not bring them back. */
    pendingIds = new Set<string>();
    tickTimer: ReturnType<typeof setInterval> | null = null;
    pollTimer: ReturnType<typeof setInterval> | null = null;
    subscription: EmpSubscription | null = null;
    focusAfterRender = false;
    connected = false;

    /** A view asked for by the page URL (`c__view`, e.g. the queue SLA board's click-through to one queue). */
    @wire(CurrentPageReference)
    setPageReference(pageReference: PageReference | undefined): void {
        const requested = pageReference?.state?.c__view;
        if (typeof requested !== 'string' || !requested) return;
        this.requestedView = requested;
        if (this.connected && requested !== this.view) this.switchView(requested);
    }

    requestedView: string | null = null;

    connectedCallback(): void {
        this.connected = true;
        this.view = this.requestedView || this.defaultView || 'all';
        this.load();
        // One interval for the whole list keeps every SLA countdown current; cleared in disconnectedCallback.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.tickTimer = setInterval(() => {
            this.now = serverTime(this.offset);
        }, TICK_MS);
        this.startLiveRefresh();
        document.addEventListener('keydown', this.handlePageKeyDown);
    }

    disconnectedCallback(): void {
        this.connected = false;
        document.removeEventListener('keydown', this.handlePageKeyDown);
        if (this.tickTimer) clearInterval(this.tickTimer);
        this.tickTimer = null;
        this.stopPolling();
        if (this.subscription) {
            unsubscribe(this.subscription).catch(() => undefined);
            this.subscription = null;
        }
    }

    renderedCallback(): void {
        if (!this.focusAfterRender) return;
        this.focusAfterRender = false;
        const row = this.template?.querySelector<HTMLElement>(`tr[data-index="${this.focusedIndex}"]`);
        row?.focus();
    }

    // ------------------------------------------------------------------------------------------ loading

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = null;
        try {
            const page = await getInbox({ view: this.view, pageSize: this.pageSize, cursor: null });
            this.applyPage(page, false);
        } catch (error) {
            this.loadError = errorMessage(error);
            this.loadErrorFromServer = isServerMessage(error);
        } finally {
            this.loading = false;
        }
    }

    /** Reloads what is on screen, quietly: for live events and polling. */
    async refresh(): Promise<void> {
        if (this.loading) return;
        try {
            const pageSize = Math.min(Math.max(this.pageSize, this.rows.length), MAX_LEADS_PER_DECISION);
            const page = await getInbox({ view: this.view, pageSize, cursor: null });
            this.applyPage(page, false);
            this.loadError = null;
        } catch (error) {
            // Keep the rows the user is working on; say the list may be stale.
            this.loadError = this.rows.length ? null : errorMessage(error);
            this.loadErrorFromServer = isServerMessage(error);
        }
    }

    async handleLoadMore(): Promise<void> {
        if (!this.nextCursor || this.loadingMore) return;
        this.loadingMore = true;
        try {
            const page = await getInbox({ view: this.view, pageSize: this.pageSize, cursor: this.nextCursor });
            this.applyPage(page, true);
        } catch (error) {
            this.toast('error', LOAD_MORE_FAILED, formatLabel(ERROR_TRY_AGAIN, errorMessage(error)));
        } finally {
            this.loadingMore = false;
        }
    }

    applyPage(page: LeadInboxController.InboxPage, append: boolean): void {
        const browserNow = Date.now();
        this.offset = clockOffset(page.serverNow, browserNow);
        this.now = serverTime(this.offset, browserNow);
        const incoming = page.rows.filter((row) => !this.pendingIds.has(row.leadId));
        if (append) {
            const known = new Set(this.rows.map((row) => row.leadId));
            this.rows = [...this.rows, ...incoming.filter((row) => !known.has(row.leadId))];
        } else {
            this.rows = incoming;
        }
        this.views = page.views ?? [];
        this.nextCursor = page.nextCursor;
        this.generateRecordUrls(incoming.map((row) => row.leadId));
        const present = new Set(this.rows.map((row) => row.leadId));
        this.selectedIds = this.selectedIds.filter((id) => present.has(id));
        this.focusedIndex = Math.min(this.focusedIndex, Math.max(0, this.rows.length - 1));
    }

    handleRetry(): void {
        this.load();
    }

    /** Record page URLs of the rows' leads, so each name is a real link (open in a new tab, copy the address). */
    async generateRecordUrls(leadIds: string[]): Promise<void> {
        const missing = leadIds.filter((leadId) => !this.recordUrls[leadId]);
        if (!missing.length) return;
        const urls = await Promise.all(
            missing.map((leadId) => this[NavigationMixin.GenerateUrl](recordPage(leadId)).catch(() => ''))
        );
        this.recordUrls = { ...this.recordUrls, ...Object.fromEntries(missing.map((id, index) => [id, urls[index]])) };
    }

    /** A plain click on a lead's name opens its record page in place; with a modifier key the browser opens the link. */
    handleOpenLead(event: MouseEvent): void {
        const leadId = (event.currentTarget as HTMLElement).dataset.id;
        if (!leadId || event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) return;
        event.preventDefault();
        this[NavigationMixin.Navigate](recordPage(leadId));
    }

    handleViewClick(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.view;
        if (!key || key === this.view) return;
        this.switchView(key);
    }

    switchView(key: string): void {
        this.view = key;
        this.selectedIds = [];
        this.focusedIndex = 0;
        this.rowErrors = {};
        this.load();
    }

    // ------------------------------------------------------------------------------------- live refresh

    async startLiveRefresh(): Promise<void> {
        try {
            if (!(await isEmpEnabled())) {
                this.startPolling();
                return;
            }
            onError(() => {
                this.subscription = null;
                this.startPolling();
            });
            const subscription = await subscribe<HandoffEventPayload>(HANDOFF_CHANNEL, -1, (message) =>
                this.handleHandoffEvent(message)
            );
            if (!this.connected) {
                unsubscribe(subscription).catch(() => undefined);
                return;
            }
            this.subscription = subscription;
        } catch {
            this.startPolling();
        }
    }

    handleHandoffEvent(message: EmpMessage<HandoffEventPayload>): void {
        const { Lead_Id__c: leadId, Stage__c: stage } = message.data.payload;
        // Someone decided a lead on screen: take it away before the refresh, so nobody works on it twice.
        if (leadId && stage !== MQL && !this.pendingIds.has(leadId)) this.removeRows([leadId]);
        this.refresh();
    }

    startPolling(): void {
        if (this.pollTimer || !this.connected) return;
        // Fallback when empApi is unavailable or fails; cleared in disconnectedCallback.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setInterval(() => this.refresh(), POLL_MS);
    }

    stopPolling(): void {
        if (this.pollTimer) clearInterval(this.pollTimer);
        this.pollTimer = null;
    }

    // ----------------------------------------------------------------------------------------- display

    get isEmpty(): boolean {
        return !this.loading && !this.loadError && this.rows.length === 0;
    }

    get showTable(): boolean {
        return !this.loading && !this.loadError && this.rows.length > 0;
    }

    get currentViewLabel(): string {
        return this.views.find((view) => view.key === this.view)?.label ?? THIS_VIEW;
    }

    get emptyMessage(): string {
        return formatLabel(INBOX_ZERO, this.currentViewLabel);
    }

    /** Why the inbox did not load; advice on connection and permission only when the server gave no reason. */
    get loadErrorText(): string {
        return formatLabel(this.loadErrorFromServer ? LOAD_FAILED : LOAD_FAILED_CHECK, this.loadError ?? '');
    }

    /** Queues the user may only view: All and Breached leave them out, and say so. */
    get viewOnlyQueues(): string[] {
        return this.views.filter((view) => view.viewOnly).map((view) => view.label);
    }

    get allScopeText(): string {
        const queues = this.viewOnlyQueues;
        return queues.length ? formatLabel(ALL_SCOPE, joinWords(queues)) : '';
    }

    get viewOptions() {
        const viewOnlyQueues = this.viewOnlyQueues;
        return this.views.map((view) => {
            const active = view.key === this.view;
            return {
                ...view,
                pressed: active ? 'true' : 'false',
                className: `slds-button ${active ? 'slds-button_brand' : 'slds-button_neutral'}`,
                title: viewTitle(view, viewOnlyQueues),
                breachedText: view.breached ? formatLabel(VIEW_LATE, view.breached) : ''
            };
        });
    }

    get displayRows() {
        const selected = new Set(this.selectedIds);
        return this.rows.map((row, index) => {
            const sla = slaStatus(row.acceptBy, this.now, row.dueSoonAt, row.slaPausedUntil);
            const isSelected = selected.has(row.leadId);
            const focused = index === this.focusedIndex;
            return {
                ...row,
                index,
                companyText: row.company ?? '',
                recordUrl: this.recordUrls[row.leadId] ?? '',
                segmentText: segmentLabel(row.segment),
                // SLDS badge markup rather than a lightning-badge component per row (docs/performance.md).
                segmentClass: `slds-badge ${segmentBadgeClass(row.segment)}`,
                triggerText: intentTriggerLabel(row.intentTrigger),
                fitText: scoreLabel(row.fitScore),
                intentText: scoreLabel(row.intentScore),
                waitingText: waitingText(row.mqlAt, this.now),
                slaText: sla.text,
                slaClass: SLA_DISPLAY[sla.state].className,
                slaIcon: SLA_DISPLAY[sla.state].icon,
                slaWord: SLA_DISPLAY[sla.state].word,
                slaState: sla.state,
                selected: isSelected,
                ariaSelected: isSelected ? 'true' : 'false',
                tabIndex: focused ? '0' : '-1',
                rowClass: `slds-hint-parent${focused ? ' row_focused' : ''}${isSelected ? ' slds-is-selected' : ''}`,
                error: this.rowErrors[row.leadId] ?? '',
                readOnly: !row.canDecide,
                readOnlyText: row.canDecide ? '' : readOnlyReason(row),
                selectLabel: formatLabel(SELECT_LEAD, row.name),
                acceptLabel: decisionOnLead('accept', row.name),
                rejectLabel: decisionOnLead('reject', row.name),
                recycleLabel: decisionOnLead('recycle', row.name)
            };
        });
    }

    get hasSelection(): boolean {
        return this.selectedIds.length > 0;
    }

    get selectionText(): string {
        return formatLabel(SELECTED_COUNT, this.selectedIds.length);
    }

    get decidableRows(): InboxRow[] {
        return this.rows.filter((row) => row.canDecide);
    }

    get allSelected(): boolean {
        const decidable = this.decidableRows;
        return decidable.length > 0 && this.selectedIds.length === decidable.length;
    }

    get noneDecidable(): boolean {
        return this.decidableRows.length === 0;
    }

    get hasMore(): boolean {
        return Boolean(this.nextCursor) && this.showTable;
    }

    get helpExpanded(): string {
        return this.showHelp ? 'true' : 'false';
    }

    get helpButtonLabel(): string {
        return this.showHelp ? HIDE_KEYBOARD_SHORTCUTS : KEYBOARD_SHORTCUTS;
    }

    // ----------------------------------------------------------------------------------- interaction

    handleRowFocus(event: Event): void {
        const index = Number((event.currentTarget as HTMLElement).dataset.index);
        if (!Number.isNaN(index)) this.focusedIndex = index;
    }

    handleSelect(event: Event): void {
        const leadId = (event.target as HTMLInputElement).dataset.id;
        if (leadId) this.toggleSelection(leadId);
    }

    handleSelectAll(event: Event): void {
        this.selectedIds = (event.target as HTMLInputElement).checked
            ? this.decidableRows.map((row) => row.leadId)
            : [];
    }

    toggleSelection(leadId: string): void {
        if (!this.decidableRows.some((row) => row.leadId === leadId)) return;
        this.selectedIds = this.selectedIds.includes(leadId)
            ? this.selectedIds.filter((id) => id !== leadId)
            : [...this.selectedIds, leadId];
    }

    handleRowAction(event: Event): void {
        const target = event.currentTarget as HTMLElement;
        const row = this.rows.find((candidate) => candidate.leadId === target.dataset.id);
        if (row) this.decideOn(target.dataset.action as DecisionAction, [row]);
    }

    handleBulkAction(event: Event): void {
        const action = (event.currentTarget as HTMLElement).dataset.action as DecisionAction;
        this.decideOn(action, this.selectedRows());
    }

    /** Accepted leads leave the inbox: "My leads" lists them with their next step. */
    handleOpenMyLeads(): void {
        this[NavigationMixin.Navigate]({ type: 'standard__navItemPage', attributes: { apiName: MY_LEADS_TAB } });
    }

    handleToggleHelp(): void {
        this.showHelp = !this.showHelp;
    }

    selectedRows(): InboxRow[] {
        return this.rows.filter((row) => this.selectedIds.includes(row.leadId));
    }

    /** The rows a keystroke acts on: the selection when there is one, else the focused row. */
    keyboardTargets(): InboxRow[] {
        if (this.selectedIds.length) return this.selectedRows();
        const row = this.rows[this.focusedIndex];
        return row ? [row] : [];
    }

    handleKeyDown(event: KeyboardEvent): void {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const target = event.target as HTMLInputElement | null;
        const typing = ['TEXTAREA', 'SELECT'].includes(target?.tagName ?? '');
        if (typing || (target?.tagName === 'INPUT' && target.type !== 'checkbox')) return;
        const handled = this.handleShortcut(event.key);
        if (handled) event.preventDefault();
    }

    /**
     * Shortcuts from the page itself, so `?` and `j` work as soon as rows show, before anything is clicked. Only
     * when nothing else has focus (the event comes from the page body): keys typed in inputs, comboboxes, modals or
     * other components stay theirs. Only the keys that cannot change data: `j`/`k` put focus on a row, where every
     * shortcut then applies; `?` shows the list.
     */
    handlePageKeyDown = (event: KeyboardEvent): void => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
        if (!this.rows.length || this.loading) return;
        const target = event.target;
        if (target !== document.body && target !== document.documentElement) return;
        if (event.key === '?') {
            this.showHelp = !this.showHelp;
        } else if (event.key === 'j' || event.key === 'k') {
            const row = this.template?.querySelector<HTMLElement>(`tr[data-index="${this.focusedIndex}"]`);
            if (!row) return;
            row.focus();
        } else {
            return;
        }
        event.preventDefault();
    };

    handleShortcut(key: string): boolean {
        switch (key) {
            case 'j':
            case 'ArrowDown':
                this.moveFocus(1);
                return true;
            case 'k':
            case 'ArrowUp':
                this.moveFocus(-1);
                return true;
            case 'a':
                this.decideOn('accept', this.keyboardTargets());
                return true;
            case 'r':
                this.decideOn('reject', this.keyboardTargets());
                return true;
            case 'y':
                this.decideOn('recycle', this.keyboardTargets());
                return true;
            case 'x': {
                const row = this.rows[this.focusedIndex];
                if (row) this.toggleSelection(row.leadId);
                return true;
            }
            case '?':
                this.showHelp = !this.showHelp;
                return true;
            case 'Escape':
                if (!this.showHelp) return false;
                this.showHelp = false;
                return true;
            default:
                return false;
        }
    }

    moveFocus(step: number): void {
        if (!this.rows.length) return;
        this.focusedIndex = Math.min(this.rows.length - 1, Math.max(0, this.focusedIndex + step));
        this.focusAfterRender = true;
    }

    // ------------------------------------------------------------------------------------------ decide

    async ensureReasons(): Promise<ReasonOption[]> {
        if (!this.reasons) this.reasons = await getDispositionReasons();
        return this.reasons;
    }

    async decideOn(action: DecisionAction, rows: InboxRow[]): Promise<void> {
        const readOnly = rows.find((row) => !row.canDecide);
        const targets = rows
            .filter((row) => row.canDecide && !this.pendingIds.has(row.leadId))
            .slice(0, MAX_LEADS_PER_DECISION);
        if (!targets.length) {
            if (readOnly) {
                const who = readOnly.ownerName ?? THIS_QUEUE;
                this.toast('warning', formatLabel(ONLY_MEMBERS_DECIDE_SENTENCE, who), VIEW_ONLY_MQLS);
            }
            return;
        }
        let choice = null;
        if (action !== 'accept') {
            const leadNames = targets.map((row) => row.name);
            try {
                choice = await LeadReasonModal.open({
                    label: reasonPickerHeading(action, leadNames),
                    size: 'small',
                    action,
                    reasons: await this.ensureReasons(),
                    leadNames,
                    today: isoDate(this.now)
                });
            } catch (error) {
                this.toast('error', REASONS_FAILED, formatLabel(ERROR_TRY_AGAIN, errorMessage(error)));
                return;
            }
            if (!choice) return;
        }

        const seen = targets.map((row) => ({ leadId: row.leadId, stage: row.stage, name: row.name }));
        const request = buildDecisionRequest(action, seen, choice);
        for (const row of targets) this.pendingIds.add(row.leadId);
        this.removeRows(targets.map((row) => row.leadId));

        try {
            const result = await decide({ request });
            const summary = summarizeDecision(action, result, seen, this.now);
            const refusedIds = new Set(summary.refused.map((entry) => entry.leadId));
            this.restoreRows(
                targets.filter((row) => refusedIds.has(row.leadId)),
                Object.fromEntries(summary.refused.map((entry) => [entry.leadId, entry.message]))
            );
            this.toast(summary.variant, summary.title, summary.message);
        } catch (error) {
            const message = errorMessage(error);
            this.restoreRows(targets, Object.fromEntries(targets.map((row) => [row.leadId, message])));
            this.toast('error', decisionFailedTitle(action), message);
        } finally {
            for (const row of targets) this.pendingIds.delete(row.leadId);
        }
    }

    removeRows(leadIds: string[]): void {
        const removing = new Set(leadIds);
        if (!this.rows.some((row) => removing.has(row.leadId))) return;
        this.rows = this.rows.filter((row) => !removing.has(row.leadId));
        this.selectedIds = this.selectedIds.filter((id) => !removing.has(id));
        const errors = { ...this.rowErrors };
        for (const id of leadIds) delete errors[id];
        this.rowErrors = errors;
        this.focusedIndex = Math.min(this.focusedIndex, Math.max(0, this.rows.length - 1));
        this.focusAfterRender = this.rows.length > 0;
    }

    /** Puts refused rows back in accept-by order (the server's order), with the sentence that explains each. */
    restoreRows(rows: InboxRow[], errors: Record<string, string>): void {
        if (!rows.length) return;
        const dueAt = (row: InboxRow) => (row.acceptBy ? Date.parse(row.acceptBy) : Number.MAX_SAFE_INTEGER);
        const back = new Set(rows.map((row) => row.leadId));
        const restored = this.rows.filter((row) => !back.has(row.leadId));
        for (const row of rows) {
            const before = restored.findIndex((other) => dueAt(other) > dueAt(row));
            restored.splice(before < 0 ? restored.length : before, 0, row);
        }
        this.rows = restored;
        this.rowErrors = { ...this.rowErrors, ...errors };
    }

    toast(variant: 'success' | 'warning' | 'error', title: string, message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
