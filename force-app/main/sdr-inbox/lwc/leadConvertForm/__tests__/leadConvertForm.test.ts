import { afterEach, describe, expect, it, jest } from '@jest/globals';
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
    messageWhenRangeUnderflow?: string;
}
interface ButtonStub extends HTMLElement {
    label: string;
    disabled: boolean;
}
interface RadioGroupStub extends HTMLElement {
    label: string;
    options: { label: string; value: string }[];
    value: string;
}
interface FormattedNumberStub extends HTMLElement {
    value: number;
    formatStyle: string;
    currencyCode: string;
}

const MATCHES = jest.requireActual<LeadStagePanelController.AccountMatch[]>(
    './data/LeadStagePanelController.accountMatches.json'
);

const EMPTY: ConvertFormValues = { opportunityName: 'Acme', amount: '', closeDate: '', accountId: '' };
const COMPLETE: ConvertFormValues = {
    opportunityName: 'Acme - Platform',
    amount: '25000',
    closeDate: '2026-06-30',
    accountId: ''
};

type FormProps = Partial<ConvertFormValues> & {
    today?: string;
    disabled?: boolean;
    accountMatches?: LeadStagePanelController.AccountMatch[];
    currencyIsoCode?: string;
};

const createForm = (props: FormProps = {}) =>
    mount('c-lead-convert-form', LeadConvertForm, {
        ...EMPTY,
        today: '2026-03-02',
        company: 'Acme',
        leadName: 'Jane Doe',
        currencyIsoCode: 'EUR',
        ...props
    });

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const input = (element: HTMLElement, name: keyof ConvertFormValues) =>
    root(element).querySelector(`lightning-input[data-name="${name}"]`) as InputStub;
const convertButton = (element: HTMLElement) => root(element).querySelector('lightning-button') as ButtonStub;
const accountChoice = (element: HTMLElement) =>
    root(element).querySelector('lightning-radio-group') as RadioGroupStub | null;
const text = (element: HTMLElement, id: string) =>
    root(element).querySelector(`[data-id="${id}"]`)?.textContent?.trim();
const problem = (element: HTMLElement) => text(element, 'convert-problem');

function reports(element: HTMLElement, name: 'formchange' | 'convert') {
    const seen: ConvertFormValues[] = [];
    element.addEventListener(name, (event) => seen.push((event as CustomEvent<ConvertFormValues>).detail));
    return seen;
}

describe('c-lead-convert-form', () => {
    afterEach(removeAll);

    it('asks for a required name, an amount in the server currency and a close date no earlier than today', async () => {
        const element = await createForm();
        const fields = (['opportunityName', 'amount', 'closeDate'] as const).map((name) => input(element, name));
        expect(fields.map((field) => [field.label, field.type ?? 'text', field.value, field.required])).toEqual([
            ['Opportunity name', 'text', 'Acme', true],
            ['Amount (EUR)', 'number', '', true],
            ['Close date', 'date', '', true]
        ]);
        expect(fields[1].min).toBe('0');
        expect(fields[2].min).toBe('2026-03-02');
        expect(fields[2].messageWhenRangeUnderflow).toBe('The close date must be today or later.');
        expect(root(element).querySelector('h3')?.textContent).toBe('Convert to an opportunity');
        expect(convertButton(element).label).toBe('Convert');
        await expect(element).toBeAccessible();
    });

    it('shows the amount formatted in the currency the server names, once it is a number above 0', async () => {
        const element = await createForm({ amount: '0', currencyIsoCode: 'JPY' });
        expect(root(element).querySelector('lightning-formatted-number')).toBeNull();
        Object.assign(element, { amount: '25000' });
        await flush();
        const preview = root(element).querySelector('lightning-formatted-number') as FormattedNumberStub;
        expect([preview.value, preview.formatStyle, preview.currencyCode]).toEqual([25000, 'currency', 'JPY']);
        expect(input(element, 'amount').label).toBe('Amount (JPY)');
    });

    it('offers the accounts named like the company and a new account, new until the user picks one', async () => {
        const element = await createForm({ accountMatches: MATCHES });
        const choice = accountChoice(element) as RadioGroupStub;
        expect(choice.label).toBe('Account');
        expect(choice.options).toEqual([
            { label: 'Existing account: Acme, owned by Sam Rivera', value: '001000000000001AAA' },
            { label: 'Existing account: ACME', value: '001000000000002AAA' },
            { label: 'New account: Acme', value: 'new' }
        ]);
        expect(choice.value).toBe('new');
        expect(text(element, 'account-help')).toBe(
            'Accounts named "Acme" already exist: convert into one of them, or create a new account.'
        );
        expect(text(element, 'contact')).toBe('Contact: Jane Doe, created under the account.');
        await expect(element).toBeAccessible();
    });

    it('reports the chosen existing account, and no account for a new one', async () => {
        const element = await createForm({ accountMatches: MATCHES, amount: '100' });
        const seen = reports(element, 'formchange');
        const choice = accountChoice(element) as RadioGroupStub;
        choice.dispatchEvent(new CustomEvent('change', { detail: { value: '001000000000002AAA' } }));
        Object.assign(element, { accountId: '001000000000002AAA' });
        await flush();
        expect(choice.value).toBe('001000000000002AAA');
        choice.dispatchEvent(new CustomEvent('change', { detail: { value: 'new' } }));
        expect(seen).toEqual([
            { opportunityName: 'Acme', amount: '100', closeDate: '', accountId: '001000000000002AAA' },
            { opportunityName: 'Acme', amount: '100', closeDate: '', accountId: '' }
        ]);
    });

    it('says the conversion creates the account when none is named like the company', async () => {
        const element = await createForm({ accountMatches: [] });
        expect(accountChoice(element)).toBeNull();
        expect(text(element, 'account-help')).toBe('No account is named "Acme" yet: the conversion creates it.');
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

    it('refuses a close date before today and sends nothing, and accepts today', async () => {
        const element = await createForm({ ...COMPLETE, closeDate: '2026-03-01' });
        const asked = reports(element, 'convert');
        expect(problem(element)).toBe('The close date must be today or later.');
        expect(convertButton(element).disabled).toBe(true);
        convertButton(element).click();
        expect(asked).toEqual([]);
        Object.assign(element, { closeDate: '2026-03-02' });
        await flush();
        expect(problem(element)).toBe('');
        convertButton(element).click();
        expect(asked).toEqual([{ ...COMPLETE, closeDate: '2026-03-02' }]);
    });

    it('reports the whole form each time a field changes', async () => {
        const element = await createForm({ amount: '100' });
        const seen = reports(element, 'formchange');
        input(element, 'closeDate').dispatchEvent(new CustomEvent('change', { detail: { value: '2026-06-30' } }));
        input(element, 'amount').dispatchEvent(new CustomEvent('change', { detail: { value: null } }));
        expect(seen).toEqual([
            { opportunityName: 'Acme', amount: '100', closeDate: '2026-06-30', accountId: '' },
            { opportunityName: 'Acme', amount: '', closeDate: '', accountId: '' }
        ]);
    });

    it('asks to convert with the form once it is complete, not before and not while an action runs', async () => {
        const incomplete = await createForm();
        const busy = await createForm({ ...COMPLETE, disabled: true });
        const ready = await createForm({ ...COMPLETE, accountId: '001000000000001AAA', accountMatches: MATCHES });
        const asked = [incomplete, busy, ready].map((element) => reports(element, 'convert'));
        for (const element of [incomplete, busy, ready]) convertButton(element).click();
        expect(asked).toEqual([[], [], [{ ...COMPLETE, accountId: '001000000000001AAA' }]]);
    });
});
