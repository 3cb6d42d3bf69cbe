import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import LeadStagePanel from 'c/leadStagePanel';
import LeadReasonModal from 'c/leadReasonModal';
import type { ReasonOption } from 'c/handoffRequests';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getPanel from '@salesforce/apex/LeadStagePanelController.getPanel';
import qualify from '@salesforce/apex/LeadStagePanelController.qualify';
import convert from '@salesforce/apex/LeadStagePanelController.convert';
import getDispositionReasons from '@salesforce/apex/LeadInboxController.getDispositionReasons';
import decide from '@salesforce/apex/LeadInboxController.decide';
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
jest.mock('@salesforce/apex/LeadInboxController.getDispositionReasons', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LeadInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });

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
const reasonsMock = jest.mocked(getDispositionReasons);
const decideMock = jest.mocked(decide);
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
const button = (element: HTMLElement, label: string) =>
    Array.from(root(element).querySelectorAll('button')).find(
        (candidate) => candidate.textContent?.trim() === label
    ) as HTMLButtonElement;
const pathItems = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll<HTMLElement>('li[data-stage]')).map((item) => ({
        stage: item.dataset.stage,
        state: item.querySelector('.slds-assistive-text')?.textContent,
        current: item.getAttribute('aria-current')
    }));

function toasts(element: HTMLElement) {
    const handler = jest.fn<(event: CustomEvent) => void>();
    element.addEventListener('lightning__showtoast', handler as unknown as EventListener);
    return () => handler.mock.calls.map(([event]) => (event.detail as { title: string }).title);
}

async function type(element: HTMLElement, selector: string, value: string): Promise<void> {
    const input = root(element).querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
    await flush();
}

async function check(element: HTMLElement, field: string, checked = true): Promise<void> {
    const box = root(element).querySelector(`input[data-field="${field}"]`) as HTMLInputElement;
    box.checked = checked;
    box.dispatchEvent(new CustomEvent('change'));
    await flush();
}

describe('c-lead-stage-panel', () => {
    beforeEach(() => {
        serverPanel = panel();
        refreshMock.mockImplementation(async () => getPanelWire.emit(serverPanel));
        reasonsMock.mockResolvedValue(REASONS);
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        openMock.mockReset();
        jest.useRealTimers();
    });

    describe('an MQL waiting for a decision', () => {
        it('shows the path with the current stage, the segment and the SLA countdown', async () => {
            const element = await createPanel();
            expect(getPanelWire.getLastConfig()).toEqual({ leadId: LEAD_ID });
            expect(pathItems(element)).toEqual([
                { stage: 'Lead', state: 'Stage complete:', current: null },
                { stage: 'MQL', state: 'Current stage:', current: 'step' },
                { stage: 'SAL', state: 'Stage not reached:', current: null },
                { stage: 'SQL', state: 'Stage not reached:', current: null },
                { stage: 'Opportunity', state: 'Stage not reached:', current: null }
            ]);
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
            expect(['Accept', 'Reject', 'Recycle'].map((label) => Boolean(button(element, label)))).toEqual([
                true,
                true,
                true
            ]);
            expect(button(element, 'Qualify')).toBeUndefined();
            await expect(element).toBeAccessible();
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
            button(element, 'Accept').click();
            await flush();
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
            expect(pathItems(element)[2]).toEqual({ stage: 'SAL', state: 'Current stage:', current: 'step' });
        });

        it('shows inline who already decided when the server refuses the accept', async () => {
            decideMock.mockResolvedValue({
                applied: false,
                outcomes: [outcome({ ok: false, code: 'ALREADY_DECIDED', decidedByName: 'Ann Lee' })]
            });
            const element = await createPanel();
            button(element, 'Accept').click();
            await flush();
            expect(text(element, '[data-id="action-error"]')).toBe('Ann Lee already decided this lead (now SAL).');
            expect(refreshMock).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });

        it('rejects with the reason chosen in the picker', async () => {
            openMock.mockResolvedValue({ reasonCode: 'Other', note: 'Wrong country', recycleUntil: null });
            decideMock.mockResolvedValue({ applied: true, outcomes: [outcome({ stage: 'Rejected' })] });
            const element = await createPanel();
            button(element, 'Reject').click();
            await flush();
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
            button(element, 'Recycle').click();
            await flush();
            expect(openMock.mock.calls[0][0]).toMatchObject({ action: 'recycle', label: 'Recycle Jane Doe' });
            expect(decideMock).not.toHaveBeenCalled();

            const fresh = await createPanel();
            reasonsMock.mockRejectedValue({ body: { message: 'No access to Disposition_Reason__mdt' } });
            button(fresh, 'Reject').click();
            await flush();
            expect(text(fresh, '[data-id="action-error"]')).toBe(
                'Could not load the reasons: No access to Disposition_Reason__mdt'
            );
        });

        it('shows a server error inline', async () => {
            decideMock.mockRejectedValue({ body: { message: 'UNABLE_TO_LOCK_ROW' } });
            const element = await createPanel();
            button(element, 'Accept').click();
            await flush();
            expect(text(element, '[data-id="action-error"]')).toBe('UNABLE_TO_LOCK_ROW');
        });
    });

    describe('when no action is allowed', () => {
        it('says why instead of offering buttons', async () => {
            serverPanel = panel({ allowedActions: [], blockedReason: 'Owned by Ann Lee: only the owner can decide.' });
            const element = await createPanel();
            expect(text(element, '[data-id="blocked"]')).toBe('Owned by Ann Lee: only the owner can decide.');
            expect(root(element).querySelectorAll('button')).toHaveLength(0);
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

        it('enables Qualify once every required item is checked, and says what is missing until then', async () => {
            const element = await createPanel();
            expect(text(element, '[data-id="sla"]')).toBe('Response SLA met (accepted by Sam SDR)');
            expect(button(element, 'Accept')).toBeUndefined();
            expect(button(element, 'Qualify').disabled).toBe(true);
            expect(text(element, '[data-id="qualify-problem"]')).toBe(
                'To qualify, confirm: Need confirmed, Budget confirmed, Timeline confirmed.'
            );
            expect(root(element).textContent).toContain('A problem we solve, in their words.');
            await check(element, 'SQL_Need_Confirmed__c');
            await check(element, 'SQL_Budget_Confirmed__c');
            expect(text(element, '[data-id="qualify-problem"]')).toBe('To qualify, confirm: Timeline confirmed.');
            await check(element, 'SQL_Timeline_Confirmed__c');
            expect(button(element, 'Qualify').disabled).toBe(false);
            await check(element, 'SQL_Budget_Confirmed__c', false);
            expect(button(element, 'Qualify').disabled).toBe(true);
            await expect(element).toBeAccessible();
        });

        it('sends the confirmed items and notes, then refreshes', async () => {
            qualifyMock.mockResolvedValue(outcome({ stage: 'SQL' }));
            const element = await createPanel();
            const shown = toasts(element);
            for (const field of ['SQL_Need_Confirmed__c', 'SQL_Budget_Confirmed__c', 'SQL_Timeline_Confirmed__c']) {
                // eslint-disable-next-line no-await-in-loop
                await check(element, field);
            }
            await type(element, 'textarea[name="qualificationNotes"]', ' Budget approved in Q2 ');
            button(element, 'Qualify').click();
            await flush();
            expect(qualifyMock).toHaveBeenCalledWith({
                request: {
                    leadId: LEAD_ID,
                    seenStage: 'SAL',
                    checkedFields: ['SQL_Need_Confirmed__c', 'SQL_Budget_Confirmed__c', 'SQL_Timeline_Confirmed__c'],
                    notes: 'Budget approved in Q2'
                }
            });
            expect(shown()).toEqual(['Jane Doe is now a sales-qualified lead']);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('shows the saved qualification notes, keeps what the user types, and shows the notes saved later', async () => {
            serverPanel = panel({ ...serverPanel, qualificationNotes: 'Met at the summit.' });
            const element = await createPanel();
            const notes = () =>
                root(element).querySelector('textarea[name="qualificationNotes"]') as HTMLTextAreaElement;
            expect(notes().value).toBe('Met at the summit.');
            expect(notes().hasAttribute('value')).toBe(false);

            await type(element, 'textarea[name="qualificationNotes"]', 'Met at the summit. Budget in Q2.');
            await check(element, 'SQL_Need_Confirmed__c');
            expect(notes().value).toBe('Met at the summit. Budget in Q2.');

            getPanelWire.emit(panel({ ...serverPanel, qualificationNotes: 'Saved by Sam: budget in Q2.' }));
            await flush();
            expect(notes().value).toBe('Saved by Sam: budget in Q2.');
        });

        it('shows why the server refused to qualify', async () => {
            serverPanel = panel({
                stage: 'SAL',
                allowedActions: ['qualify'],
                checklist: PANEL.checklist.map((item) => ({ ...item, checked: true }))
            });
            qualifyMock.mockResolvedValue(outcome({ ok: false, code: 'CHECKLIST_INCOMPLETE' }));
            const element = await createPanel();
            expect(button(element, 'Qualify').disabled).toBe(false);
            button(element, 'Qualify').click();
            await flush();
            expect(text(element, '[data-id="action-error"]')).toBe('Confirm every required checklist item first.');
        });
    });

    describe('converting an SQL', () => {
        beforeEach(() => {
            serverPanel = panel({ stage: 'SQL', slaOutcome: 'Missed', allowedActions: ['convert', 'recycle'] });
        });

        it('keeps Convert disabled with a message until name, amount and close date are valid', async () => {
            const element = await createPanel();
            expect(text(element, '[data-id="sla"]')).toBe('Response SLA missed');
            expect((root(element).querySelector('input[name="opportunityName"]') as HTMLInputElement).value).toBe(
                'Acme'
            );
            expect(button(element, 'Convert').disabled).toBe(true);
            expect(text(element, '[data-id="convert-problem"]')).toBe('To convert, enter an amount and a close date.');
            await type(element, 'input[name="amount"]', '0');
            await type(element, 'input[name="closeDate"]', '2026-06-30');
            expect(text(element, '[data-id="convert-problem"]')).toBe('The amount must be more than 0.');
            await type(element, 'input[name="amount"]', '25000');
            expect(button(element, 'Convert').disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('converts with the form values and refreshes', async () => {
            convertMock.mockResolvedValue({
                outcome: outcome({ stage: 'Opportunity' }),
                opportunityId: '006000000000001AAA',
                accountId: '001000000000001AAA'
            });
            const element = await createPanel();
            const shown = toasts(element);
            await type(element, 'input[name="opportunityName"]', 'Acme - Platform');
            await type(element, 'input[name="amount"]', '25000');
            await type(element, 'input[name="closeDate"]', '2026-06-30');
            button(element, 'Convert').click();
            await flush();
            expect(convertMock).toHaveBeenCalledWith({
                request: {
                    leadId: LEAD_ID,
                    seenStage: 'SQL',
                    opportunityName: 'Acme - Platform',
                    amount: 25000,
                    closeDate: '2026-06-30'
                }
            });
            expect(shown()).toEqual(['Converted: opportunity "Acme - Platform" created']);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('shows why the server refused to convert', async () => {
            convertMock.mockResolvedValue({
                outcome: outcome({ ok: false, code: 'CLOSE_DATE_REQUIRED' }),
                opportunityId: null,
                accountId: null
            });
            const element = await createPanel();
            await type(element, 'input[name="amount"]', '25000');
            await type(element, 'input[name="closeDate"]', '2026-06-30');
            button(element, 'Convert').click();
            await flush();
            expect(text(element, '[data-id="action-error"]')).toBe('Enter a close date.');
        });
    });

    describe('history and exits', () => {
        it('shows who moved the lead, when, why and how long it stayed, newest first', async () => {
            serverPanel = panel({
                stage: 'Recycled',
                recycleUntil: '2026-04-01',
                allowedActions: [],
                blockedReason: null,
                history: [
                    {
                        id: 'a01000000000002AAA',
                        fromStage: 'SAL',
                        toStage: 'Recycled',
                        action: 'Recycle',
                        reasonCode: 'Too_Early',
                        reasonLabel: 'Too early',
                        note: 'Call back after their budget cycle',
                        actorName: 'Sam SDR',
                        occurredAt: '2026-03-02T14:40:00.000Z',
                        minutesInPreviousStage: 25,
                        businessMinutesInPreviousStage: 25,
                        slaMet: false
                    },
                    {
                        id: 'a01000000000003AAA',
                        fromStage: 'MQL',
                        toStage: 'SAL',
                        action: 'Accept',
                        reasonCode: null,
                        reasonLabel: null,
                        note: null,
                        actorName: 'Sam SDR',
                        occurredAt: '2026-03-02T14:15:00.000Z',
                        minutesInPreviousStage: 5,
                        businessMinutesInPreviousStage: 5,
                        slaMet: true
                    },
                    ...PANEL.history
                ]
            });
            const element = await createPanel();
            expect(pathItems(element).map((item) => `${item.stage}:${item.state}`)).toEqual([
                'Lead:Stage complete:',
                'MQL:Stage complete:',
                'SAL:Stage complete:',
                'SQL:Stage not reached:',
                'Opportunity:Stage not reached:',
                'Recycled:Current stage, left the path:'
            ]);
            expect(text(element, '[data-id="recycle"]')).toBe('Nurtured until 2026-04-01');
            expect(root(element).querySelector('[data-id="blocked"]')).toBeNull();

            const entries = Array.from(root(element).querySelectorAll('[data-id="history-entry"]')).map((entry) =>
                entry.textContent?.replace(/\s+/g, ' ').trim()
            );
            expect(entries).toHaveLength(3);
            expect(entries[0]).toContain('Recycled: SAL → Recycled');
            expect(entries[0]).toContain('by Sam SDR');
            expect(entries[0]).toContain('Reason: Too early');
            expect(entries[0]).toContain('Call back after their budget cycle');
            expect(entries[0]).toContain('25 min in SAL');
            expect(entries[1]).toContain('Accepted: MQL → SAL');
            expect(entries[1]).toContain('5 min in MQL SLA met');
            expect(entries[2]).toContain('Promoted: Lead → MQL');
            expect(entries[2]).toContain('by automation');
            expect(entries[2]).toContain('3 d 0 h in Lead');
            const when = root(element).querySelector('lightning-formatted-date-time') as unknown as { value: string };
            expect(when.value).toBe('2026-03-02T14:40:00.000Z');
            await expect(element).toBeAccessible();
        });

        it('says when nothing was recorded yet', async () => {
            serverPanel = panel({ stage: 'Lead', history: [], acceptBy: null, slaOutcome: null });
            const element = await createPanel();
            expect(root(element).textContent).toContain('No stage changes recorded yet.');
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
            getPanelWire.emit(panel());
            await flush();
            expect(root(element).querySelector('lightning-spinner')).toBeNull();
            expect(pathItems(element)).toHaveLength(5);
        });

        it('explains a load error and retries past the cache', async () => {
            const element = mountWithoutData(LEAD_ID);
            getPanelWire.error({ message: 'Lead not found' });
            await flush();
            expect(text(element, '[role="alert"]')).toContain('Could not load the handoff stage: Lead not found');
            await expect(element).toBeAccessible();
            button(element, 'Try again').click();
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect(root(element).querySelector('[role="alert"]')).toBeNull();
            expect(pathItems(element)).toHaveLength(5);
        });

        it('shows the error when a refresh fails', async () => {
            const element = await createPanel();
            refreshMock.mockRejectedValue({ body: { message: 'Session expired' } });
            decideMock.mockResolvedValue({ applied: true, outcomes: [outcome()] });
            button(element, 'Accept').click();
            await flush();
            expect(text(element, '[role="alert"]')).toContain('Session expired');
        });

        it('tells the record page the lead changed after an action', async () => {
            decideMock.mockResolvedValue({ applied: true, outcomes: [outcome()] });
            const element = await createPanel();
            button(element, 'Accept').click();
            await flush();
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
});
