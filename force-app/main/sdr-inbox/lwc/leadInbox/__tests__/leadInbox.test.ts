import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import LeadInbox from 'c/leadInbox';
import LeadReasonModal from 'c/leadReasonModal';
import type { ReasonModalProps } from 'c/leadReasonModal';
import type { ReasonChoice, ReasonOption } from 'c/handoffRequests';
import getInbox from '@salesforce/apex/LeadInboxController.getInbox';
import getDispositionReasons from '@salesforce/apex/LeadInboxController.getDispositionReasons';
import decide from '@salesforce/apex/LeadInboxController.decide';
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import { CurrentPageReference } from 'lightning/navigation';
import type { EmpMessage } from 'lightning/empApi';
import INBOX_ZERO from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxZero';
import LOAD_FAILED from '@salesforce/label/c.LeadHandoff_SdrInbox_InboxLoadFailed';
import { formatLabel } from 'c/labelFormat';
import { flush, mount, removeAll } from 'test/lwcTest';
import { generateUrl, navigate } from 'test/navigationMock';

jest.mock('@salesforce/apex/LeadInboxController.getInbox', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadInboxController.getDispositionReasons', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LeadInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('lightning/navigation', () => jest.requireActual('test/navigationMock'));

type InboxPage = LeadInboxController.InboxPage;
type DecisionResult = LeadHandoffService.DecisionResult;

const PAGE = jest.requireActual<InboxPage>('./data/LeadInboxController.getInbox.json');
const REASONS = jest.requireActual<ReasonOption[]>('./data/LeadInboxController.getDispositionReasons.json');
const PARTIAL_RESULT = jest.requireActual<DecisionResult>('./data/LeadInboxController.decide.json');
const [RAJ, JANE, MIA] = PAGE.rows;

const getInboxMock = jest.mocked(getInbox);
const reasonsMock = jest.mocked(getDispositionReasons);
const decideMock = jest.mocked(decide);
const openMock = jest.spyOn(LeadReasonModal, 'open');

function page(overrides: Partial<InboxPage> = {}): InboxPage {
    return JSON.parse(JSON.stringify({ ...PAGE, ...overrides })) as InboxPage;
}

function okResult(...leadIds: string[]): DecisionResult {
    return {
        applied: true,
        outcomes: leadIds.map((leadId) => ({
            leadId,
            ok: true,
            code: null,
            message: null,
            stage: 'SAL',
            decidedByName: null,
            decidedAt: null
        }))
    };
}

/** The Jest stub of CurrentPageReference is a test wire adapter: tests feed it by emitting. */
function emitPageReference(pageReference: Record<string, unknown> | undefined): void {
    // eslint-disable-next-line @lwc/lwc/no-unexpected-wire-adapter-usages -- emitting is how tests drive a wire
    (CurrentPageReference as unknown as { emit: (value: unknown) => void }).emit(pageReference);
}

const createInbox = (props: Record<string, unknown> = {}) => mount('c-lead-inbox', LeadInbox, props);

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const rows = (element: HTMLElement) => Array.from(root(element).querySelectorAll<HTMLElement>('tbody tr'));
const rowNames = (element: HTMLElement) =>
    rows(element).map((row) => row.querySelector('th')?.firstElementChild?.textContent?.trim());
const rowFor = (element: HTMLElement, name: string) =>
    rows(element).find((row) => row.querySelector('th')?.textContent?.includes(name)) as HTMLElement;
const button = (element: HTMLElement, label: string) =>
    Array.from(root(element).querySelectorAll('button')).find(
        (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === label
    ) as HTMLButtonElement;
const viewButton = (element: HTMLElement, key: string) =>
    root(element).querySelector(`button[data-view="${key}"]`) as HTMLButtonElement;

function press(element: HTMLElement, key: string, target?: HTMLElement): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    (target ?? (root(element).querySelector('table') as HTMLElement)).dispatchEvent(event);
    return event;
}

function toasts(element: HTMLElement) {
    const handler = jest.fn<(event: CustomEvent) => void>();
    element.addEventListener('lightning__showtoast', handler as unknown as EventListener);
    return () =>
        handler.mock.calls.map(([event]) => event.detail as { title: string; message: string; variant: string });
}

/** Makes LeadReasonModal.open() show the real modal, like LightningModal does, and resolve with its close(). */
function openRealModal(): void {
    openMock.mockImplementation(
        (props: ReasonModalProps) =>
            new Promise<ReasonChoice | undefined>((resolve) => {
                const modal = createElement('c-lead-reason-modal', { is: LeadReasonModal });
                const { action, reasons, leadNames, today } = props;
                Object.assign(modal, { action, reasons, leadNames, today });
                modal.addEventListener('close', (event) => {
                    modal.remove();
                    resolve(((event as CustomEvent).detail ?? undefined) as ReasonChoice | undefined);
                });
                document.body.appendChild(modal);
            })
    );
}

const openModal = () => document.body.querySelector('c-lead-reason-modal') as HTMLElement;

/** A Lead_Handoff_Event__e message delivered through the latest empApi subscription. */
function handoffEvent(leadId: string, stage: string): void {
    const onMessage = jest.mocked(subscribe).mock.calls.at(-1)?.[2] as (message: EmpMessage) => void;
    onMessage({
        channel: '/event/Lead_Handoff_Event__e',
        data: { event: { replayId: 9 }, payload: { Lead_Id__c: leadId, Stage__c: stage } }
    });
}

/** A key pressed while nothing on the page has focus (the event comes from the page body). */
function fromPage(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
}

/** A promise the test settles when it wants to. */
function deferred<T>() {
    let resolve: (value: T) => void = () => undefined;
    let reject: (reason: unknown) => void = () => undefined;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

describe('c-lead-inbox', () => {
    beforeEach(() => {
        getInboxMock.mockResolvedValue(page());
        reasonsMock.mockResolvedValue(REASONS);
        jest.mocked(isEmpEnabled).mockResolvedValue(true);
        jest.mocked(subscribe).mockResolvedValue({ channel: '/event/Lead_Handoff_Event__e', id: 'sub-1' });
    });

    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
        openMock.mockReset();
        jest.useRealTimers();
    });

    describe('list', () => {
        it('loads the default view with the App Builder page size', async () => {
            await createInbox({ pageSize: 25, defaultView: 'mine' });
            expect(getInboxMock).toHaveBeenCalledWith({ view: 'mine', pageSize: 25, cursor: null });
        });

        it('shows each MQL with company, segment, trigger, scores, waiting time and a coloured SLA countdown', async () => {
            const element = await createInbox();
            expect(getInboxMock).toHaveBeenCalledWith({ view: 'all', pageSize: 50, cursor: null });
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);
            expect(root(element).querySelector('[data-id="empty"]')).toBeNull();

            const raj = rowFor(element, 'Raj Patel');
            expect(raj.textContent).toContain('Globex');
            expect(raj.querySelector('.slds-badge')?.textContent).toBe('Low fit \u00b7 high intent');
            expect(root(element).querySelectorAll('thead th')[2].textContent).toBe('Fit \u00d7 intent');
            expect(raj.querySelector('.slds-badge')?.className).toContain('slds-theme_warning');
            const cells = Array.from(raj.querySelectorAll('td')).map((cell) => cell.textContent?.trim());
            expect(cells.slice(2, 5)).toEqual(['Pricing inquiry', '41', '77']);
            expect(cells[5]).toBe('1 h 08 min');

            const sla = (name: string) => rowFor(element, name).querySelector('[data-sla]') as HTMLElement;
            const slaText = (name: string) => rowFor(element, name).querySelector('[data-id="sla-text"]')?.textContent;
            const slaWord = (name: string) => rowFor(element, name).querySelector('[data-id="sla-word"]')?.textContent;
            expect([slaWord('Raj Patel'), slaText('Raj Patel')]).toEqual(['Breached', '8 min overdue']);
            expect(sla('Raj Patel').dataset.sla).toBe('red');
            expect(sla('Raj Patel').className).toBe('slds-badge slds-theme_error');
            // Due soon reads as words and an SLDS warning badge, not a text colour SLDS does not have.
            expect([slaWord('Jane Doe'), slaText('Jane Doe')]).toEqual(['Due soon', '10 min left']);
            expect(sla('Jane Doe').dataset.sla).toBe('amber');
            expect(sla('Jane Doe').className).toBe('slds-badge slds-theme_warning');
            expect(sla('Jane Doe').querySelector('[aria-hidden="true"]')?.textContent).toBe('\u26A0');
            expect([slaWord('Mia Chen'), slaText('Mia Chen')]).toEqual(['On track', '3 h 30 min left']);
            expect(sla('Mia Chen').dataset.sla).toBe('green');
            expect(sla('Mia Chen').className).toBe('slds-badge slds-theme_success');
            expect(rowFor(element, 'Mia Chen').querySelectorAll('td')[4].textContent).toBe('—');
        });

        it('shows a paused SLA outside business hours: icon, words and until when, on a badge SLDS has', async () => {
            // 17:00 UTC on Monday 2 March 2026 is 9:00 AM in the user's time zone (Jest: America/Los_Angeles).
            const paused = { ...MIA, slaPausedUntil: '2026-03-02T17:00:00.000Z' };
            getInboxMock.mockResolvedValue(page({ rows: [RAJ, paused] }));
            const element = await createInbox();

            const mia = rowFor(element, 'Mia Chen');
            const badge = mia.querySelector('[data-sla]') as HTMLElement;
            expect(badge.dataset.sla).toBe('paused');
            expect(badge.className).toBe('slds-badge slds-badge_lightest');
            expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('\u2016');
            expect(mia.querySelector('[data-id="sla-word"]')?.textContent).toBe('Paused');
            expect(mia.querySelector('[data-id="sla-text"]')?.textContent).toBe('until Mon, Mar 2, 9:00 AM');
            // A breached lead stays breached outside business hours.
            expect(rowFor(element, 'Raj Patel').querySelector('[data-id="sla-word"]')?.textContent).toBe('Breached');
            await expect(element).toBeAccessible();
        });

        it('links each lead name to its record page and opens it there', async () => {
            const element = await createInbox();
            await flush();
            const link = rowFor(element, 'Jane Doe').querySelector('th a') as HTMLAnchorElement;
            expect(link.textContent).toBe('Jane Doe');
            expect(link.getAttribute('href')).toBe(`/lightning/r/Lead/${JANE.leadId}/view`);

            link.click();
            expect(navigate).toHaveBeenCalledWith({
                type: 'standard__recordPage',
                attributes: { recordId: JANE.leadId, objectApiName: 'Lead', actionName: 'view' }
            });
        });

        it('labels every row action with the lead it acts on, and passes the accessibility rules', async () => {
            const element = await createInbox();
            expect(button(element, 'Accept Jane Doe')).toBeTruthy();
            expect(button(element, 'Reject Jane Doe')).toBeTruthy();
            expect(button(element, 'Recycle Jane Doe')).toBeTruthy();
            expect(root(element).querySelector('input[aria-label="Select Jane Doe"]')).toBeTruthy();
            expect(root(element).querySelector('table')?.getAttribute('role')).toBe('grid');
            expect(rows(element).map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'false', 'false']);
            await expect(element).toBeAccessible();
        });

        it('keeps the SLA countdown ticking on the server clock', async () => {
            jest.useFakeTimers({ now: Date.parse('2026-03-02T11:00:00.000Z') }); // the browser clock is 4 h off
            const element = await createInbox();
            const janeSla = () => rowFor(element, 'Jane Doe').querySelector('[data-sla]') as HTMLElement;
            const janeText = () => rowFor(element, 'Jane Doe').querySelector('[data-id="sla-text"]')?.textContent;
            expect(janeText()).toBe('10 min left');
            jest.advanceTimersByTime(6 * 60_000);
            await flush();
            expect(janeText()).toBe('4 min left');
            jest.advanceTimersByTime(5 * 60_000);
            await flush();
            expect(janeText()).toBe('1 min overdue');
            expect(janeSla().dataset.sla).toBe('red');
        });

        it('opens the view named in the page URL, as the queue SLA board links to one queue', async () => {
            const element = await createInbox({ defaultView: 'all' });
            getInboxMock.mockResolvedValue(page({ view: 'queue:Lead_Handoff_SDR_Inbound' }));
            emitPageReference({ type: 'standard__navItemPage', state: { c__view: 'queue:Lead_Handoff_SDR_Inbound' } });
            await flush();
            expect(getInboxMock).toHaveBeenLastCalledWith({
                view: 'queue:Lead_Handoff_SDR_Inbound',
                pageSize: 50,
                cursor: null
            });
            emitPageReference({ type: 'standard__navItemPage', state: {} });
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
            expect(viewButton(element, 'all').getAttribute('aria-pressed')).toBe('false');
        });

        it("says what All counts, and that a manager's view-only queues are not in it", async () => {
            const views = [
                { key: 'all', label: 'All', count: 0, breached: 0, viewOnly: false },
                { key: 'mine', label: 'Mine', count: 0, breached: 0, viewOnly: false },
                { key: 'queue:Lead_Handoff_Escalations', label: 'Escalations', count: 2, breached: 0, viewOnly: false },
                { key: 'queue:Lead_Handoff_SDR_Inbound', label: 'SDR Inbound', count: 30, breached: 1, viewOnly: true },
                { key: 'queue:Lead_Handoff_Nurture', label: 'Nurture', count: 5, breached: 0, viewOnly: true }
            ];
            getInboxMock.mockResolvedValue(page({ views }));
            const element = await createInbox();

            expect(viewButton(element, 'all').title).toBe(
                'All: 0 MQLs waiting for you and the queues you work; not the view-only queues SDR Inbound and Nurture'
            );
            expect(root(element).querySelector('[data-id="all-scope"]')?.textContent?.trim()).toBe(
                'All and Breached count your MQLs and those of the queues you work. View only, not in them: SDR Inbound and Nurture.'
            );
            expect(viewButton(element, 'queue:Lead_Handoff_SDR_Inbound').title).toBe(
                'SDR Inbound (view only): 30 MQLs waiting, 1 past the SLA'
            );
            expect(viewButton(element, 'queue:Lead_Handoff_Escalations').title).toBe('Escalations: 2 MQLs waiting');
        });

        it('says nothing about view-only queues to someone who has none', async () => {
            const element = await createInbox();
            expect(root(element).querySelector('[data-id="all-scope"]')).toBeNull();
            expect(viewButton(element, 'all').title).toBe(
                'All: 4 MQLs waiting for you and the queues you work, 1 past the SLA'
            );
        });

        it('switches views, showing counts and late leads per view', async () => {
            const element = await createInbox();
            expect(viewButton(element, 'all').getAttribute('aria-pressed')).toBe('true');
            expect(viewButton(element, 'all').textContent).toContain('4');
            expect(viewButton(element, 'all').textContent).toContain('1 late');
            expect(viewButton(element, 'mine').textContent).not.toContain('late');
            getInboxMock.mockResolvedValue(page({ view: 'mine', rows: [MIA], nextCursor: null }));
            viewButton(element, 'mine').click();
            await flush();
            expect(getInboxMock).toHaveBeenLastCalledWith({ view: 'mine', pageSize: 50, cursor: null });
            expect(viewButton(element, 'mine').getAttribute('aria-pressed')).toBe('true');
            expect(rowNames(element)).toEqual(['Mia Chen']);
            viewButton(element, 'mine').click();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
        });

        it('loads more by cursor and appends only new rows', async () => {
            const element = await createInbox();
            const extra = { ...MIA, leadId: '00Q000000000004AAA', name: 'Lee Wong' };
            getInboxMock.mockResolvedValue(page({ rows: [MIA, extra], nextCursor: null }));
            button(element, 'Load more').click();
            await flush();
            expect(getInboxMock).toHaveBeenLastCalledWith({ view: 'all', pageSize: 50, cursor: 'cursor-2' });
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen', 'Lee Wong']);
            expect(button(element, 'Load more')).toBeUndefined();
        });

        it('tells the user when loading more fails', async () => {
            const element = await createInbox();
            const shown = toasts(element);
            getInboxMock.mockRejectedValue({ body: { message: 'Timeout' } });
            button(element, 'Load more').click();
            await flush();
            expect(shown()).toEqual([
                { title: 'Could not load more MQLs', message: 'Timeout Try again.', variant: 'error' }
            ]);
            expect(rowNames(element)).toHaveLength(3);
        });
    });

    describe('states', () => {
        it('shows a spinner with assistive text while loading', async () => {
            getInboxMock.mockReturnValue(new Promise(() => undefined));
            const element = await createInbox();
            const spinner = root(element).querySelector('lightning-spinner') as unknown as { alternativeText: string };
            expect(spinner.alternativeText).toBe('Loading the MQLs waiting for you');
            expect(root(element).querySelector('table')).toBeNull();
        });

        it('celebrates inbox zero and says what happens next', async () => {
            getInboxMock.mockResolvedValue(page({ rows: [], nextCursor: null }));
            const element = await createInbox();
            // The view's name goes where the label puts {0}.
            expect(root(element).querySelector('[data-id="empty"]')?.textContent?.trim()).toBe(
                formatLabel(INBOX_ZERO, 'All')
            );
            expect(root(element).querySelector('table')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows the server sentence for a refusal, without connection advice', async () => {
            const sentence =
                'You need the Lead Handoff SDR permission set to use the inbox. Ask your Salesforce admin to assign it.';
            getInboxMock.mockRejectedValueOnce({ body: { message: sentence } });
            const element = await createInbox();
            const alert = root(element).querySelector('[role="alert"]') as HTMLElement;
            expect(alert.querySelector('[data-id="load-error"]')?.textContent?.trim()).toBe(
                formatLabel(LOAD_FAILED, sentence)
            );
            expect(alert.textContent).not.toContain('connection');
            await expect(element).toBeAccessible();
        });

        it('explains a load error, says what to do, and retries', async () => {
            getInboxMock.mockRejectedValueOnce(new Error('Failed to fetch'));
            const element = await createInbox();
            const alert = root(element).querySelector('[role="alert"]') as HTMLElement;
            expect(alert.textContent).toContain('Failed to fetch');
            expect(alert.textContent).toContain('Check your connection, then try again');
            await expect(element).toBeAccessible();
            button(element, 'Try again').click();
            await flush();
            expect(rowNames(element)).toHaveLength(3);
            expect(root(element).querySelector('[role="alert"]')).toBeNull();
        });
    });

    describe('deciding', () => {
        it('accept by one keystroke removes the row and calls decide once', async () => {
            let answer: (result: DecisionResult) => void = () => undefined;
            decideMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = await createInbox();
            const shown = toasts(element);

            const event = press(element, 'a', rows(element)[0]);
            await flush();

            expect(event.defaultPrevented).toBe(true);
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']); // gone before the server answers
            expect(decideMock).toHaveBeenCalledTimes(1);
            expect(decideMock).toHaveBeenCalledWith({
                request: {
                    action: 'accept',
                    leads: [{ leadId: RAJ.leadId, seenStage: 'MQL' }],
                    reasonCode: null,
                    note: null,
                    recycleUntil: null,
                    allowPartial: false
                }
            });
            expect(openMock).not.toHaveBeenCalled();

            answer(okResult(RAJ.leadId));
            await flush();
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']);
            expect(shown()).toEqual([{ title: 'Accepted Raj Patel', message: '', variant: 'success' }]);
            expect(decideMock).toHaveBeenCalledTimes(1);
        });

        it('reject opens the picker, cannot be confirmed without a reason, and sends the chosen code', async () => {
            openRealModal();
            decideMock.mockResolvedValue(okResult(JANE.leadId));
            const element = await createInbox();

            button(element, 'Reject Jane Doe').click();
            await flush();

            expect(openMock).toHaveBeenCalledTimes(1);
            expect(openMock.mock.calls[0][0]).toMatchObject({
                label: 'Reject Jane Doe',
                action: 'reject',
                leadNames: ['Jane Doe'],
                today: '2026-03-02'
            });
            const modal = root(openModal());
            const radios = Array.from(modal.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
            expect(radios.map((radio) => radio.value)).not.toContain('Too_Early'); // recycle reasons are not offered
            const confirm = Array.from(modal.querySelectorAll('button')).find(
                (candidate) => candidate.textContent?.trim() === 'Reject'
            ) as HTMLButtonElement;
            expect(confirm.disabled).toBe(true);
            expect(modal.textContent).toContain('Choose a reason to reject.');
            confirm.click();
            await flush();
            expect(decideMock).not.toHaveBeenCalled();
            expect(rowNames(element)).toContain('Jane Doe');

            const notOurIcp = radios.find((radio) => radio.value === 'Not_Our_ICP') as HTMLInputElement;
            notOurIcp.checked = true;
            notOurIcp.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(confirm.disabled).toBe(false);
            confirm.click();
            await flush();

            expect(decideMock).toHaveBeenCalledTimes(1);
            expect(decideMock.mock.calls[0][0].request).toMatchObject({
                action: 'reject',
                leads: [{ leadId: JANE.leadId, seenStage: 'MQL' }],
                reasonCode: 'Not_Our_ICP',
                recycleUntil: null
            });
            expect(rowNames(element)).toEqual(['Raj Patel', 'Mia Chen']);
        });

        it('sends nothing when the picker is cancelled', async () => {
            openMock.mockResolvedValue(undefined);
            const element = await createInbox();
            press(element, 'r');
            await flush();
            expect(openMock).toHaveBeenCalledTimes(1);
            expect(decideMock).not.toHaveBeenCalled();
            expect(rowNames(element)).toHaveLength(3);
        });

        it('recycles with y, sending the reason and the recycle-until date', async () => {
            openMock.mockResolvedValue({ reasonCode: 'Too_Early', note: null, recycleUntil: '2026-04-01' });
            decideMock.mockResolvedValue(okResult(RAJ.leadId));
            const element = await createInbox();
            const shown = toasts(element);
            press(element, 'y');
            await flush();
            expect(openMock.mock.calls[0][0]).toMatchObject({ action: 'recycle', reasons: REASONS });
            expect(decideMock.mock.calls[0][0].request).toMatchObject({
                action: 'recycle',
                reasonCode: 'Too_Early',
                recycleUntil: '2026-04-01'
            });
            expect(shown()[0].title).toBe('Recycled Raj Patel');
            press(element, 'y');
            await flush();
            expect(reasonsMock).toHaveBeenCalledTimes(1); // reasons are loaded once
        });

        it('brings the row back with the reason when someone else already accepted it', async () => {
            decideMock.mockResolvedValue({ applied: true, outcomes: [PARTIAL_RESULT.outcomes[1]] });
            const element = await createInbox();
            const shown = toasts(element);
            button(element, 'Accept Jane Doe').click();
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);
            const message = 'Ann Lee already decided this lead 3 min ago (now SAL).';
            expect(rowFor(element, 'Jane Doe').querySelector('[data-id="row-error"]')?.textContent?.trim()).toBe(
                message
            );
            expect(shown()).toEqual([
                { title: 'Nothing was accepted', message: `Jane Doe: ${message}`, variant: 'error' }
            ]);
        });

        it('brings the rows back when the call fails', async () => {
            decideMock.mockRejectedValue({ body: { message: 'Unable to lock row' } });
            const element = await createInbox();
            const shown = toasts(element);
            press(element, 'a');
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);
            expect(rowFor(element, 'Raj Patel').textContent).toContain('Unable to lock row');
            expect(shown()).toEqual([{ title: 'Could not accept', message: 'Unable to lock row', variant: 'error' }]);
        });

        it('tells the user when the reasons cannot be loaded', async () => {
            reasonsMock.mockRejectedValue(new Error('Offline'));
            const element = await createInbox();
            const shown = toasts(element);
            button(element, 'Recycle Mia Chen').click();
            await flush();
            expect(openMock).not.toHaveBeenCalled();
            expect(shown()).toEqual([
                { title: 'Could not load the reasons', message: 'Offline Try again.', variant: 'error' }
            ]);
        });
    });

    describe('queues viewed read-only', () => {
        const viewOnly = (row: LeadInboxController.InboxRow) => ({ ...row, canDecide: false });

        it('shows a manager the rows of a queue they do not work without actions, saying who can decide', async () => {
            getInboxMock.mockResolvedValue(
                page({
                    view: 'queue:Lead_Handoff_SDR_Inbound',
                    rows: [viewOnly(RAJ), viewOnly(JANE)],
                    nextCursor: null
                })
            );
            const element = await createInbox({ defaultView: 'queue:Lead_Handoff_SDR_Inbound' });

            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe']);
            expect(button(element, 'Accept Jane Doe')).toBeUndefined();
            expect(button(element, 'Reject Jane Doe')).toBeUndefined();
            expect(button(element, 'Recycle Jane Doe')).toBeUndefined();
            const note = rowFor(element, 'Jane Doe').querySelector('[data-id="read-only"]') as HTMLElement;
            expect(note.getAttribute('title')).toBe('Only members of SDR Inbound can decide');
            expect(note.textContent).toBe('View only: Only members of SDR Inbound can decide');
            const checkboxes = Array.from(root(element).querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
            expect(checkboxes.map((checkbox) => checkbox.disabled)).toEqual([true, true, true]);
            await expect(element).toBeAccessible();
        });

        it('never decides a read-only row by keyboard or selection, and says why', async () => {
            getInboxMock.mockResolvedValue(page({ rows: [viewOnly(RAJ), JANE], nextCursor: null }));
            const element = await createInbox();
            const shown = toasts(element);

            press(element, 'x');
            press(element, 'a');
            press(element, 'r');
            await flush();
            expect(rows(element).map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'false']);
            expect(decideMock).not.toHaveBeenCalled();
            expect(openMock).not.toHaveBeenCalled();
            expect(shown()[0]).toEqual({
                title: 'Only members of SDR Inbound can decide.',
                message: 'You can view these MQLs only.',
                variant: 'warning'
            });

            const selectAll = root(element).querySelector('input[aria-label="Select all leads"]') as HTMLInputElement;
            selectAll.checked = true;
            selectAll.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(root(element).textContent).toContain('1 selected');
            expect(selectAll.checked).toBe(true);
            decideMock.mockResolvedValue(okResult(JANE.leadId));
            button(element, 'Accept selected').click();
            await flush();
            expect(decideMock.mock.calls[0][0].request.leads).toEqual([{ leadId: JANE.leadId, seenStage: 'MQL' }]);
            expect(rowNames(element)).toEqual(['Raj Patel']);
            expect(button(element, 'Accept Jane Doe')).toBeUndefined();
        });
    });

    describe('keyboard and selection', () => {
        it('moves focus with j and k, within the list', async () => {
            const element = await createInbox();
            const tabIndexes = () => rows(element).map((row) => row.getAttribute('tabindex'));
            expect(tabIndexes()).toEqual(['0', '-1', '-1']);
            press(element, 'j');
            await flush();
            expect(tabIndexes()).toEqual(['-1', '0', '-1']);
            expect(root(element).activeElement).toBe(rows(element)[1]);
            press(element, 'j');
            press(element, 'j');
            await flush();
            expect(tabIndexes()).toEqual(['-1', '-1', '0']);
            press(element, 'k');
            press(element, 'ArrowUp');
            press(element, 'k');
            await flush();
            expect(tabIndexes()).toEqual(['0', '-1', '-1']);
        });

        it('follows focus moved by mouse or Tab, so a keystroke acts on the row the user is on', async () => {
            decideMock.mockResolvedValue(okResult(MIA.leadId));
            const element = await createInbox();
            button(element, 'Accept Mia Chen').dispatchEvent(new CustomEvent('focusin', { bubbles: true }));
            press(element, 'a', button(element, 'Accept Mia Chen'));
            await flush();
            expect(decideMock.mock.calls[0][0].request.leads).toEqual([{ leadId: MIA.leadId, seenStage: 'MQL' }]);
        });

        it('selects with x and decides on the selection in bulk, reporting each refused lead', async () => {
            decideMock.mockResolvedValue(PARTIAL_RESULT);
            const element = await createInbox();
            const shown = toasts(element);
            press(element, 'x');
            press(element, 'j');
            press(element, 'x');
            await flush();
            expect(rows(element).map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'true', 'false']);
            expect(root(element).textContent).toContain('2 selected');

            press(element, 'a');
            await flush();

            expect(decideMock).toHaveBeenCalledTimes(1);
            expect(decideMock.mock.calls[0][0].request).toMatchObject({
                action: 'accept',
                leads: [
                    { leadId: RAJ.leadId, seenStage: 'MQL' },
                    { leadId: JANE.leadId, seenStage: 'MQL' }
                ],
                allowPartial: true
            });
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']);
            expect(rowFor(element, 'Jane Doe').textContent).toContain('Ann Lee already decided this lead');
            expect(shown()[0]).toMatchObject({ variant: 'warning', title: 'Accepted 1 of 2 leads' });
        });

        it('selects with the checkboxes and rejects the selection from the bulk bar', async () => {
            openMock.mockResolvedValue({ reasonCode: 'Duplicate', note: null, recycleUntil: null });
            decideMock.mockResolvedValue(okResult(JANE.leadId, MIA.leadId));
            const element = await createInbox();
            const selectAll = root(element).querySelector('input[aria-label="Select all leads"]') as HTMLInputElement;
            selectAll.checked = true;
            selectAll.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(root(element).textContent).toContain('3 selected');
            const raj = root(element).querySelector('input[aria-label="Select Raj Patel"]') as HTMLInputElement;
            raj.checked = false;
            raj.dispatchEvent(new CustomEvent('change'));
            await flush();

            button(element, 'Reject selected').click();
            await flush();

            expect(openMock.mock.calls[0][0]).toMatchObject({
                label: 'Reject 2 leads',
                leadNames: ['Jane Doe', 'Mia Chen']
            });
            expect(decideMock.mock.calls[0][0].request).toMatchObject({ reasonCode: 'Duplicate', allowPartial: true });
            expect(rowNames(element)).toEqual(['Raj Patel']);
            expect(button(element, 'Reject selected')).toBeUndefined();

            selectAll.checked = false;
            selectAll.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(root(element).textContent).not.toContain('selected');
        });

        it('shows the keys with ? or the shortcuts button, and hides them with Escape', async () => {
            const element = await createInbox();
            const help = () => root(element).querySelector('section[aria-label="Keyboard shortcuts"]');
            expect(help()).toBeNull();
            press(element, '?');
            await flush();
            expect(help()?.textContent).toContain('Reject, with a reason');
            await expect(element).toBeAccessible();
            expect(press(element, 'Escape').defaultPrevented).toBe(true);
            await flush();
            expect(help()).toBeNull();
            expect(press(element, 'Escape').defaultPrevented).toBe(false);
            button(element, 'Keyboard shortcuts').click();
            await flush();
            expect(button(element, 'Hide keyboard shortcuts').getAttribute('aria-expanded')).toBe('true');
        });

        it('answers ? and j as soon as rows show, before anything is clicked, without taking keys from the page', async () => {
            const element = await createInbox();
            const help = () => root(element).querySelector('section[aria-label="Keyboard shortcuts"]');
            expect(fromPage('?').defaultPrevented).toBe(true);
            await flush();
            expect(help()?.textContent).toContain('Next / previous lead');
            expect(fromPage('j').defaultPrevented).toBe(true);
            expect(root(element).activeElement).toBe(rows(element)[0]);

            // A field elsewhere on the page (a search box, a modal's textarea) keeps its keys; so do data-changing
            // shortcuts from the page, which act only once a row has focus.
            const search = document.createElement('input');
            document.body.appendChild(search);
            expect(fromPage('j', {}, search).defaultPrevented).toBe(false);
            expect(fromPage('?', {}, search).defaultPrevented).toBe(false);
            search.remove();
            expect(fromPage('a').defaultPrevented).toBe(false);
            await flush();
            expect(decideMock).not.toHaveBeenCalled();

            document.body.removeChild(element);
            expect(fromPage('?').defaultPrevented).toBe(false);
        });

        it('ignores keys typed with modifiers, in text fields, and keys it does not use', async () => {
            const element = await createInbox();
            const withCtrl = new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true });
            root(element).querySelector('table')?.dispatchEvent(withCtrl);
            // No text field lives in the grid today; plant one to prove typing in it never decides a lead.
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
            const textField = document.createElement('input');
            root(element).querySelector('th')?.appendChild(textField);
            warn.mockRestore();
            press(element, 'a', textField);
            expect(press(element, 'q').defaultPrevented).toBe(false);
            await flush();
            expect(decideMock).not.toHaveBeenCalled();
        });
    });

    describe('its own state across refreshes', () => {
        /** A server holding `all` rows that answers each call with the first `pageSize` of them (no cursor). */
        function serverWith(all: InboxPage['rows']) {
            // An Apex method's type also carries its wire adapter, which a plain function lacks.
            const answer = ({ pageSize }: { pageSize: number }) =>
                Promise.resolve(page({ rows: all.slice(0, pageSize), nextCursor: null }));
            getInboxMock.mockImplementation(answer as unknown as typeof getInbox);
        }

        const lead = (index: number) => ({
            ...MIA,
            leadId: `00Q${String(index).padStart(12, '0')}AAA`,
            name: `Lead ${index}`
        });

        function liveEvent(leadId: string, stage: string): void {
            const onMessage = jest.mocked(subscribe).mock.calls.at(-1)?.[2] as (message: EmpMessage) => void;
            onMessage({
                channel: '/event/Lead_Handoff_Event__e',
                data: { event: { replayId: 8 }, payload: { Lead_Id__c: leadId, Stage__c: stage } }
            });
        }

        it('a refresh after Load more asks for every row on screen, so the loaded rows stay', async () => {
            const extra = lead(4);
            getInboxMock.mockResolvedValueOnce(page({ rows: [RAJ, JANE], nextCursor: 'cursor-2' }));
            const element = await createInbox({ pageSize: 2 });
            getInboxMock.mockResolvedValueOnce(page({ rows: [MIA, extra], nextCursor: null }));
            button(element, 'Load more').click();
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen', 'Lead 4']);

            serverWith([RAJ, JANE, MIA, extra]);
            liveEvent('00Q000000000099AAA', 'MQL');
            await flush();

            expect(getInboxMock).toHaveBeenLastCalledWith({ view: 'all', pageSize: 4, cursor: null });
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen', 'Lead 4']);
        });

        it('a refresh asks for the page size when fewer rows are on screen', async () => {
            getInboxMock.mockResolvedValueOnce(page({ rows: [RAJ], nextCursor: null }));
            await createInbox({ pageSize: 2 });
            serverWith([RAJ, JANE, MIA]);
            liveEvent(JANE.leadId, 'MQL');
            await flush();
            expect(getInboxMock).toHaveBeenLastCalledWith({ view: 'all', pageSize: 2, cursor: null });
        });

        it('a refresh asks for at most 200 rows, the bulk cap, however many are on screen', async () => {
            const many = Array.from({ length: 201 }, (_, index) => lead(index + 10));
            getInboxMock.mockResolvedValueOnce(page({ rows: many, nextCursor: 'cursor-2' }));
            await createInbox({ pageSize: 201 });
            serverWith(many);
            liveEvent(many[0].leadId, 'MQL');
            await flush();
            expect(getInboxMock).toHaveBeenLastCalledWith({ view: 'all', pageSize: 200, cursor: null });
        });

        it('a refresh while a decision is pending does not bring its row back, before or after the answer', async () => {
            let answer: (result: DecisionResult) => void = () => undefined;
            decideMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = await createInbox();
            press(element, 'a', rows(element)[0]);
            await flush();
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']);

            // The server has not saved the accept yet: its page still lists Raj.
            getInboxMock.mockResolvedValue(page());
            liveEvent(RAJ.leadId, 'MQL');
            await flush();
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']);

            answer(okResult(RAJ.leadId));
            await flush();
            getInboxMock.mockResolvedValue(page({ rows: [JANE, MIA] }));
            liveEvent(RAJ.leadId, 'SAL');
            await flush();
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']);
        });

        it('a refused row comes back in accept-by order once answered, and the next refresh keeps it', async () => {
            let answer: (result: DecisionResult) => void = () => undefined;
            decideMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = await createInbox();
            press(element, 'a', rows(element)[0]);
            await flush();
            answer({ applied: false, outcomes: [{ ...PARTIAL_RESULT.outcomes[1], leadId: RAJ.leadId }] });
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);

            liveEvent(JANE.leadId, 'MQL');
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);
            expect(rowFor(element, 'Raj Patel').textContent).toContain('Ann Lee');
        });

        it('decides at most 200 leads at once, the first 200 selected, and keeps the rest on screen', async () => {
            const many = Array.from({ length: 201 }, (_, index) => lead(index + 10));
            getInboxMock.mockResolvedValue(page({ rows: many, nextCursor: null }));
            const acceptAll = ({ request }: { request: LeadHandoffService.DecisionRequest }) =>
                Promise.resolve(okResult(...request.leads.map((ref) => ref.leadId)));
            decideMock.mockImplementation(acceptAll as unknown as typeof decide);
            const element = await createInbox({ pageSize: 201 });
            const selectAll = root(element).querySelector('input[aria-label="Select all leads"]') as HTMLInputElement;
            selectAll.checked = true;
            selectAll.dispatchEvent(new CustomEvent('change'));
            await flush();
            expect(root(element).textContent).toContain('201 selected');

            press(element, 'a');
            await flush();

            const sent = decideMock.mock.calls[0][0].request.leads.map((ref) => ref.leadId);
            expect(sent).toEqual(many.slice(0, 200).map((row) => row.leadId));
            expect(rowNames(element)).toEqual(['Lead 210']);
        });
    });

    describe('live refresh', () => {
        it('subscribes to Lead_Handoff_Event__e and removes a lead someone else decided', async () => {
            const element = await createInbox();
            expect(subscribe).toHaveBeenCalledWith('/event/Lead_Handoff_Event__e', -1, expect.any(Function));
            const onMessage = jest.mocked(subscribe).mock.calls[0][2] as (message: EmpMessage) => void;
            getInboxMock.mockResolvedValue(page({ rows: [RAJ, MIA] }));

            onMessage({
                channel: '/event/Lead_Handoff_Event__e',
                data: { event: { replayId: 7 }, payload: { Lead_Id__c: JANE.leadId, Stage__c: 'SAL' } }
            });
            await Promise.resolve();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Mia Chen']);
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
        });

        it('unsubscribes and stops the clock when removed from the page', async () => {
            const clearSpy = jest.spyOn(window, 'clearInterval');
            const element = await createInbox();
            document.body.removeChild(element);
            expect(unsubscribe).toHaveBeenCalledWith({ channel: '/event/Lead_Handoff_Event__e', id: 'sub-1' });
            expect(clearSpy).toHaveBeenCalled();
            clearSpy.mockRestore();
        });

        it('polls every 30 s when empApi is not available', async () => {
            jest.useFakeTimers();
            jest.mocked(isEmpEnabled).mockResolvedValue(false);
            const element = await createInbox();
            expect(subscribe).not.toHaveBeenCalled();
            getInboxMock.mockResolvedValue(page({ rows: [MIA] }));
            jest.advanceTimersByTime(30_000);
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
            expect(rowNames(element)).toEqual(['Mia Chen']);
            document.body.removeChild(element);
            jest.advanceTimersByTime(60_000);
            expect(getInboxMock).toHaveBeenCalledTimes(2);
        });

        it('falls back to polling when subscribing fails or the streaming connection reports an error', async () => {
            jest.useFakeTimers();
            jest.mocked(subscribe).mockRejectedValue(new Error('CometD handshake failed'));
            await createInbox();
            jest.advanceTimersByTime(30_000);
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);

            removeAll();
            jest.mocked(subscribe).mockResolvedValue({ channel: '/event/Lead_Handoff_Event__e' });
            await createInbox();
            const reportError = jest.mocked(onError).mock.calls.at(-1)?.[0] as (error: unknown) => void;
            reportError({ error: '403::Unknown client' });
            jest.advanceTimersByTime(30_000);
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(4);
        });

        it('keeps the rows on screen when a quiet refresh fails', async () => {
            jest.useFakeTimers();
            jest.mocked(isEmpEnabled).mockResolvedValue(false);
            const element = await createInbox();
            getInboxMock.mockRejectedValue(new Error('Offline'));
            jest.advanceTimersByTime(30_000);
            await flush();
            expect(rowNames(element)).toHaveLength(3);
            expect(root(element).querySelector('[role="alert"]')).toBeNull();
        });
    });
    describe('views and navigation', () => {
        it('loads All when the App Builder default view is left blank', async () => {
            await createInbox({ defaultView: '' });
            expect(getInboxMock).toHaveBeenCalledWith({ view: 'all', pageSize: 50, cursor: null });
        });

        it('opens "My leads", where accepted leads go, from its button', async () => {
            const element = await createInbox();
            button(element, 'My leads').click();
            expect(navigate).toHaveBeenCalledWith({
                type: 'standard__navItemPage',
                attributes: { apiName: 'Lead_Handoff_My_Leads' }
            });
        });

        it('leaves a click with Ctrl, Cmd, Shift or the middle button to the browser (new tab or window)', async () => {
            const element = await createInbox();
            await flush();
            const link = rowFor(element, 'Jane Doe').querySelector('th a') as HTMLAnchorElement;
            const clicks: MouseEventInit[] = [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }];
            for (const init of clicks) {
                const click = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
                link.dispatchEvent(click);
                expect(click.defaultPrevented).toBe(false);
            }
            expect(navigate).not.toHaveBeenCalled();
        });

        it("asks for each lead's record URL once, not again on every refresh", async () => {
            await createInbox();
            await flush();
            expect(generateUrl).toHaveBeenCalledTimes(3);
            handoffEvent(RAJ.leadId, 'MQL');
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
            expect(generateUrl).toHaveBeenCalledTimes(3);
        });

        it('shows no company line for a lead without a company', async () => {
            const element = await createInbox();
            const company = (name: string) =>
                rowFor(element, name).querySelector('th .slds-text-color_weak')?.textContent;
            expect(company('Raj Patel')).toBe('Globex');
            expect(company('Mia Chen')).toBe('');
        });

        it('marks the view on screen as the pressed brand button and the others as neutral', async () => {
            const element = await createInbox();
            const buttons = Array.from(root(element).querySelectorAll<HTMLButtonElement>('button[data-view]'));
            expect(buttons.map((candidate) => [candidate.dataset.view, candidate.className])).toEqual([
                ['all', 'slds-button slds-button_brand'],
                ['mine', 'slds-button slds-button_neutral'],
                ['breached', 'slds-button slds-button_neutral'],
                ['queue:Lead_Handoff_Sales_Review', 'slds-button slds-button_neutral']
            ]);
        });

        it('ignores a page URL without a view, with an empty one, or naming the view already open', async () => {
            const element = await createInbox({ defaultView: 'mine' });
            emitPageReference(undefined);
            emitPageReference({ type: 'standard__navItemPage' });
            emitPageReference({ type: 'standard__navItemPage', state: { c__view: '' } });
            emitPageReference({ type: 'standard__navItemPage', state: { c__view: 'mine' } });
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(1);
            expect(viewButton(element, 'mine').getAttribute('aria-pressed')).toBe('true');
        });

        it("names the view in the inbox-zero message, or says 'this view' for one the server did not list", async () => {
            const element = await createInbox();
            getInboxMock.mockResolvedValue(page({ view: 'mine', rows: [], nextCursor: null }));
            viewButton(element, 'mine').click();
            await flush();
            const empty = () => root(element).querySelector('[data-id="empty"]')?.textContent?.trim();
            expect(empty()).toBe(formatLabel(INBOX_ZERO, 'Mine'));

            getInboxMock.mockResolvedValue(page({ view: 'queue:Gone', rows: [], nextCursor: null }));
            emitPageReference({ type: 'standard__navItemPage', state: { c__view: 'queue:Gone' } });
            await flush();
            expect(empty()).toBe(formatLabel(INBOX_ZERO, 'this view'));
        });
    });

    describe('loading, Load more and errors', () => {
        it('shows no view buttons, no table and no inbox-zero message before the first page arrives', async () => {
            getInboxMock.mockReturnValue(new Promise(() => undefined));
            const element = await createInbox();
            expect(root(element).querySelectorAll('.slds-button-group button')).toHaveLength(0);
            expect(root(element).querySelector('[data-id="empty"]')).toBeNull();
            expect(root(element).querySelector('table')).toBeNull();
        });

        it('shows no inbox-zero message and no table beside a load error', async () => {
            getInboxMock.mockRejectedValue(new Error('Failed to fetch'));
            const element = await createInbox();
            expect(root(element).querySelector('[data-id="load-error"]')).not.toBeNull();
            expect(root(element).querySelector('[data-id="empty"]')).toBeNull();
            expect(root(element).querySelector('table')).toBeNull();
        });

        it("hides the previous view's rows while the next view loads, and when it fails to load", async () => {
            const element = await createInbox();
            const next = deferred<InboxPage>();
            getInboxMock.mockReturnValue(next.promise);
            viewButton(element, 'mine').click();
            await flush();
            expect(root(element).querySelector('table')).toBeNull();
            expect(root(element).querySelector('lightning-spinner')).not.toBeNull();
            expect(root(element).querySelector('[data-id="empty"]')).toBeNull();

            next.reject(new Error('Failed to fetch'));
            await flush();
            expect(root(element).querySelector('table')).toBeNull();
            expect(root(element).querySelector('[data-id="load-error"]')?.textContent).toContain('Failed to fetch');
            // Keys from the page do nothing while no row is on screen.
            expect(fromPage('j').defaultPrevented).toBe(false);
        });

        it('does not ask the server twice when a live event arrives while the inbox is still loading', async () => {
            const first = deferred<InboxPage>();
            getInboxMock.mockReturnValue(first.promise);
            const element = await createInbox();
            handoffEvent(RAJ.leadId, 'SAL');
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(1);
            first.resolve(page());
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);
        });

        it('when nothing is on screen, a failed quiet refresh shows its own error', async () => {
            getInboxMock.mockRejectedValue({ body: { message: 'Your inbox is not set up yet.' } });
            const element = await createInbox();
            getInboxMock.mockRejectedValue(new Error('Failed to fetch'));
            handoffEvent(RAJ.leadId, 'MQL');
            await flush();
            const text = root(element).querySelector('[data-id="load-error"]')?.textContent ?? '';
            expect(text).toContain('Failed to fetch');
            expect(text).toContain('Check your connection, then try again');
            expect(text).not.toContain('not set up yet');
            expect(root(element).querySelector('table')).toBeNull();
        });

        it('asks once for the next page however often Load more is clicked, and offers it again after a failure', async () => {
            const element = await createInbox();
            const shown = toasts(element);
            const next = deferred<InboxPage>();
            getInboxMock.mockReturnValue(next.promise);
            const loadMore = button(element, 'Load more');
            loadMore.click();
            loadMore.click();
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
            expect(button(element, 'Load more').disabled).toBe(true);

            next.reject(new Error('Timeout'));
            await flush();
            expect(shown()).toHaveLength(1);
            expect(button(element, 'Load more').disabled).toBe(false);
            getInboxMock.mockResolvedValue(page({ rows: [MIA], nextCursor: 'cursor-3' }));
            button(element, 'Load more').click();
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(3);
            expect(button(element, 'Load more').disabled).toBe(false);
        });
    });

    describe('keys and focus', () => {
        const tabIndexes = (element: HTMLElement) => rows(element).map((row) => row.getAttribute('tabindex'));

        it('takes the keys it uses (j, k, arrows, a, r, y, x, ?) from the browser', async () => {
            openMock.mockResolvedValue(undefined);
            decideMock.mockReturnValue(new Promise(() => undefined));
            const element = await createInbox();
            for (const key of ['j', 'k', 'ArrowDown', 'ArrowUp', 'x', '?', 'r', 'y']) {
                expect([key, press(element, key).defaultPrevented]).toEqual([key, true]);
            }
            await flush();
            expect(openMock.mock.calls.map(([props]) => props.action)).toEqual(['reject', 'recycle']);
            expect(openMock.mock.calls[0][0]).toMatchObject({ size: 'small' });
        });

        it('moves one row with ArrowDown and back with ArrowUp', async () => {
            const element = await createInbox();
            press(element, 'ArrowDown');
            await flush();
            expect(tabIndexes(element)).toEqual(['-1', '0', '-1']);
            press(element, 'j');
            press(element, 'ArrowUp');
            await flush();
            expect(tabIndexes(element)).toEqual(['-1', '0', '-1']);
        });

        it('marks the focused and the selected rows for the eye as well', async () => {
            const element = await createInbox();
            press(element, 'j');
            press(element, 'x');
            press(element, 'j');
            await flush();
            const classes = () => rows(element).map((row) => Array.from(row.classList).sort());
            expect(classes()).toEqual([
                ['slds-hint-parent'],
                ['slds-hint-parent', 'slds-is-selected'],
                ['row_focused', 'slds-hint-parent']
            ]);
            press(element, 'k');
            await flush();
            expect(classes()[1]).toEqual(['row_focused', 'slds-hint-parent', 'slds-is-selected']);
        });

        it('leaves keys typed in a text area or a picklist alone, but acts from a row checkbox', async () => {
            decideMock.mockResolvedValue(okResult(RAJ.leadId));
            const element = await createInbox();
            const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
            const textArea = document.createElement('textarea');
            const picklist = document.createElement('select');
            root(element).querySelector('th')?.append(textArea, picklist);
            warn.mockRestore();
            expect(press(element, 'a', textArea).defaultPrevented).toBe(false);
            expect(press(element, 'a', picklist).defaultPrevented).toBe(false);
            await flush();
            expect(decideMock).not.toHaveBeenCalled();

            const rajBox = root(element).querySelector('input[aria-label="Select Raj Patel"]') as HTMLInputElement;
            expect(press(element, 'a', rajBox).defaultPrevented).toBe(true);
            await flush();
            expect(decideMock.mock.calls[0][0].request.leads).toEqual([{ leadId: RAJ.leadId, seenStage: 'MQL' }]);
        });

        it('from the page, k also focuses a row, from the document element too', async () => {
            const element = await createInbox();
            expect(fromPage('k').defaultPrevented).toBe(true);
            expect(root(element).activeElement).toBe(rows(element)[0]);
            expect(fromPage('?', {}, document.documentElement).defaultPrevented).toBe(true);
        });

        it('from the page, ignores keys with Ctrl, Cmd or Alt, keys already handled, and an empty inbox', async () => {
            const element = await createInbox();
            const help = () => root(element).querySelector('section[aria-label="Keyboard shortcuts"]');
            for (const init of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
                expect(fromPage('?', init).defaultPrevented).toBe(false);
            }
            const handled = new KeyboardEvent('keydown', { key: '?', bubbles: true, cancelable: true });
            handled.preventDefault();
            document.body.dispatchEvent(handled);
            await flush();
            expect(help()).toBeNull();

            removeAll();
            getInboxMock.mockResolvedValue(page({ rows: [], nextCursor: null }));
            const empty = await createInbox();
            expect(fromPage('?').defaultPrevented).toBe(false);
            await flush();
            expect(root(empty).querySelector('section[aria-label="Keyboard shortcuts"]')).toBeNull();
        });

        it('says the shortcuts list is collapsed until it is shown', async () => {
            const element = await createInbox();
            expect(button(element, 'Keyboard shortcuts').getAttribute('aria-expanded')).toBe('false');
        });

        it('does not take focus when the list shows, nor back from a button the user moved to', async () => {
            const element = await createInbox();
            expect(root(element).activeElement).toBeNull();
            press(element, 'j');
            await flush();
            expect(root(element).activeElement).toBe(rows(element)[1]);
            const help = button(element, 'Keyboard shortcuts');
            help.focus();
            help.click();
            await flush();
            expect(root(element).activeElement).toBe(help);
        });

        it('after deciding the focused row, focus goes to the row that took its place, or the new last row', async () => {
            decideMock.mockReturnValue(new Promise(() => undefined));
            const element = await createInbox();
            press(element, 'a', rows(element)[0]);
            await flush();
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']);
            expect(root(element).activeElement).toBe(rows(element)[0]);

            press(element, 'j');
            press(element, 'a');
            await flush();
            expect(rowNames(element)).toEqual(['Jane Doe']);
            expect(tabIndexes(element)).toEqual(['0']);
            expect(root(element).activeElement).toBe(rows(element)[0]);
        });
    });

    describe('selection', () => {
        const selectAll = (element: HTMLElement) =>
            root(element).querySelector('input[aria-label="Select all leads"]') as HTMLInputElement;

        it('ticks "select all" only once every lead is selected', async () => {
            const element = await createInbox();
            expect(selectAll(element).checked).toBe(false);
            expect(selectAll(element).disabled).toBe(false);
            press(element, 'x');
            await flush();
            expect(selectAll(element).checked).toBe(false);
            press(element, 'j');
            press(element, 'x');
            press(element, 'j');
            press(element, 'x');
            await flush();
            expect(selectAll(element).checked).toBe(true);
        });

        it('leaves "select all" unticked and disabled when every row is view only', async () => {
            const viewOnly = (row: LeadInboxController.InboxRow) => ({ ...row, canDecide: false });
            getInboxMock.mockResolvedValue(page({ rows: [viewOnly(RAJ), viewOnly(JANE)], nextCursor: null }));
            const element = await createInbox();
            expect(selectAll(element).checked).toBe(false);
            expect(selectAll(element).disabled).toBe(true);
        });

        it('a refresh keeps the selected leads still listed and drops the others', async () => {
            const element = await createInbox();
            press(element, 'x');
            press(element, 'j');
            press(element, 'x');
            await flush();
            getInboxMock.mockResolvedValue(page({ rows: [RAJ, MIA] }));
            handoffEvent('00Q000000000099AAA', 'MQL');
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Mia Chen']);
            expect(rows(element).map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'false']);
            expect(root(element).textContent).toContain('1 selected');
        });

        it('keeps the selection when someone else decides another lead', async () => {
            const element = await createInbox();
            press(element, 'j');
            press(element, 'x');
            press(element, 'j');
            press(element, 'x');
            getInboxMock.mockReturnValue(new Promise(() => undefined));
            handoffEvent(RAJ.leadId, 'SAL');
            await flush();
            expect(rowNames(element)).toEqual(['Jane Doe', 'Mia Chen']);
            expect(rows(element).map((row) => row.getAttribute('aria-selected'))).toEqual(['true', 'true']);
            expect(root(element).textContent).toContain('2 selected');
        });
    });

    describe('live refresh: what stays on screen', () => {
        const tabIndexes = (element: HTMLElement) => rows(element).map((row) => row.getAttribute('tabindex'));

        it('keeps a lead that is (again) an MQL on screen until the refresh answers', async () => {
            const element = await createInbox();
            getInboxMock.mockReturnValue(new Promise(() => undefined));
            handoffEvent(JANE.leadId, 'MQL');
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);
        });

        it('does not move focus when an event is about a lead not on screen', async () => {
            const element = await createInbox();
            getInboxMock.mockReturnValue(new Promise(() => undefined));
            handoffEvent('00Q000000000099AAA', 'SAL');
            await flush();
            expect(root(element).activeElement).toBeNull();
        });

        it('keeps focus at its place in the list when someone else decides a lead below it', async () => {
            const extra = { ...MIA, leadId: '00Q000000000004AAA', name: 'Lee Wong' };
            getInboxMock.mockResolvedValue(page({ rows: [RAJ, JANE, MIA, extra], nextCursor: null }));
            const element = await createInbox();
            getInboxMock.mockReturnValue(new Promise(() => undefined));
            handoffEvent(extra.leadId, 'SAL');
            await flush();
            expect(tabIndexes(element)).toEqual(['0', '-1', '-1']);

            press(element, 'j');
            handoffEvent(MIA.leadId, 'SAL');
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe']);
            expect(tabIndexes(element)).toEqual(['-1', '0']);
        });

        it('keeps focus in the list when a refresh brings fewer rows, and in place when it brings as many', async () => {
            const element = await createInbox();
            press(element, 'j');
            press(element, 'j');
            handoffEvent('00Q000000000099AAA', 'MQL');
            await flush();
            expect(tabIndexes(element)).toEqual(['-1', '-1', '0']);

            getInboxMock.mockResolvedValue(page({ rows: [RAJ, JANE] }));
            handoffEvent(MIA.leadId, 'MQL');
            await flush();
            expect(tabIndexes(element)).toEqual(['-1', '0']);
        });

        it("keeps a refused lead's sentence when someone else decides another lead", async () => {
            decideMock.mockResolvedValue({
                applied: false,
                outcomes: [{ ...PARTIAL_RESULT.outcomes[1], leadId: RAJ.leadId }]
            });
            const element = await createInbox();
            press(element, 'a');
            await flush();
            expect(rowFor(element, 'Raj Patel').querySelector('[data-id="row-error"]')).not.toBeNull();
            getInboxMock.mockReturnValue(new Promise(() => undefined));
            handoffEvent(MIA.leadId, 'SAL');
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe']);
            expect(rowFor(element, 'Raj Patel').querySelector('[data-id="row-error"]')?.textContent).toContain(
                'Ann Lee'
            );
        });

        it('puts a refused lead due last back at the end of the list', async () => {
            decideMock.mockResolvedValue({
                applied: false,
                outcomes: [{ ...PARTIAL_RESULT.outcomes[1], leadId: MIA.leadId }]
            });
            const element = await createInbox();
            button(element, 'Accept Mia Chen').click();
            await flush();
            expect(rowNames(element)).toEqual(['Raj Patel', 'Jane Doe', 'Mia Chen']);
        });

        it('unsubscribes at once when removed before the subscription was made', async () => {
            const subscribing = deferred<{ channel: string; id: string }>();
            jest.mocked(subscribe).mockReturnValue(subscribing.promise);
            const element = await createInbox();
            document.body.removeChild(element);
            expect(unsubscribe).not.toHaveBeenCalled();
            subscribing.resolve({ channel: '/event/Lead_Handoff_Event__e', id: 'sub-2' });
            await flush();
            expect(unsubscribe).toHaveBeenCalledWith({ channel: '/event/Lead_Handoff_Event__e', id: 'sub-2' });
        });

        it('does not start polling when removed before empApi said whether it is available', async () => {
            jest.useFakeTimers();
            const enabled = deferred<boolean>();
            jest.mocked(isEmpEnabled).mockReturnValue(enabled.promise);
            const element = await createInbox();
            document.body.removeChild(element);
            enabled.resolve(false);
            await flush();
            jest.advanceTimersByTime(60_000);
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(1);
        });

        it('polls once every 30 s however often streaming reports an error, and unsubscribes nothing', async () => {
            jest.useFakeTimers();
            jest.mocked(subscribe).mockResolvedValue({ channel: '/event/Lead_Handoff_Event__e' });
            const element = await createInbox();
            const reportError = jest.mocked(onError).mock.calls.at(-1)?.[0] as (error: unknown) => void;
            reportError({ error: '403::Unknown client' });
            reportError({ error: '403::Unknown client' });
            jest.advanceTimersByTime(30_000);
            await flush();
            expect(getInboxMock).toHaveBeenCalledTimes(2);
            document.body.removeChild(element);
            expect(unsubscribe).not.toHaveBeenCalled();
        });
    });
});
