// The lead's place on the lifecycle path: the main path with the current stage, and an exit (Rejected, Recycled)
// as a last step after the stage the lead left. Display only: the stage panel passes the stage and where it left.
// SLDS path markup rather than lightning-progress-indicator (type "path"): that base component marks every step
// before the current one complete, so it cannot show a lead recycled from SAL with SQL and Opportunity not reached,
// and its steps are a focusable listbox, while this path is read-only.
import { LightningElement, api } from 'lwc';
import PATH from '@salesforce/label/c.LeadHandoff_SdrInbox_PathLabel';
import STEP_COMPLETE from '@salesforce/label/c.LeadHandoff_SdrInbox_PathStepComplete';
import STEP_CURRENT from '@salesforce/label/c.LeadHandoff_SdrInbox_PathStepCurrent';
import STEP_UPCOMING from '@salesforce/label/c.LeadHandoff_SdrInbox_PathStepUpcoming';
import STEP_EXIT from '@salesforce/label/c.LeadHandoff_SdrInbox_PathStepExit';
import { MAIN_PATH, isLifecycleStage, pathSteps } from 'c/leadStages';
import type { MainPathStage, PathStepState } from 'c/leadStages';

const ITEM_CLASSES: Readonly<Record<PathStepState, string>> = {
    complete: 'slds-path__item slds-is-complete',
    current: 'slds-path__item slds-is-current slds-is-active',
    upcoming: 'slds-path__item slds-is-incomplete',
    exit: 'slds-path__item slds-is-lost slds-is-current slds-is-active'
};

const STATE_TEXT: Readonly<Record<PathStepState, string>> = {
    complete: STEP_COMPLETE,
    current: STEP_CURRENT,
    upcoming: STEP_UPCOMING,
    exit: STEP_EXIT
};

const isMainPathStage = (value: string | null | undefined): value is MainPathStage =>
    (MAIN_PATH as readonly string[]).includes(value ?? '');

export default class LeadStagePath extends LightningElement {
    /** Lead.Lifecycle_Stage__c; a value outside the lifecycle shows no path. */
    @api stage?: string | null;
    /** On an exit, the main-path stage the lead left (MQL when unknown or not on the main path). */
    @api exitedFrom?: string | null;

    labels = { path: PATH };

    get steps() {
        if (!isLifecycleStage(this.stage)) return [];
        const exitedFrom = isMainPathStage(this.exitedFrom) ? this.exitedFrom : undefined;
        return pathSteps(this.stage, exitedFrom).map((step) => ({
            ...step,
            className: ITEM_CLASSES[step.state],
            stateText: STATE_TEXT[step.state],
            ariaCurrent: step.state === 'current' || step.state === 'exit' ? 'step' : null
        }));
    }
}
