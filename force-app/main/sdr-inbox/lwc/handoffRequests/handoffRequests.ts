// Requests the inbox and the stage panel send to LeadInboxController / LeadStagePanelController, the checks the
// user must pass before sending them, and the sentences that explain what came back.
import ACCEPT from '@salesforce/label/c.LeadHandoff_SdrInbox_Accept';
import REJECT from '@salesforce/label/c.LeadHandoff_SdrInbox_Reject';
import RECYCLE from '@salesforce/label/c.LeadHandoff_SdrInbox_Recycle';
import ACCEPT_LEAD from '@salesforce/label/c.LeadHandoff_SdrInbox_AcceptLead';
import REJECT_LEAD from '@salesforce/label/c.LeadHandoff_SdrInbox_RejectLead';
import RECYCLE_LEAD from '@salesforce/label/c.LeadHandoff_SdrInbox_RecycleLead';
import REJECT_LEADS from '@salesforce/label/c.LeadHandoff_SdrInbox_RejectLeads';
import RECYCLE_LEADS from '@salesforce/label/c.LeadHandoff_SdrInbox_RecycleLeads';
import ACCEPTED_LEADS from '@salesforce/label/c.LeadHandoff_SdrInbox_AcceptedLeads';
import REJECTED_LEADS from '@salesforce/label/c.LeadHandoff_SdrInbox_RejectedLeads';
import RECYCLED_LEADS from '@salesforce/label/c.LeadHandoff_SdrInbox_RecycledLeads';
import ACCEPTED_SOME from '@salesforce/label/c.LeadHandoff_SdrInbox_AcceptedSome';
import REJECTED_SOME from '@salesforce/label/c.LeadHandoff_SdrInbox_RejectedSome';
import RECYCLED_SOME from '@salesforce/label/c.LeadHandoff_SdrInbox_RecycledSome';
import NOTHING_ACCEPTED from '@salesforce/label/c.LeadHandoff_SdrInbox_NothingAccepted';
import NOTHING_REJECTED from '@salesforce/label/c.LeadHandoff_SdrInbox_NothingRejected';
import NOTHING_RECYCLED from '@salesforce/label/c.LeadHandoff_SdrInbox_NothingRecycled';
import COULD_NOT_ACCEPT from '@salesforce/label/c.LeadHandoff_SdrInbox_CouldNotAccept';
import COULD_NOT_REJECT from '@salesforce/label/c.LeadHandoff_SdrInbox_CouldNotReject';
import COULD_NOT_RECYCLE from '@salesforce/label/c.LeadHandoff_SdrInbox_CouldNotRecycle';
import LEAD_COUNT_ONE from '@salesforce/label/c.LeadHandoff_SdrInbox_LeadCountOne';
import LEAD_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_SdrInbox_LeadCountOther';
import CHOOSE_REASON_TO_REJECT from '@salesforce/label/c.LeadHandoff_SdrInbox_ChooseReasonToReject';
import CHOOSE_REASON_TO_RECYCLE from '@salesforce/label/c.LeadHandoff_SdrInbox_ChooseReasonToRecycle';
import NOT_A_REASON_TO_REJECT from '@salesforce/label/c.LeadHandoff_SdrInbox_NotAReasonToReject';
import NOT_A_REASON_TO_RECYCLE from '@salesforce/label/c.LeadHandoff_SdrInbox_NotAReasonToRecycle';
import NOTE_NEEDED from '@salesforce/label/c.LeadHandoff_SdrInbox_NoteNeeded';
import CHOOSE_RECYCLE_DATE from '@salesforce/label/c.LeadHandoff_SdrInbox_ChooseRecycleDate';
import RECYCLE_DATE_AFTER_TODAY from '@salesforce/label/c.LeadHandoff_SdrInbox_RecycleDateAfterToday';
import CONVERT_ENTER from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertEnter';
import CONVERT_MISSING_NAME from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertMissingName';
import CONVERT_MISSING_AMOUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertMissingAmount';
import CONVERT_MISSING_CLOSE_DATE from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertMissingCloseDate';
import AMOUNT_NOT_POSITIVE from '@salesforce/label/c.LeadHandoff_SdrInbox_AmountNotPositive';
import CLOSE_DATE_NOT_BEFORE_TODAY from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertCloseDateNotBeforeToday';
import LIST_JOIN from '@salesforce/label/c.LeadHandoff_SdrInbox_ListJoin';
import LIST_JOIN_LAST from '@salesforce/label/c.LeadHandoff_SdrInbox_ListJoinLast';
import OUTCOME_STAGE_CHANGED from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeStageChanged';
import OUTCOME_NOT_YOURS from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeNotYours';
import OUTCOME_NO_ACCESS from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeNoAccess';
import OUTCOME_NOT_FOUND from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeNotFound';
import OUTCOME_REASON_REQUIRED from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeReasonRequired';
import OUTCOME_UNKNOWN_REASON from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeUnknownReason';
import OUTCOME_WRONG_REASON_KIND from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeWrongReasonKind';
import OUTCOME_NOTE_REQUIRED from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeNoteRequired';
import OUTCOME_CHECKLIST_INCOMPLETE from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeChecklistIncomplete';
import OUTCOME_AMOUNT_REQUIRED from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeAmountRequired';
import OUTCOME_CLOSE_DATE_REQUIRED from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeCloseDateRequired';
import OUTCOME_NOT_APPLIED from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeNotApplied';
import OUTCOME_WITHOUT_REASON from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeWithoutReason';
import ALREADY_DECIDED from '@salesforce/label/c.LeadHandoff_SdrInbox_AlreadyDecided';
import ALREADY_DECIDED_WHEN from '@salesforce/label/c.LeadHandoff_SdrInbox_AlreadyDecidedWhen';
import ALREADY_DECIDED_STAGE from '@salesforce/label/c.LeadHandoff_SdrInbox_AlreadyDecidedStage';
import ALREADY_DECIDED_WHEN_STAGE from '@salesforce/label/c.LeadHandoff_SdrInbox_AlreadyDecidedWhenStage';
import SOMEONE_ELSE from '@salesforce/label/c.LeadHandoff_SdrInbox_SomeoneElse';
import AGO from '@salesforce/label/c.LeadHandoff_SdrInbox_Ago';
import THIS_LEAD from '@salesforce/label/c.LeadHandoff_SdrInbox_ThisLead';
import NOT_SAVED from '@salesforce/label/c.LeadHandoff_SdrInbox_NotSaved';
import JUST_NOW from '@salesforce/label/c.LeadHandoff_Shared_JustNow';
import { formatCount, formatLabel } from 'c/labelFormat';
import { addDays, formatDuration } from 'c/slaClock';
import type { PageReference } from 'lightning/navigation';

/** The record page of a lead: what its name links to in the inbox and My leads (in the workbench, its stage panel). */
export function recordPage(leadId: string): PageReference {
    return {
        type: 'standard__recordPage',
        attributes: { recordId: leadId, objectApiName: 'Lead', actionName: 'view' }
    };
}

// The inbox and the stage panel read error sentences from here, with the rest of their requests.
export { errorMessage, isServerMessage } from 'c/errorMessages';

export type DecisionAction = LeadHandoffService.DecisionAction;
/** A decision that needs a reason: the reason picker's actions. */
export type ReasonAction = Exclude<DecisionAction, 'accept'>;
export type ReasonOption = LeadInboxController.ReasonOption;
export type ReasonKind = ReasonOption['kind'];

/** What the reason picker returns: the chosen reason, the note and the recycle-until date. */
export interface ReasonChoice {
    reasonCode: string;
    note: string | null;
    recycleUntil: string | null;
}

/** The lead as the user saw it. */
export interface SeenLead {
    leadId: string;
    stage: string;
    name?: string;
}

export interface ConvertForm {
    opportunityName: string | null;
    amount: number | string | null;
    closeDate: string | null;
    /** an existing account (one of the matches), or empty for a new account */
    accountId?: string | null;
}

export interface DecisionSummary {
    variant: 'success' | 'warning' | 'error';
    title: string;
    message: string;
    /** leads the server refused or did not apply, with the sentence to show beside each */
    refused: { leadId: string; message: string }[];
}

/** Each decision as a button names it. */
export const ACTION_LABELS: Readonly<Record<DecisionAction, string>> = {
    accept: ACCEPT,
    reject: REJECT,
    recycle: RECYCLE
};

/** Each decision's sentences, one label per decision so that a translation can inflect the verb. */
const DECISION_TEXTS: Readonly<
    Record<DecisionAction, { onLead: string; saved: string; someSaved: string; noneSaved: string; failed: string }>
> = {
    accept: {
        onLead: ACCEPT_LEAD,
        saved: ACCEPTED_LEADS,
        someSaved: ACCEPTED_SOME,
        noneSaved: NOTHING_ACCEPTED,
        failed: COULD_NOT_ACCEPT
    },
    reject: {
        onLead: REJECT_LEAD,
        saved: REJECTED_LEADS,
        someSaved: REJECTED_SOME,
        noneSaved: NOTHING_REJECTED,
        failed: COULD_NOT_REJECT
    },
    recycle: {
        onLead: RECYCLE_LEAD,
        saved: RECYCLED_LEADS,
        someSaved: RECYCLED_SOME,
        noneSaved: NOTHING_RECYCLED,
        failed: COULD_NOT_RECYCLE
    }
};

const REASON_TEXTS: Readonly<Record<ReasonAction, { onLeads: string; choose: string; notAReason: string }>> = {
    reject: { onLeads: REJECT_LEADS, choose: CHOOSE_REASON_TO_REJECT, notAReason: NOT_A_REASON_TO_REJECT },
    recycle: { onLeads: RECYCLE_LEADS, choose: CHOOSE_REASON_TO_RECYCLE, notAReason: NOT_A_REASON_TO_RECYCLE }
};

/** A decision on one lead, "Accept Raj Patel": the accessible name of a row's button. */
export function decisionOnLead(action: DecisionAction, name: string): string {
    return formatLabel(DECISION_TEXTS[action].onLead, name);
}

/** The reason picker's heading: "Reject Raj Patel" for one lead, "Recycle 3 leads" for several. */
export function reasonPickerHeading(action: ReasonAction, leadNames: readonly string[]): string {
    return leadNames.length === 1
        ? decisionOnLead(action, leadNames[0])
        : formatLabel(REASON_TEXTS[action].onLeads, leadNames.length);
}

/** The title of the toast when a decision could not be sent at all: "Could not reject". */
export function decisionFailedTitle(action: DecisionAction): string {
    return DECISION_TEXTS[action].failed;
}

/** The reason kind an action needs; accept needs none. */
export function reasonKindFor(action: DecisionAction): ReasonKind | null {
    if (action === 'reject') return 'Reject';
    if (action === 'recycle') return 'Recycle';
    return null;
}

export function reasonsFor(action: DecisionAction, reasons: readonly ReasonOption[]): ReasonOption[] {
    const kind = reasonKindFor(action);
    return kind ? reasons.filter((reason) => reason.kind === kind) : [];
}

/** The recycle-until date a reason suggests: `today` plus its recycle days, or null. */
export function defaultRecycleUntil(reason: ReasonOption | null | undefined, today: string): string | null {
    if (!reason || reason.kind !== 'Recycle' || !reason.recycleDays) return null;
    return addDays(today, reason.recycleDays);
}

function blankToNull(value: string | null | undefined): string | null {
    const trimmed = (value ?? '').trim();
    return trimmed ? trimmed : null;
}

/**
 * Why the reason picker cannot be confirmed yet, or null when it can. `today` is yyyy-mm-dd on the server clock.
 */
export function reasonChoiceProblem(
    action: ReasonAction,
    reason: ReasonOption | null | undefined,
    note: string | null | undefined,
    recycleUntil: string | null | undefined,
    today: string
): string | null {
    const texts = REASON_TEXTS[action];
    if (!reason) return texts.choose;
    if (reason.kind !== reasonKindFor(action)) return formatLabel(texts.notAReason, reason.label);
    if (reason.noteRequired && !blankToNull(note)) return formatLabel(NOTE_NEEDED, reason.label);
    if (action === 'recycle') {
        if (!recycleUntil) return CHOOSE_RECYCLE_DATE;
        if (recycleUntil <= today) return RECYCLE_DATE_AFTER_TODAY;
    }
    return null;
}

export function buildDecisionRequest(
    action: DecisionAction,
    leads: readonly SeenLead[],
    choice: ReasonChoice | null = null,
    allowPartial = leads.length > 1
): LeadHandoffService.DecisionRequest {
    return {
        action,
        leads: leads.map((lead) => ({ leadId: lead.leadId, seenStage: lead.stage })),
        reasonCode: action === 'accept' ? null : (choice?.reasonCode ?? null),
        note: action === 'accept' ? null : blankToNull(choice?.note),
        recycleUntil: action === 'recycle' ? (choice?.recycleUntil ?? null) : null,
        allowPartial
    };
}

export function buildQualifyRequest(
    lead: SeenLead,
    checkedFields: readonly string[],
    notes: string | null | undefined
): LeadHandoffService.QualifyRequest {
    return { leadId: lead.leadId, seenStage: lead.stage, checkedFields: [...checkedFields], notes: blankToNull(notes) };
}

function toAmount(value: number | string | null | undefined): number | null {
    if (value === null || value === undefined || value === '') return null;
    const amount = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(amount) ? amount : null;
}

/** Why the convert form cannot be sent yet, or null when it can; `today` (yyyy-mm-dd) is the earliest close date. */
export function convertFormProblem(form: ConvertForm, today?: string): string | null {
    const missing: string[] = [];
    if (!blankToNull(form.opportunityName)) missing.push(CONVERT_MISSING_NAME);
    const amount = toAmount(form.amount);
    if (amount === null) missing.push(CONVERT_MISSING_AMOUNT);
    if (!form.closeDate) missing.push(CONVERT_MISSING_CLOSE_DATE);
    if (missing.length) return formatLabel(CONVERT_ENTER, joinWords(missing));
    if (amount !== null && amount <= 0) return AMOUNT_NOT_POSITIVE;
    if (today && form.closeDate && form.closeDate < today) return CLOSE_DATE_NOT_BEFORE_TODAY;
    return null;
}

export function buildConvertRequest(lead: SeenLead, form: ConvertForm): LeadHandoffService.ConvertRequest {
    return {
        leadId: lead.leadId,
        seenStage: lead.stage,
        opportunityName: blankToNull(form.opportunityName),
        amount: toAmount(form.amount),
        closeDate: form.closeDate || null,
        accountId: blankToNull(form.accountId)
    };
}

/** "a, b and c": every item but the last joined by LIST_JOIN ("{0}, {1}"), the last by LIST_JOIN_LAST ("{0} and {1}"). */
export function joinWords(words: readonly string[]): string {
    if (words.length <= 1) return words.join('');
    const head = words.slice(1, -1).reduce((joined, word) => formatLabel(LIST_JOIN, joined, word), words[0]);
    return formatLabel(LIST_JOIN_LAST, head, words[words.length - 1]);
}

const OUTCOME_SENTENCES: Readonly<Partial<Record<LeadHandoffService.OutcomeCode, string>>> = {
    STAGE_CHANGED: OUTCOME_STAGE_CHANGED,
    NOT_YOURS: OUTCOME_NOT_YOURS,
    NO_ACCESS: OUTCOME_NO_ACCESS,
    NOT_FOUND: OUTCOME_NOT_FOUND,
    REASON_REQUIRED: OUTCOME_REASON_REQUIRED,
    UNKNOWN_REASON: OUTCOME_UNKNOWN_REASON,
    WRONG_REASON_KIND: OUTCOME_WRONG_REASON_KIND,
    NOTE_REQUIRED: OUTCOME_NOTE_REQUIRED,
    RECYCLE_DATE_REQUIRED: CHOOSE_RECYCLE_DATE,
    CHECKLIST_INCOMPLETE: OUTCOME_CHECKLIST_INCOMPLETE,
    AMOUNT_REQUIRED: OUTCOME_AMOUNT_REQUIRED,
    CLOSE_DATE_REQUIRED: OUTCOME_CLOSE_DATE_REQUIRED,
    NOT_APPLIED: OUTCOME_NOT_APPLIED
};

/** "3 min ago"; "just now" under a minute (never "0 min ago"). */
export function agoText(millis: number): string {
    return millis < 60_000 ? JUST_NOW : formatLabel(AGO, formatDuration(millis));
}

/**
 * The sentence that explains a refused lead; empty for an ok outcome. With `now` (server clock), says how long
 * ago a competing decision was made.
 */
export function outcomeMessage(outcome: LeadHandoffService.LeadOutcome, now?: number): string {
    if (outcome.ok) return '';
    if (outcome.code === 'ALREADY_DECIDED') {
        const who = outcome.decidedByName ?? SOMEONE_ELSE;
        const decidedAt = outcome.decidedAt ? Date.parse(outcome.decidedAt) : NaN;
        const when = now !== undefined && !Number.isNaN(decidedAt) ? agoText(now - decidedAt) : '';
        const { stage } = outcome;
        if (when && stage) return formatLabel(ALREADY_DECIDED_WHEN_STAGE, who, when, stage);
        if (when) return formatLabel(ALREADY_DECIDED_WHEN, who, when);
        if (stage) return formatLabel(ALREADY_DECIDED_STAGE, who, stage);
        return formatLabel(ALREADY_DECIDED, who);
    }
    const sentence = outcome.code ? OUTCOME_SENTENCES[outcome.code] : undefined;
    return sentence ?? outcome.message ?? OUTCOME_WITHOUT_REASON;
}

function leadWord(count: number): string {
    return formatCount(count, LEAD_COUNT_ONE, LEAD_COUNT_OTHER);
}

/** A toast for a decide() result, and the sentence to show beside every lead that comes back. */
export function summarizeDecision(
    action: DecisionAction,
    result: LeadHandoffService.DecisionResult,
    leads: readonly SeenLead[],
    now?: number
): DecisionSummary {
    const names = new Map(leads.map((lead) => [lead.leadId, lead.name ?? THIS_LEAD]));
    const saved = result.applied ? result.outcomes.filter((outcome) => outcome.ok) : [];
    const refused = result.outcomes
        .filter((outcome) => !saved.includes(outcome))
        .map((outcome) => ({ leadId: outcome.leadId, message: outcomeMessage(outcome, now) || NOT_SAVED }));
    const details = refused.map((entry) => `${names.get(entry.leadId) ?? entry.leadId}: ${entry.message}`).join(' ');
    const texts = DECISION_TEXTS[action];
    if (!refused.length) {
        const single = leads.length === 1 && leads[0].name ? leads[0].name : leadWord(saved.length);
        return { variant: 'success', title: formatLabel(texts.saved, single), message: '', refused };
    }
    if (!saved.length) {
        return { variant: 'error', title: texts.noneSaved, message: details, refused };
    }
    return {
        variant: 'warning',
        title: formatLabel(texts.someSaved, saved.length, result.outcomes.length),
        message: details,
        refused
    };
}
