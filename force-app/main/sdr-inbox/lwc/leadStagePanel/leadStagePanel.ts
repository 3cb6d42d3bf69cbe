// The Lead record page panel: where the lead is on the path, its SLA, the actions the running user may take now
// (accept / reject / recycle, qualify with the SQL checklist, convert), and its stage history.
// getPanel is cacheable: it is wired, and refreshed with refreshApex after every action.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getPanel from '@salesforce/apex/LeadStagePanelController.getPanel';
import qualify from '@salesforce/apex/LeadStagePanelController.qualify';
import convert from '@salesforce/apex/LeadStagePanelController.convert';
import getDispositionReasons from '@salesforce/apex/LeadInboxController.getDispositionReasons';
import decide from '@salesforce/apex/LeadInboxController.decide';
import LeadReasonModal from 'c/leadReasonModal';
import {
    buildConvertRequest,
    buildDecisionRequest,
    buildQualifyRequest,
    convertFormProblem,
    errorMessage,
    outcomeMessage,
    summarizeDecision
} from 'c/handoffRequests';
import type { DecisionAction, ReasonOption } from 'c/handoffRequests';
import {
    historyActionLabel,
    intentTriggerLabel,
    scoreLabel,
    segmentBadgeClass,
    segmentLabel,
    stageLabel
} from 'c/leadLabels';
import { MAIN_PATH, isExitStage, isLifecycleStage, pathSteps } from 'c/leadStages';
import type { MainPathStage } from 'c/leadStages';
import { SLA_DISPLAY, clockOffset, countdownText, formatMinutes, isoDate, serverTime, slaState } from 'c/slaClock';
import type { SlaState } from 'c/slaClock';

type StagePanel = LeadStagePanelController.StagePanel;

export const TICK_MS = 30_000;

const PATH_ITEM_CLASSES = {
    complete: 'slds-path__item slds-is-complete',
    current: 'slds-path__item slds-is-current slds-is-active',
    upcoming: 'slds-path__item slds-is-incomplete',
    exit: 'slds-path__item slds-is-lost slds-is-current slds-is-active'
} as const;

const PATH_STATE_TEXT = {
    complete: 'Stage complete',
    current: 'Current stage',
    upcoming: 'Stage not reached',
    exit: 'Current stage, left the path'
} as const;

/** The SLA line: its state as a badge (icon, word, colour from SLDS), then what it means for this lead. */
function slaLine(state: SlaState, text: string, word: string = SLA_DISPLAY[state].word) {
    return { ...SLA_DISPLAY[state], word, state, text };
}

export default class LeadStagePanel extends LightningElement {
    @api recordId?: string;

    panel: StagePanel | null = null;
    wiredPanel?: WireResult<StagePanel>;
    busy = false;
    loadError: string | null = null;
    actionError: string | null = null;
    checkedFields: string[] = [];
    qualificationNotes = '';
    opportunityName = '';
    amount = '';
    closeDate = '';
    now = Date.now();
    offset = 0;
    reasons: ReasonOption[] | null = null;
    tickTimer: ReturnType<typeof setInterval> | null = null;

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
            this.checkedFields = panel.checklist.filter((item) => item.checked).map((item) => item.field);
            this.qualificationNotes = panel.qualificationNotes ?? '';
            if (!this.opportunityName) this.opportunityName = panel.company || panel.name;
        } else if (result.error) {
            this.loadError = errorMessage(result.error);
        }
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

    /** A textarea has no value attribute (LWC1057): the saved notes reach it as a property once it is rendered. */
    renderedCallback(): void {
        const notes = this.template?.querySelector<HTMLTextAreaElement>('textarea[name="qualificationNotes"]');
        if (notes && notes.value !== this.qualificationNotes) notes.value = this.qualificationNotes;
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

    get companyText(): string {
        return this.panel?.company ?? '';
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
        return `Fit ${scoreLabel(this.panel?.fitScore)} · Intent ${scoreLabel(this.panel?.intentScore)}`;
    }

    get ownerText(): string {
        return this.panel?.ownerName ? `Owner: ${this.panel.ownerName}` : '';
    }

    get stageText(): string {
        return stageLabel(this.panel?.stage);
    }

    get steps() {
        const panel = this.panel;
        if (!panel || !isLifecycleStage(panel.stage)) return [];
        const from = isExitStage(panel.stage)
            ? panel.history.find((entry) => entry.toStage === panel.stage)?.fromStage
            : null;
        const exitedFrom = (MAIN_PATH as readonly string[]).includes(from ?? '') ? (from as MainPathStage) : undefined;
        return pathSteps(panel.stage, exitedFrom).map((step) => ({
            ...step,
            className: PATH_ITEM_CLASSES[step.state],
            stateText: PATH_STATE_TEXT[step.state],
            ariaCurrent: step.state === 'current' || step.state === 'exit' ? 'step' : null
        }));
    }

    get slaInfo(): ReturnType<typeof slaLine> | null {
        const panel = this.panel;
        if (!panel) return null;
        if (panel.stage === 'MQL' && panel.acceptBy) {
            const state = slaState(panel.acceptBy, this.now, panel.mqlAt);
            return slaLine(state, `Accept within: ${countdownText(panel.acceptBy, this.now)}`);
        }
        if (panel.slaOutcome === 'Met') {
            const by = panel.acceptedByName ? ` (accepted by ${panel.acceptedByName})` : '';
            return slaLine('green', `Response SLA met${by}`, 'Met');
        }
        if (panel.slaOutcome === 'Missed') return slaLine('red', 'Response SLA missed', 'Missed');
        return null;
    }

    get recycleText(): string {
        return this.panel?.stage === 'Recycled' && this.panel.recycleUntil
            ? `Nurtured until ${this.panel.recycleUntil}`
            : '';
    }

    allows(action: string): boolean {
        return Boolean(this.panel?.allowedActions.includes(action));
    }

    get canAccept(): boolean {
        return this.allows('accept');
    }

    get canReject(): boolean {
        return this.allows('reject');
    }

    get canRecycle(): boolean {
        return this.allows('recycle');
    }

    get hasDecisionActions(): boolean {
        return this.canAccept || this.canReject || this.canRecycle;
    }

    get canQualify(): boolean {
        return this.allows('qualify');
    }

    get canConvert(): boolean {
        return this.allows('convert');
    }

    get blockedReason(): string {
        if (!this.panel || this.panel.allowedActions.length) return '';
        return this.panel.blockedReason ?? '';
    }

    get checklist() {
        const checked = new Set(this.checkedFields);
        return (this.panel?.checklist ?? []).map((item) => ({
            ...item,
            checked: checked.has(item.field),
            labelText: item.required ? `${item.label} (required)` : item.label,
            helpText: item.helpText ?? ''
        }));
    }

    get missingChecklistLabels(): string[] {
        return this.checklist.filter((item) => item.required && !item.checked).map((item) => item.label);
    }

    get qualifyProblem(): string {
        const missing = this.missingChecklistLabels;
        return missing.length ? `To qualify, confirm: ${missing.join(', ')}.` : '';
    }

    get qualifyDisabled(): boolean {
        return this.busy || this.missingChecklistLabels.length > 0;
    }

    get convertProblem(): string {
        return convertFormProblem(this.convertForm) ?? '';
    }

    get convertDisabled(): boolean {
        return this.busy || this.convertProblem !== '';
    }

    get convertForm() {
        return { opportunityName: this.opportunityName, amount: this.amount, closeDate: this.closeDate };
    }

    get today(): string {
        return isoDate(this.now);
    }

    get history() {
        return (this.panel?.history ?? []).map((entry) => {
            const reason = entry.reasonLabel ?? entry.reasonCode;
            const stayed = formatMinutes(entry.minutesInPreviousStage);
            return {
                ...entry,
                title: `${historyActionLabel(entry.action)}: ${stageLabel(entry.fromStage)} → ${stageLabel(entry.toStage)}`,
                actorText: entry.actorName ? `by ${entry.actorName}` : 'by automation',
                reasonText: reason ? `Reason: ${reason}` : '',
                noteText: entry.note ?? '',
                durationText: stayed && entry.fromStage ? `${stayed} in ${stageLabel(entry.fromStage)}` : '',
                slaText: entry.fromStage === 'MQL' ? (entry.slaMet ? 'SLA met' : 'SLA missed') : ''
            };
        });
    }

    get hasHistory(): boolean {
        return this.history.length > 0;
    }

    // ---------------------------------------------------------------------------------------- actions

    get seenLead() {
        const panel = this.panel as StagePanel;
        return { leadId: panel.leadId, stage: panel.stage, name: panel.name };
    }

    handleDecision(event: Event): void {
        this.decideOn((event.currentTarget as HTMLElement).dataset.action as DecisionAction);
    }

    async decideOn(action: DecisionAction): Promise<void> {
        if (!this.panel || this.busy) return;
        this.actionError = null;
        let choice = null;
        if (action !== 'accept') {
            try {
                if (!this.reasons) this.reasons = await getDispositionReasons();
                choice = await LeadReasonModal.open({
                    label: `${action === 'reject' ? 'Reject' : 'Recycle'} ${this.panel.name}`,
                    size: 'small',
                    action,
                    reasons: this.reasons,
                    leadNames: [this.panel.name],
                    today: this.today
                });
            } catch (error) {
                this.actionError = `Could not load the reasons: ${errorMessage(error)}`;
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

    handleChecklistChange(event: Event): void {
        const input = event.target as HTMLInputElement;
        const field = input.dataset.field as string;
        this.checkedFields = input.checked
            ? [...this.checkedFields.filter((name) => name !== field), field]
            : this.checkedFields.filter((name) => name !== field);
    }

    handleNotesInput(event: Event): void {
        this.qualificationNotes = (event.target as HTMLTextAreaElement).value;
    }

    async handleQualify(): Promise<void> {
        if (!this.panel || this.qualifyDisabled) return;
        const request = buildQualifyRequest(this.seenLead, this.checkedFields, this.qualificationNotes);
        await this.run(async () => {
            const outcome = await qualify({ request });
            if (!outcome.ok) throw new Error(outcomeMessage(outcome, this.now));
            this.toast('success', `${this.panel?.name} is now a sales-qualified lead`);
        });
    }

    handleConvertInput(event: Event): void {
        const input = event.target as HTMLInputElement;
        const name = input.name as 'opportunityName' | 'amount' | 'closeDate';
        this[name] = input.value;
    }

    async handleConvert(): Promise<void> {
        if (!this.panel || this.convertDisabled) return;
        const request = buildConvertRequest(this.seenLead, this.convertForm);
        await this.run(async () => {
            const result = await convert({ request });
            if (!result.outcome.ok) throw new Error(outcomeMessage(result.outcome, this.now));
            this.toast('success', `Converted: opportunity "${request.opportunityName}" created`);
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
