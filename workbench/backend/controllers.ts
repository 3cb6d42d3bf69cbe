// The @AuraEnabled methods the LWCs call (types/apex/*.d.ts), with the Apex controllers' shapes and messages.
// Request-level refusals become ApexError, which reaches the LWC like an AuraHandledException.
import type { SaveContext } from './automation.ts';
import { leadName } from './automation.ts';
import { BusinessHoursClock } from './clock.ts';
import { KEY_PREFIX, isQueueId, toId } from './ids.ts';
import { USER_TIME_ZONE, type Org } from './org.ts';
import { Policy, type DispositionReason } from './policy.ts';
import {
    InvalidRequestError,
    type ConvertRequest,
    type DecisionRequest,
    type LeadHandoffService,
    type QualifyRequest
} from './service.ts';
import type { Lead, StageEvent, Transaction } from './store.ts';

/** How an AuraHandledException (or any Apex failure) reaches an LWC: `error.body.message`. */
export class ApexError extends Error {
    readonly status: number;
    readonly body: { message: string };

    constructor(message: string, status = 500) {
        super(message);
        this.status = status;
        this.body = { message };
    }
}

export interface Services {
    org: Org;
    policy: Policy;
    service: LeadHandoffService;
    leadFieldTypes: Record<string, string>;
}

export type Handler = (
    tx: Transaction,
    ctx: SaveContext,
    params: Record<string, unknown>,
    services: Services
) => unknown;

const MAX_PAGE_SIZE = 200;
const HISTORY_LIMIT = 100;
const CURSOR_SEPARATOR = '_';
const FUNNEL_STAGES = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity'];
const SEGMENT_LABELS: Record<string, string> = { Sales_Review: 'Sales review' };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const iso = (value: string | null | undefined) => value ?? null;
const byString = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

function handoff<T>(work: () => T): T {
    try {
        return work();
    } catch (error) {
        if (error instanceof InvalidRequestError) throw new ApexError(error.message);
        throw error;
    }
}

function reasonOption(reason: DispositionReason) {
    return {
        code: reason.code,
        label: reason.label,
        kind: reason.kind,
        noteRequired: reason.noteRequired,
        recycleDays: reason.recycleDays
    };
}

// ---------------------------------------------------------------------------------------------------- inbox

function inboxRow(lead: Lead, org: Org) {
    return {
        leadId: lead.Id,
        name: leadName(lead),
        company: lead.Company,
        title: lead.Title,
        ownerId: lead.OwnerId,
        ownerName: org.ownerName(lead.OwnerId),
        ownedByQueue: isQueueId(lead.OwnerId),
        stage: lead.Lifecycle_Stage__c,
        segment: lead.Segment__c,
        intentTrigger: lead.Intent_Trigger__c,
        fitScore: lead.Fit_Score__c,
        intentScore: lead.Intent_Score__c,
        leadSource: lead.LeadSource,
        mqlAt: iso(lead.MQL_At__c),
        acceptBy: iso(lead.Accept_By__c)
    };
}

const acceptByMillis = (lead: Lead) => (lead.Accept_By__c ? new Date(lead.Accept_By__c).getTime() : null);

/** ORDER BY Accept_By__c ASC NULLS LAST, Id ASC */
function inboxOrder(left: Lead, right: Lead): number {
    const a = acceptByMillis(left);
    const b = acceptByMillis(right);
    if (a !== b) return a === null ? 1 : b === null ? -1 : a - b;
    return byString(left.Id, right.Id);
}

function afterCursor(cursor: { acceptBy: number | null; id: string } | null) {
    return (lead: Lead) => {
        if (!cursor) return true;
        const own = acceptByMillis(lead);
        if (cursor.acceptBy === null) return own === null && lead.Id > cursor.id;
        return own === null || own > cursor.acceptBy || (own === cursor.acceptBy && lead.Id > cursor.id);
    };
}

function parseCursor(cursor: unknown): { acceptBy: number | null; id: string } | null {
    if (cursor === null || cursor === undefined || String(cursor).trim() === '') return null;
    const text = String(cursor);
    const separator = text.indexOf(CURSOR_SEPARATOR);
    const acceptByPart = separator < 0 ? text : text.slice(0, separator);
    const idPart = separator < 0 ? '' : text.slice(separator + 1);
    const id = toId(idPart, KEY_PREFIX.lead);
    const acceptBy = acceptByPart === '' ? null : Number(acceptByPart);
    if (!id || (acceptBy !== null && !Number.isInteger(acceptBy))) {
        throw new ApexError(`The inbox page cursor "${text}" is not valid: reload the inbox from the start.`);
    }
    return { acceptBy, id };
}

const isOpenMql = (lead: Lead) => lead.Lifecycle_Stage__c === 'MQL' && !lead.IsConverted;

const getInbox: Handler = (tx, ctx, params, { org, service }) => {
    const pageSize = params.pageSize as number | null | undefined;
    const view = (params.view ?? null) as string | null;
    if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new ApexError(`Page size must be between 1 and ${MAX_PAGE_SIZE}; it was ${pageSize ?? null}.`);
    }
    if (!org.canReadLeadField(ctx.user, 'Lifecycle_Stage__c')) {
        throw new ApexError(
            'You need the Lead Handoff SDR permission set to use the inbox. Ask your Salesforce admin to assign it.'
        );
    }
    const now = ctx.now.getTime();
    const access = service.access(ctx.user);
    let ownerIds: Set<string> | null = null;
    if (view === 'all' || view === 'breached') ownerIds = access.workableOwnerIds();
    else if (view === 'mine') ownerIds = new Set([ctx.user.Id]);
    else if (view?.startsWith('queue:')) {
        const queue = access.workableQueues().find((candidate) => `queue:${candidate.DeveloperName}` === view);
        if (queue) ownerIds = new Set([queue.Id]);
    }
    if (!ownerIds) {
        throw new ApexError(
            `Unknown inbox view "${view}". Use all, mine, breached, or queue:<Queue API name> for a queue you work.`
        );
    }
    const cursor = parseCursor(params.cursor);
    const owners = ownerIds;
    const rows = tx.state.leads
        .filter((lead) => isOpenMql(lead) && owners.has(lead.OwnerId))
        .filter((lead) => view !== 'breached' || (acceptByMillis(lead) ?? Infinity) < now)
        .filter(afterCursor(cursor))
        .sort(inboxOrder)
        .slice(0, pageSize + 1);
    const page = rows.slice(0, pageSize);
    const last = page[page.length - 1];
    const workable = access.workableOwnerIds();
    const mqls = tx.state.leads.filter((lead) => isOpenMql(lead) && workable.has(lead.OwnerId));
    const breached = (lead: Lead) => (acceptByMillis(lead) ?? Infinity) < now;
    const count = (owner: (lead: Lead) => boolean) => ({
        count: mqls.filter(owner).length,
        breached: mqls.filter((lead) => owner(lead) && breached(lead)).length
    });
    const all = count(() => true);
    return {
        view,
        rows: page.map((lead) => inboxRow(lead, org)),
        nextCursor: rows.length > pageSize ? `${acceptByMillis(last) ?? ''}${CURSOR_SEPARATOR}${last.Id}` : null,
        views: [
            { key: 'all', label: 'All', ...all },
            { key: 'mine', label: 'Mine', ...count((lead) => lead.OwnerId === ctx.user.Id) },
            { key: 'breached', label: 'Breached', count: all.breached, breached: all.breached },
            ...access.workableQueues().map((queue) => ({
                key: `queue:${queue.DeveloperName}`,
                label: queue.Name,
                ...count((lead) => lead.OwnerId === queue.Id)
            }))
        ],
        serverNow: ctx.now.toISOString()
    };
};

// ---------------------------------------------------------------------------------------------------- stage panel

function historyEntry(event: StageEvent, org: Org, policy: Policy) {
    return {
        id: event.Id,
        fromStage: event.From_Stage__c,
        toStage: event.To_Stage__c,
        action: event.Action__c,
        reasonCode: event.Reason_Code__c,
        reasonLabel: policy.dispositionReason(event.Reason_Code__c)?.label ?? event.Reason_Code__c,
        note: event.Note__c,
        actorName: org.ownerName(event.Actor__c),
        occurredAt: event.Occurred_At__c,
        minutesInPreviousStage: event.Minutes_In_Previous_Stage__c,
        businessMinutesInPreviousStage: event.Business_Minutes_In_Previous_Stage__c,
        slaMet: event.SLA_Met__c === true
    };
}

const getPanel: Handler = (tx, ctx, params, { org, policy, service, leadFieldTypes }) => {
    const leadId = toId(params.leadId, KEY_PREFIX.lead);
    if (!leadId) {
        throw new ApexError(`"${params.leadId ?? null}" is not a Lead Id: open the panel on a Lead record page.`);
    }
    if (!org.canReadLeadField(ctx.user, 'Lifecycle_Stage__c')) {
        throw new ApexError(
            'You need a Lead Handoff permission set to see the lead stage. Ask your Salesforce admin to assign it.'
        );
    }
    const lead = tx.lead(leadId);
    if (!lead) throw new ApexError('This lead no longer exists or is not shared with you.');
    const access = service.access(ctx.user);
    const allowedActions = service.allowedActions(lead, access, ctx.user);
    const criteria = policy.sqlCriteria.filter(
        (criterion) =>
            !!criterion.checklistField &&
            leadFieldTypes[criterion.checklistField] === 'Checkbox' &&
            org.canReadLeadField(ctx.user, criterion.checklistField)
    );
    const history = tx.state.stageEvents
        .filter((event) => event.Lead__c === leadId)
        .sort((left, right) => byString(right.Occurred_At__c, left.Occurred_At__c) || byString(right.Name, left.Name))
        .slice(0, HISTORY_LIMIT);
    return {
        leadId: lead.Id,
        name: leadName(lead),
        company: lead.Company,
        stage: lead.IsConverted ? 'Opportunity' : lead.Lifecycle_Stage__c,
        segment: lead.Segment__c,
        intentTrigger: lead.Intent_Trigger__c,
        fitScore: lead.Fit_Score__c,
        intentScore: lead.Intent_Score__c,
        ownerName: org.ownerName(lead.OwnerId),
        mqlAt: iso(lead.MQL_At__c),
        acceptBy: iso(lead.Accept_By__c),
        acceptedAt: iso(lead.Accepted_At__c),
        acceptedByName: org.ownerName(lead.Accepted_By__c),
        slaOutcome: lead.SLA_Outcome__c,
        dispositionReason: lead.Disposition_Reason__c,
        recycleUntil: iso(lead.Recycle_Until__c),
        qualificationNotes: lead.Qualification_Notes__c,
        allowedActions,
        blockedReason: allowedActions.length ? null : service.blockedReason(lead, access, ctx.user),
        checklist: criteria.map((criterion) => ({
            field: criterion.checklistField,
            label: criterion.label,
            helpText: criterion.helpText,
            required: criterion.required,
            checked: lead[String(criterion.checklistField)] === true
        })),
        history: history.map((event) => historyEntry(event, org, policy)),
        serverNow: ctx.now.toISOString()
    };
};

// ---------------------------------------------------------------------------------------------------- manager views

function period(ctx: SaveContext, periodDays: unknown) {
    if (typeof periodDays !== 'number' || !Number.isInteger(periodDays) || periodDays < 1 || periodDays > 365) {
        throw new ApexError(`The period must be between 1 and 365 days; it was ${periodDays ?? null}.`);
    }
    const end = ctx.now.getTime();
    const start = end - periodDays * DAY;
    return {
        start,
        end,
        periodStart: new Date(start).toISOString(),
        periodEnd: new Date(end).toISOString(),
        contains: (event: StageEvent) => {
            const at = new Date(event.Occurred_At__c).getTime();
            return at >= start && at <= end;
        }
    };
}

function requireLeadStageAccess(org: Org, ctx: SaveContext, what: string): void {
    if (!org.canReadLeadField(ctx.user, 'Lifecycle_Stage__c')) {
        throw new ApexError(
            `You need a Lead Handoff permission set to see ${what}. Ask your Salesforce admin to assign it.`
        );
    }
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

/** Median (mean of the two middle values for an even count) and P90 (nearest rank) of business minutes. */
function medianAndP90(values: number[]): { median: number | null; p90: number | null } {
    if (!values.length) return { median: null, p90: null };
    const sorted = [...values].sort((left, right) => left - right);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median, p90: sorted[Math.ceil(0.9 * sorted.length) - 1] };
}

function reasonCounts(events: StageEvent[], policy: Policy, limit: number | null) {
    const counts = new Map<string, { code: string; label: string; kind: string; count: number }>();
    for (const event of events) {
        if (!event.Reason_Code__c) continue;
        const reason = policy.dispositionReason(event.Reason_Code__c);
        const entry = counts.get(event.Reason_Code__c) ?? {
            code: event.Reason_Code__c,
            label: reason?.label ?? event.Reason_Code__c,
            kind: reason?.kind ?? (event.Action__c === 'Reject' ? 'Reject' : 'Recycle'),
            count: 0
        };
        entry.count++;
        counts.set(entry.code, entry);
    }
    const sorted = [...counts.values()].sort(
        (left, right) => right.count - left.count || byString(left.label, right.label)
    );
    const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
    let cumulative = 0;
    const reasons = sorted.map((entry) => {
        cumulative += entry.count;
        return { ...entry, share: percent(entry.count, total) ?? 0, cumulativeShare: percent(cumulative, total) ?? 0 };
    });
    return { total, reasons: limit === null ? reasons : reasons.slice(0, limit) };
}

const isDecisionFromMql = (event: StageEvent) =>
    event.From_Stage__c === 'MQL' && ['SAL', 'Rejected', 'Recycled'].includes(event.To_Stage__c);

const getQueueHealth: Handler = (tx, ctx, params, { org, policy }) => {
    requireLeadStageAccess(org, ctx, 'queue health');
    const window = period(ctx, params.periodDays);
    const now = ctx.now.getTime();
    const decisions = tx.state.stageEvents.filter((event) => isDecisionFromMql(event) && window.contains(event));
    return {
        periodStart: window.periodStart,
        periodEnd: window.periodEnd,
        serverNow: ctx.now.toISOString(),
        queues: [...org.queues]
            .sort((left, right) => byString(left.Name, right.Name))
            .map((queue) => {
                const pending = tx.state.leads
                    .filter((lead) => isOpenMql(lead) && lead.OwnerId === queue.Id)
                    .sort((left, right) => byString(left.MQL_At__c ?? '', right.MQL_At__c ?? ''));
                const due = (lead: Lead) => acceptByMillis(lead);
                const decided = decisions.filter((event) => event.Owner_Id_At_Time__c === queue.Id);
                const accepts = decided.filter((event) => event.To_Stage__c === 'SAL');
                const rejects = decided.filter((event) => event.To_Stage__c === 'Rejected');
                const recycles = decided.filter((event) => event.To_Stage__c === 'Recycled');
                const { median, p90 } = medianAndP90(
                    accepts.map((event) => event.Business_Minutes_In_Previous_Stage__c)
                );
                return {
                    queueId: queue.Id,
                    queueDeveloperName: queue.DeveloperName,
                    queueName: queue.Name,
                    pending: pending.length,
                    breachedNow: pending.filter((lead) => (due(lead) ?? Infinity) < now).length,
                    dueWithinHour: pending.filter((lead) => {
                        const at = due(lead);
                        return at !== null && at >= now && at <= now + 60 * MINUTE;
                    }).length,
                    oldestWaitingSince: pending[0]?.MQL_At__c ?? null,
                    oldestLeadId: pending[0]?.Id ?? null,
                    medianMinutesToAccept: median,
                    p90MinutesToAccept: p90,
                    decided: decided.length,
                    accepted: accepts.length,
                    rejected: rejects.length,
                    recycled: recycles.length,
                    acceptanceRate: percent(accepts.length, decided.length),
                    rejectRate: percent(rejects.length, decided.length),
                    recycleRate: percent(recycles.length, decided.length),
                    slaMetRate: percent(decided.filter((event) => event.SLA_Met__c).length, decided.length),
                    topReasons: reasonCounts([...rejects, ...recycles], policy, 3).reasons
                };
            })
    };
};

const GROUP_BY = ['none', 'leadSource', 'segment'];

const getFunnel: Handler = (tx, ctx, params, { org, policy }) => {
    requireLeadStageAccess(org, ctx, 'the funnel');
    const window = period(ctx, params.periodDays);
    const groupBy = String(params.groupBy ?? '');
    if (!GROUP_BY.includes(groupBy)) {
        throw new ApexError(`Unknown funnel grouping "${params.groupBy ?? null}": use none, leadSource or segment.`);
    }
    const events = tx.state.stageEvents.filter(window.contains);
    const keyOf = (event: StageEvent) =>
        groupBy === 'leadSource'
            ? (event.Lead_Source__c ?? '')
            : groupBy === 'segment'
              ? (event.Segment__c ?? '')
              : 'all';
    const labelOf = (key: string) => {
        if (groupBy === 'none') return 'All leads';
        if (key === '') return groupBy === 'segment' ? 'No segment' : 'No lead source';
        return groupBy === 'segment' ? (SEGMENT_LABELS[key] ?? key) : key;
    };
    const wonLeadIds = new Set(
        tx.state.leads
            .filter((lead) =>
                tx.state.opportunities.some(
                    (opportunity) => opportunity.Id === lead.ConvertedOpportunityId && opportunity.IsWon
                )
            )
            .map((lead) => lead.Id)
    );
    const keys = [...new Set(events.map(keyOf))].sort((left, right) => byString(labelOf(left), labelOf(right)));
    const groups = keys.map((key) => {
        const own = events.filter((event) => keyOf(event) === key);
        // A lead enters Lead when created at Lead, and also when created straight into MQL.
        const entered = (stage: string) =>
            new Set(
                own
                    .filter(
                        (event) => event.To_Stage__c === stage || (stage === 'Lead' && event.From_Stage__c === null)
                    )
                    .map((event) => event.Lead__c)
            );
        const counts = new Map(FUNNEL_STAGES.map((stage) => [stage, entered(stage).size]));
        const wonCount = [...entered('Opportunity')].filter((leadId) => wonLeadIds.has(leadId)).length;
        const countOf = (stage: string | null) => (stage === 'Won' ? wonCount : (counts.get(stage ?? '') ?? 0));
        return {
            key,
            label: labelOf(key),
            stages: FUNNEL_STAGES.map((stage) => ({ stage, entered: counts.get(stage) ?? 0 })),
            conversions: policy.funnelBenchmarks.map((benchmark) => {
                const fromCount = countOf(benchmark.fromStage);
                const toCount = countOf(benchmark.toStage);
                const rate = percent(toCount, fromCount);
                const band = Policy.assess(benchmark, rate);
                return {
                    fromStage: benchmark.fromStage,
                    toStage: benchmark.toStage,
                    fromCount,
                    toCount,
                    rate,
                    lowPercent: benchmark.lowPercent,
                    highPercent: benchmark.highPercent,
                    band,
                    diagnosis:
                        band === 'Below' ? benchmark.diagnosisBelow : band === 'Above' ? benchmark.diagnosisAbove : null
                };
            })
        };
    });
    return { periodStart: window.periodStart, periodEnd: window.periodEnd, groupBy, groups };
};

const getReasonPareto: Handler = (tx, ctx, params, { org, policy }) => {
    requireLeadStageAccess(org, ctx, 'disposition reasons');
    const window = period(ctx, params.periodDays);
    const kind = String(params.kind ?? '');
    if (!['Reject', 'Recycle', 'All'].includes(kind)) {
        throw new ApexError(`Unknown reason kind "${params.kind ?? null}": use Reject, Recycle or All.`);
    }
    const events = tx.state.stageEvents.filter(
        (event) =>
            window.contains(event) &&
            (event.Action__c === 'Reject' || event.Action__c === 'Recycle') &&
            (kind === 'All' || event.Action__c === kind)
    );
    const { total, reasons } = reasonCounts(events, policy, null);
    return { periodStart: window.periodStart, periodEnd: window.periodEnd, kind, total, reasons };
};

const getDefinitions: Handler = (_tx, ctx, _params, { policy }) => {
    const review = policy.definitionsReview;
    const addDays = (isoDate: string, days: number) => {
        const [year, month, day] = isoDate.split('-').map(Number);
        return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
    };
    return {
        stages: policy.stageDefinitions.map((definition) => ({ ...definition, order: definition.order ?? 0 })),
        owner: review.owner,
        lastReviewed: review.lastReviewed,
        cadenceDays: review.cadenceDays,
        nextReviewDue: review.lastReviewed ? addDays(review.lastReviewed, review.cadenceDays) : null,
        today: BusinessHoursClock.today(ctx.now, USER_TIME_ZONE)
    };
};

/** Every Apex method the workbench answers, by class and method: the contract of types/apex/*.d.ts. */
export const CONTROLLERS: Record<string, Record<string, Handler>> = {
    LeadInboxController: {
        getInbox,
        getDispositionReasons: (_tx, _ctx, _params, { policy }) => policy.dispositionReasons.map(reasonOption),
        decide: (tx, ctx, params, { service }) =>
            handoff(() => service.decide(tx, ctx, (params.request ?? null) as DecisionRequest | null))
    },
    LeadStagePanelController: {
        getPanel,
        qualify: (tx, ctx, params, { service }) =>
            handoff(() => service.qualify(tx, ctx, (params.request ?? null) as QualifyRequest | null)),
        convert: (tx, ctx, params, { service }) =>
            handoff(() => service.convert(tx, ctx, (params.request ?? null) as ConvertRequest | null))
    },
    QueueHealthController: { getQueueHealth, getFunnel, getReasonPareto },
    StageDefinitionsController: { getDefinitions }
};

/** Methods that change data (they run in a write transaction). */
export const WRITE_METHODS = new Set([
    'LeadInboxController.decide',
    'LeadStagePanelController.qualify',
    'LeadStagePanelController.convert'
]);
