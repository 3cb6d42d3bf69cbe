import { afterEach, describe, expect, it } from '@jest/globals';
import LeadStagePath from 'c/leadStagePath';
import { flush, mount, removeAll } from 'test/lwcTest';

const createPath = (props: { stage?: string | null; exitedFrom?: string | null }) =>
    mount('c-lead-stage-path', LeadStagePath, props);

/** Each step as a person with a screen reader hears it: stage, state, and whether it is the current one. */
const steps = (element: HTMLElement) =>
    Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>('li[data-stage]')).map((item) => ({
        stage: item.dataset.stage,
        state: item.querySelector('.slds-assistive-text')?.textContent,
        current: item.getAttribute('aria-current')
    }));

describe('c-lead-stage-path', () => {
    afterEach(removeAll);

    it('shows the main path with the stages before the current one complete and the rest not reached', async () => {
        const element = await createPath({ stage: 'MQL' });
        expect(steps(element)).toEqual([
            { stage: 'Lead', state: 'Stage complete:', current: null },
            { stage: 'MQL', state: 'Current stage:', current: 'step' },
            { stage: 'SAL', state: 'Stage not reached:', current: null },
            { stage: 'SQL', state: 'Stage not reached:', current: null },
            { stage: 'Opportunity', state: 'Stage not reached:', current: null }
        ]);
        expect((element.shadowRoot as ShadowRoot).querySelector('li[data-stage="MQL"]')?.className).toBe(
            'slds-path__item slds-is-current slds-is-active'
        );
        await expect(element).toBeAccessible();
    });

    it('shows an exit after the stage the lead left, the later stages not reached', async () => {
        const element = await createPath({ stage: 'Recycled', exitedFrom: 'SAL' });
        expect(steps(element).map((step) => `${step.stage}:${step.state}`)).toEqual([
            'Lead:Stage complete:',
            'MQL:Stage complete:',
            'SAL:Stage complete:',
            'SQL:Stage not reached:',
            'Opportunity:Stage not reached:',
            'Recycled:Current stage, left the path:'
        ]);
        expect(steps(element)[5].current).toBe('step');
        expect((element.shadowRoot as ShadowRoot).querySelector('li[data-stage="Recycled"]')?.className).toBe(
            'slds-path__item slds-is-lost slds-is-current slds-is-active'
        );
        await expect(element).toBeAccessible();
    });

    it('takes MQL as the stage left when it is unknown or not on the main path', async () => {
        const unknown = await createPath({ stage: 'Rejected', exitedFrom: null });
        const fromExit = await createPath({ stage: 'Rejected', exitedFrom: 'Recycled' });
        for (const element of [unknown, fromExit]) {
            expect(steps(element).map((step) => step.state)).toEqual([
                'Stage complete:',
                'Stage complete:',
                'Stage not reached:',
                'Stage not reached:',
                'Stage not reached:',
                'Current stage, left the path:'
            ]);
        }
    });

    it('shows no path for a value outside the lifecycle, and follows a new stage', async () => {
        const element = await createPath({ stage: 'Open - Not Contacted' });
        expect(steps(element)).toEqual([]);
        Object.assign(element, { stage: 'Opportunity' });
        await flush();
        expect(steps(element).map((step) => step.current)).toEqual([null, null, null, null, 'step']);
    });
});
