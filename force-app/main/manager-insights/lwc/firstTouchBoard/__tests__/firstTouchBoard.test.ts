import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import FirstTouchBoard, { rowState } from 'c/firstTouchBoard';
import getFirstTouchBoard from '@salesforce/apex/QueueHealthController.getFirstTouchBoard';
import { flush, mount } from 'test/lwcTest';

jest.mock('@salesforce/apex/QueueHealthController.getFirstTouchBoard', () => ({ default: jest.fn() }), {
    virtual: true
});

type Board = FirstTouchBoardDto.Board;

const BOARD = jest.requireActual<Board>('./data/QueueHealthController.getFirstTouchBoard.json');
const getBoardMock = jest.mocked(getFirstTouchBoard);

function board(overrides: Partial<Board> = {}): Board {
    return JSON.parse(JSON.stringify({ ...BOARD, ...overrides })) as Board;
}

const create = (props: Record<string, unknown> = {}) => mount('c-first-touch-board', FirstTouchBoard, props);
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const status = (element: HTMLElement) => root(element).querySelector('c-insights-status')?.shadowRoot as ShadowRoot;
const picker = (element: HTMLElement) => root(element).querySelector('c-insights-picker')?.shadowRoot as ShadowRoot;
const rowsOf = (element: HTMLElement, table: string) =>
    Array.from(root(element).querySelectorAll<HTMLElement>(`[data-id="${table}"] tbody tr`)).map((tr) => [
        tr.dataset.state,
        ...Array.from(tr.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim())
    ]);

describe('rowState', () => {
    it('is the worst open SAL of the row', () => {
        expect(rowState({ breachedNow: 1, dueSoon: 3 })).toBe('red');
        expect(rowState({ breachedNow: 0, dueSoon: 1 })).toBe('amber');
        expect(rowState({ breachedNow: 0, dueSoon: 0 })).toBe('green');
    });
});

describe('c-first-touch-board', () => {
    beforeEach(() => {
        getBoardMock.mockResolvedValue(board());
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('shows each queue and SDR with open SALs now and P50/P90 time to first touch over the period', async () => {
        const element = await create();

        expect(getBoardMock).toHaveBeenCalledWith({ periodDays: 30 });
        expect(rowsOf(element, 'by-queue')).toEqual([
            ['red', '\u2716BreachedSDR Inbound', '3', '1', '2', '12', '75 %', '42 min', '3 h 05 min', '26 h']
        ]);
        expect(rowsOf(element, 'by-sdr')).toEqual([
            ['green', '\u2713On trackSam SDR', '3', '0', '0', '8', '100 %', '30 min', '55 min', 'not enough data'],
            ['red', '\u2716BreachedTess SDR', '0', '1', '2', '4', '25 %', '2 h 30 min', '3 h 50 min', '26 h']
        ]);
        await expect(element).toBeAccessible();
    });

    it('reloads for another period', async () => {
        const element = await create({ periodDays: 7 });
        expect(getBoardMock).toHaveBeenLastCalledWith({ periodDays: 7 });

        const ninety = Array.from(picker(element).querySelectorAll('button')).find(
            (button) => button.textContent?.trim() === '90 days'
        ) as HTMLButtonElement;
        ninety.click();
        await flush();

        expect(getBoardMock).toHaveBeenLastCalledWith({ periodDays: 90 });
    });

    it('says when nothing is waiting and nothing was touched', async () => {
        getBoardMock.mockResolvedValue(board({ queues: [], sdrs: [] }));
        const element = await create();

        expect(status(element).textContent).toContain(
            'No accepted lead is waiting for a first touch, and none was touched or qualified in this period.'
        );
        expect(root(element).querySelector('table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it("shows the server's refusal", async () => {
        getBoardMock.mockRejectedValue({ body: { message: 'You need the Lead Handoff Manager permission set.' } });
        const element = await create();

        expect(status(element).textContent).toContain('You need the Lead Handoff Manager permission set.');
        await expect(element).toBeAccessible();
    });
});
