import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'lwc';
import LOAD_FAILED_CHECK from '@salesforce/label/c.LeadHandoff_ManagerInsights_StatusLoadFailedCheck';
import MANAGER_PERMISSION_SET from '@salesforce/label/c.LeadHandoff_ManagerInsights_StatusManagerPermissionSet';
import InsightsStatus from 'c/insightsStatus';
import { formatLabel } from 'c/labelFormat';

async function createStatus(props: Record<string, unknown>): Promise<HTMLElement> {
    const element = createElement('c-insights-status', { is: InsightsStatus });
    Object.assign(element, props);
    document.body.appendChild(element);
    await Promise.resolve();
    return element;
}

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const spinner = (element: HTMLElement) =>
    root(element).querySelector('lightning-spinner') as (HTMLElement & { alternativeText: string }) | null;
const alert = (element: HTMLElement) => root(element).querySelector('[role="alert"]') as HTMLElement | null;
const empty = (element: HTMLElement) => root(element).querySelector('[data-id="empty"]') as HTMLElement | null;

describe('c-insights-status', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows only the spinner, with its text for screen readers, while loading', async () => {
        const element = await createStatus({
            loading: true,
            loadingText: 'Loading the funnel',
            errorMessage: 'Old error.',
            empty: true,
            emptyMessage: 'Nothing here.'
        });

        expect(spinner(element)?.alternativeText).toBe('Loading the funnel');
        expect(alert(element)).toBeNull();
        expect(empty(element)).toBeNull();
    });

    it('explains a load error, names the permission set to check, and fires retry on Try again', async () => {
        const element = await createStatus({ errorMessage: 'Query timed out.', subject: 'the funnel', empty: true });
        const retry = jest.fn();
        element.addEventListener('retry', retry);

        expect(alert(element)?.textContent).toContain(
            'Could not load the funnel: Query timed out. Check your connection'
        );
        // What failed, why, and the permission set (the Manager one unless told otherwise), each in its placeholder.
        expect(alert(element)?.querySelector('[data-id="load-error"]')?.textContent).toBe(
            formatLabel(LOAD_FAILED_CHECK, 'the funnel', 'Query timed out.', MANAGER_PERMISSION_SET)
        );
        expect(empty(element)).toBeNull();
        await expect(element).toBeAccessible();

        (alert(element)?.querySelector('button') as HTMLButtonElement).click();
        expect(retry).toHaveBeenCalledTimes(1);
    });

    it('shows only the server sentence when the server said what happened and what to do', async () => {
        const element = await createStatus({
            errorMessage: 'You need the Lead Handoff Manager permission set. Ask your Salesforce admin to assign it.',
            errorFromServer: true,
            subject: 'the funnel'
        });

        expect(alert(element)?.querySelector('[data-id="load-error"]')?.textContent?.trim()).toBe(
            'Could not load the funnel: You need the Lead Handoff Manager permission set. Ask your Salesforce admin to assign it.'
        );
        expect(alert(element)?.textContent).not.toContain('connection');
    });

    it('names another permission set when told', async () => {
        const element = await createStatus({
            errorMessage: 'No access.',
            permissionSet: 'a Lead Handoff permission set'
        });

        expect(alert(element)?.textContent).toContain('you have a Lead Handoff permission set.');
    });

    it('shows the empty message as a heading-sized line', async () => {
        const element = await createStatus({ empty: true, emptyMessage: 'No leads entered the funnel.' });

        expect(empty(element)?.tagName).toBe('P');
        expect(empty(element)?.textContent?.trim()).toBe('No leads entered the funnel.');
        await expect(element).toBeAccessible();
    });

    it('adds what to do under the empty message when given', async () => {
        const element = await createStatus({ empty: true, emptyMessage: 'No queues.', emptyDetail: 'Ask your admin.' });

        const paragraphs = Array.from(empty(element)?.querySelectorAll('p') ?? []).map((p) => p.textContent);
        expect(paragraphs).toEqual(['No queues.', 'Ask your admin.']);
        await expect(element).toBeAccessible();
    });

    it('shows nothing when loaded with content', async () => {
        const element = await createStatus({ emptyMessage: 'Nothing here.' });

        expect(root(element).children).toHaveLength(0);
    });
});
