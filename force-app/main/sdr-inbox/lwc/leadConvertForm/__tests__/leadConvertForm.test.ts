import { afterEach, describe, expect, it } from '@jest/globals';
import LeadConvertForm from 'c/leadConvertForm';
import type { ConvertFormValues } from 'c/leadConvertForm';
import { flush, mount, removeAll } from 'test/lwcTest';

/** The base components are stubs in Jest: these are the properties the form set on them. */
interface InputStub extends HTMLElement {
    label: string;
    type?: string;
    value: string;
    min?: string;
    required: boolean;
}
interface ButtonStub extends HTMLElement {
    label: string;
    disabled: boolean;
}

const EMPTY: ConvertFormValues = { opportunityName: 'Acme', amount: '', closeDate: '' };
const COMPLETE: ConvertFormValues = { opportunityName: 'Acme - Platform', amount: '25000', closeDate: '2026-06-30' };

const createForm = (props: Partial<ConvertFormValues> & { today?: string; disabled?: boolean } = {}) =>
    mount('c-lead-convert-form', LeadConvertForm, { ...EMPTY, today: '2026-03-02', ...props });

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const input = (element: HTMLElement, name: keyof ConvertFormValues) =>
    root(element).querySelector(`lightning-input[data-name="${name}"]`) as InputStub;
const convertButton = (element: HTMLElement) => root(element).querySelector('lightning-button') as ButtonStub;
const problem = (element: HTMLElement) =>
    root(element).querySelector('[data-id="convert-problem"]')?.textContent?.trim();

function reports(element: HTMLElement, name: 'formchange' | 'convert') {
    const seen: ConvertFormValues[] = [];
    element.addEventListener(name, (event) => seen.push((event as CustomEvent<ConvertFormValues>).detail));
    return seen;
}

describe('c-lead-convert-form', () => {
    afterEach(removeAll);

    it('asks for a required name, amount and close date no earlier than today', async () => {
        const element = await createForm();
        const fields = (['opportunityName', 'amount', 'closeDate'] as const).map((name) => input(element, name));
        expect(fields.map((field) => [field.label, field.type ?? 'text', field.value, field.required])).toEqual([
            ['Opportunity name', 'text', 'Acme', true],
            ['Amount', 'number', '', true],
            ['Close date', 'date', '', true]
        ]);
        expect(fields[1].min).toBe('0');
        expect(fields[2].min).toBe('2026-03-02');
        expect(root(element).querySelector('h3')?.textContent).toBe('Convert to an opportunity');
        expect(convertButton(element).label).toBe('Convert');
        await expect(element).toBeAccessible();
    });

    it('keeps Convert disabled with a message until name, amount and close date are valid', async () => {
        const element = await createForm();
        expect(problem(element)).toBe('To convert, enter an amount and a close date.');
        expect(convertButton(element).disabled).toBe(true);
        Object.assign(element, { amount: '0', closeDate: '2026-06-30' });
        await flush();
        expect(problem(element)).toBe('The amount must be more than 0.');
        Object.assign(element, { amount: '25000', opportunityName: ' ' });
        await flush();
        expect(problem(element)).toBe('To convert, enter an opportunity name.');
        expect(convertButton(element).disabled).toBe(true);
        Object.assign(element, { opportunityName: 'Acme' });
        await flush();
        expect(problem(element)).toBe('');
        expect(convertButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('reports the whole form each time a field changes', async () => {
        const element = await createForm({ amount: '100' });
        const seen = reports(element, 'formchange');
        input(element, 'closeDate').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-06-30' } }));
        input(element, 'amount').dispatchEvent(new CustomEvent('change', { detail: { value: null } }));
        expect(seen).toEqual([
            { opportunityName: 'Acme', amount: '100', closeDate: '2026-06-30' },
            { opportunityName: 'Acme', amount: '', closeDate: '' }
        ]);
    });

    it('asks to convert with the form once it is complete, not before and not while an action runs', async () => {
        const incomplete = await createForm();
        const busy = await createForm({ ...COMPLETE, disabled: true });
        const ready = await createForm(COMPLETE);
        const asked = [incomplete, busy, ready].map((element) => reports(element, 'convert'));
        for (const element of [incomplete, busy, ready]) convertButton(element).click();
        expect(asked).toEqual([[], [], [COMPLETE]]);
    });
});
