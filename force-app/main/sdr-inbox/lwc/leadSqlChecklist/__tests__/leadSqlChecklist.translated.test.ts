// Every text of the checklist is a Custom Label: translated (here into German, as the Translation Workbench would
// serve them to a German user), the checklist shows the translation, each value where the translation puts its
// placeholder. Nothing in the component changes.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import LeadSqlChecklist from 'c/leadSqlChecklist';
import { mount, removeAll } from 'test/lwcTest';

jest.mock('@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistHeading', () => ({ default: 'SQL-Checkliste' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistRequiredItem', () => ({ default: 'Pflicht: {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistConfirmFirst',
    () => ({ default: 'Bitte zuerst bestätigen: {0}.' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistQualify', () => ({ default: 'Qualifizieren' }), {
    virtual: true
});

type ChecklistItem = LeadStagePanelController.ChecklistItem;

const ITEMS: ChecklistItem[] = [
    { field: 'SQL_Need_Confirmed__c', label: 'Bedarf bestätigt', helpText: null, required: true, checked: false },
    { field: 'SQL_Budget_Confirmed__c', label: 'Budget bestätigt', helpText: null, required: false, checked: false }
];

describe('c-lead-sql-checklist with translated labels', () => {
    afterEach(removeAll);

    it('shows the translated heading, required marks, problem and button', async () => {
        const element = await mount('c-lead-sql-checklist', LeadSqlChecklist, { items: ITEMS, checkedFields: [] });
        const root = element.shadowRoot as ShadowRoot;
        const boxes = Array.from(root.querySelectorAll<HTMLElement & { label: string }>('lightning-input'));

        expect(root.querySelector('h3')?.textContent).toBe('SQL-Checkliste');
        expect(boxes.map((box) => box.label)).toEqual(['Pflicht: Bedarf bestätigt', 'Budget bestätigt']);
        expect(root.querySelector('[data-id="qualify-problem"]')?.textContent).toBe(
            'Bitte zuerst bestätigen: Bedarf bestätigt.'
        );
        expect((root.querySelector('lightning-button') as HTMLElement & { label: string }).label).toBe('Qualifizieren');
        await expect(element).toBeAccessible();
    });
});
