// Labels for the picklist values of docs/data-model.md that the inbox and the stage panel display.
import { STAGE_LABELS, isLifecycleStage } from 'c/leadStages';

/**
 * Segment__c is fit × intent (docs/data-model.md), not a stage: label it by what it measures, so a lead that is
 * already SAL or SQL never shows an "MQL" pill.
 */
export const SEGMENT_LABELS: Readonly<Record<string, string>> = {
    MQL: 'High fit \u00b7 high intent',
    Sales_Review: 'Low fit \u00b7 high intent',
    Nurture: 'High fit \u00b7 low intent',
    Ignore: 'Low fit \u00b7 low intent'
};

export const INTENT_TRIGGER_LABELS: Readonly<Record<string, string>> = {
    Demo_Request: 'Demo request',
    Pricing_Inquiry: 'Pricing inquiry',
    Contact_Sales: 'Contact sales',
    Webinar: 'Webinar',
    Content_Download: 'Content download',
    Repeat_Visits: 'Repeat visits',
    Other: 'Other'
};

/** Lead_Stage_Event__c.Action__c in the past tense, for the history timeline. */
export const HISTORY_ACTION_LABELS: Readonly<Record<string, string>> = {
    Promote: 'Promoted',
    Accept: 'Accepted',
    Reject: 'Rejected',
    Recycle: 'Recycled',
    Qualify: 'Qualified',
    Convert: 'Converted',
    Override: 'Moved by override'
};

// SLDS badge themes: a high-fit MQL reads as good news, a low-fit hand-raiser as "judge the fit".
const SEGMENT_BADGE_CLASSES: Readonly<Record<string, string>> = {
    MQL: 'slds-theme_success',
    Sales_Review: 'slds-theme_warning',
    Nurture: 'slds-badge_lightest',
    Ignore: 'slds-badge_lightest'
};

const NONE = '—';

export function segmentLabel(segment: string | null | undefined): string {
    if (!segment) return NONE;
    return SEGMENT_LABELS[segment] ?? segment;
}

/** The class for a lightning-badge showing the segment. */
export function segmentBadgeClass(segment: string | null | undefined): string {
    return (segment && SEGMENT_BADGE_CLASSES[segment]) || 'slds-badge_lightest';
}

export function intentTriggerLabel(trigger: string | null | undefined): string {
    if (!trigger) return NONE;
    return INTENT_TRIGGER_LABELS[trigger] ?? trigger.replace(/_/g, ' ');
}

export function stageLabel(stage: string | null | undefined): string {
    if (!stage) return NONE;
    return isLifecycleStage(stage) ? STAGE_LABELS[stage] : stage;
}

export function historyActionLabel(action: string | null | undefined): string {
    if (!action) return NONE;
    return HISTORY_ACTION_LABELS[action] ?? action;
}

/** A score out of 100, or a dash when unknown. */
export function scoreLabel(score: number | null | undefined): string {
    return score === null || score === undefined ? NONE : String(score);
}
