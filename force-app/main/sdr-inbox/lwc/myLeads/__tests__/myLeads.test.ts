import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import MyLeads from 'c/myLeads';
import getMyLeads from '@salesforce/apex/MyLeadsController.getMyLeads';
import { flush, mount, removeAll } from 'test/lwcTest';
import { navigate } from 'test/navigationMock';

jest.mock('@salesforce/apex/MyLeadsController.getMyLeads', () => ({ default: jest.fn() }), { virtual: true });

jest.mock('lightning/navigation', () => jest.requireActual('test/navigationMock'));

type MyLeadsData = MyLeadsService.MyLeads;

const DATA = jest.requireActual<MyLeadsData>('./data/MyLeadsController.getMyLeads.json');
const getMyLeadsMock = jest.mocked(getMyLeads);

function data(overrides: Partial<MyLeadsData> = {}): MyLeadsData {
    return JSON.parse(JSON.stringify({ ...DATA, ...overrides })) as MyLeadsData;
}

const create = () => mount('c-my-leads', MyLeads);
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const rows = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll<HTMLElement>('tbody tr')).map((tr) =>
        Array.from(tr.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim())
    );
const text = (element: HTMLElement, id: string) =>
    root(element).querySelector(`[data-id="${id}"]`)?.textContent?.trim() ?? null;

describe('c-my-leads', () => {
    beforeEach(() => {
        // The browser clock agrees with the server's: "in stage for" is measured from serverNow.
        jest.useFakeTimers({ now: Date.parse(DATA.serverNow), doNotFake: ['queueMicrotask', 'nextTick'] });
        getMyLeadsMock.mockResolvedValue(data());
    });

    afterEach(() => {
        removeAll();
        jest.useRealTimers();
        jest.clearAllMocks();
    });

    it('lists my SALs and SQLs with their stage, time in stage and next step, and counts them', async () => {
        const element = await create();

        expect(rows(element)).toEqual([
            [
                'Ada Lovelace',
                'Analytical Engines',
                'SAL',
                '3 d 0 h',
                '\u26A0Due soon40 min left',
                'Qualify: confirm need and budget, then mark it an SQL.'
            ],
            [
                'Grace Hopper',
                'Compilers Inc',
                'SQL',
                '40 min',
                '\u2713Touched',
                'Convert: add the amount and close date to create the opportunity.'
            ]
        ]);
        expect(text(element, 'counts')).toBe('1 SAL · 1 SQL');
        expect(text(element, 'more')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows the first-touch clock of an untouched SAL as on track, due soon or breached as the clock moves', async () => {
        const states = async (minutesLater: number) => {
            const later = Date.parse(DATA.serverNow) + minutesLater * 60_000;
            const element = await create();
            jest.setSystemTime(later);
            getMyLeadsMock.mockResolvedValue(data({ serverNow: new Date(later).toISOString() }));
            (root(element).querySelector('lightning-button') as HTMLElement).click();
            await flush();
            const cell = root(element).querySelector('[data-id="first-touch"]') as HTMLElement;
            const result = [cell.dataset.state, cell.textContent?.replace(/\s+/g, ' ').trim()];
            removeAll();
            jest.setSystemTime(Date.parse(DATA.serverNow));
            getMyLeadsMock.mockResolvedValue(data());
            return result;
        };

        expect(await states(-15)).toEqual(['green', '\u2713On track55 min left']);
        expect(await states(0)).toEqual(['amber', '\u26A0Due soon40 min left']);
        expect(await states(50)).toEqual(['red', '\u2716Breached10 min overdue']);
    });

    it('links each name to the Lead record page and opens it there', async () => {
        const element = await create();
        await flush();

        const open = root(element).querySelector<HTMLAnchorElement>('tbody tr[data-id="00Q000000000002AAA"] th a')!;
        expect(open.textContent).toBe('Grace Hopper');
        expect(open.getAttribute('href')).toBe('/lightning/r/Lead/00Q000000000002AAA/view');
        open.click();

        expect(navigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '00Q000000000002AAA', objectApiName: 'Lead', actionName: 'view' }
        });
    });

    it('says how to get leads here when there are none', async () => {
        getMyLeadsMock.mockResolvedValue(data({ leads: [], salCount: 0, sqlCount: 0 }));
        const element = await create();

        expect(text(element, 'empty')).toBe(
            'No SALs or SQLs of yours. Accept an MQL in the inbox and it appears here with its next step.'
        );
        expect(text(element, 'counts')).toBe('0 SALs · 0 SQLs');
        expect(root(element).querySelector('table')).toBeNull();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('says when only the 200 longest in their stage are shown', async () => {
        getMyLeadsMock.mockResolvedValue(data({ hasMore: true }));
        const element = await create();

        expect(text(element, 'more')).toBe(
            'Showing the 200 longest in their stage; the newer ones follow as these move on.'
        );
    });

    it("shows the server's refusal as it is, and loads again on Refresh", async () => {
        getMyLeadsMock.mockRejectedValueOnce({
            body: { message: 'You need the Lead Handoff SDR permission set to see your leads.' }
        });
        const element = await create();

        expect(text(element, 'load-error')).toBe(
            'Could not load your leads: You need the Lead Handoff SDR permission set to see your leads.'
        );
        root(element).querySelector<HTMLElement>('lightning-button')!.click();
        await flush();
        expect(text(element, 'load-error')).toBeNull();
        expect(rows(element)).toHaveLength(2);
    });
});
