// The SQL checklist (Qualification_Policy / SQL_Criterion) with the qualification notes and the Qualify button.
// The stage panel owns the values: it passes the items, which of them are checked and the notes, and stores what
// this form reports (`checklistchange` with { checkedFields }, `noteschange` with { notes }). Qualify is enabled
// once every required item is checked; it fires `qualify` with { checkedFields, notes }.
import { LightningElement, api } from 'lwc';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistHeading';
import NOTES from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistNotes';
import QUALIFY from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistQualify';
import REQUIRED_ITEM from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistRequiredItem';
import CONFIRM_FIRST from '@salesforce/label/c.LeadHandoff_SdrInbox_ChecklistConfirmFirst';
import { formatLabel } from 'c/labelFormat';

type ChecklistItem = LeadStagePanelController.ChecklistItem;

export interface ChecklistChangeDetail {
    /** in the order the user checked them */
    checkedFields: string[];
}

export interface NotesChangeDetail {
    notes: string;
}

export interface QualifyDetail {
    checkedFields: string[];
    notes: string;
}

export default class LeadSqlChecklist extends LightningElement {
    /** The criteria to confirm, in policy order (StagePanel.checklist). */
    @api items: readonly ChecklistItem[] = [];
    /** The Lead checkbox fields checked now. */
    @api checkedFields: readonly string[] = [];
    @api notes = '';
    /** True while an action runs: Qualify waits. */
    @api disabled = false;

    labels = { heading: HEADING, notes: NOTES, qualify: QUALIFY };

    get rows() {
        const checked = new Set(this.checkedFields);
        return this.items.map((item) => ({
            field: item.field,
            checked: checked.has(item.field),
            label: item.required ? formatLabel(REQUIRED_ITEM, item.label) : item.label,
            helpText: item.helpText ?? ''
        }));
    }

    get missingLabels(): string[] {
        const checked = new Set(this.checkedFields);
        return this.items.filter((item) => item.required && !checked.has(item.field)).map((item) => item.label);
    }

    get problem(): string {
        const missing = this.missingLabels;
        return missing.length ? formatLabel(CONFIRM_FIRST, missing.join(', ')) : '';
    }

    get qualifyDisabled(): boolean {
        return this.disabled || this.missingLabels.length > 0;
    }

    handleCheck(event: CustomEvent<{ checked: boolean }>): void {
        const field = (event.currentTarget as HTMLElement).dataset.field as string;
        const others = this.checkedFields.filter((name) => name !== field);
        const checkedFields = event.detail.checked ? [...others, field] : others;
        this.dispatchEvent(new CustomEvent<ChecklistChangeDetail>('checklistchange', { detail: { checkedFields } }));
    }

    handleNotes(event: CustomEvent<{ value: string }>): void {
        this.dispatchEvent(
            new CustomEvent<NotesChangeDetail>('noteschange', { detail: { notes: event.detail.value } })
        );
    }

    handleQualify(): void {
        if (this.qualifyDisabled) return;
        const detail = { checkedFields: [...this.checkedFields], notes: this.notes };
        this.dispatchEvent(new CustomEvent<QualifyDetail>('qualify', { detail }));
    }
}
