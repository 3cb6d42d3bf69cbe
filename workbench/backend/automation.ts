// What the Lead flows and validation rules do in an org, on every save of a lead (docs/flows): Lead_Handoff_Qualify
// before save, then the validation rules (their messages read from the rule XML), then Lead_Handoff_Route_MQL,
// Lead_Handoff_SLA_Breach (scheduling; the path runs in runScheduledPaths) and Lead_Handoff_Stage_Event.
import { BusinessHoursClock } from './clock.ts';
import { KEY_PREFIX } from './ids.ts';
import type { ValidationRuleDefinition } from './metadata.ts';
import { BYPASS_VALIDATION_PERMISSION, USER_TIME_ZONE, type Org, type User } from './org.ts';
import type { Policy } from './policy.ts';
import type { Lead, StageEvent, Transaction } from './store.ts';

export const STAGE_EVENT_CHANNEL = '/event/Lead_Handoff_Event__e';
const SLA_BREACH_FLOW = 'Lead_Handoff_SLA_Breach';

export interface SaveContext {
    user: User;
    now: Date;
}

/** A refused save (DmlException): the messages of the validation rules that failed. */
export class SaveError extends Error {
    constructor(readonly messages: string[]) {
        super(messages.join(' '));
    }
}

type RuleCheck = (record: Lead, prior: Lead | null, today: string, automation: Automation) => boolean;

const changed = (record: Lead, prior: Lead | null, field: string) => prior !== null && record[field] !== prior[field];
const stageChanged = (record: Lead, prior: Lead | null) => changed(record, prior, 'Lifecycle_Stage__c');
const blank = (value: unknown) => value === null || value === undefined || value === '';
const priorStage = (prior: Lead | null) => prior?.Lifecycle_Stage__c ?? null;
const isStage = (record: Lead, ...stages: string[]) => stages.includes(record.Lifecycle_Stage__c ?? '');
const outOfRange = (score: number | null) => score !== null && (score < 0 || score > 100);

function transitionRule(from: (stage: string | null) => boolean, allowed: string[]): RuleCheck {
    return (record, prior) => stageChanged(record, prior) && from(priorStage(prior)) && !isStage(record, ...allowed);
}

function sqlChecklistRule(criterion: string, field: string): RuleCheck {
    return (record, prior, _today, automation) =>
        isStage(record, 'SQL') &&
        (stageChanged(record, prior) || changed(record, prior, field)) &&
        automation.policy.sqlCriteria.some((item) => item.name === criterion && item.required) &&
        record[field] !== true;
}

/**
 * One check per validation rule in force-app/main/lead-lifecycle/objects/Lead/validationRules, the same condition as
 * its errorConditionFormula (ISCHANGED is false on insert; every rule is bypassed by the custom permission).
 */
const RULES: Record<string, RuleCheck> = {
    Scores_In_Range: (record, prior) =>
        (prior === null || changed(record, prior, 'Fit_Score__c') || changed(record, prior, 'Intent_Score__c')) &&
        (outOfRange(record.Fit_Score__c) || outOfRange(record.Intent_Score__c)),
    New_Lead_Starts_At_Lead_Or_MQL: (record, prior) => prior === null && !isStage(record, 'Lead', 'MQL'),
    From_Lead_Only_To_MQL: transitionRule((stage) => stage === 'Lead' || stage === null, ['Lead', 'MQL']),
    From_MQL_Accept_Reject_Or_Recycle: transitionRule((stage) => stage === 'MQL', ['SAL', 'Rejected', 'Recycled']),
    From_SAL_Qualify_Reject_Or_Recycle: transitionRule((stage) => stage === 'SAL', ['SQL', 'Rejected', 'Recycled']),
    From_SQL_Convert_Or_Recycle: transitionRule((stage) => stage === 'SQL', ['Opportunity', 'Recycled']),
    From_Recycled_Only_To_MQL: transitionRule((stage) => stage === 'Recycled', ['MQL']),
    Rejected_And_Opportunity_Are_Final: (record, prior) =>
        stageChanged(record, prior) && (priorStage(prior) === 'Rejected' || priorStage(prior) === 'Opportunity'),
    Opportunity_Only_By_Conversion: (record, prior) =>
        isStage(record, 'Opportunity') && stageChanged(record, prior) && !record.IsConverted,
    Reject_Needs_Reason: (record, prior) =>
        isStage(record, 'Rejected') &&
        (stageChanged(record, prior) || changed(record, prior, 'Disposition_Reason__c')) &&
        blank(record.Disposition_Reason__c),
    Reject_Reason_Must_Be_Reject_Kind: (record, prior) =>
        isStage(record, 'Rejected') &&
        (stageChanged(record, prior) || changed(record, prior, 'Disposition_Reason__c')) &&
        !blank(record.Disposition_Reason__c) &&
        record.Disposition_Reason_Kind__c !== 'Reject',
    Recycle_Needs_Reason: (record, prior) =>
        isStage(record, 'Recycled') &&
        (stageChanged(record, prior) || changed(record, prior, 'Disposition_Reason__c')) &&
        blank(record.Disposition_Reason__c),
    Recycle_Reason_Must_Be_Recycle_Kind: (record, prior) =>
        isStage(record, 'Recycled') &&
        (stageChanged(record, prior) || changed(record, prior, 'Disposition_Reason__c')) &&
        !blank(record.Disposition_Reason__c) &&
        record.Disposition_Reason_Kind__c !== 'Recycle',
    Recycle_Needs_Recycle_Until: (record, prior) =>
        isStage(record, 'Recycled') &&
        (stageChanged(record, prior) || changed(record, prior, 'Recycle_Until__c')) &&
        blank(record.Recycle_Until__c),
    Recycle_Until_Must_Be_Future: (record, prior, today) =>
        isStage(record, 'Recycled') &&
        (stageChanged(record, prior) || changed(record, prior, 'Recycle_Until__c')) &&
        !blank(record.Recycle_Until__c) &&
        String(record.Recycle_Until__c) <= today,
    Disposition_Note_Required: (record, prior) =>
        isStage(record, 'Rejected', 'Recycled') &&
        (stageChanged(record, prior) ||
            changed(record, prior, 'Disposition_Reason__c') ||
            changed(record, prior, 'Disposition_Note__c')) &&
        record.Disposition_Note_Required__c &&
        blank(record.Disposition_Note__c),
    SQL_Needs_Need: sqlChecklistRule('Need', 'SQL_Need_Confirmed__c'),
    SQL_Needs_Budget: sqlChecklistRule('Budget', 'SQL_Budget_Confirmed__c'),
    SQL_Needs_Timeline: sqlChecklistRule('Timeline', 'SQL_Timeline_Confirmed__c'),
    SQL_Needs_Decision_Path: sqlChecklistRule('Decision_Path', 'SQL_Decision_Path_Confirmed__c')
};

const STAGE_ACTIONS: [(from: string, to: string) => boolean, string][] = [
    [(from, to) => from === '' && to === 'Lead', 'Create'],
    [(_from, to) => to === 'MQL', 'Promote'],
    [(from, to) => from === 'MQL' && to === 'SAL', 'Accept'],
    [(_from, to) => to === 'Rejected', 'Reject'],
    [(_from, to) => to === 'Recycled', 'Recycle'],
    [(from, to) => from === 'SAL' && to === 'SQL', 'Qualify'],
    [(_from, to) => to === 'Opportunity', 'Convert']
];

export function stageAction(fromStage: string | null, toStage: string): string {
    return STAGE_ACTIONS.find(([matches]) => matches(fromStage ?? '', toStage))?.[1] ?? 'Override';
}

export class Automation {
    private readonly rules: { definition: ValidationRuleDefinition; check: RuleCheck }[];

    constructor(
        readonly org: Org,
        readonly policy: Policy,
        readonly clock: BusinessHoursClock,
        validationRules: ValidationRuleDefinition[]
    ) {
        const missing = validationRules.filter((rule) => !RULES[rule.name]).map((rule) => rule.name);
        if (missing.length) {
            throw new Error(
                `Validation rule ${missing.join(', ')} has no workbench check: add it to RULES in workbench/backend/automation.ts.`
            );
        }
        this.rules = validationRules
            .filter((rule) => rule.active)
            .map((definition) => ({ definition, check: RULES[definition.name] }));
    }

    /** Inserts a lead as `ctx.user` (standard field defaults, then the flows and rules). */
    insert(tx: Transaction, ctx: SaveContext, fields: Partial<Lead>): Lead {
        const now = ctx.now.toISOString();
        const record = {
            FirstName: null,
            Company: null,
            Title: null,
            Email: null,
            LeadSource: null,
            Status: 'Open - Not Contacted',
            IsConverted: false,
            ConvertedAccountId: null,
            ConvertedContactId: null,
            ConvertedOpportunityId: null,
            Lifecycle_Stage__c: null,
            Fit_Score__c: null,
            Intent_Score__c: null,
            Segment__c: null,
            Intent_Trigger__c: null,
            MQL_At__c: null,
            Accept_By__c: null,
            Accepted_At__c: null,
            Accepted_By__c: null,
            SLA_Outcome__c: null,
            Disposition_Reason__c: null,
            Disposition_Reason_Kind__c: null,
            Disposition_Note_Required__c: false,
            Disposition_Note__c: null,
            Recycle_Until__c: null,
            Recycle_Count__c: 0,
            SQL_At__c: null,
            Qualification_Notes__c: null,
            Stage_Entered_At__c: null,
            ...Object.fromEntries(
                this.policy.sqlCriteria.flatMap((item) => (item.checklistField ? [[item.checklistField, false]] : []))
            ),
            ...fields,
            Id: tx.newId(KEY_PREFIX.lead),
            OwnerId: fields.OwnerId ?? ctx.user.Id,
            LastName: fields.LastName ?? '',
            CreatedDate: now,
            LastModifiedDate: now,
            LastModifiedById: ctx.user.Id
        } as Lead;
        return this.save(tx, ctx, null, record);
    }

    /** Updates a lead as `ctx.user`. */
    update(tx: Transaction, ctx: SaveContext, leadId: string, changes: Partial<Lead>): Lead {
        const prior = tx.lead(leadId);
        if (!prior) throw new SaveError([`entity is deleted: ${leadId}`]);
        return this.save(tx, ctx, { ...prior }, { ...prior, ...changes, Id: prior.Id } as Lead);
    }

    private save(tx: Transaction, ctx: SaveContext, prior: Lead | null, record: Lead): Lead {
        this.qualify(record, prior, ctx);
        const failures = this.validate(record, prior, ctx);
        if (failures.length) throw new SaveError(failures);
        record.LastModifiedDate = ctx.now.toISOString();
        record.LastModifiedById = ctx.user.Id;
        tx.writeLead(record);
        const saved = { ...record };
        this.routeMql(tx, ctx, saved, prior);
        this.scheduleSlaBreach(tx, saved, prior);
        this.recordStageEvent(tx, ctx, saved, prior);
        return tx.lead(record.Id) as Lead;
    }

    /** Lead_Handoff_Qualify (before save). */
    private qualify(record: Lead, prior: Lead | null, ctx: SaveContext): void {
        const today = BusinessHoursClock.today(ctx.now, USER_TIME_ZONE);
        const segment = this.policy.segmentOf(record.Fit_Score__c, record.Intent_Score__c, record.Intent_Trigger__c);
        record.Segment__c = segment;
        const stage = record.Lifecycle_Stage__c;
        const promote =
            (segment === 'MQL' || segment === 'Sales_Review') &&
            (blank(stage) ||
                stage === 'Lead' ||
                (stage === 'Recycled' &&
                    priorStage(prior) === 'Recycled' &&
                    !blank(record.Recycle_Until__c) &&
                    String(record.Recycle_Until__c) <= today));
        if (promote) record.Lifecycle_Stage__c = 'MQL';
        else if (prior !== null && record.IsConverted && !prior.IsConverted) record.Lifecycle_Stage__c = 'Opportunity';
        else if (blank(stage)) record.Lifecycle_Stage__c = 'Lead';

        const now = ctx.now.toISOString();
        const previous = prior === null ? '' : (prior.Lifecycle_Stage__c ?? '');
        const current = record.Lifecycle_Stage__c ?? '';
        if (previous !== current) {
            record.Stage_Entered_At__c = now;
            if (previous === 'MQL' && record.SLA_Outcome__c === 'Pending') {
                record.SLA_Outcome__c = record.Accept_By__c && now <= record.Accept_By__c ? 'Met' : 'Missed';
            }
            if (current === 'MQL') {
                record.MQL_At__c = now;
                record.SLA_Outcome__c = 'Pending';
                record.Accept_By__c = null;
                record.Accepted_At__c = null;
                record.Accepted_By__c = null;
                record.Disposition_Reason__c = null;
                record.Disposition_Note__c = null;
                for (const criterion of this.policy.sqlCriteria) {
                    if (criterion.checklistField) record[criterion.checklistField] = false;
                }
            } else if (current === 'SAL') {
                record.Accepted_At__c = now;
                record.Accepted_By__c = ctx.user.Id;
            } else if (current === 'SQL') {
                record.SQL_At__c = now;
            } else if (current === 'Recycled') {
                record.Recycle_Count__c = (record.Recycle_Count__c ?? 0) + 1;
            }
        }
        const reason = this.policy.dispositionReason(record.Disposition_Reason__c);
        record.Disposition_Reason_Kind__c = reason?.kind ?? null;
        record.Disposition_Note_Required__c = reason?.noteRequired ?? false;
    }

    private validate(record: Lead, prior: Lead | null, ctx: SaveContext): string[] {
        if (this.org.hasCustomPermission(ctx.user, BYPASS_VALIDATION_PERMISSION)) return [];
        const today = BusinessHoursClock.today(ctx.now, USER_TIME_ZONE);
        return this.rules
            .filter((rule) => rule.check(record, prior, today, this))
            .map((rule) => rule.definition.errorMessage);
    }

    /** Lead_Handoff_Route_MQL: on entering MQL, accept-by in business hours and the routing queue. */
    private routeMql(tx: Transaction, ctx: SaveContext, record: Lead, prior: Lead | null): void {
        if (record.Lifecycle_Stage__c !== 'MQL' || (prior !== null && prior.Lifecycle_Stage__c === 'MQL')) return;
        const sla = this.policy.responseSla(record.Intent_Trigger__c);
        const acceptBy = this.clock.addMinutes(sla.businessHoursName, new Date(String(record.MQL_At__c)), sla.minutes);
        const routing = this.policy.routing;
        const queue = this.org.queueByName(
            record.Segment__c === 'Sales_Review' ? routing.salesReviewQueue : routing.sdrQueue
        );
        this.update(tx, ctx, record.Id, {
            Accept_By__c: acceptBy.toISOString(),
            ...(queue ? { OwnerId: queue.Id } : {})
        });
    }

    /** Lead_Handoff_SLA_Breach: an MQL that gets its accept-by schedules the path at that time. */
    private scheduleSlaBreach(tx: Transaction, record: Lead, prior: Lead | null): void {
        const meets = (lead: Lead | null) => lead?.Lifecycle_Stage__c === 'MQL' && !blank(lead.Accept_By__c);
        if (!meets(record) || meets(prior)) return;
        tx.state.scheduledPaths.push({ flow: SLA_BREACH_FLOW, leadId: record.Id, runAt: String(record.Accept_By__c) });
    }

    /** Lead_Handoff_Stage_Event: the history row and the platform event, for a new lead or a stage change. */
    private recordStageEvent(tx: Transaction, ctx: SaveContext, record: Lead, prior: Lead | null): void {
        if (prior !== null && prior.Lifecycle_Stage__c === record.Lifecycle_Stage__c) return;
        const fromStage = prior?.Lifecycle_Stage__c ?? null;
        const toStage = String(record.Lifecycle_Stage__c);
        const action = stageAction(fromStage, toStage);
        const startedAt = prior?.Stage_Entered_At__c ? new Date(prior.Stage_Entered_At__c) : null;
        const endedAt = new Date(String(record.Stage_Entered_At__c));
        const businessHours = this.policy.responseSla(record.Intent_Trigger__c).businessHoursName;
        const ownerId = prior?.OwnerId ?? record.OwnerId;
        const withReason = action === 'Reject' || action === 'Recycle';
        const event: StageEvent = {
            Id: tx.newId(KEY_PREFIX.stageEvent),
            Name: tx.nextStageEventName(),
            Lead__c: record.Id,
            From_Stage__c: fromStage,
            To_Stage__c: toStage,
            Action__c: action,
            Reason_Code__c: withReason ? record.Disposition_Reason__c : null,
            Note__c: withReason ? record.Disposition_Note__c : null,
            Actor__c: ctx.user.Id,
            Occurred_At__c: ctx.now.toISOString(),
            Minutes_In_Previous_Stage__c: BusinessHoursClock.calendarMinutesBetween(startedAt, endedAt),
            Business_Minutes_In_Previous_Stage__c: this.clock.businessMinutesBetween(businessHours, startedAt, endedAt),
            SLA_Met__c: fromStage === 'MQL' && record.SLA_Outcome__c === 'Met',
            Owner_At_Time__c: this.org.ownerName(ownerId)?.slice(0, 80) ?? null,
            Owner_Id_At_Time__c: ownerId,
            Lead_Source__c: record.LeadSource,
            Segment__c: record.Segment__c,
            Intent_Trigger__c: record.Intent_Trigger__c,
            Fit_Score__c: record.Fit_Score__c,
            Intent_Score__c: record.Intent_Score__c
        };
        tx.state.stageEvents.push(event);
        tx.events.push({
            channel: STAGE_EVENT_CHANNEL,
            data: {
                payload: {
                    Lead_Id__c: record.Id,
                    Stage__c: toStage,
                    Previous_Stage__c: fromStage,
                    Owner_Id__c: record.OwnerId,
                    Action__c: action,
                    Actor_Id__c: ctx.user.Id,
                    CreatedDate: ctx.now.toISOString(),
                    CreatedById: ctx.user.Id
                }
            }
        });
    }

    /**
     * Runs the SLA breach paths due by `now`, as the Automated Process user: a lead still MQL, not accepted and past
     * accept-by becomes Missed, moves to the escalation queue when the policy says so, and the managers are notified.
     */
    runScheduledPaths(tx: Transaction, now: Date, automatedProcess: User): void {
        const due = tx.state.scheduledPaths.filter((path) => new Date(path.runAt) <= now);
        if (!due.length) return;
        tx.state.scheduledPaths = tx.state.scheduledPaths.filter((path) => !due.includes(path));
        for (const path of due.sort((left, right) => (left.runAt < right.runAt ? -1 : 1))) {
            const runAt = new Date(path.runAt);
            const lead = tx.lead(path.leadId);
            if (
                !lead ||
                lead.Lifecycle_Stage__c !== 'MQL' ||
                !blank(lead.Accepted_At__c) ||
                blank(lead.Accept_By__c) ||
                new Date(String(lead.Accept_By__c)) > runAt
            ) {
                continue;
            }
            const routing = this.policy.routing;
            const escalation = routing.escalateOnBreach ? this.org.queueByName(routing.escalationQueue) : undefined;
            this.update(tx, { user: automatedProcess, now: runAt }, lead.Id, {
                SLA_Outcome__c: 'Missed',
                ...(escalation ? { OwnerId: escalation.Id } : {})
            });
            tx.state.notifications.push({
                type: 'Lead_Handoff_SLA_Breach',
                recipientGroup: routing.breachNotificationGroup,
                title: `SLA missed: ${lead.Company ?? ''}`,
                body: `${leadName(lead)} (${lead.Company ?? ''}) was not accepted by ${lead.Accept_By__c}. Intent trigger: ${lead.Intent_Trigger__c ?? ''}.`,
                targetId: lead.Id,
                sentAt: runAt.toISOString()
            });
        }
    }
}

export function leadName(lead: Lead): string {
    return [lead.FirstName, lead.LastName].filter((part) => !blank(part)).join(' ');
}
