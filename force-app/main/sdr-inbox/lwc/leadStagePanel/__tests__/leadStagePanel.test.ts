import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import LeadStagePanel from 'c/leadStagePanel';
import LeadReasonModal from 'c/leadReasonModal';
import type { ReasonOption } from 'c/handoffRequests';
import type { ConvertFormValues } from 'c/leadConvertForm';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getPanel from '@salesforce/apex/LeadStagePanelController.getPanel';
import qualify from '@salesforce/apex/LeadStagePanelController.qualify';
import convert from '@salesforce/apex/LeadStagePanelController.convert';
import recordFirstView from '@salesforce/apex/LeadStagePanelController.recordFirstView';
import getDispositionReasons from '@salesforce/apex/LeadInboxController.getDispositionReasons';
import decide from '@salesforce/apex/LeadInboxController.decide';
import logFirstTouch from '@salesforce/apex/LeadStagePanelController.logFirstTouch';
import { flush } from 'test/lwcTest';

jest.mock(
    '@salesforce/apex/LeadStagePanelController.getPanel',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (adapter: unknown) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadStagePanelController.qualify', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadStagePanelController.convert', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadStagePanelController.recordFirstView', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LeadInboxController.getDispositionReasons', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LeadInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadStagePanelController.logFirstTouch', () => ({ default: jest.fn() }), {
    virtual: true
});

type StagePanel = LeadStagePanelController.StagePanel;
type LeadOutcome = LeadHandoffService.LeadOutcome;

const PANEL = jest.requireActual<StagePanel>('./data/LeadStagePanelController.getPanel.json');
const REASONS = jest.requireActual<ReasonOption[]>('./data/LeadInboxController.getDispositionReasons.json');
const LEAD_ID = PANEL.leadId;

/** The wire adapter of getPanel: emit() provisions a panel, error() a failed load. */
const getPanelWire = getPanel as unknown as {
    emit(value: StagePanel): void;
    error(body?: unknown): void;
    getLastConfig(): { leadId?: string };
};
const refreshMock = jest.mocked(refreshApex);
/** What the server returns on the next load or refreshApex(). */
let serverPanel: StagePanel;
const qualifyMock = jest.mocked(qualify);
const convertMock = jest.mocked(convert);
const firstViewMock = jest.mocked(recordFirstView);
const reasonsMock = jest.mocked(getDispositionReasons);
const decideMock = jest.mocked(decide);
const logFirstTouchMock = jest.mocked(logFirstTouch);
const openMock = jest.spyOn(LeadReasonModal, 'open');

function panel(overrides: Partial<StagePanel> = {}): StagePanel {
    return { ...(JSON.parse(JSON.stringify(PANEL)) as StagePanel), ...overrides };
}

function outcome(overrides: Partial<LeadOutcome> = {}): LeadOutcome {
    return {
        leadId: LEAD_ID,
        ok: true,
        code: null,
        message: null,
        stage: 'SAL',
        decidedByName: null,
        decidedAt: null,
        ...overrides
    };
}

async function createPanel(): Promise<HTMLElement> {
    const element = createElement('c-lead-stage-panel', { is: LeadStagePanel });
    element.recordId = LEAD_ID;
    document.body.appendChild(element);
    getPanelWire.emit(serverPanel);
    await flush();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const text = (element: HTMLElement, selector: string) =>
    root(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

/** The children, with the @api properties the panel gave them. */
interface PathChild extends HTMLElement {
    stage: string;
    exitedFrom: string | null;
}
interface DecisionChild extends HTMLElement {
    allowedActions: string[];
    disabled: boolean;
}
interface ChecklistChild extends HTMLElement {
    items: StagePanel['checklist'];
    checkedFields: string[];
    notes: string;
    disabled: boolean;
}
interface ConvertChild extends HTMLElement, ConvertFormValues {
    today: string;
    disabled: boolean;
    accountMatches: StagePanel['accountMatches'];
    company: string;
    leadName: string;
    currencyIsoCode: string;
}
interface ConvertedChild extends HTMLElement {
    records: StagePanel['converted'];
}
interface HistoryChild extends HTMLElement {
    entries: StagePanel['history'];
}

const child = <T extends HTMLElement>(element: HTMLElement, tag: string) =>
    root(element).querySelector(tag) as T | null;
const path = (element: HTMLElement) => child<PathChild>(element, 'c-lead-stage-path') as PathChild;
const decisions = (element: HTMLElement) => child<DecisionChild>(element, 'c-lead-decision-actions') as DecisionChild;
const checklist = (element: HTMLElement) => child<ChecklistChild>(element, 'c-lead-sql-checklist');
const convertForm = (element: HTMLElement) => child<ConvertChild>(element, 'c-lead-convert-form');
const convertedRecords = (element: HTMLElement) => child<ConvertedChild>(element, 'c-lead-converted-records');
const history = (element: HTMLElement) => child<HistoryChild>(element, 'c-lead-stage-history') as HistoryChild;

/** A child reports what the user did, as its own tests show it does. */
async function report(target: HTMLElement | null, name: string, detail?: unknown): Promise<void> {
    (target as HTMLElement).dispatchEvent(new CustomEvent(name, { detail }));
    await flush();
}

const decideOn = (element: HTMLElement, action: string) => report(decisions(element), 'decide', { action });

function toasts(element: HTMLElement) {
    const handler = jest.fn<(event: CustomEvent) => void>();
    element.addEventListener('lightning__showtoast', handler as unknown as EventListener);
    return () => handler.mock.calls.map(([event]) => (event.detail as { title: string }).title);
}

const REQUIRED = ['SQL_Need_Confirmed__c', 'SQL_Budget_Confirmed__c', 'SQL_Timeline_Confirmed__c'];

describe('c-lead-stage-panel', () => {
    beforeEach(() => {
        serverPanel = panel();
        refreshMock.mockImplementation(async () => getPanelWire.emit(serverPanel));
        reasonsMock.mockResolvedValue(REASONS);
        firstViewMock.mockResolvedValue(true);
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        openMock.mockReset();
        jest.useRealTimers();
    });

    describe('an MQL waiting for a decision', () => {
        it('shows the path at the current stage, the segment, the SLA countdown and the decisions', async () => {
            const element = await createPanel();
            expect(getPanelWire.getLastConfig()).toEqual({ leadId: LEAD_ID });
            expect([path(element).stage, path(element).exitedFrom]).toEqual(['MQL', null]);
            expect(text(element, '[data-id="lead-name"]')).toBe('Jane Doe · Acme');
            expect((root(element).querySelector('lightning-badge') as unknown as { label: string }).label).toBe(
                'High fit \u00b7 high intent'
            );
            expect(root(element).textContent).toContain('Demo request');
            expect(root(element).textContent).toContain('Fit 82 · Intent 70');
            expect(root(element).textContent).toContain('Owner: SDR Inbound');
            expect(text(element, '[data-id="sla"]')).toBe('Accept within: 10 min left');
            const badge = root(element).querySelector('[data-id="sla-badge"]');
            expect(badge?.className).toBe('slds-badge slds-theme_warning');
            expect(badge?.textContent?.replace(/\s+/g, ' ').trim()).toBe('\u26A0Due soon');
            expect(decisions(element).allowedActions).toEqual(['accept', 'reject', 'recycle']);
            expect(decisions(element).disabled).toBe(false);
            expect(checklist(element)).toBeNull();
            expect(convertForm(element)).toBeNull();
            expect(history(element).entries).toEqual(PANEL.history);
            await expect(element).toBeAccessible();
        });

        it('tells the server once that an SDR who may decide it opened it, even when the panel reloads', async () => {
            await createPanel();
            getPanelWire.emit(panel());
            await flush();
            expect(firstViewMock.mock.calls).toEqual([[{ leadId: LEAD_ID }]]);
        });

        it('reports no view for someone who may only look, nor for a lead past MQL', async () => {
            serverPanel = panel({ allowedActions: [] });
            await createPanel();
            document.body.replaceChildren();
            serverPanel = panel({ stage: 'SAL' });
            await createPanel();
            expect(firstViewMock).not.toHaveBeenCalled();
        });

        it('keeps the panel working when the view cannot be recorded', async () => {
            firstViewMock.mockRejectedValue(new Error('offline'));
            const element = await createPanel();
            await flush();
            expect(decisions(element).disabled).toBe(false);
            expect(root(element).querySelector('[role="alert"]')).toBeNull();
        });

        it('says the SLA clock is paused, and until when, while its business hours are closed', async () => {
            serverPanel = panel({ slaPausedUntil: '2026-03-02T17:00:00.000Z' });
            const element = await createPanel();
            expect(text(element, '[data-id="sla"]')).toBe(
                'The SLA clock is paused until Mon, Mar 2, 9:00 AM: its business hours are closed.'
            );
            const badge = root(element).querySelector('[data-id="sla-badge"]');
            expect(badge?.className).toBe('slds-badge slds-badge_lightest');
            expect(badge?.textContent?.replace(/\s+/g, ' ').trim()).toBe('\u2016Paused');
        });

        it('counts down again once the paused clock has run past its opening', async () => {
            serverPanel = panel({ slaPausedUntil: '2026-03-02T14:59:00.000Z' });
            const element = await createPanel();
            expect(text(element, '[data-id="sla"]')).toBe('Accept within: 10 min left');
        });

        it('keeps the SLA countdown ticking and stops when removed', async () => {
            jest.useFakeTimers({ now: Date.parse('2026-03-02T15:00:00.000Z') });
            const element = await createPanel();
            jest.advanceTimersByTime(12 * 60_000);
            await flush();
            expect(text(element, '[data-id="sla"]')).toBe('Accept within: 2 min overdue');
            expect(root(element).querySelector('[data-id="sla-badge"]')?.className).toBe('slds-badge slds-theme_error');
            document.body.removeChild(element);
            expect(jest.getTimerCount()).toBe(0);
        });

        it('accepts, then refreshes to show the new stage', async () => {
            decideMock.mockResolvedValue({ applied: true, outcomes: [outcome()] });
            const element = await createPanel();
            const shown = toasts(element);
            serverPanel = panel({ stage: 'SAL', allowedActions: ['qualify'] });
            await decideOn(element, 'accept');
            expect(decideMock).toHaveBeenCalledWith({
                request: {
                    action: 'accept',
                    leads: [{ leadId: LEAD_ID, seenStage: 'MQL' }],
                    reasonCode: null,
                    note: null,
                    recycleUntil: null,
                    allowPartial: false
                }
            });
            expect(shown()).toEqual(['Accepted Jane Doe']);
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect(path(element).stage).toBe('SAL');
            expect(checklist(element)).not.toBeNull();
        });

        it('disables the actions while one runs, and sends a second click nowhere', async () => {
            let answer: (value: LeadHandoffService.DecisionResult) => void = () => undefined;
            decideMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = await createPanel();
            await decideOn(element, 'accept');
            expect(decisions(element).disabled).toBe(true);
            await decideOn(element, 'reject');
            expect(openMock).not.toHaveBeenCalled();
            answer({ applied: true, outcomes: [outcome()] });
            await flush();
            expect(decideMock).toHaveBeenCalledTimes(1);
            expect(decisions(element).disabled).toBe(false);
        });

        it('shows inline who already decided when the server refuses the accept', async () => {
            decideMock.mockResolvedValue({
                applied: false,
                outcomes: [outcome({ ok: false, code: 'ALREADY_DECIDED', decidedByName: 'Ann Lee' })]
            });
            const element = await createPanel();
            await decideOn(element, 'accept');
            expect(text(element, '[data-id="action-error"]')).toBe('Ann Lee already decided this lead (now SAL).');
            expect(refreshMock).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });

        it('rejects with the reason chosen in the picker', async () => {
            openMock.mockResolvedValue({ reasonCode: 'Other', note: 'Wrong country', recycleUntil: null });
            decideMock.mockResolvedValue({ applied: true, outcomes: [outcome({ stage: 'Rejected' })] });
            const element = await createPanel();
            await decideOn(element, 'reject');
            expect(openMock).toHaveBeenCalledWith({
                label: 'Reject Jane Doe',
                size: 'small',
                action: 'reject',
                reasons: REASONS,
                leadNames: ['Jane Doe'],
                today: '2026-03-02'
            });
            expect(decideMock.mock.calls[0][0].request).toMatchObject({
                action: 'reject',
                reasonCode: 'Other',
                note: 'Wrong country'
            });
        });

        it('sends nothing when the picker is cancelled, and explains when reasons cannot load', async () => {
            openMock.mockResolvedValue(undefined);
            const element = await createPanel();
            await decideOn(element, 'recycle');
            expect(openMock.mock.calls[0][0]).toMatchObject({ action: 'recycle', label: 'Recycle Jane Doe' });
            expect(decideMock).not.toHaveBeenCalled();

            const fresh = await createPanel();
            reasonsMock.mockRejectedValue({ body: { message: 'No access to Disposition_Reason__mdt' } });
            await decideOn(fresh, 'reject');
            expect(text(fresh, '[data-id="action-error"]')).toBe(
                'Could not load the reasons: No access to Disposition_Reason__mdt'
            );
        });

        it('shows a server error inline', async () => {
            decideMock.mockRejectedValue({ body: { message: 'UNABLE_TO_LOCK_ROW' } });
            const element = await createPanel();
            await decideOn(element, 'accept');
            expect(text(element, '[data-id="action-error"]')).toBe('UNABLE_TO_LOCK_ROW');
        });
    });

    describe('when no action is allowed', () => {
        it('says why instead of offering actions', async () => {
            serverPanel = panel({ allowedActions: [], blockedReason: 'Owned by Ann Lee: only the owner can decide.' });
            const element = await createPanel();
            expect(text(element, '[data-id="blocked"]')).toBe('Owned by Ann Lee: only the owner can decide.');
            expect(decisions(element).allowedActions).toEqual([]);
            expect([checklist(element), convertForm(element)]).toEqual([null, null]);
            await expect(element).toBeAccessible();
        });
    });

    describe('qualifying a SAL', () => {
        beforeEach(() => {
            serverPanel = panel({
                stage: 'SAL',
                slaOutcome: 'Met',
                acceptedByName: 'Sam SDR',
                allowedActions: ['qualify', 'reject', 'recycle']
            });
        });

        it('gives the checklist the criteria, the saved checks and notes, and keeps what the user changes', async () => {
            serverPanel.checklist[3].checked = true;
            const element = await createPanel();
            expect(text(element, '[data-id="sla"]')).toBe('Response SLA met (accepted by Sam SDR)');
            expect(decisions(element).allowedActions).toEqual(['qualify', 'reject', 'recycle']);
            const form = checklist(element) as ChecklistChild;
            expect(form.items).toEqual(serverPanel.checklist);
            expect([form.checkedFields, form.notes, form.disabled]).toEqual([
                ['SQL_Decision_Path_Confirmed__c'],
                '',
                false
            ]);

            await report(form, 'checklistchange', { checkedFields: ['SQL_Need_Confirmed__c'] });
            await report(form, 'noteschange', { notes: 'Budget in Q2' });
            expect([form.checkedFields, form.notes]).toEqual([['SQL_Need_Confirmed__c'], 'Budget in Q2']);
            await expect(element).toBeAccessible();
        });

        it('qualifies through the checklist: Qualify is enabled once the required items are ticked', async () => {
            const element = await createPanel();
            const form = root(checklist(element) as HTMLElement);
            const qualifyButton = form.querySelector('lightning-button') as unknown as { disabled: boolean };
            expect(qualifyButton.disabled).toBe(true);
            for (const field of REQUIRED) {
                // eslint-disable-next-line no-await-in-loop
                await report(form.querySelector(`lightning-input[data-field="${field}"]`), 'change', { checked: true });
            }
            expect(qualifyButton.disabled).toBe(false);
        });

        it('sends the confirmed items and notes, then refreshes', async () => {
            qualifyMock.mockResolvedValue(outcome({ stage: 'SQL' }));
            const element = await createPanel();
            const shown = toasts(element);
            await report(checklist(element), 'qualify', { checkedFields: REQUIRED, notes: ' Budget approved in Q2 ' });
            expect(qualifyMock).toHaveBeenCalledWith({
                request: {
                    leadId: LEAD_ID,
                    seenStage: 'SAL',
                    checkedFields: REQUIRED,
                    notes: 'Budget approved in Q2'
                }
            });
            expect(shown()).toEqual(['Jane Doe is now a sales-qualified lead']);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('shows the notes and checks saved later, replacing what was typed but not sent', async () => {
            serverPanel = panel({ ...serverPanel, qualificationNotes: 'Met at the summit.' });
            const element = await createPanel();
            const form = checklist(element) as ChecklistChild;
            expect(form.notes).toBe('Met at the summit.');
            await report(form, 'noteschange', { notes: 'Met at the summit. Budget in Q2.' });
            await report(form, 'checklistchange', { checkedFields: ['SQL_Need_Confirmed__c'] });
            expect(form.notes).toBe('Met at the summit. Budget in Q2.');

            const saved = panel({ ...serverPanel, qualificationNotes: 'Saved by Sam: budget in Q2.' });
            saved.checklist[1].checked = true;
            getPanelWire.emit(saved);
            await flush();
            expect([form.notes, form.checkedFields]).toEqual([
                'Saved by Sam: budget in Q2.',
                ['SQL_Budget_Confirmed__c']
            ]);
        });

        it('shows why the server refused to qualify', async () => {
            qualifyMock.mockResolvedValue(outcome({ ok: false, code: 'CHECKLIST_INCOMPLETE' }));
            const element = await createPanel();
            await report(checklist(element), 'qualify', { checkedFields: REQUIRED, notes: '' });
            expect(text(element, '[data-id="action-error"]')).toBe('Confirm every required checklist item first.');
        });
    });

    describe('converting an SQL', () => {
        beforeEach(() => {
            serverPanel = panel({ stage: 'SQL', slaOutcome: 'Missed', allowedActions: ['convert', 'recycle'] });
        });

        it('starts the form with the company as the opportunity name and keeps what the user types', async () => {
            const element = await createPanel();
            expect(text(element, '[data-id="sla"]')).toBe('Response SLA missed');
            const form = convertForm(element) as ConvertChild;
            expect([form.opportunityName, form.amount, form.closeDate, form.today, form.disabled]).toEqual([
                'Acme',
                '',
                '',
                '2026-03-02',
                false
            ]);
            const typed = {
                opportunityName: 'Acme - Platform',
                amount: '25000',
                closeDate: '2026-06-30',
                accountId: '001000000000001AAA'
            };
            await report(form, 'formchange', typed);
            expect([form.opportunityName, form.amount, form.closeDate, form.accountId]).toEqual(Object.values(typed));
            getPanelWire.emit(panel({ ...serverPanel }));
            await flush();
            expect([form.opportunityName, form.amount, form.closeDate, form.accountId]).toEqual(Object.values(typed));
            await expect(element).toBeAccessible();
        });

        it('names the opportunity after the lead when it has no company', async () => {
            serverPanel = panel({ ...serverPanel, company: null });
            const element = await createPanel();
            expect(convertForm(element)?.opportunityName).toBe('Jane Doe');
            expect(convertForm(element)?.company).toBe('Jane Doe');
        });

        it("gives the form the accounts named like the company, the server's currency and who becomes the contact", async () => {
            const matches = [{ id: '001000000000001AAA', name: 'Acme', ownerName: 'Sam Rivera' }];
            serverPanel = panel({ ...serverPanel, accountMatches: matches, currencyIsoCode: 'JPY' });
            const element = await createPanel();
            const form = convertForm(element) as ConvertChild;
            expect([form.accountMatches, form.currencyIsoCode, form.company, form.leadName, form.accountId]).toEqual([
                matches,
                'JPY',
                'Acme',
                'Jane Doe',
                ''
            ]);
            expect(convertedRecords(element)).toBeNull();
        });

        it('converts into the chosen account, then links the records it became', async () => {
            const converted = {
                opportunityId: '006000000000001AAA',
                opportunityName: 'Acme - Platform',
                accountId: '001000000000001AAA',
                accountName: 'Acme',
                contactId: '003000000000001AAA',
                contactName: 'Jane Doe'
            };
            convertMock.mockResolvedValue({
                outcome: outcome({ stage: 'Opportunity' }),
                opportunityId: converted.opportunityId,
                accountId: converted.accountId,
                contactId: converted.contactId
            });
            const element = await createPanel();
            const form = { opportunityName: 'Acme - Platform', amount: '25000', closeDate: '2026-06-30' };
            serverPanel = panel({ stage: 'Opportunity', allowedActions: [], converted });
            await report(convertForm(element), 'convert', { ...form, accountId: converted.accountId });
            expect(convertMock).toHaveBeenCalledWith({
                request: { leadId: LEAD_ID, seenStage: 'SQL', ...form, amount: 25000, accountId: converted.accountId }
            });
            expect(convertForm(element)).toBeNull();
            expect(convertedRecords(element)?.records).toEqual(converted);
            await expect(element).toBeAccessible();
        });

        it('converts with the form values and refreshes', async () => {
            convertMock.mockResolvedValue({
                outcome: outcome({ stage: 'Opportunity' }),
                opportunityId: '006000000000001AAA',
                accountId: '001000000000001AAA',
                contactId: '003000000000001AAA'
            });
            const element = await createPanel();
            const shown = toasts(element);
            await report(convertForm(element), 'convert', {
                opportunityName: 'Acme - Platform',
                amount: '25000',
                closeDate: '2026-06-30'
            });
            expect(convertMock).toHaveBeenCalledWith({
                request: {
                    leadId: LEAD_ID,
                    seenStage: 'SQL',
                    opportunityName: 'Acme - Platform',
                    amount: 25000,
                    closeDate: '2026-06-30',
                    accountId: null
                }
            });
            expect(shown()).toEqual(['Converted: opportunity "Acme - Platform" created']);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('shows why the server refused to convert', async () => {
            convertMock.mockResolvedValue({
                outcome: outcome({ ok: false, code: 'CLOSE_DATE_REQUIRED' }),
                opportunityId: null,
                accountId: null,
                contactId: null
            });
            const element = await createPanel();
            await report(convertForm(element), 'convert', { opportunityName: 'Acme', amount: '25000', closeDate: '' });
            expect(text(element, '[data-id="action-error"]')).toBe('Enter a close date.');
        });
    });

    describe('history and exits', () => {
        it('shows a recycled lead off the path after the stage it left, with its history and nurture date', async () => {
            const recycled = {
                ...PANEL.history[0],
                id: 'a01000000000002AAA',
                fromStage: 'SAL',
                toStage: 'Recycled',
                action: 'Recycle',
                occurredAt: '2026-03-02T14:40:00.000Z'
            };
            serverPanel = panel({
                stage: 'Recycled',
                recycleUntil: '2026-04-01',
                allowedActions: [],
                blockedReason: null,
                history: [recycled, ...PANEL.history]
            });
            const element = await createPanel();
            expect([path(element).stage, path(element).exitedFrom]).toEqual(['Recycled', 'SAL']);
            expect(text(element, '[data-id="recycle"]')).toBe('Nurtured until 2026-04-01');
            expect(root(element).querySelector('[data-id="blocked"]')).toBeNull();
            expect(history(element).entries).toEqual([recycled, ...PANEL.history]);
            await expect(element).toBeAccessible();
        });

        it('shows no SLA line when there is none', async () => {
            serverPanel = panel({ stage: 'Lead', history: [], acceptBy: null, slaOutcome: null });
            const element = await createPanel();
            expect(history(element).entries).toEqual([]);
            expect(root(element).querySelector('[data-id="sla"]')).toBeNull();
        });
    });

    describe('loading', () => {
        function mountWithoutData(recordId?: string) {
            const element = createElement('c-lead-stage-panel', { is: LeadStagePanel });
            element.recordId = recordId;
            document.body.appendChild(element);
            return element;
        }

        it('shows a spinner with assistive text until the panel arrives', async () => {
            const element = mountWithoutData(LEAD_ID);
            await flush();
            const spinner = root(element).querySelector('lightning-spinner') as unknown as { alternativeText: string };
            expect(spinner.alternativeText).toBe("Loading the lead's handoff stage");
            expect(root(element).querySelector('c-lead-stage-path')).toBeNull();
            getPanelWire.emit(panel());
            await flush();
            expect(root(element).querySelector('lightning-spinner')).toBeNull();
            expect(path(element).stage).toBe('MQL');
        });

        it('explains a load error and retries past the cache', async () => {
            const element = mountWithoutData(LEAD_ID);
            getPanelWire.error({ message: 'Lead not found' });
            await flush();
            expect(text(element, '[role="alert"]')).toContain('Could not load the handoff stage: Lead not found');
            await expect(element).toBeAccessible();
            const retry = root(element).querySelector('[role="alert"] lightning-button') as HTMLElement & {
                label: string;
            };
            expect(retry.label).toBe('Try again');
            retry.click();
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect(root(element).querySelector('[role="alert"]')).toBeNull();
            expect(path(element).stage).toBe('MQL');
        });

        it('shows the error when a refresh fails', async () => {
            const element = await createPanel();
            refreshMock.mockRejectedValue({ body: { message: 'Session expired' } });
            decideMock.mockResolvedValue({ applied: true, outcomes: [outcome()] });
            await decideOn(element, 'accept');
            expect(text(element, '[role="alert"]')).toContain('Session expired');
        });

        it('tells the record page the lead changed after an action', async () => {
            decideMock.mockResolvedValue({ applied: true, outcomes: [outcome()] });
            const element = await createPanel();
            await decideOn(element, 'accept');
            expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: LEAD_ID }]);
        });

        it('follows the record id', async () => {
            const element = mountWithoutData();
            await flush();
            expect(root(element).querySelector('lightning-spinner')).toBeNull();
            element.recordId = '00Q000000000009AAA';
            await flush();
            expect(getPanelWire.getLastConfig()).toEqual({ leadId: '00Q000000000009AAA' });
        });
    });
    describe('the first-touch clock of a SAL (the second clock, after acceptance)', () => {
        // serverNow is 15:00: due soon from 14:45, first touch by 15:30.
        const untouched = () =>
            panel({
                stage: 'SAL',
                slaOutcome: 'Met',
                acceptedByName: 'Sam SDR',
                allowedActions: ['qualify', 'reject', 'recycle'],
                firstTouchBy: '2026-03-02T15:30:00.000Z',
                firstTouchDueSoonAt: '2026-03-02T14:45:00.000Z',
                firstTouchOutcome: 'Pending',
                mayLogFirstTouch: true
            });
        const logButton = (element: HTMLElement) =>
            root(element).querySelector('[data-id="log-first-touch"]') as (HTMLElement & { label: string }) | null;

        it('counts down to the first touch, due soon, and offers Log first touch', async () => {
            serverPanel = untouched();
            const element = await createPanel();
            expect(text(element, '[data-id="first-touch"]')).toBe('Log a call, email or meeting: 30 min left');
            expect(root(element).querySelector('[data-id="first-touch-badge"]')?.className).toBe(
                'slds-badge slds-theme_warning'
            );
            expect(logButton(element)?.label).toBe('Log first touch');
            await expect(element).toBeAccessible();
        });

        it('shows a breach once the first-touch time has passed', async () => {
            serverPanel = { ...untouched(), firstTouchBy: '2026-03-02T14:52:00.000Z' };
            const element = await createPanel();
            expect(text(element, '[data-id="first-touch"]')).toBe(
                'No activity logged: 8 min overdue. Managers have been told.'
            );
            expect(root(element).querySelector('[data-first-touch="red"]')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('logs the first touch, tells the user and reloads the panel, which then shows it met', async () => {
            serverPanel = untouched();
            logFirstTouchMock.mockResolvedValue(undefined);
            const element = await createPanel();
            const shown = toasts(element);
            serverPanel = {
                ...untouched(),
                firstTouchAt: '2026-03-02T15:00:00.000Z',
                firstTouchOutcome: 'Met',
                mayLogFirstTouch: false
            };
            logButton(element)?.click();
            await flush();
            expect(logFirstTouchMock).toHaveBeenCalledWith({ leadId: LEAD_ID });
            expect(shown()).toEqual(['First touch logged.']);
            expect(text(element, '[data-id="first-touch"]')).toBe('First activity logged in time.');
            expect(logButton(element)).toBeNull();
        });

        it('shows why the first touch could not be logged', async () => {
            serverPanel = untouched();
            logFirstTouchMock.mockRejectedValue({ body: { message: 'This lead has no first touch to log.' } });
            const element = await createPanel();
            logButton(element)?.click();
            await flush();
            expect(text(element, '[data-id="action-error"]')).toContain('This lead has no first touch to log.');
        });

        it('says when the first activity came late, and shows nothing on an MQL', async () => {
            serverPanel = { ...untouched(), firstTouchAt: '2026-03-02T15:40:00.000Z', firstTouchOutcome: 'Missed' };
            const late = await createPanel();
            expect(text(late, '[data-id="first-touch"]')).toBe('First activity logged after the first-touch time.');
            document.body.removeChild(late);
            serverPanel = panel();
            const mql = await createPanel();
            expect(root(mql).querySelector('[data-id="first-touch"]')).toBeNull();
            expect(logButton(mql)).toBeNull();
        });
    });
});
