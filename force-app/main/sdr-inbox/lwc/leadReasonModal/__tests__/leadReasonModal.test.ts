import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import LeadReasonModal from 'c/leadReasonModal';
import type { ReasonOption } from 'c/handoffRequests';

const REASONS = jest.requireActual<ReasonOption[]>('./data/LeadInboxController.getDispositionReasons.json');

function createModal(action: 'reject' | 'recycle', leadNames = ['Jane Doe']) {
    const element = createElement('c-lead-reason-modal', { is: LeadReasonModal });
    Object.assign(element, { action, reasons: REASONS, leadNames, today: '2026-03-02' });
    document.body.appendChild(element);
    return element;
}

const flush = () => Promise.resolve();
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const radios = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll<HTMLInputElement>('input[type="radio"]'));
const confirmButton = (element: HTMLElement) => root(element).querySelectorAll('button')[1] as HTMLButtonElement;
const problem = (element: HTMLElement) => root(element).querySelector('[data-id="problem"]')?.textContent?.trim();

async function chooseReason(element: HTMLElement, code: string): Promise<void> {
    const radio = radios(element).find((input) => input.value === code) as HTMLInputElement;
    radio.checked = true;
    radio.dispatchEvent(new CustomEvent('change'));
    await flush();
}

async function typeNote(element: HTMLElement, text: string): Promise<void> {
    const note = root(element).querySelector('textarea') as HTMLTextAreaElement;
    note.value = text;
    note.dispatchEvent(new CustomEvent('input'));
    await flush();
}

function closeListener(element: HTMLElement) {
    const onClose = jest.fn<(event: CustomEvent) => void>();
    element.addEventListener('close', onClose as unknown as EventListener);
    return onClose;
}

describe('c-lead-reason-modal', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('offers only reject reasons when rejecting, with the lead named in the header', async () => {
        const element = createModal('reject');
        await flush();
        expect((root(element).querySelector('lightning-modal-header') as unknown as { label: string }).label).toBe(
            'Reject Jane Doe'
        );
        expect(radios(element).map((input) => input.value)).toEqual([
            'Inaccurate_Data',
            'No_Need',
            'Not_Our_ICP',
            'Personal_Email',
            'Competitor',
            'Duplicate',
            'Other'
        ]);
        expect(root(element).querySelector('input[type="date"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('keeps Confirm disabled until a reason is chosen, and says so', async () => {
        const element = createModal('reject');
        await flush();
        expect(confirmButton(element).disabled).toBe(true);
        expect(problem(element)).toBe('Choose a reason to reject.');
        await chooseReason(element, 'No_Need');
        expect(confirmButton(element).disabled).toBe(false);
        expect(problem(element)).toBe('');
    });

    it('requires a note for a reason that needs one', async () => {
        const element = createModal('reject');
        await chooseReason(element, 'Other');
        expect(root(element).querySelector('textarea')?.required).toBe(true);
        expect(root(element).textContent).toContain('Note (required)');
        expect(confirmButton(element).disabled).toBe(true);
        expect(problem(element)).toBe('Add a note: "Other" needs one.');
        await typeNote(element, 'Wrong country');
        expect(confirmButton(element).disabled).toBe(false);
    });

    it('closes with the chosen reason and trimmed note on Confirm', async () => {
        const element = createModal('reject');
        const onClose = closeListener(element);
        await chooseReason(element, 'Other');
        await typeNote(element, '  Wrong country ');
        confirmButton(element).click();
        expect(onClose).toHaveBeenCalledTimes(1);
        expect(onClose.mock.calls[0][0].detail).toEqual({
            reasonCode: 'Other',
            note: 'Wrong country',
            recycleUntil: null
        });
    });

    it('does not close when Confirm is forced while invalid', async () => {
        const element = createModal('reject');
        const onClose = closeListener(element);
        await flush();
        confirmButton(element).disabled = false;
        confirmButton(element).click();
        expect(onClose).not.toHaveBeenCalled();
    });

    it('closes with nothing on Cancel', async () => {
        const element = createModal('reject');
        const onClose = closeListener(element);
        await flush();
        (root(element).querySelector('button') as HTMLButtonElement).click();
        // The mock close() dispatches undefined as a CustomEvent detail, which reads back as null.
        expect(onClose.mock.calls[0][0].detail).toBeFalsy();
    });

    it('recycles: offers recycle reasons, defaults the date from the reason, and lets the SDR change it', async () => {
        const element = createModal('recycle', ['Jane Doe', 'Raj Patel']);
        const onClose = closeListener(element);
        await flush();
        expect((root(element).querySelector('lightning-modal-header') as unknown as { label: string }).label).toBe(
            'Recycle 2 leads'
        );
        expect(radios(element).map((input) => input.value)).toContain('No_Budget');
        expect(radios(element).map((input) => input.value)).not.toContain('No_Need');
        expect(root(element).textContent).toContain('(nurture 180 days)');
        await chooseReason(element, 'No_Budget');
        const date = root(element).querySelector('input[type="date"]') as HTMLInputElement;
        expect(date.value).toBe('2026-08-29');
        expect(date.min).toBe('2026-03-02');
        date.value = '';
        date.dispatchEvent(new CustomEvent('change'));
        await flush();
        expect(problem(element)).toBe('Choose the date to recycle until.');
        date.value = '2026-05-01';
        date.dispatchEvent(new CustomEvent('change'));
        await flush();
        confirmButton(element).click();
        expect(onClose.mock.calls[0][0].detail).toEqual({
            reasonCode: 'No_Budget',
            note: null,
            recycleUntil: '2026-05-01'
        });
        await expect(element).toBeAccessible();
    });

    it('keeps a typed reject note while its own check fails, and sends it once the check passes', async () => {
        const element = createModal('reject');
        const onClose = closeListener(element);
        await flush();
        await typeNote(element, 'Asked twice for a demo');
        expect(problem(element)).toBe('Choose a reason to reject.');
        confirmButton(element).click();
        expect(onClose).not.toHaveBeenCalled();
        await chooseReason(element, 'Duplicate');
        expect((root(element).querySelector('textarea') as HTMLTextAreaElement).value).toBe('Asked twice for a demo');
        confirmButton(element).click();
        expect(onClose.mock.calls[0][0].detail).toEqual({
            reasonCode: 'Duplicate',
            note: 'Asked twice for a demo',
            recycleUntil: null
        });
    });

    it('keeps a typed recycle note when the date check fails and when the reason changes the date', async () => {
        const element = createModal('recycle');
        const onClose = closeListener(element);
        await chooseReason(element, 'No_Budget');
        await typeNote(element, 'Budget frozen until autumn');
        const date = root(element).querySelector('input[type="date"]') as HTMLInputElement;
        date.value = '';
        date.dispatchEvent(new CustomEvent('change'));
        await flush();
        expect(problem(element)).toBe('Choose the date to recycle until.');
        confirmButton(element).click();
        expect(onClose).not.toHaveBeenCalled();
        await chooseReason(element, 'Too_Early');
        expect(date.value).toBe('2026-04-01');
        expect((root(element).querySelector('textarea') as HTMLTextAreaElement).value).toBe(
            'Budget frozen until autumn'
        );
        confirmButton(element).click();
        expect(onClose.mock.calls[0][0].detail).toEqual({
            reasonCode: 'Too_Early',
            note: 'Budget frozen until autumn',
            recycleUntil: '2026-04-01'
        });
    });

    it('says what to do when no reasons are active', async () => {
        const element = createModal('recycle');
        element.reasons = [];
        await flush();
        expect(problem(element)).toBe('No recycle reasons are active. Ask your admin to activate some.');
        expect(confirmButton(element).disabled).toBe(true);
    });
});
