import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import DefinitionChanges, { dayOf } from 'c/definitionChanges';
import getHistory from '@salesforce/apex/DefinitionChangeController.getHistory';
import propose from '@salesforce/apex/DefinitionChangeController.propose';
import approve from '@salesforce/apex/DefinitionChangeController.approve';
import { flush, mount, removeAll } from 'test/lwcTest';

jest.mock('@salesforce/apex/DefinitionChangeController.getHistory', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/DefinitionChangeController.propose', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/DefinitionChangeController.approve', () => ({ default: jest.fn() }), { virtual: true });

type History = DefinitionChangeDto.History;

const HISTORY = jest.requireActual<History>('./data/DefinitionChangeController.getHistory.json');
const getHistoryMock = jest.mocked(getHistory);
const proposeMock = jest.mocked(propose);
const approveMock = jest.mocked(approve);

function history(overrides: Partial<History> = {}): History {
    return JSON.parse(JSON.stringify({ ...HISTORY, ...overrides })) as History;
}

const create = () => mount('c-definition-changes', DefinitionChanges);
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const byId = (element: HTMLElement, id: string) => root(element).querySelector<HTMLElement>(`[data-id="${id}"]`);
const change = (element: HTMLElement, name: string) =>
    root(element).querySelector(`[data-change="${name}"]`) as HTMLElement;
const inChange = (element: HTMLElement, name: string, id: string) =>
    change(element, name).querySelector(`[data-id="${id}"]`)?.textContent?.trim();

function fill(element: HTMLElement, field: string, value: string) {
    const input = byId(element, field) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('change'));
}

describe('dayOf', () => {
    it('keeps the day of a date or date-time', () => {
        expect(dayOf('2026-12-02T08:30:00.000Z')).toBe('2026-12-02');
        expect(dayOf('2026-12-02')).toBe('2026-12-02');
        expect(dayOf(null)).toBe('');
    });
});

describe('c-definition-changes', () => {
    beforeEach(() => {
        getHistoryMock.mockResolvedValue(history());
    });

    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
    });

    it('shows the version in force, the approved version waiting for its deploy, and each change with its signatures', async () => {
        const element = await create();

        expect(byId(element, 'version')?.textContent).toBe('Definitions version 1, last reviewed 2026-09-01');
        expect(byId(element, 'awaiting-deploy')?.textContent?.trim()).toBe(
            'Version 2 is approved and waits for an admin to deploy its record file; the definitions in force are version 1.'
        );
        expect(inChange(element, 'DC-0001', 'status')).toBe('Approved');
        expect(inChange(element, 'DC-0001', 'approved')).toBe('Version 2, approved on 2026-12-02');
        expect(inChange(element, 'DC-0001', 'sales')).toBe('Sales: Riley Chen, 2026-12-01');
        expect(inChange(element, 'DC-0001', 'marketing')).toBe('Marketing: Casey Moreau, 2026-12-02');
        expect(inChange(element, 'DC-0001', 'rationale')).toContain('Not our ICP');
        expect(change(element, 'DC-0001').querySelector('textarea')?.value).toContain('<field>Version__c</field>');
        expect(inChange(element, 'DC-0002', 'status')).toBe('Proposed');
        expect(inChange(element, 'DC-0002', 'marketing')).toBe('Waiting for a marketing lead');
        await expect(element).toBeAccessible();
    });

    it('offers only the sign-off the server would accept, and signs through the server', async () => {
        approveMock.mockResolvedValue(history({ changes: [] }));
        const element = await create();

        const buttons = Array.from(change(element, 'DC-0002').querySelectorAll('lightning-button')) as HTMLElement[];
        expect(buttons.map((button) => button.getAttribute('data-side'))).toEqual(['Marketing']);
        expect(change(element, 'DC-0001').querySelectorAll('lightning-button')).toHaveLength(0);
        buttons[0].click();
        await flush();

        expect(approveMock).toHaveBeenCalledWith({ changeId: 'a0B000000000002AAA', side: 'Marketing' });
        expect(byId(element, 'empty')?.textContent).toBe('No definition change has been proposed yet.');
    });

    it('proposes a change with its rationale, the submit held back until both are written', async () => {
        proposeMock.mockResolvedValue(history());
        const element = await create();
        byId(element, 'open-form')?.click();
        await flush();

        const submit = byId(element, 'submit') as HTMLButtonElement;
        expect(submit.disabled).toBe(true);
        fill(element, 'summary', 'Pricing SLA 2 hours');
        fill(element, 'proposedChange', 'Pricing_Inquiry: 120 minutes');
        await flush();
        expect(submit.disabled).toBe(true);
        fill(element, 'rationale', 'Pricing requests answered within 2 hours convert twice as often.');
        const select = byId(element, 'definition') as HTMLSelectElement;
        select.value = 'SLA';
        select.dispatchEvent(new CustomEvent('change'));
        await flush();
        expect(submit.disabled).toBe(false);
        await expect(element).toBeAccessible();

        submit.click();
        await flush();
        expect(proposeMock).toHaveBeenCalledWith({
            definition: 'SLA',
            summary: 'Pricing SLA 2 hours',
            proposedChange: 'Pricing_Inquiry: 120 minutes',
            rationale: 'Pricing requests answered within 2 hours convert twice as often.'
        });
        expect(byId(element, 'form')).toBeNull();
    });

    it('keeps the form and says why when the server refuses', async () => {
        proposeMock.mockRejectedValue({ body: { message: 'Say what changes (summary) and why (rationale).' } });
        const element = await create();
        byId(element, 'open-form')?.click();
        await flush();
        fill(element, 'summary', 'x');
        fill(element, 'rationale', 'y');
        await flush();
        byId(element, 'submit')?.click();
        await flush();
        expect(byId(element, 'error')?.textContent).toBe(
            'Could not complete: Say what changes (summary) and why (rationale).'
        );
        expect(byId(element, 'form')).not.toBeNull();
        byId(element, 'cancel')?.click();
        await flush();
        expect(byId(element, 'form')).toBeNull();
    });

    it('offers no proposal form to a reader who cannot propose', async () => {
        getHistoryMock.mockResolvedValue(history({ canPropose: false, awaitingDeploy: false }));
        const element = await create();
        expect(byId(element, 'open-form')).toBeNull();
        expect(byId(element, 'awaiting-deploy')).toBeNull();
    });
});
