// The Lead record page panel: where the lead is on the path, its SLA, the actions the running user may take now
// (accept / reject / recycle, qualify with the SQL checklist, convert into a new or matching account), once converted
// links to the records it became, and its stage history.
// A container, as lwc-recipes composes them: it alone calls Apex and holds the lead and the values typed into its
// forms; its children (leadStagePath, leadDecisionActions, leadSqlChecklist, leadConvertForm, leadConvertedRecords,
// leadStageHistory) get
// them through @api properties and report what the user did through events.
// getPanel is cacheable: it is wired, and refreshed with refreshApex after every action.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getPanel from '@salesforce/apex/LeadStagePanelController.getPanel';
import recordFirstView from '@salesforce/apex/LeadStagePanelController.recordFirstView';
import qualify from '@salesforce/apex/LeadStagePanelController.qualify';
import convert from '@salesforce/apex/LeadStagePanelController.convert';
import getDispositionReasons from '@salesforce/apex/LeadInboxController.getDispositionReasons';
import decide from '@salesforce/apex/LeadInboxController.decide';
import logFirstTouch from '@salesforce/apex/LeadStagePanelController.logFirstTouch';
import FIRST_TOUCH_HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelFirstTouchHeading';
import FIRST_TOUCH_WITHIN from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelFirstTouchWithin';
import FIRST_TOUCH_OVERDUE from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelFirstTouchOverdue';
import FIRST_TOUCH_MET from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelFirstTouchMet';
import FIRST_TOUCH_MISSED from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelFirstTouchMissed';
import LOG_FIRST_TOUCH from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelLogFirstTouch';
import FIRST_TOUCH_LOGGED from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelFirstTouchLogged';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelLoading';
import LOAD_FAILED from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelLoadFailed';
import TRY_AGAIN from '@salesforce/label/c.LeadHandoff_Shared_TryAgain';
import SCORES from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelScores';
import OWNER from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelOwner';
import ACCEPT_WITHIN from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelAcceptWithin';
import SLA_PAUSED_LINE from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelSlaPaused';
import SLA_MET from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelSlaMet';
import SLA_MET_BY from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelSlaMetBy';
import SLA_MET_WORD from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelSlaMetWord';
import SLA_MISSED from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelSlaMissed';
import SLA_MISSED_WORD from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelSlaMissedWord';
import NURTURED_UNTIL from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelNurturedUntil';
import REASONS_LOAD_FAILED from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelReasonsFailed';
import QUALIFIED from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelQualified';
import CONVERTED from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelConverted';
import PANEL_LEAD_NAME from '@salesforce/label/c.LeadHandoff_SdrInbox_PanelLeadName';
import LeadReasonModal from 'c/leadReasonModal';
import { formatLabel } from 'c/labelFormat';
import {
    buildConvertRequest,
    buildDecisionRequest,
    buildQualifyRequest,
    errorMessage,
    outcomeMessage,
    reasonPickerHeading,
    summarizeDecision
} from 'c/handoffRequests';
import type { DecisionAction, ReasonOption } from 'c/handoffRequests';
import type { DecideDetail } from 'c/leadDecisionActions';
import type { ChecklistChangeDetail, NotesChangeDetail, QualifyDetail } from 'c/leadSqlChecklist';
import type { ConvertFormValues } from 'c/leadConvertForm';
import { intentTriggerLabel, scoreLabel, segmentBadgeClass, segmentLabel } from 'c/leadLabels';
import { MQL, RECYCLED, isExitStage, isLifecycleStage } from 'c/leadStages';
import { SLA_DISPLAY, clockOffset, countdownText, isoDate, serverTime, slaState, slaStatus } from 'c/slaClock';
import type { SlaState } from 'c/slaClock';

type StagePanel = LeadStagePanelController.StagePanel;

export const TICK_MS = 30_000;

/** The SLA line: its state as a badge (icon, word, colour from SLDS), then what it means for this lead. */
function slaLine(state: SlaState, text: string, word: string = SLA_DISPLAY[state].word) {
    return { ...SLA_DISPLAY[state], word, state, text };
}

export default class LeadStagePanel extends LightningElement {
    @api recordId?: string;

    labels = {
        heading: HEADING,
        loading: LOADING,
        tryAgain: TRY_AGAIN,
        firstTouchHeading: FIRST_TOUCH_HEADING,
        logFirstTouch: LOG_FIRST_TOUCH
    };

    panel: StagePanel | null = null;
    wiredPanel?: WireResult<StagePanel>;
    busy = false;
    loadError: string | null = null;
    actionError: string | null = null;
    checkedFields: string[] = [];
    qualificationNotes = '';
    convertForm: ConvertFormValues = { opportunityName: '', amount: '', closeDate: '', accountId: '' };
    now = Date.now();
    offset = 0;
    reasons: ReasonOption[] | null = null;
    tickTimer: ReturnType<typeof setInterval> | null = null;
    /** The lead whose opening was reported (once per lead shown). */
    viewReportedFor: string | null = null;

    @wire(getPanel, { leadId: '$recordId' })
    receivePanel(result: WireResult<StagePanel>): void {
        this.wiredPanel = result;
        if (result.data) {
            const panel = result.data;
            const browserNow = Date.now();
            this.offset = clockOffset(panel.serverNow, browserNow);
            this.now = serverTime(this.offset, browserNow);
            this.panel = panel;
            this.loadError = null;
            // The checklist and notes show what is saved: a reload replaces what was typed but not sent.
            this.checkedFields = panel.checklist.filter((item) => item.checked).map((item) => item.field);
            this.qualificationNotes = panel.qualificationNotes ?? '';
            if (!this.convertForm.opportunityName) {
                this.convertForm = { ...this.convertForm, opportunityName: panel.company || panel.name };
            }
            this.reportFirstView(panel);
        } else if (result.error) {
            this.loadError = errorMessage(result.error);
        }
    }

    /**
     * Speed to lead: an SDR who may decide this MQL has opened it. The server keeps only the first such view; a
     * failure to record it must not disturb the panel, so it is ignored.
     */
    reportFirstView(panel: StagePanel): void {
        if (!this.recordId || this.viewReportedFor === this.recordId) return;
        if (panel.stage !== MQL || panel.allowedActions.length === 0) return;
        this.viewReportedFor = this.recordId;
        recordFirstView({ leadId: this.recordId }).catch(() => undefined);
    }

    connectedCallback(): void {
        // Keeps the SLA countdown current; cleared in disconnectedCallback.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.tickTimer = setInterval(() => {
            this.now = serverTime(this.offset);
        }, TICK_MS);
    }

    disconnectedCallback(): void {
        if (this.tickTimer) clearInterval(this.tickTimer);
        this.tickTimer = null;
    }

    /** Fetches the panel again, past the client cache, and tells the rest of the record page the lead changed. */
    async reload(): Promise<void> {
        try {
            await refreshApex(this.wiredPanel);
        } catch (error) {
            this.loadError = errorMessage(error);
        }
        if (this.recordId) await notifyRecordUpdateAvailable([{ recordId: this.recordId }]).catch(() => undefined);
    }

    get loadErrorText(): string {
        return formatLabel(LOAD_FAILED, this.loadError ?? '');
    }

    get loading(): boolean {
        return Boolean(this.recordId) && !this.panel && !this.loadError;
    }

    handleRetry(): void {
        this.loadError = null;
        this.reload();
    }

    // ----------------------------------------------------------------------------------------- display

    get hasPanel(): boolean {
        return this.panel !== null;
    }

    /** Whose panel this is: the lead's name and company, as people read it. */
    get leadNameText(): string {
        const panel = this.panel;
        if (!panel) return '';
        return panel.company ? formatLabel(PANEL_LEAD_NAME, panel.name, panel.company) : panel.name;
    }

    get segmentText(): string {
        return segmentLabel(this.panel?.segment);
    }

    get segmentClass(): string {
        return segmentBadgeClass(this.panel?.segment);
    }

    get triggerText(): string {
        return intentTriggerLabel(this.panel?.intentTrigger);
    }

    get scoresText(): string {
        return formatLabel(SCORES, scoreLabel(this.panel?.fitScore), scoreLabel(this.panel?.intentScore));
    }

    get ownerText(): string {
        return this.panel?.ownerName ? formatLabel(OWNER, this.panel.ownerName) : '';
    }

    /** On an exit (Rejected, Recycled), the stage the lead left: where the history shows it came from. */
    get exitedFrom(): string | null {
        const panel = this.panel;
        if (!panel || !isLifecycleStage(panel.stage) || !isExitStage(panel.stage)) return null;
        return panel.history.find((entry) => entry.toStage === panel.stage)?.fromStage ?? null;
    }

    get slaInfo(): ReturnType<typeof slaLine> | null {
        const panel = this.panel;
        if (!panel) return null;
        if (panel.stage === MQL && panel.acceptBy) {
            // Paused while the SLA's business hours are closed: say when the clock runs again, as the inbox row does.
            const status = slaStatus(panel.acceptBy, this.now, panel.dueSoonAt, panel.slaPausedUntil);
            return slaLine(
                status.state,
                formatLabel(status.state === 'paused' ? SLA_PAUSED_LINE : ACCEPT_WITHIN, status.text)
            );
        }
        if (panel.slaOutcome === 'Met') {
            const met = panel.acceptedByName ? formatLabel(SLA_MET_BY, panel.acceptedByName) : SLA_MET;
            return slaLine('green', met, SLA_MET_WORD);
        }
        if (panel.slaOutcome === 'Missed') return slaLine('red', SLA_MISSED, SLA_MISSED_WORD);
        return null;
    }

    /** The second clock, after acceptance: counting down to the first activity, or how the first touch went. */
    get firstTouchInfo(): ReturnType<typeof slaLine> | null {
        const panel = this.panel;
        if (!panel) return null;
        if (panel.firstTouchBy && !panel.firstTouchAt && panel.firstTouchOutcome !== 'Met') {
            const state = slaState(panel.firstTouchBy, this.now, panel.firstTouchDueSoonAt);
            const countdown = countdownText(panel.firstTouchBy, this.now);
            return slaLine(state, formatLabel(state === 'red' ? FIRST_TOUCH_OVERDUE : FIRST_TOUCH_WITHIN, countdown));
        }
        if (panel.firstTouchOutcome === 'Met') return slaLine('green', FIRST_TOUCH_MET, SLA_MET_WORD);
        if (panel.firstTouchOutcome === 'Missed') return slaLine('red', FIRST_TOUCH_MISSED, SLA_MISSED_WORD);
        return null;
    }

    get canLogFirstTouch(): boolean {
        return Boolean(this.panel?.mayLogFirstTouch);
    }

    get recycleText(): string {
        return this.panel?.stage === RECYCLED && this.panel.recycleUntil
            ? formatLabel(NURTURED_UNTIL, this.panel.recycleUntil)
            : '';
    }

    get allowedActions(): readonly string[] {
        return this.panel?.allowedActions ?? [];
    }

    get canQualify(): boolean {
        return this.allowedActions.includes('qualify');
    }

    get canConvert(): boolean {
        return this.allowedActions.includes('convert');
    }

    get blockedReason(): string {
        if (!this.panel || this.panel.allowedActions.length) return '';
        return this.panel.blockedReason ?? '';
    }

    /** The name of a new account: the company, or the lead's name when it has none (as the standard convert does). */
    get convertCompany(): string {
        return this.panel?.company || this.panel?.name || '';
    }

    get today(): string {
        return isoDate(this.now);
    }

    // ---------------------------------------------------------------------------------------- actions

    get seenLead() {
        const panel = this.panel as StagePanel;
        return { leadId: panel.leadId, stage: panel.stage, name: panel.name };
    }

    handleDecide(event: CustomEvent<DecideDetail>): void {
        this.decideOn(event.detail.action);
    }

    async decideOn(action: DecisionAction): Promise<void> {
        if (!this.panel || this.busy) return;
        this.actionError = null;
        let choice = null;
        if (action !== 'accept') {
            try {
                if (!this.reasons) this.reasons = await getDispositionReasons();
                choice = await LeadReasonModal.open({
                    label: reasonPickerHeading(action, [this.panel.name]),
                    size: 'small',
                    action,
                    reasons: this.reasons,
                    leadNames: [this.panel.name],
                    today: this.today
                });
            } catch (error) {
                this.actionError = formatLabel(REASONS_LOAD_FAILED, errorMessage(error));
                return;
            }
            if (!choice) return;
        }
        const lead = this.seenLead;
        await this.run(async () => {
            const result = await decide({ request: buildDecisionRequest(action, [lead], choice, false) });
            const summary = summarizeDecision(action, result, [lead], this.now);
            if (summary.refused.length) throw new Error(summary.refused[0].message);
            this.toast('success', summary.title);
        });
    }

    handleChecklistChange(event: CustomEvent<ChecklistChangeDetail>): void {
        this.checkedFields = event.detail.checkedFields;
    }

    handleNotesChange(event: CustomEvent<NotesChangeDetail>): void {
        this.qualificationNotes = event.detail.notes;
    }

    /** The checklist enables Qualify only when every required item is checked; the server checks again. */
    async handleQualify(event: CustomEvent<QualifyDetail>): Promise<void> {
        if (!this.panel || this.busy) return;
        const request = buildQualifyRequest(this.seenLead, event.detail.checkedFields, event.detail.notes);
        await this.run(async () => {
            const outcome = await qualify({ request });
            if (!outcome.ok) throw new Error(outcomeMessage(outcome, this.now));
            this.toast('success', formatLabel(QUALIFIED, this.panel?.name ?? ''));
        });
    }

    /** Logs a completed call on the lead; the server's Task flow stops the first-touch clock. */
    async handleLogFirstTouch(): Promise<void> {
        if (!this.panel || this.busy) return;
        const leadId = this.panel.leadId;
        await this.run(async () => {
            await logFirstTouch({ leadId });
            this.toast('success', FIRST_TOUCH_LOGGED);
        });
    }

    handleConvertFormChange(event: CustomEvent<ConvertFormValues>): void {
        this.convertForm = event.detail;
    }

    /** The form enables Convert only once name, amount and close date are valid; the server checks again. */
    async handleConvert(event: CustomEvent<ConvertFormValues>): Promise<void> {
        if (!this.panel || this.busy) return;
        const request = buildConvertRequest(this.seenLead, event.detail);
        await this.run(async () => {
            const result = await convert({ request });
            if (!result.outcome.ok) throw new Error(outcomeMessage(result.outcome, this.now));
            this.toast('success', formatLabel(CONVERTED, request.opportunityName ?? ''));
        });
    }

    /** Runs an action, shows its error inline, and reloads the panel either way (the lead may have moved). */
    async run(action: () => Promise<void>): Promise<void> {
        this.busy = true;
        this.actionError = null;
        try {
            await action();
        } catch (error) {
            this.actionError = errorMessage(error);
        } finally {
            this.busy = false;
        }
        await this.reload();
    }

    toast(variant: 'success' | 'error', title: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message: '', variant }));
    }
}
