// Requests the inbox and the stage panel send to LeadInboxController / LeadStagePanelController, the checks the
// user must pass before sending them, and the sentences that explain what came back.
import { addDays, formatDuration } from 'c/slaClock';

// The inbox and the stage panel read error sentences from here, with the rest of their requests.
export { errorMessage, isServerMessage } from 'c/errorMessages';

export type DecisionAction = LeadHandoffService.DecisionAction;
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
}

export interface DecisionSummary {
    variant: 'success' | 'warning' | 'error';
    title: string;
    message: string;
    /** leads the server refused or did not apply, with the sentence to show beside each */
    refused: { leadId: string; message: string }[];
}

export const ACTION_LABELS: Readonly<Record<DecisionAction, string>> = {
    accept: 'Accept',
    reject: 'Reject',
    recycle: 'Recycle'
};

const PAST_TENSE: Readonly<Record<DecisionAction, string>> = {
    accept: 'Accepted',
    reject: 'Rejected',
    recycle: 'Recycled'
};

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
    action: DecisionAction,
    reason: ReasonOption | null | undefined,
    note: string | null | undefined,
    recycleUntil: string | null | undefined,
    today: string
): string | null {
    const verb = ACTION_LABELS[action].toLowerCase();
    if (!reason) return `Choose a reason to ${verb}.`;
    if (reason.kind !== reasonKindFor(action)) return `"${reason.label}" is not a reason to ${verb}: choose another.`;
    if (reason.noteRequired && !blankToNull(note)) return `Add a note: "${reason.label}" needs one.`;
    if (action === 'recycle') {
        if (!recycleUntil) return 'Choose the date to recycle until.';
        if (recycleUntil <= today) return 'Recycle until must be a date after today.';
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

/** Why the convert form cannot be sent yet, or null when it can. */
export function convertFormProblem(form: ConvertForm): string | null {
    const missing: string[] = [];
    if (!blankToNull(form.opportunityName)) missing.push('an opportunity name');
    const amount = toAmount(form.amount);
    if (amount === null) missing.push('an amount');
    if (!form.closeDate) missing.push('a close date');
    if (missing.length) return `To convert, enter ${joinWords(missing)}.`;
    if (amount !== null && amount <= 0) return 'The amount must be more than 0.';
    return null;
}

export function buildConvertRequest(lead: SeenLead, form: ConvertForm): LeadHandoffService.ConvertRequest {
    return {
        leadId: lead.leadId,
        seenStage: lead.stage,
        opportunityName: blankToNull(form.opportunityName),
        amount: toAmount(form.amount),
        closeDate: form.closeDate || null
    };
}

function joinWords(words: readonly string[]): string {
    if (words.length <= 1) return words.join('');
    return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const OUTCOME_SENTENCES: Readonly<Partial<Record<LeadHandoffService.OutcomeCode, string>>> = {
    STAGE_CHANGED: 'Its stage changed since you loaded it. Refresh and look again.',
    NOT_YOURS: 'It is not in your queues any more.',
    NO_ACCESS: 'You do not have access to change it. Ask your admin for the Lead Handoff SDR permission set.',
    NOT_FOUND: 'It no longer exists (deleted or merged).',
    REASON_REQUIRED: 'Choose a reason.',
    UNKNOWN_REASON: 'That reason is no longer offered. Choose another.',
    WRONG_REASON_KIND: 'That reason does not fit this action. Choose another.',
    NOTE_REQUIRED: 'That reason needs a note.',
    RECYCLE_DATE_REQUIRED: 'Choose the date to recycle until.',
    CHECKLIST_INCOMPLETE: 'Confirm every required checklist item first.',
    AMOUNT_REQUIRED: 'Enter an amount.',
    CLOSE_DATE_REQUIRED: 'Enter a close date.',
    NOT_APPLIED: 'Not saved, because another lead in the same request was refused.'
};

/** "3 min ago"; "just now" under a minute (never "0 min ago"). */
export function agoText(millis: number): string {
    return millis < 60_000 ? 'just now' : `${formatDuration(millis)} ago`;
}

/**
 * The sentence that explains a refused lead; empty for an ok outcome. With `now` (server clock), says how long
 * ago a competing decision was made.
 */
export function outcomeMessage(outcome: LeadHandoffService.LeadOutcome, now?: number): string {
    if (outcome.ok) return '';
    if (outcome.code === 'ALREADY_DECIDED') {
        const who = outcome.decidedByName ?? 'Someone else';
        const decidedAt = outcome.decidedAt ? Date.parse(outcome.decidedAt) : NaN;
        const when = now !== undefined && !Number.isNaN(decidedAt) ? ` ${agoText(now - decidedAt)}` : '';
        const stage = outcome.stage ? ` (now ${outcome.stage})` : '';
        return `${who} already decided this lead${when}${stage}.`;
    }
    const sentence = outcome.code ? OUTCOME_SENTENCES[outcome.code] : undefined;
    return sentence ?? outcome.message ?? 'The server refused this change without saying why. Refresh and retry.';
}

function leadWord(count: number): string {
    return count === 1 ? '1 lead' : `${count} leads`;
}

/** A toast for a decide() result, and the sentence to show beside every lead that comes back. */
export function summarizeDecision(
    action: DecisionAction,
    result: LeadHandoffService.DecisionResult,
    leads: readonly SeenLead[],
    now?: number
): DecisionSummary {
    const names = new Map(leads.map((lead) => [lead.leadId, lead.name ?? 'This lead']));
    const saved = result.applied ? result.outcomes.filter((outcome) => outcome.ok) : [];
    const refused = result.outcomes
        .filter((outcome) => !saved.includes(outcome))
        .map((outcome) => ({ leadId: outcome.leadId, message: outcomeMessage(outcome, now) || 'Not saved.' }));
    const details = refused.map((entry) => `${names.get(entry.leadId) ?? entry.leadId}: ${entry.message}`).join(' ');
    const done = PAST_TENSE[action];
    if (!refused.length) {
        const single = leads.length === 1 && leads[0].name ? leads[0].name : leadWord(saved.length);
        return { variant: 'success', title: `${done} ${single}`, message: '', refused };
    }
    if (!saved.length) {
        return { variant: 'error', title: `Nothing was ${done.toLowerCase()}`, message: details, refused };
    }
    return {
        variant: 'warning',
        title: `${done} ${saved.length} of ${result.outcomes.length} leads`,
        message: details,
        refused
    };
}
