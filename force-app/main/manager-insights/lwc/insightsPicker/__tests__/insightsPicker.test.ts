import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import InsightsPicker from 'c/insightsPicker';
import type { ChoiceChange } from 'c/insightsPicker';
import { periodChoice } from 'c/insightsFormat';
import type { ChoiceGroup } from 'c/insightsFormat';

const KINDS: ChoiceGroup = {
    name: 'kind',
    label: 'Reasons',
    options: [
        { value: 'All', label: 'All' },
        { value: 'Reject', label: 'Rejects' }
    ],
    value: 'All'
};

async function createPicker(groups: ChoiceGroup[]): Promise<HTMLElement> {
    const element = createElement('c-insights-picker', { is: InsightsPicker });
    Object.assign(element, { groups });
    document.body.appendChild(element);
    await Promise.resolve();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const choice = (element: HTMLElement, group: string, value: string) =>
    root(element).querySelector(`button[data-group="${group}"][data-value="${value}"]`) as HTMLButtonElement;

describe('c-insights-picker', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows each group as a labelled button group with the chosen button pressed', async () => {
        const element = await createPicker([periodChoice('30'), KINDS]);

        const groups = Array.from(root(element).querySelectorAll('[role="group"]'));
        expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual(['Period', 'Reasons']);
        expect(Array.from(groups[0].querySelectorAll('button')).map((button) => button.textContent?.trim())).toEqual([
            '7 days',
            '30 days',
            '90 days'
        ]);
        expect(choice(element, 'period', '30').getAttribute('aria-pressed')).toBe('true');
        expect(choice(element, 'period', '30').className).toContain('slds-button_brand');
        expect(choice(element, 'period', '7').getAttribute('aria-pressed')).toBe('false');
        expect(choice(element, 'kind', 'All').getAttribute('aria-pressed')).toBe('true');
        await expect(element).toBeAccessible();
    });

    it('fires change with the group and the value chosen, and nothing for the value already chosen', async () => {
        const element = await createPicker([periodChoice('30'), KINDS]);
        const change = jest.fn<(event: CustomEvent<ChoiceChange>) => void>();
        element.addEventListener('change', change as unknown as EventListener);

        choice(element, 'kind', 'Reject').click();
        choice(element, 'period', '30').click();

        expect(change).toHaveBeenCalledTimes(1);
        expect(change.mock.calls[0][0].detail).toEqual({ name: 'kind', value: 'Reject' });
    });

    it('presses the value the parent chose after a change', async () => {
        const element = await createPicker([periodChoice('30')]);

        Object.assign(element, { groups: [periodChoice('7')] });
        await Promise.resolve();

        expect(choice(element, 'period', '7').getAttribute('aria-pressed')).toBe('true');
        expect(choice(element, 'period', '30').getAttribute('aria-pressed')).toBe('false');
    });
});
