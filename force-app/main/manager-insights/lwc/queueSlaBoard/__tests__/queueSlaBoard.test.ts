import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import QueueSlaBoard, { reasonText } from 'c/queueSlaBoard';
import getQueueHealth from '@salesforce/apex/QueueHealthController.getQueueHealth';
import { flush, mount } from 'test/lwcTest';
import { navigate } from 'test/navigationMock';

jest.mock('@salesforce/apex/QueueHealthController.getQueueHealth', () => ({ default: jest.fn() }), {
    virtual: true
});

jest.mock('lightning/navigation', () => jest.requireActual('test/navigationMock'));

type QueueHealth = QueueHealthDto.QueueHealth;

const HEALTH = jest.requireActual<QueueHealth>('./data/QueueHealthController.getQueueHealth.json');
const NOW = Date.parse(HEALTH.serverNow);
const getHealthMock = jest.mocked(getQueueHealth);

function health(overrides: Partial<QueueHealth> = {}): QueueHealth {
    return JSON.parse(JSON.stringify({ ...HEALTH, ...overrides })) as QueueHealth;
}

const createBoard = (props: Record<string, unknown> = {}) => mount('c-queue-sla-board', QueueSlaBoard, props);

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const status = (element: HTMLElement) => root(element).querySelector('c-insights-status')?.shadowRoot as ShadowRoot;
const queueRows = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll<HTMLElement>('tbody tr[data-queue]'));
const queueRow = (element: HTMLElement, developerName: string) =>
    root(element).querySelector(`tbody tr[data-queue="${developerName}"]`) as HTMLElement;
const rowOrder = (element: HTMLElement) => queueRows(element).map((row) => row.dataset.queue);
const header = (element: HTMLElement, label: string) =>
    Array.from(root(element).querySelectorAll<HTMLElement>('thead th')).find(
        (th) => th.querySelector('button')?.textContent?.replace('\u25B2', '').replace('\u25BC', '').trim() === label
    ) as HTMLElement;
const sortBy = async (element: HTMLElement, label: string) => {
    (header(element, label).querySelector('button') as HTMLButtonElement).click();
    await flush();
};
const sortedHeaders = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll<HTMLElement>('thead th[aria-sort]')).map((th) => [
        th
            .querySelector('button')
            ?.textContent?.replace(/[\u25B2\u25BC]/g, '')
            .trim(),
        th.getAttribute('aria-sort')
    ]);
const field = (container: HTMLElement, id: string) =>
    container.querySelector(`[data-id="${id}"]`)?.textContent?.trim() ?? '';
const button = (element: HTMLElement, label: string) =>
    [root(element), status(element)]
        .flatMap((shadow) => Array.from(shadow.querySelectorAll('button')))
        .find(
            (candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === label
        ) as HTMLButtonElement;

/** sa11y refuses to run under fake timers: the board's interval simply stops ticking from here on. */
async function expectAccessible(element: HTMLElement): Promise<void> {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

describe('c-queue-sla-board', () => {
    beforeEach(() => {
        jest.useFakeTimers();
        jest.setSystemTime(NOW);
        getHealthMock.mockResolvedValue(health());
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllTimers();
        jest.useRealTimers();
        jest.clearAllMocks();
    });

    it('shows one row per queue, breached first, its status in an icon and words on an SLDS badge', async () => {
        // The server sends routing order; the board puts the worst first.
        getHealthMock.mockResolvedValue(health({ queues: [...HEALTH.queues].reverse() }));
        const element = await createBoard();

        expect(getHealthMock).toHaveBeenCalledWith({ periodDays: 7 });
        expect(queueRows(element).map((row) => field(row, 'name'))).toEqual([
            'SDR Inbound',
            'Sales Review',
            'Escalations'
        ]);
        expect(sortedHeaders(element)).toEqual([['Status', 'descending']]);
        const badge = (row: HTMLElement) => row.querySelector('[data-id="state"]') as HTMLElement;
        const sdr = queueRow(element, 'Lead_Handoff_SDR_Inbound');
        expect(field(sdr, 'state-text')).toBe('Breached');
        expect(badge(sdr).title).toBe('Breached: 2 MQLs past the SLA');
        expect(badge(sdr).className).toBe('slds-badge slds-theme_error');
        expect(badge(sdr).querySelector('[aria-hidden="true"]')?.textContent).toBe('\u2716');
        const review = queueRow(element, 'Lead_Handoff_Sales_Review');
        expect(field(review, 'state-text')).toBe('Due soon');
        expect(badge(review).title).toBe('At risk: 1 MQL due soon');
        expect(badge(review).className).toBe('slds-badge slds-theme_warning');
        const escalations = queueRow(element, 'Lead_Handoff_Escalations');
        expect(field(escalations, 'state-text')).toBe('On track');
        expect(badge(escalations).title).toBe('On track: nothing waiting');
        expect(badge(escalations).className).toBe('slds-badge slds-theme_success');
        // Thirteen label/value lines per card became one compact row: no card, no definition list.
        expect(root(element).querySelector('section, dl')).toBeNull();
    });

    it('shows what waits, how fast the queue accepted, its decisions and its top reason in one row', async () => {
        const element = await createBoard();
        const sdr = queueRow(element, 'Lead_Handoff_SDR_Inbound');

        expect([field(sdr, 'pending'), field(sdr, 'breached'), field(sdr, 'due')]).toEqual(['12', '2', '3']);
        expect(field(sdr, 'oldest')).toBe('1 h 35 min');
        expect(field(sdr, 'accept-times')).toBe('42 min / 3 h 05 min');
        expect(field(sdr, 'decided')).toBe('80');
        expect(field(sdr, 'outcomes')).toBe('75 % / 15 % / 10 %');
        expect(field(sdr, 'sla-met')).toBe('87.5 %');
        expect(field(sdr, 'reasons')).toBe('Not our ICP (reject): 7');
        // Long business times stay in hours: a business day has no fixed length.
        expect(field(queueRow(element, 'Lead_Handoff_Sales_Review'), 'accept-times')).toBe('25 h / 48 h');
        // Each column head says what it counts.
        const heads = Array.from(root(element).querySelectorAll('thead th')).map((th) =>
            th.textContent?.replace(/[\u25B2\u25BC]/g, '').trim()
        );
        expect(heads).toEqual([
            'Queue',
            'Status',
            'Waiting (MQLs)',
            'Past SLA (MQLs)',
            'Due soon (MQLs)',
            'Oldest wait',
            'Time to accept (median / 90th percentile)',
            'Decided (MQLs)',
            'Accepted / rejected / recycled',
            'Decided within SLA',
            'Top reason (count)',
            'Leads'
        ]);
    });

    it('sorts by any column with its header button, toggling the direction, and says how it is sorted', async () => {
        const element = await createBoard();

        await sortBy(element, 'Queue');
        expect(rowOrder(element)).toEqual([
            'Lead_Handoff_Escalations',
            'Lead_Handoff_Sales_Review',
            'Lead_Handoff_SDR_Inbound'
        ]);
        expect(sortedHeaders(element)).toEqual([['Queue', 'ascending']]);
        expect(field(root(element) as unknown as HTMLElement, 'sort-announcement')).toBe('Sorted by Queue, ascending');

        await sortBy(element, 'Queue');
        expect(sortedHeaders(element)).toEqual([['Queue', 'descending']]);
        expect(rowOrder(element)[0]).toBe('Lead_Handoff_SDR_Inbound');

        // Figures sort largest first; a queue with no figure goes last either way.
        await sortBy(element, 'Time to accept (median / 90th percentile)');
        expect(rowOrder(element)).toEqual([
            'Lead_Handoff_Sales_Review',
            'Lead_Handoff_SDR_Inbound',
            'Lead_Handoff_Escalations'
        ]);
        await sortBy(element, 'Time to accept (median / 90th percentile)');
        expect(rowOrder(element)).toEqual([
            'Lead_Handoff_SDR_Inbound',
            'Lead_Handoff_Sales_Review',
            'Lead_Handoff_Escalations'
        ]);
        expect(sortedHeaders(element)).toEqual([['Time to accept (median / 90th percentile)', 'ascending']]);

        await sortBy(element, 'Waiting (MQLs)');
        expect(rowOrder(element)).toEqual([
            'Lead_Handoff_SDR_Inbound',
            'Lead_Handoff_Sales_Review',
            'Lead_Handoff_Escalations'
        ]);
        expect(header(element, 'Waiting (MQLs)').getAttribute('aria-sort')).toBe('descending');
        expect(header(element, 'Status').hasAttribute('aria-sort')).toBe(false);
    });

    it('shows a queue paused outside business hours, until they open, after the queues that need action', async () => {
        // 17:00 UTC is 9:00 AM in the user's time zone (Jest: America/Los_Angeles); now is 15:00 UTC.
        const paused = { ...HEALTH.queues[1], slaPausedUntil: '2026-03-02T17:00:00.000Z' };
        const quiet = { ...HEALTH.queues[2], pending: 1 };
        getHealthMock.mockResolvedValue(health({ queues: [quiet, paused, HEALTH.queues[0]] }));
        const element = await createBoard({ refreshSeconds: 0 });

        expect(rowOrder(element)).toEqual([
            'Lead_Handoff_SDR_Inbound',
            'Lead_Handoff_Sales_Review',
            'Lead_Handoff_Escalations'
        ]);
        const review = queueRow(element, 'Lead_Handoff_Sales_Review');
        expect(review.dataset.state).toBe('paused');
        expect(field(review, 'state-text')).toBe('Paused');
        expect(field(review, 'state-detail')).toBe('until Mon, Mar 2, 9:00 AM');
        expect((review.querySelector('[data-id="state"]') as HTMLElement).title).toBe(
            'Paused until Mon, Mar 2, 9:00 AM'
        );
        expect(review.querySelector('[data-id="state"]')?.className).toBe('slds-badge slds-badge_lightest');
        expect(review.querySelector('[data-id="state"] [aria-hidden="true"]')?.textContent).toBe('\u2016');

        // When the hours open, the ticking board shows the clock running again, without a reload.
        jest.advanceTimersByTime(2 * 60 * 60_000);
        await flush();
        expect(queueRow(element, 'Lead_Handoff_Sales_Review').dataset.state).toBe('amber');
        expect(getHealthMock).toHaveBeenCalledTimes(1);
    });

    it('says "not enough data" for a queue that decided nothing in the period', async () => {
        const element = await createBoard();
        const escalations = queueRow(element, 'Lead_Handoff_Escalations');

        expect(field(escalations, 'oldest')).toBe('Nobody waiting');
        expect(field(escalations, 'accept-times')).toBe('not enough data');
        expect(field(escalations, 'outcomes')).toBe('not enough data');
        expect(field(escalations, 'reasons')).toBe('None in the period');
    });

    it('ticks the oldest wait on the server clock with one interval, cleared on disconnect', async () => {
        // The browser clock runs 10 minutes behind the server.
        jest.setSystemTime(NOW - 10 * 60_000);
        const element = await createBoard({ refreshSeconds: 0 });
        expect(field(queueRow(element, 'Lead_Handoff_SDR_Inbound'), 'oldest')).toBe('1 h 35 min');
        expect(jest.getTimerCount()).toBe(1);

        jest.advanceTimersByTime(60_000);
        await flush();
        expect(field(queueRow(element, 'Lead_Handoff_SDR_Inbound'), 'oldest')).toBe('1 h 36 min');
        expect(getHealthMock).toHaveBeenCalledTimes(1);

        element.remove();
        expect(jest.getTimerCount()).toBe(0);
    });

    it('refreshes on its own every refreshSeconds, keeping the rows on screen', async () => {
        const element = await createBoard({ refreshSeconds: 30 });
        getHealthMock.mockResolvedValue(health({ queues: [{ ...HEALTH.queues[0], breachedNow: 0 }] }));

        jest.advanceTimersByTime(15_000);
        await flush();
        expect(getHealthMock).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(15_000);
        await flush();
        expect(getHealthMock).toHaveBeenCalledTimes(2);
        expect(queueRows(element)).toHaveLength(1);
        expect(queueRow(element, 'Lead_Handoff_SDR_Inbound').dataset.state).toBe('amber');
    });

    it('refreshes when the manager asks, for the configured period rounded to one the server knows', async () => {
        const element = await createBoard({ periodDays: 14, refreshSeconds: 0 });
        expect(getHealthMock).toHaveBeenLastCalledWith({ periodDays: 30 });
        expect(root(element).textContent).toContain('Decisions over the last 30 days (23 Feb 2026 – 2 Mar 2026)');

        let answer: (value: QueueHealth) => void = () => undefined;
        getHealthMock.mockReturnValueOnce(new Promise<QueueHealth>((resolve) => (answer = resolve)));
        button(element, 'Refresh').click();
        await flush();
        expect(button(element, 'Refreshing…').disabled).toBe(true);
        expect(root(element).querySelector('.slds-card__body')?.getAttribute('aria-busy')).toBe('true');
        expect(queueRows(element)).toHaveLength(3);

        answer(health({ queues: HEALTH.queues.slice(0, 1) }));
        await flush();
        expect(getHealthMock).toHaveBeenCalledTimes(2);
        expect(queueRows(element)).toHaveLength(1);
        expect(button(element, 'Refresh').disabled).toBe(false);
        expect(root(element).querySelector('.slds-card__body')?.getAttribute('aria-busy')).toBe('false');
    });

    it('names a reason once with its kind, even when its label already says it', () => {
        expect(reasonText('Other (recycle)', 'Recycle')).toBe('Other (recycle)');
        expect(reasonText('Not our ICP', 'Reject')).toBe('Not our ICP (reject)');
    });

    it('gives each "Open in inbox" button a name that starts with its visible text', async () => {
        const element = await createBoard();
        const opens = Array.from(root(element).querySelectorAll('button[aria-label]')).filter((open) =>
            open.textContent?.includes('Open in inbox')
        );
        expect(opens.length).toBeGreaterThan(0);
        for (const open of opens) {
            expect(open.getAttribute('aria-label')?.startsWith(open.textContent?.trim() ?? '-')).toBe(true);
        }
    });

    it('opens the inbox tab on the queue of the row', async () => {
        const element = await createBoard();

        button(element, 'Open in inbox: Sales Review queue').click();

        expect(navigate).toHaveBeenCalledWith({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Lead_Handoff_Inbox' },
            state: { c__view: 'queue:Lead_Handoff_Sales_Review' }
        });
    });

    it('opens the inbox tab configured on the page', async () => {
        const element = await createBoard({ inboxTabName: 'My_Inbox' });

        button(element, 'Open in inbox: SDR Inbound queue').click();

        expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ attributes: { apiName: 'My_Inbox' } }));
    });

    it('shows a spinner while the first figures load', async () => {
        getHealthMock.mockReturnValue(new Promise<QueueHealth>(() => undefined));
        const element = await createBoard();

        const spinner = status(element).querySelector('lightning-spinner') as HTMLElement & { alternativeText: string };
        expect(spinner.alternativeText).toBe('Loading the queues');
        expect(queueRows(element)).toHaveLength(0);
    });

    it('says what to do when no queue is configured', async () => {
        getHealthMock.mockResolvedValue(health({ queues: [] }));
        const element = await createBoard();

        const empty = status(element).querySelector('[data-id="empty"]') as HTMLElement;
        expect(empty.textContent).toContain('No queues configured for Lead Handoff.');
        expect(empty.textContent).toContain('Routing Policy');
        await expectAccessible(element);
    });

    it('explains a load error and loads again on Try again', async () => {
        getHealthMock.mockRejectedValueOnce({ body: { message: 'Insufficient privileges.' } });
        const element = await createBoard();

        const alert = status(element).querySelector('[role="alert"]') as HTMLElement;
        expect(alert.textContent).toContain('Could not load the queue figures: Insufficient privileges.');
        expect(alert.textContent).not.toContain('Check your connection');
        await expectAccessible(element);

        button(element, 'Try again').click();
        await flush();
        expect(status(element).querySelector('[role="alert"]')).toBeNull();
        expect(queueRows(element)).toHaveLength(3);
    });

    it('keeps the last figures, marked stale, when a refresh fails', async () => {
        const element = await createBoard();
        getHealthMock.mockRejectedValueOnce(new Error('Network down'));

        button(element, 'Refresh').click();
        await flush();

        expect(queueRows(element)).toHaveLength(3);
        expect(status(element).querySelector('[role="alert"]')).toBeNull();
        expect(root(element).querySelector('[role="status"]')?.textContent).toContain(
            'Showing the last figures loaded: Network down'
        );
    });

    it('is accessible with its table', async () => {
        const element = await createBoard();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
