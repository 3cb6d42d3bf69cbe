import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import SdrLoadCard, { barWidth, statusText } from 'c/sdrLoad';
import getSdrLoad from '@salesforce/apex/SdrLoadController.getSdrLoad';
import { flush, mount } from 'test/lwcTest';

jest.mock('@salesforce/apex/SdrLoadController.getSdrLoad', () => ({ default: jest.fn() }), { virtual: true });

type Load = SdrLoadController.SdrLoad;

const LOAD = jest.requireActual<Load>('./data/SdrLoadController.getSdrLoad.json');
const getLoadMock = jest.mocked(getSdrLoad);

function load(overrides: Partial<Load> = {}): Load {
    return JSON.parse(JSON.stringify({ ...LOAD, ...overrides })) as Load;
}

const createLoad = () => mount('c-sdr-load', SdrLoadCard, {});
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const status = (element: HTMLElement) => root(element).querySelector('c-insights-status')?.shadowRoot as ShadowRoot;
const bodyRows = (element: HTMLElement) => Array.from(root(element).querySelectorAll<HTMLElement>('tbody tr'));
const cells = (tr: HTMLElement) => Array.from(tr.children).map((cell) => cell.textContent?.trim());

describe('statusText and barWidth', () => {
    it('names the status in words, with the return date for time off', () => {
        expect(statusText(LOAD.sdrs[0])).toBe('At the cap');
        expect(statusText(LOAD.sdrs[2])).toBe('Away until 16 Mar 2026');
        expect(statusText(LOAD.sdrs[3])).toBe('Unavailable');
    });

    it('fills the bar with the share of the cap, never past it', () => {
        expect(barWidth(LOAD.sdrs[1])).toBe(25);
        expect(barWidth({ ...LOAD.sdrs[0], loadPercent: 140 })).toBe(100);
        expect(barWidth(LOAD.sdrs[3])).toBe(0);
    });
});

describe('c-sdr-load', () => {
    beforeEach(() => {
        getLoadMock.mockResolvedValue(load());
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('lists each SDR with status, load against the cap, open leads and coverage, most loaded first', async () => {
        const element = await createLoad();

        expect(getLoadMock).toHaveBeenCalledTimes(1);
        expect(bodyRows(element).map(cells)).toEqual([
            ['Dana Reyes', 'At the cap', '10 of 10 (100 %)', '6 MQL, 4 SAL', 'US;CA'],
            ['Sam Okafor', 'Takes leads', '3 of 12 (25 %)', '2 MQL, 1 SAL', 'Every territory and skill'],
            ['Riley Chen', 'Away until 16 Mar 2026', '1 of 8 (13 %)', '1 MQL, 0 SAL', 'DE;AT · Demo_Request'],
            ['Alex Kim', 'Unavailable', 'No cap set: takes no leads', '0 MQL, 0 SAL', 'Every territory and skill']
        ]);
        const [full, open] = bodyRows(element);
        expect(full.className).toContain('at-cap');
        expect((full.querySelector('.bar') as HTMLElement).style.width).toBe('100%');
        expect((open.querySelector('.bar') as HTMLElement).style.width).toBe('25%');
        expect(open.querySelector('[data-id="status"]')?.className).toContain('slds-theme_success');
    });

    it('loads again on Refresh', async () => {
        const element = await createLoad();
        getLoadMock.mockResolvedValue(load({ sdrs: LOAD.sdrs.slice(1, 2) }));

        (root(element).querySelector('[data-id="refresh"]') as HTMLElement).click();
        await flush();

        expect(getLoadMock).toHaveBeenCalledTimes(2);
        expect(bodyRows(element).map((tr) => cells(tr)[0])).toEqual(['Sam Okafor']);
    });

    it('says how to start when no SDR has a capacity record', async () => {
        getLoadMock.mockResolvedValue(load({ sdrs: [] }));
        const element = await createLoad();

        expect(root(element).querySelector('table')).toBeNull();
        expect(status(element).textContent).toContain('create an SDR Capacity record for each SDR');
        await expect(element).toBeAccessible();
    });

    it('explains a refusal from the server', async () => {
        getLoadMock.mockRejectedValueOnce({ body: { message: 'You need the manager view.' } });
        const element = await createLoad();

        const alert = status(element).querySelector('[role="alert"]') as HTMLElement;
        expect(alert.textContent).toContain('You need the manager view.');
        await expect(element).toBeAccessible();
    });

    it('is accessible with data', async () => {
        const element = await createLoad();
        await expect(element).toBeAccessible();
    });
});
