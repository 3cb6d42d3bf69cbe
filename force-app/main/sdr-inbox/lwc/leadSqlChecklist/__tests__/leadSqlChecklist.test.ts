import { afterEach, describe, expect, it, jest } from '@jest/globals';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistHeading';
import NOTES from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistNotes';
import QUALIFY from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistQualify';
import LeadSqlChecklist from 'c/leadSqlChecklist';
import type { ChecklistChangeDetail, NotesChangeDetail, QualifyDetail } from 'c/leadSqlChecklist';
import { flush, mount, removeAll } from 'test/lwcTest';

type StagePanel = LeadStagePanelController.StagePanel;
type ChecklistItem = LeadStagePanelController.ChecklistItem;

const ITEMS = jest.requireActual<StagePanel>(
    '../../leadStagePanel/__tests__/data/LeadStagePanelController.getPanel.json'
).checklist as ChecklistItem[];
const REQUIRED = ['SQL_Need_Confirmed__c', 'SQL_Budget_Confirmed__c', 'SQL_Timeline_Confirmed__c'];

/** The base components are stubs in Jest: these are the properties the checklist set on them. */
interface CheckboxStub extends HTMLElement {
    type: string;
    label: string;
    checked: boolean;
}
interface TextareaStub extends HTMLElement {
    label: string;
    value: string;
}
interface ButtonStub extends HTMLElement {
    label: string;
    disabled: boolean;
}

interface Props {
    items?: ChecklistItem[];
    checkedFields?: string[];
    notes?: string;
    disabled?: boolean;
}

const createChecklist = (props: Props = {}) =>
    mount('c-lead-sql-checklist', LeadSqlChecklist, { items: ITEMS, checkedFields: [], notes: '', ...props });

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const checkbox = (element: HTMLElement, field: string) =>
    root(element).querySelector(`lightning-input[data-field="${field}"]`) as CheckboxStub;
const notes = (element: HTMLElement) => root(element).querySelector('lightning-textarea') as TextareaStub;
const qualifyButton = (element: HTMLElement) => root(element).querySelector('lightning-button') as ButtonStub;
const problem = (element: HTMLElement) =>
    root(element).querySelector('[data-id="qualify-problem"]')?.textContent?.trim();

/** What the checklist reported, by event name. */
function reports(element: HTMLElement) {
    const seen: Record<string, unknown[]> = { checklistchange: [], noteschange: [], qualify: [] };
    for (const name of Object.keys(seen)) {
        element.addEventListener(name, (event) => seen[name].push((event as CustomEvent).detail));
    }
    return seen as {
        checklistchange: ChecklistChangeDetail[];
        noteschange: NotesChangeDetail[];
        qualify: QualifyDetail[];
    };
}

/** The user ticks or unticks a box: lightning-input reports `change` with { checked }. */
function tick(element: HTMLElement, field: string, checked = true): void {
    checkbox(element, field).dispatchEvent(new CustomEvent('change', { detail: { checked } }));
}

describe('c-lead-sql-checklist', () => {
    afterEach(removeAll);

    it('shows each criterion as a labelled checkbox with its help text, required ones marked', async () => {
        const element = await createChecklist({ checkedFields: ['SQL_Budget_Confirmed__c'] });
        const boxes = Array.from(root(element).querySelectorAll<CheckboxStub>('lightning-input'));
        expect(boxes.map((box) => [box.type, box.label, box.checked])).toEqual([
            ['checkbox', 'Need confirmed (required)', false],
            ['checkbox', 'Budget confirmed (required)', true],
            ['checkbox', 'Timeline confirmed (required)', false],
            ['checkbox', 'Decision path confirmed', false]
        ]);
        expect(root(element).textContent).toContain('A problem we solve, in their words.');
        expect(root(element).querySelector('h3')?.textContent).toBe(HEADING);
        expect(notes(element).label).toBe(NOTES);
        expect(qualifyButton(element).label).toBe(QUALIFY);
        await expect(element).toBeAccessible();
    });

    it('says which required items are missing and keeps Qualify disabled until all are checked', async () => {
        const element = await createChecklist();
        expect(problem(element)).toBe('To qualify, confirm: Need confirmed, Budget confirmed, Timeline confirmed.');
        expect(qualifyButton(element).disabled).toBe(true);

        Object.assign(element, { checkedFields: ['SQL_Need_Confirmed__c', 'SQL_Budget_Confirmed__c'] });
        await flush();
        expect(problem(element)).toBe('To qualify, confirm: Timeline confirmed.');
        expect(qualifyButton(element).disabled).toBe(true);

        Object.assign(element, { checkedFields: REQUIRED });
        await flush();
        expect(problem(element)).toBe('');
        expect(qualifyButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('reports the checked fields in the order the user checked them, and without an unchecked one', async () => {
        const element = await createChecklist({ checkedFields: ['SQL_Timeline_Confirmed__c'] });
        const seen = reports(element);
        tick(element, 'SQL_Need_Confirmed__c');
        tick(element, 'SQL_Timeline_Confirmed__c', false);
        expect(seen.checklistchange).toEqual([
            { checkedFields: ['SQL_Timeline_Confirmed__c', 'SQL_Need_Confirmed__c'] },
            { checkedFields: [] }
        ]);
    });

    it('shows the notes it is given and reports what the user types', async () => {
        const element = await createChecklist({ notes: 'Met at the summit.' });
        const seen = reports(element);
        expect(notes(element).value).toBe('Met at the summit.');
        notes(element).dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Met at the summit. Budget in Q2.' } })
        );
        expect(seen.noteschange).toEqual([{ notes: 'Met at the summit. Budget in Q2.' }]);
        Object.assign(element, { notes: 'Saved by Sam: budget in Q2.' });
        await flush();
        expect(notes(element).value).toBe('Saved by Sam: budget in Q2.');
    });

    it('asks to qualify with the checked fields and the notes', async () => {
        const element = await createChecklist({ checkedFields: REQUIRED, notes: 'Budget approved in Q2' });
        const seen = reports(element);
        qualifyButton(element).click();
        expect(seen.qualify).toEqual([{ checkedFields: REQUIRED, notes: 'Budget approved in Q2' }]);
    });

    it('does not ask to qualify while items are missing or an action runs', async () => {
        const incomplete = await createChecklist({ checkedFields: ['SQL_Need_Confirmed__c'] });
        const busy = await createChecklist({ checkedFields: REQUIRED, disabled: true });
        const seenIncomplete = reports(incomplete);
        const seenBusy = reports(busy);
        qualifyButton(incomplete).click();
        qualifyButton(busy).click();
        expect(qualifyButton(busy).disabled).toBe(true);
        expect([seenIncomplete.qualify, seenBusy.qualify]).toEqual([[], []]);
    });
});
