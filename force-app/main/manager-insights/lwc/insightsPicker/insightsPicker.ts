// Single-choice button groups side by side (period, grouping, kind of reason): the chosen button is pressed, and
// choosing another fires `change` with { name, value }.
import { LightningElement, api } from 'lwc';
import { choiceButtons } from 'c/insightsFormat';
import type { ChoiceGroup } from 'c/insightsFormat';

export interface ChoiceChange {
    name: string;
    value: string;
}

export default class InsightsPicker extends LightningElement {
    @api groups: ChoiceGroup[] = [];

    get buttonGroups() {
        return this.groups.map((group) => ({
            name: group.name,
            label: group.label,
            buttons: choiceButtons(group.options, group.value)
        }));
    }

    handleChoice(event: Event): void {
        const { group: name, value } = (event.currentTarget as HTMLElement).dataset;
        const group = this.groups.find((candidate) => candidate.name === name);
        if (!name || !value || !group || value === group.value) return;
        this.dispatchEvent(new CustomEvent<ChoiceChange>('change', { detail: { name, value } }));
    }
}
