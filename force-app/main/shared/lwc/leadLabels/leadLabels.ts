// How the picklist values of docs/data-model.md read in the inbox, the stage panel and the manager views: Custom
// Labels, so an admin can reword or translate them.
import SEGMENT_HIGH_FIT_HIGH_INTENT from '@salesforce/label/c.LeadHandoff_Shared_SegmentHighFitHighIntent';
import SEGMENT_LOW_FIT_HIGH_INTENT from '@salesforce/label/c.LeadHandoff_Shared_SegmentLowFitHighIntent';
import SEGMENT_HIGH_FIT_LOW_INTENT from '@salesforce/label/c.LeadHandoff_Shared_SegmentHighFitLowIntent';
import SEGMENT_LOW_FIT_LOW_INTENT from '@salesforce/label/c.LeadHandoff_Shared_SegmentLowFitLowIntent';
import TRIGGER_DEMO_REQUEST from '@salesforce/label/c.LeadHandoff_Shared_TriggerDemoRequest';
import TRIGGER_PRICING_INQUIRY from '@salesforce/label/c.LeadHandoff_Shared_TriggerPricingInquiry';
import TRIGGER_CONTACT_SALES from '@salesforce/label/c.LeadHandoff_Shared_TriggerContactSales';
import TRIGGER_WEBINAR from '@salesforce/label/c.LeadHandoff_Shared_TriggerWebinar';
import TRIGGER_CONTENT_DOWNLOAD from '@salesforce/label/c.LeadHandoff_Shared_TriggerContentDownload';
import TRIGGER_REPEAT_VISITS from '@salesforce/label/c.LeadHandoff_Shared_TriggerRepeatVisits';
import TRIGGER_OTHER from '@salesforce/label/c.LeadHandoff_Shared_TriggerOther';
import HISTORY_PROMOTED from '@salesforce/label/c.LeadHandoff_Shared_HistoryPromoted';
import HISTORY_ACCEPTED from '@salesforce/label/c.LeadHandoff_Shared_HistoryAccepted';
import HISTORY_REJECTED from '@salesforce/label/c.LeadHandoff_Shared_HistoryRejected';
import HISTORY_RECYCLED from '@salesforce/label/c.LeadHandoff_Shared_HistoryRecycled';
import HISTORY_QUALIFIED from '@salesforce/label/c.LeadHandoff_Shared_HistoryQualified';
import HISTORY_CONVERTED from '@salesforce/label/c.LeadHandoff_Shared_HistoryConverted';
import HISTORY_OVERRIDDEN from '@salesforce/label/c.LeadHandoff_Shared_HistoryOverridden';
import { STAGE_LABELS, isLifecycleStage } from 'c/leadStages';

/**
 * Segment__c is fit × intent (docs/data-model.md), not a stage: label it by what it measures, so a lead that is
 * already SAL or SQL never shows an "MQL" pill.
 */
export const SEGMENT_LABELS: Readonly<Record<string, string>> = {
    MQL: SEGMENT_HIGH_FIT_HIGH_INTENT,
    Sales_Review: SEGMENT_LOW_FIT_HIGH_INTENT,
    Nurture: SEGMENT_HIGH_FIT_LOW_INTENT,
    Ignore: SEGMENT_LOW_FIT_LOW_INTENT
};

export const INTENT_TRIGGER_LABELS: Readonly<Record<string, string>> = {
    Demo_Request: TRIGGER_DEMO_REQUEST,
    Pricing_Inquiry: TRIGGER_PRICING_INQUIRY,
    Contact_Sales: TRIGGER_CONTACT_SALES,
    Webinar: TRIGGER_WEBINAR,
    Content_Download: TRIGGER_CONTENT_DOWNLOAD,
    Repeat_Visits: TRIGGER_REPEAT_VISITS,
    Other: TRIGGER_OTHER
};

/** Lead_Stage_Event__c.Action__c in the past tense, for the history timeline. */
export const HISTORY_ACTION_LABELS: Readonly<Record<string, string>> = {
    Promote: HISTORY_PROMOTED,
    Accept: HISTORY_ACCEPTED,
    Reject: HISTORY_REJECTED,
    Recycle: HISTORY_RECYCLED,
    Qualify: HISTORY_QUALIFIED,
    Convert: HISTORY_CONVERTED,
    Override: HISTORY_OVERRIDDEN
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
