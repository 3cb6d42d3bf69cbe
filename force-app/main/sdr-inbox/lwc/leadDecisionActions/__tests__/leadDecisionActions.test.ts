import { afterEach, describe, expect, it, jest } from '@jest/globals';
import LeadDecisionActions from 'c/leadDecisionActions';
import type { DecideDetail } from 'c/leadDecisionActions';
import { flush, mount, removeAll } from 'test/lwcTest';

/** lightning-button is a stub in Jest: its label, variant and disabled are the properties the component set. */
interface ButtonStub extends HTMLElement {
    label: string;
    variant: string;
    disabled: boolean;
}

const createActions = (props: { allowedActions: string[]; disabled?: boolean }) =>
    mount('c-lead-decision-actions', LeadDecisionActions, props);

const buttons = (element: HTMLElement) =>
    Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<ButtonStub>('lightning-button'));
const button = (element: HTMLElement, label: string) =>
    buttons(element).find((candidate) => candidate.label === label) as ButtonStub;

function decisions(element: HTMLElement) {
    const handler = jest.fn<(event: CustomEvent<DecideDetail>) => void>();
    element.addEventListener('decide', handler as unknown as EventListener);
    return () => handler.mock.calls.map(([event]) => event.detail);
}

describe('c-lead-decision-actions', () => {
    afterEach(removeAll);

    it('offers the decisions the user may take, accept first as the main action, in a labelled group', async () => {
        const element = await createActions({ allowedActions: ['recycle', 'accept', 'reject'] });
        expect(buttons(element).map((candidate) => [candidate.label, candidate.variant])).toEqual([
            ['Accept', 'brand'],
            ['Reject', 'neutral'],
            ['Recycle', 'neutral']
        ]);
        const group = (element.shadowRoot as ShadowRoot).querySelector('lightning-button-group');
        expect([group?.getAttribute('role'), group?.getAttribute('aria-label')]).toEqual([
            'group',
            'Decide on this MQL'
        ]);
        await expect(element).toBeAccessible();
    });

    it('offers only the decisions among the allowed actions, and nothing when there is none', async () => {
        const sal = await createActions({ allowedActions: ['qualify', 'reject', 'recycle'] });
        expect(buttons(sal).map((candidate) => candidate.label)).toEqual(['Reject', 'Recycle']);
        const converted = await createActions({ allowedActions: ['convert'] });
        expect((converted.shadowRoot as ShadowRoot).querySelector('lightning-button-group')).toBeNull();
    });

    it('reports the decision clicked', async () => {
        const element = await createActions({ allowedActions: ['accept', 'reject', 'recycle'] });
        const shown = decisions(element);
        button(element, 'Reject').click();
        button(element, 'Accept').click();
        expect(shown()).toEqual([{ action: 'reject' }, { action: 'accept' }]);
    });

    it('disables every button while an action runs, and reports nothing then', async () => {
        const element = await createActions({ allowedActions: ['accept', 'reject', 'recycle'], disabled: true });
        const shown = decisions(element);
        expect(buttons(element).map((candidate) => candidate.disabled)).toEqual([true, true, true]);
        button(element, 'Accept').click();
        expect(shown()).toEqual([]);
        Object.assign(element, { disabled: false });
        await flush();
        expect(buttons(element).map((candidate) => candidate.disabled)).toEqual([false, false, false]);
    });
});
