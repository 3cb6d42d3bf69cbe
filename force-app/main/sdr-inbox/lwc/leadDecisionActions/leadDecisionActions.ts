// The decisions on an MQL the running user may take (accept, reject, recycle), as one labelled button group.
// Clicking fires `decide` with { action }; the stage panel asks for a reason where one is needed and calls Apex.
import { LightningElement, api } from 'lwc';
import DECIDE from '@salesforce/label/c.LeadHandoff_SdrInbox_DecideOnMql';
import { ACTION_LABELS } from 'c/handoffRequests';
import type { DecisionAction } from 'c/handoffRequests';

export interface DecideDetail {
    action: DecisionAction;
}

const DECISIONS: readonly DecisionAction[] = ['accept', 'reject', 'recycle'];

export default class LeadDecisionActions extends LightningElement {
    /** What the running user may do now (StagePanel.allowedActions): only the decisions among them get a button. */
    @api allowedActions: readonly string[] = [];
    /** True while an action runs: the buttons wait. */
    @api disabled = false;

    labels = { decide: DECIDE };

    get buttons() {
        return DECISIONS.filter((action) => this.allowedActions.includes(action)).map((action) => ({
            action,
            label: ACTION_LABELS[action],
            variant: action === 'accept' ? 'brand' : 'neutral'
        }));
    }

    get hasButtons(): boolean {
        return this.buttons.length > 0;
    }

    handleClick(event: Event): void {
        const action = (event.currentTarget as HTMLElement).dataset.action as DecisionAction;
        if (this.disabled) return;
        this.dispatchEvent(new CustomEvent<DecideDetail>('decide', { detail: { action } }));
    }
}
