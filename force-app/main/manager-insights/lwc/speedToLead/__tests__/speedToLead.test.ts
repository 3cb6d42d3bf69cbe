import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import SpeedToLeadTable from 'c/speedToLead';
import getSpeedToLead from '@salesforce/apex/QueueHealthController.getSpeedToLead';
import { flush, mount } from 'test/lwcTest';

jest.mock('@salesforce/apex/QueueHealthController.getSpeedToLead', () => ({ default: jest.fn() }), {
    virtual: true
});

type SpeedToLead = SpeedToLeadDto.SpeedToLead;

const SPEED = jest.requireActual<SpeedToLead>('./data/QueueHealthController.getSpeedToLead.json');
const getSpeedMock = jest.mocked(getSpeedToLead);

const createTable = (props: Record<string, unknown> = {}) => mount('c-speed-to-lead', SpeedToLeadTable, props);
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const picker = (element: HTMLElement) => root(element).querySelector('c-insights-picker')?.shadowRoot as ShadowRoot;
const status = (element: HTMLElement) => root(element).querySelector('c-insights-status')?.shadowRoot as ShadowRoot;
const headers = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll('thead th')).map((cell) => cell.textContent?.trim());
const rows = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll<HTMLElement>('tbody tr')).map((tr) =>
        Array.from(tr.children).map((cell) => cell.textContent?.trim())
    );
const button = (element: HTMLElement, label: string) =>
    Array.from(picker(element).querySelectorAll('button')).find(
        (candidate) => candidate.textContent?.trim() === label
    ) as HTMLButtonElement;

describe('c-speed-to-lead', () => {
    beforeEach(() => {
        getSpeedMock.mockResolvedValue(JSON.parse(JSON.stringify(SPEED)) as SpeedToLead);
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('shows per queue how soon MQLs were first opened and decided, in business time', async () => {
        const element = await createTable();

        expect(getSpeedMock).toHaveBeenCalledWith({ periodDays: 30, groupBy: 'queue' });
        expect(headers(element)).toEqual([
            'Queue',
            'MQLs opened',
            'Median to first view',
            'P90 to first view',
            'Decisions',
            'Median to decision'
        ]);
        expect(rows(element)).toEqual([
            ['SDR Inbound', '12', '7 min', '1 h 35 min', '10', '32 min'],
            ['Sales Review', '0', 'not enough data', 'not enough data', '2', '25 h']
        ]);
        await expect(element).toBeAccessible();
    });

    it('switches to one row per SDR', async () => {
        const element = await createTable();
        getSpeedMock.mockResolvedValue({
            ...(JSON.parse(JSON.stringify(SPEED)) as SpeedToLead),
            groupBy: 'sdr',
            rows: [{ ...SPEED.rows[0], key: '005000000000001AAA', label: 'Dana Reyes' }]
        });

        button(element, 'Per SDR').click();
        await flush();

        expect(getSpeedMock).toHaveBeenLastCalledWith({ periodDays: 30, groupBy: 'sdr' });
        expect(headers(element)[0]).toBe('SDR');
        expect(rows(element)[0][0]).toBe('Dana Reyes');
    });

    it('says when nothing was opened or decided in the period', async () => {
        getSpeedMock.mockResolvedValue({ ...(JSON.parse(JSON.stringify(SPEED)) as SpeedToLead), rows: [] });
        const element = await createTable({ periodDays: 7 });

        expect(getSpeedMock).toHaveBeenCalledWith({ periodDays: 7, groupBy: 'queue' });
        expect(status(element).textContent).toContain('No MQL was opened or decided in the last 7 days.');
    });
});
