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
const tiles = (element: HTMLElement) => Array.from(root(element).querySelectorAll<HTMLElement>('section[data-queue]'));
const tile = (element: HTMLElement, developerName: string) =>
    root(element).querySelector(`section[data-queue="${developerName}"]`) as HTMLElement;
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

    it('shows a tile per queue, coloured and worded by its breach state', async () => {
        const element = await createBoard();

        expect(getHealthMock).toHaveBeenCalledWith({ periodDays: 7 });
        expect(tiles(element).map((section) => section.querySelector('h3')?.textContent)).toEqual([
            'SDR Inbound',
            'Sales Review',
            'Escalations'
        ]);
        const sdr = tile(element, 'Lead_Handoff_SDR_Inbound');
        expect(sdr.className).toContain('tile_red');
        expect(field(sdr, 'state')).toBe('Breached: 2 MQLs past the SLA');
        expect(sdr.querySelector('[data-id="state"]')?.className).toContain('slds-theme_error');
        const review = tile(element, 'Lead_Handoff_Sales_Review');
        expect(review.className).toContain('tile_amber');
        expect(field(review, 'state')).toBe('At risk: 1 MQL due soon');
        const escalations = tile(element, 'Lead_Handoff_Escalations');
        expect(escalations.className).toContain('tile_green');
        expect(field(escalations, 'state')).toBe('On track: nothing waiting');
    });

    it('shows what waits, how fast the queue accepted, its rates and top reasons', async () => {
        const element = await createBoard();
        const sdr = tile(element, 'Lead_Handoff_SDR_Inbound');

        expect([field(sdr, 'pending'), field(sdr, 'breached'), field(sdr, 'due')]).toEqual(['12', '2', '3']);
        expect(field(sdr, 'oldest')).toBe('1 h 35 min');
        expect(field(sdr, 'median')).toBe('42 min');
        expect(field(sdr, 'p90')).toBe('3 h 05 min');
        expect(field(sdr, 'decided')).toBe('80 decisions');
        expect([field(sdr, 'accepted'), field(sdr, 'rejected'), field(sdr, 'recycled')]).toEqual([
            '75 %',
            '15 %',
            '10 %'
        ]);
        expect(field(sdr, 'sla-met')).toBe('87.5 %');
        expect(Array.from(sdr.querySelectorAll('[data-id="reasons"] li')).map((li) => li.textContent)).toEqual([
            'Not our ICP (reject): 7',
            'Unable to reach (recycle): 5'
        ]);
        // Long business times stay in hours: a business day has no fixed length.
        expect(field(tile(element, 'Lead_Handoff_Sales_Review'), 'median')).toBe('25 h');
    });

    it('says "not enough data" for a queue that decided nothing in the period', async () => {
        const element = await createBoard();
        const escalations = tile(element, 'Lead_Handoff_Escalations');

        expect(field(escalations, 'oldest')).toBe('Nobody waiting');
        expect(field(escalations, 'median')).toBe('not enough data');
        expect(field(escalations, 'accepted')).toBe('not enough data');
        expect(field(escalations, 'reasons')).toBe('No rejects or recycles in the period.');
    });

    it('ticks the oldest wait on the server clock with one interval, cleared on disconnect', async () => {
        // The browser clock runs 10 minutes behind the server.
        jest.setSystemTime(NOW - 10 * 60_000);
        const element = await createBoard({ refreshSeconds: 0 });
        expect(field(tile(element, 'Lead_Handoff_SDR_Inbound'), 'oldest')).toBe('1 h 35 min');
        expect(jest.getTimerCount()).toBe(1);

        jest.advanceTimersByTime(60_000);
        await flush();
        expect(field(tile(element, 'Lead_Handoff_SDR_Inbound'), 'oldest')).toBe('1 h 36 min');
        expect(getHealthMock).toHaveBeenCalledTimes(1);

        element.remove();
        expect(jest.getTimerCount()).toBe(0);
    });

    it('refreshes on its own every refreshSeconds, keeping the tiles on screen', async () => {
        const element = await createBoard({ refreshSeconds: 30 });
        getHealthMock.mockResolvedValue(health({ queues: [{ ...HEALTH.queues[0], breachedNow: 0 }] }));

        jest.advanceTimersByTime(15_000);
        await flush();
        expect(getHealthMock).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(15_000);
        await flush();
        expect(getHealthMock).toHaveBeenCalledTimes(2);
        expect(tiles(element)).toHaveLength(1);
        expect(tile(element, 'Lead_Handoff_SDR_Inbound').className).toContain('tile_amber');
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
        expect(tiles(element)).toHaveLength(3);

        answer(health({ queues: HEALTH.queues.slice(0, 1) }));
        await flush();
        expect(getHealthMock).toHaveBeenCalledTimes(2);
        expect(tiles(element)).toHaveLength(1);
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

    it('opens the inbox tab on the queue of the tile', async () => {
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
        expect(tiles(element)).toHaveLength(0);
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
        expect(tiles(element)).toHaveLength(3);
    });

    it('keeps the last figures, marked stale, when a refresh fails', async () => {
        const element = await createBoard();
        getHealthMock.mockRejectedValueOnce(new Error('Network down'));

        button(element, 'Refresh').click();
        await flush();

        expect(tiles(element)).toHaveLength(3);
        expect(status(element).querySelector('[role="alert"]')).toBeNull();
        expect(root(element).querySelector('[role="status"]')?.textContent).toContain(
            'Showing the last figures loaded: Network down'
        );
    });

    it('is accessible with tiles', async () => {
        const element = await createBoard();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
