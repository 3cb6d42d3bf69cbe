// LeadHandoffService and LeadQueueAccess, as in force-app/main/sdr-inbox/classes: the same checks in the same order,
// the same outcome codes and sentences. Effects (accepted by, SLA outcome, history) come from the automation.
import { SaveError, type Automation, type SaveContext } from './automation.ts';
import { BusinessHoursClock, localParts } from './clock.ts';
import { KEY_PREFIX, isQueueId, toId } from './ids.ts';
import {
    SALES_REVIEW_PERMISSION,
    USER_TIME_ZONE,
    VIEW_QUEUE_HEALTH_PERMISSION,
    type Org,
    type Queue,
    type User
} from './org.ts';
import { KIND_REJECT, KIND_RECYCLE, type DispositionReason, type Policy } from './policy.ts';
import type { Lead, Transaction } from './store.ts';

export const MAX_LEADS = 200;
export const NOTE_MAX_LENGTH = 255;
export const OPPORTUNITY_NAME_MAX_LENGTH = 120;
export const CONVERTED_STATUS = 'Closed - Converted';

export const NO_ACCESS_MESSAGE =
    "You need the Lead Handoff SDR permission set to change a lead's stage. Ask your Salesforce admin to assign it.";
export const NO_CONVERT_ACCESS_MESSAGE =
    'You need permission to convert leads and to create accounts, contacts and opportunities. Ask your Salesforce admin.';
export const NOT_APPLIED_MESSAGE = 'Not saved because other leads in the request were refused.';

export type Action = 'accept' | 'reject' | 'recycle' | 'qualify' | 'convert';

const STAGE_RANK: Record<string, number> = {
    Lead: 0,
    MQL: 1,
    SAL: 2,
    SQL: 3,
    Opportunity: 4,
    Rejected: 5,
    Recycled: 5
};
const ACTIONS_BY_STAGE: Record<string, Action[]> = {
    MQL: ['accept', 'reject', 'recycle'],
    SAL: ['qualify', 'reject', 'recycle'],
    SQL: ['convert', 'recycle']
};
const TARGET_STAGE: Record<Action, string> = {
    accept: 'SAL',
    reject: 'Rejected',
    recycle: 'Recycled',
    qualify: 'SQL',
    convert: 'Opportunity'
};
const PAST_TENSE: Record<string, string> = {
    SAL: 'accepted',
    SQL: 'qualified',
    Opportunity: 'converted',
    Rejected: 'rejected',
    Recycled: 'recycled'
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface LeadRef {
    leadId: string;
    seenStage: string;
}

export interface DecisionRequest {
    action: string;
    leads: (LeadRef | null)[];
    reasonCode: string | null;
    note: string | null;
    recycleUntil: string | null;
    allowPartial: boolean | null;
}

export interface LeadOutcome {
    leadId: string;
    ok: boolean;
    code: string | null;
    message: string | null;
    stage: string | null;
    decidedByName: string | null;
    decidedAt: string | null;
}

export interface DecisionResult {
    applied: boolean;
    outcomes: LeadOutcome[];
}

export interface QualifyRequest {
    leadId: string;
    seenStage: string;
    checkedFields: string[] | null;
    notes: string | null;
}

export interface ConvertRequest {
    leadId: string;
    seenStage: string;
    opportunityName: string | null;
    amount: number | null;
    closeDate: string | null;
}

export interface ConversionResult {
    outcome: LeadOutcome;
    opportunityId: string | null;
    accountId: string | null;
}

/** LeadHandoffService.InvalidRequestException: the whole request is malformed and nothing changed. */
export class InvalidRequestError extends Error {}

const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';
const rank = (stage: string | null) => (stage !== null && stage in STAGE_RANK ? STAGE_RANK[stage] : -1);
const currentStage = (lead: Lead) => (lead.IsConverted ? 'Opportunity' : lead.Lifecycle_Stage__c);

export function actionsFromStage(stage: string | null): Action[] {
    return [...(ACTIONS_BY_STAGE[stage ?? ''] ?? [])];
}

function okOutcome(leadId: string, stage: string): LeadOutcome {
    return { leadId, ok: true, code: null, message: null, stage, decidedByName: null, decidedAt: null };
}

function refusedOutcome(leadId: string, code: string, message: string, stage: string | null): LeadOutcome {
    return { leadId, ok: false, code, message, stage, decidedByName: null, decidedAt: null };
}

function refuse(outcome: LeadOutcome, code: string, message: string, stage: string | null): void {
    Object.assign(outcome, { ok: false, code, message, stage });
}

function joinWithAnd(items: string[]): string {
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function addDays(isoDate: string, days: number): string {
    const [year, month, day] = isoDate.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const sortedByName = (queues: Queue[]) =>
    [...queues].sort((left, right) => (`${left.Name}|${left.Id}` < `${right.Name}|${right.Id}` ? -1 : 1));

/** LeadQueueAccess: the user's own leads and the queues the user works (Sales review needs its permission). */
export class QueueAccess {
    private readonly memberQueues;
    private readonly mayWorkSalesReview: boolean;

    constructor(
        private readonly org: Org,
        private readonly policy: Policy,
        private readonly user: User
    ) {
        this.memberQueues = org.memberQueues(user);
        this.mayWorkSalesReview = org.hasCustomPermission(user, SALES_REVIEW_PERMISSION);
    }

    mayWork(ownerId: string): boolean {
        if (ownerId === this.user.Id) return true;
        const queue = this.memberQueues.find((candidate) => candidate.Id === ownerId);
        return !!queue && (queue.DeveloperName !== this.policy.routing.salesReviewQueue || this.mayWorkSalesReview);
    }

    refusal(lead: Lead): string | null {
        if (this.mayWork(lead.OwnerId)) return null;
        const ownerName = this.org.ownerName(lead.OwnerId);
        if (!isQueueId(lead.OwnerId)) return `This lead belongs to ${ownerName}; only its owner can act on it.`;
        if (this.memberQueues.some((queue) => queue.Id === lead.OwnerId)) {
            return `This lead is in the ${ownerName} queue, which needs the Lead Handoff Sales Review permission; ask your Salesforce admin for it.`;
        }
        return `This lead is in the ${ownerName} queue, and you are not a member of that queue.`;
    }

    workableQueues() {
        return sortedByName(this.memberQueues.filter((queue) => this.mayWork(queue.Id)));
    }

    /** The workable queues and, with Lead_Handoff_View_Queue_Health, every routing queue (read-only unless workable). */
    viewableQueues() {
        const queues = this.workableQueues();
        if (!this.org.hasCustomPermission(this.user, VIEW_QUEUE_HEALTH_PERMISSION)) return queues;
        const { sdrQueue, salesReviewQueue, nurtureQueue, escalationQueue } = this.policy.routing;
        const routingQueues = [sdrQueue, salesReviewQueue, nurtureQueue, escalationQueue];
        const readOnly = this.org.queues.filter(
            (queue) => routingQueues.includes(queue.DeveloperName) && !queues.includes(queue)
        );
        return sortedByName([...queues, ...readOnly]);
    }

    workableOwnerIds(): Set<string> {
        return new Set([this.user.Id, ...this.workableQueues().map((queue) => queue.Id)]);
    }
}

interface Disposition {
    reason: DispositionReason | null;
    note: string | null;
    recycleUntil: string | null;
    code: string | null;
    message: string | null;
}

interface SaveRow {
    leadId: string;
    changes: Partial<Lead>;
    outcome: LeadOutcome;
    stageBefore: string | null;
}

export class LeadHandoffService {
    constructor(
        private readonly org: Org,
        private readonly policy: Policy,
        private readonly automation: Automation,
        private readonly leadFieldTypes: Record<string, string>
    ) {}

    access(user: User): QueueAccess {
        return new QueueAccess(this.org, this.policy, user);
    }

    private mayEdit(user: User, fields: string[]): boolean {
        return fields.every((field) => this.org.canEditLeadField(user, field));
    }

    // ------------------------------------------------------------------------------------------------ decide

    decide(tx: Transaction, ctx: SaveContext, request: DecisionRequest | null): DecisionResult {
        this.validate(request);
        const valid = request as DecisionRequest;
        const refs = valid.leads as LeadRef[];
        const action = valid.action as Action;
        const edited = ['Lifecycle_Stage__c'];
        if (action === 'accept') edited.push('OwnerId');
        else {
            edited.push('Disposition_Reason__c', 'Disposition_Note__c');
            if (action === 'recycle') edited.push('Recycle_Until__c');
        }
        if (!this.mayEdit(ctx.user, edited)) {
            return {
                applied: false,
                outcomes: refs.map((ref) => refusedOutcome(ref.leadId, 'NO_ACCESS', NO_ACCESS_MESSAGE, null))
            };
        }
        const disposition = action === 'accept' ? null : this.disposition(valid, ctx);
        const access = this.access(ctx.user);
        const outcomes: LeadOutcome[] = [];
        const rows: SaveRow[] = [];
        for (const ref of refs) {
            const lead = tx.lead(toId(ref.leadId, KEY_PREFIX.lead));
            let outcome = this.refusal(ctx, lead, ref, action, access);
            if (!outcome && disposition?.code && lead) {
                outcome = refusedOutcome(
                    lead.Id,
                    disposition.code,
                    String(disposition.message),
                    lead.Lifecycle_Stage__c
                );
            }
            if (!outcome && lead) {
                outcome = okOutcome(lead.Id, TARGET_STAGE[action]);
                rows.push({
                    leadId: lead.Id,
                    changes: this.decision(ctx, action, disposition),
                    outcome,
                    stageBefore: lead.Lifecycle_Stage__c
                });
            }
            outcomes.push(outcome as LeadOutcome);
        }
        const applied = this.save(tx, ctx, rows, valid.allowPartial === true, rows.length < outcomes.length);
        return { applied, outcomes };
    }

    private validate(request: DecisionRequest | null): void {
        if (!request) throw new InvalidRequestError('The decision request is empty: send an action and the leads.');
        if (!['accept', 'reject', 'recycle'].includes(request.action)) {
            throw new InvalidRequestError(`Unknown action "${request.action}": use accept, reject or recycle.`);
        }
        const count = Array.isArray(request.leads) ? request.leads.length : 0;
        if (count < 1 || count > MAX_LEADS) {
            throw new InvalidRequestError(
                `Choose between 1 and ${MAX_LEADS} leads per request; this one has ${count}.`
            );
        }
        const seen = new Set<string>();
        for (const ref of request.leads) {
            const leadId = ref ? toId(ref.leadId, KEY_PREFIX.lead) : null;
            if (!ref || !leadId) {
                throw new InvalidRequestError(`Every lead needs a valid Lead Id; "${ref?.leadId ?? null}" is not one.`);
            }
            if (isBlank(ref.seenStage)) {
                throw new InvalidRequestError(
                    `Lead ${leadId} has no seenStage: send the stage the user saw, so stale decisions are refused.`
                );
            }
            if (seen.has(leadId)) {
                throw new InvalidRequestError(`Lead ${leadId} appears twice in the request; send it once.`);
            }
            seen.add(leadId);
        }
        if (request.note && request.note.length > NOTE_MAX_LENGTH) {
            throw new InvalidRequestError(
                `The note has ${request.note.length} characters; shorten it to ${NOTE_MAX_LENGTH} or fewer.`
            );
        }
    }

    private disposition(request: DecisionRequest, ctx: SaveContext): Disposition {
        const result: Disposition = {
            reason: null,
            note: isBlank(request.note) ? null : String(request.note).trim(),
            recycleUntil: null,
            code: null,
            message: null
        };
        const refuseWith = (code: string, message: string) => Object.assign(result, { code, message });
        const expectedKind = request.action === 'reject' ? KIND_REJECT : KIND_RECYCLE;
        const verb = request.action === 'reject' ? 'reject' : 'recycle';
        if (isBlank(request.reasonCode)) {
            return refuseWith('REASON_REQUIRED', `Choose a ${verb} reason to ${verb} this lead.`);
        }
        result.reason = this.policy.dispositionReason(request.reasonCode);
        const reason = result.reason;
        if (!reason) {
            refuseWith(
                'UNKNOWN_REASON',
                `"${request.reasonCode}" is not an active disposition reason; choose one from the list.`
            );
        } else if (reason.kind !== expectedKind) {
            const kindText = reason.kind === null ? 'reason of no kind' : `${reason.kind.toLowerCase()} reason`;
            refuseWith('WRONG_REASON_KIND', `"${reason.label}" is a ${kindText}; choose a ${verb} reason.`);
        } else if (reason.noteRequired && result.note === null) {
            refuseWith('NOTE_REQUIRED', `The reason "${reason.label}" needs a note: say what happened.`);
        } else if (request.action === 'recycle') {
            const today = BusinessHoursClock.today(ctx.now, USER_TIME_ZONE);
            result.recycleUntil =
                request.recycleUntil ?? (reason.recycleDays === null ? null : addDays(today, reason.recycleDays));
            if (result.recycleUntil === null || result.recycleUntil <= today) {
                refuseWith(
                    'RECYCLE_DATE_REQUIRED',
                    'Choose a recycle-until date after today: the lead returns to the inbox after it.'
                );
            }
        }
        return result;
    }

    private decision(ctx: SaveContext, action: Action, disposition: Disposition | null): Partial<Lead> {
        const change: Partial<Lead> = { Lifecycle_Stage__c: TARGET_STAGE[action] };
        if (action === 'accept') change.OwnerId = ctx.user.Id;
        else if (disposition) {
            change.Disposition_Reason__c = disposition.reason?.code ?? null;
            change.Disposition_Note__c = disposition.note;
            if (action === 'recycle') change.Recycle_Until__c = disposition.recycleUntil;
        }
        return change;
    }

    // ------------------------------------------------------------------------------------------------ qualify

    qualify(tx: Transaction, ctx: SaveContext, request: QualifyRequest | null): LeadOutcome {
        if (!request) throw new InvalidRequestError('The qualify request is empty: send the lead and its checklist.');
        const leadId = this.requireLeadId(request.leadId, request.seenStage);
        const criteria = this.policy.sqlCriteria;
        const checked = new Set(request.checkedFields ?? []);
        const checklistFields = criteria
            .map((criterion) => criterion.checklistField)
            .filter((field): field is string => !!field && field in this.leadFieldTypes);
        for (const field of checked) {
            if (!checklistFields.includes(field)) {
                throw new InvalidRequestError(
                    `"${field}" is not an SQL checklist field; send only fields from the checklist.`
                );
            }
        }
        if (!this.mayEdit(ctx.user, ['Lifecycle_Stage__c', 'Qualification_Notes__c', ...checklistFields])) {
            return refusedOutcome(leadId, 'NO_ACCESS', NO_ACCESS_MESSAGE, null);
        }
        const lead = tx.lead(leadId);
        const ref = { leadId: request.leadId, seenStage: request.seenStage };
        const refused = this.refusal(ctx, lead, ref, 'qualify', this.access(ctx.user));
        if (refused || !lead) return refused as LeadOutcome;
        const missing = criteria
            .filter((criterion) => criterion.required && !checked.has(criterion.checklistField ?? ''))
            .map((criterion) => criterion.label);
        if (missing.length) {
            return refusedOutcome(
                leadId,
                'CHECKLIST_INCOMPLETE',
                `Confirm ${joinWithAnd(missing)} before qualifying this lead.`,
                lead.Lifecycle_Stage__c
            );
        }
        const changes: Partial<Lead> = { Lifecycle_Stage__c: 'SQL' };
        for (const field of checklistFields) changes[field] = checked.has(field);
        if (!isBlank(request.notes)) changes.Qualification_Notes__c = request.notes;
        const outcome = okOutcome(leadId, 'SQL');
        this.save(tx, ctx, [{ leadId, changes, outcome, stageBefore: lead.Lifecycle_Stage__c }], false, false);
        return outcome;
    }

    // ------------------------------------------------------------------------------------------------ convert

    convert(tx: Transaction, ctx: SaveContext, request: ConvertRequest | null): ConversionResult {
        if (!request) {
            throw new InvalidRequestError('The convert request is empty: send the lead, amount and close date.');
        }
        const leadId = this.requireLeadId(request.leadId, request.seenStage);
        if (request.opportunityName && request.opportunityName.length > OPPORTUNITY_NAME_MAX_LENGTH) {
            throw new InvalidRequestError(
                `The opportunity name is longer than ${OPPORTUNITY_NAME_MAX_LENGTH} characters; shorten it.`
            );
        }
        const result: ConversionResult = { outcome: okOutcome(leadId, ''), opportunityId: null, accountId: null };
        if (!this.mayEdit(ctx.user, ['Lifecycle_Stage__c'])) {
            result.outcome = refusedOutcome(leadId, 'NO_ACCESS', NO_ACCESS_MESSAGE, null);
            return result;
        }
        if (!this.org.mayConvert(ctx.user)) {
            result.outcome = refusedOutcome(leadId, 'NO_ACCESS', NO_CONVERT_ACCESS_MESSAGE, null);
            return result;
        }
        const lead = tx.lead(leadId);
        const ref = { leadId: request.leadId, seenStage: request.seenStage };
        let refused = this.refusal(ctx, lead, ref, 'convert', this.access(ctx.user));
        if (!refused && lead && (request.amount === null || request.amount === undefined || request.amount <= 0)) {
            refused = refusedOutcome(
                leadId,
                'AMOUNT_REQUIRED',
                'Enter the opportunity amount (more than zero) to convert this lead.',
                lead.Lifecycle_Stage__c
            );
        }
        if (!refused && lead && isBlank(request.closeDate)) {
            refused = refusedOutcome(
                leadId,
                'CLOSE_DATE_REQUIRED',
                'Enter the expected close date to convert this lead.',
                lead.Lifecycle_Stage__c
            );
        }
        if (refused || !lead) {
            result.outcome = refused as LeadOutcome;
            return result;
        }
        this.convertLead(tx, ctx, lead, request, result);
        return result;
    }

    private convertLead(
        tx: Transaction,
        ctx: SaveContext,
        lead: Lead,
        request: ConvertRequest,
        result: ConversionResult
    ): void {
        const leadName = [lead.FirstName, lead.LastName].filter(Boolean).join(' ');
        const opportunityName = !isBlank(request.opportunityName)
            ? String(request.opportunityName).trim()
            : (!isBlank(lead.Company) ? String(lead.Company) : leadName).slice(0, OPPORTUNITY_NAME_MAX_LENGTH);
        const now = ctx.now.toISOString();
        const savepoint = tx.checkpoint();
        try {
            const accountId = tx.newId(KEY_PREFIX.account);
            const contactId = tx.newId(KEY_PREFIX.contact);
            const opportunityId = tx.newId(KEY_PREFIX.opportunity);
            tx.state.accounts.push({ Id: accountId, Name: lead.Company ?? leadName, CreatedDate: now });
            tx.state.contacts.push({ Id: contactId, Name: leadName, CreatedDate: now });
            tx.state.opportunities.push({
                Id: opportunityId,
                Name: opportunityName,
                AccountId: accountId,
                Amount: Number(request.amount),
                CloseDate: String(request.closeDate),
                StageName: 'Prospecting',
                IsWon: false,
                OwnerId: ctx.user.Id,
                CreatedDate: now
            });
            this.automation.update(tx, ctx, lead.Id, {
                IsConverted: true,
                Status: CONVERTED_STATUS,
                OwnerId: ctx.user.Id,
                ConvertedAccountId: accountId,
                ConvertedContactId: contactId,
                ConvertedOpportunityId: opportunityId
            });
            result.outcome = okOutcome(lead.Id, 'Opportunity');
            result.opportunityId = opportunityId;
            result.accountId = accountId;
        } catch (failure) {
            if (!(failure instanceof SaveError)) throw failure;
            tx.rollback(savepoint);
            result.outcome = refusedOutcome(lead.Id, 'SAVE_FAILED', failure.messages[0], lead.Lifecycle_Stage__c);
        }
    }

    // ------------------------------------------------------------------------------------------------ what the user may do

    allowedActions(lead: Lead, access: QueueAccess, user: User): Action[] {
        if (this.blockedReason(lead, access, user) !== null) return [];
        return actionsFromStage(lead.Lifecycle_Stage__c).filter(
            (action) => action !== 'convert' || this.org.mayConvert(user)
        );
    }

    blockedReason(lead: Lead, access: QueueAccess, user: User): string | null {
        const stage = lead.Lifecycle_Stage__c;
        if (lead.IsConverted || stage === 'Opportunity') return 'This lead was converted: work the opportunity.';
        if (stage === 'Rejected') {
            return 'Rejected is a final stage: for new interest from this person, create a new lead.';
        }
        if (stage === 'Recycled') {
            const until = lead.Recycle_Until__c ? ` until ${formatDate(lead.Recycle_Until__c)}` : '';
            return `This lead is recycled${until}: it returns as an MQL by itself if it still qualifies.`;
        }
        if (!actionsFromStage(stage).length) {
            return 'This lead is not an MQL yet: it becomes one automatically when it qualifies.';
        }
        if (!this.mayEdit(user, ['Lifecycle_Stage__c'])) return NO_ACCESS_MESSAGE;
        return access.refusal(lead);
    }

    // ------------------------------------------------------------------------------------------------ shared steps

    private refusal(
        ctx: SaveContext,
        lead: Lead | undefined,
        ref: LeadRef,
        action: Action,
        access: QueueAccess
    ): LeadOutcome | null {
        if (!lead) {
            return refusedOutcome(
                ref.leadId,
                'NOT_FOUND',
                'This lead no longer exists or is not shared with you.',
                null
            );
        }
        const stage = currentStage(lead);
        if (stage !== ref.seenStage) {
            if (rank(stage) > rank(ref.seenStage)) return this.alreadyDecided(ctx, lead, String(stage), ref.seenStage);
            return refusedOutcome(
                lead.Id,
                'STAGE_CHANGED',
                `This lead is now ${stage}, not ${ref.seenStage} as you saw it; refresh and try again.`,
                stage
            );
        }
        const ownerRefusal = access.refusal(lead);
        if (ownerRefusal !== null) return refusedOutcome(lead.Id, 'NOT_YOURS', ownerRefusal, stage);
        if (!actionsFromStage(stage).includes(action)) {
            const possible = actionsFromStage(stage);
            return refusedOutcome(
                lead.Id,
                'STAGE_CHANGED',
                `A lead at ${stage} cannot be ${PAST_TENSE[TARGET_STAGE[action]]}. Possible now: ${
                    possible.length ? `${possible.join(', ')}.` : 'nothing (final or automatic stage).'
                }`,
                stage
            );
        }
        return null;
    }

    private alreadyDecided(ctx: SaveContext, lead: Lead, stage: string, seenStage: string): LeadOutcome {
        const accepted = seenStage === 'MQL' && rank(stage) <= rank('Opportunity') && lead.Accepted_By__c !== null;
        const deciderId = accepted ? lead.Accepted_By__c : lead.LastModifiedById;
        const deciderName = this.org.ownerName(deciderId);
        const decidedAt =
            accepted && lead.Accepted_At__c ? lead.Accepted_At__c : (lead.Stage_Entered_At__c ?? lead.LastModifiedDate);
        const who = deciderId === ctx.user.Id ? 'You' : (deciderName ?? 'Someone');
        const outcome = refusedOutcome(
            lead.Id,
            'ALREADY_DECIDED',
            `${who} already ${PAST_TENSE[accepted ? 'SAL' : stage]} this lead${momentText(decidedAt, ctx.now)}.`,
            stage
        );
        outcome.decidedByName = deciderName;
        outcome.decidedAt = decidedAt;
        return outcome;
    }

    /**
     * Saves the rows like LeadHandoffService.save: partial → each failure is SAVE_FAILED, the rest saved; all or
     * nothing → nothing saved when a lead was refused or a save fails (the rest become NOT_APPLIED).
     */
    private save(tx: Transaction, ctx: SaveContext, rows: SaveRow[], allowPartial: boolean, anyRefused: boolean) {
        if (!rows.length) return !anyRefused || allowPartial;
        const markNotApplied = (failed: Set<SaveRow>) => {
            for (const row of rows) {
                if (!failed.has(row)) refuse(row.outcome, 'NOT_APPLIED', NOT_APPLIED_MESSAGE, row.stageBefore);
            }
        };
        if (!allowPartial && anyRefused) {
            markNotApplied(new Set());
            return false;
        }
        const savepoint = allowPartial ? null : tx.checkpoint();
        const failed = new Set<SaveRow>();
        for (const row of rows) {
            try {
                this.automation.update(tx, ctx, row.leadId, row.changes);
            } catch (failure) {
                if (!(failure instanceof SaveError)) throw failure;
                failed.add(row);
                const message = allowPartial ? failure.messages.join(' ') : failure.messages[0];
                refuse(row.outcome, 'SAVE_FAILED', message, row.stageBefore);
            }
        }
        if (savepoint && failed.size) {
            tx.rollback(savepoint);
            markNotApplied(failed);
            return false;
        }
        return true;
    }

    private requireLeadId(value: string, seenStage: string): string {
        const leadId = toId(value, KEY_PREFIX.lead);
        if (!leadId) throw new InvalidRequestError(`"${value}" is not a Lead Id; send the Id of the lead.`);
        if (isBlank(seenStage)) {
            throw new InvalidRequestError(
                'Send the stage the user saw (seenStage), so a decision on stale data is refused.'
            );
        }
        return leadId;
    }
}

/** Apex Datetime.format in the user's time zone: " at HH:mm" today, else " on d MMM yyyy at HH:mm". */
function momentText(moment: string | null, now: Date): string {
    if (!moment) return '';
    const parts = localParts(new Date(moment).getTime(), USER_TIME_ZONE);
    const time = `${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`;
    const today = BusinessHoursClock.today(now, USER_TIME_ZONE);
    const day = BusinessHoursClock.today(new Date(moment), USER_TIME_ZONE);
    return day === today ? ` at ${time}` : ` on ${parts.day} ${MONTHS[parts.month - 1]} ${parts.year} at ${time}`;
}

/** Apex Date.format() for the en_US locale: M/d/yyyy. */
export function formatDate(isoDate: string): string {
    const [year, month, day] = isoDate.split('-').map(Number);
    return `${month}/${day}/${year}`;
}
