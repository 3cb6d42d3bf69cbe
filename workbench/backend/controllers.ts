// The @AuraEnabled methods the LWCs call (types/apex/*.d.ts), with the Apex controllers' shapes and messages.
// Request-level refusals become ApexError, which reaches the LWC like an AuraHandledException.
import type { SaveContext } from './automation.ts';
import { leadName } from './automation.ts';
import { BusinessHoursClock } from './clock.ts';
import { KEY_PREFIX, isQueueId, toId } from './ids.ts';
import { USER_TIME_ZONE, VIEW_QUEUE_HEALTH_PERMISSION, type Org } from './org.ts';
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
    leadPicklistLabels: Record<string, Record<string, string>>;
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

function inboxRow(lead: Lead, org: Org, canDecide: boolean) {
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
        acceptBy: iso(lead.Accept_By__c),
        canDecide
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
        const queue = access.viewableQueues().find((candidate) => `queue:${candidate.DeveloperName}` === view);
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
    const queues = access.viewableQueues();
    const counted = new Set([...workable, ...queues.map((queue) => queue.Id)]);
    const mqls = tx.state.leads.filter((lead) => isOpenMql(lead) && counted.has(lead.OwnerId));
    const breached = (lead: Lead) => (acceptByMillis(lead) ?? Infinity) < now;
    const count = (owner: (lead: Lead) => boolean) => ({
        count: mqls.filter(owner).length,
        breached: mqls.filter((lead) => owner(lead) && breached(lead)).length
    });
    const all = count((lead) => workable.has(lead.OwnerId));
    return {
        view,
        rows: page.map((lead) => inboxRow(lead, org, access.mayWork(lead.OwnerId))),
        nextCursor: rows.length > pageSize ? `${acceptByMillis(last) ?? ''}${CURSOR_SEPARATOR}${last.Id}` : null,
        views: [
            { key: 'all', label: 'All', ...all },
            { key: 'mine', label: 'Mine', ...count((lead) => lead.OwnerId === ctx.user.Id) },
            { key: 'breached', label: 'Breached', count: all.breached, breached: all.breached },
            ...queues.map((queue) => ({
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
// As force-app/main/manager-insights/classes/QueueHealthController.cls and HandoffMetrics.cls.

const TOP_REASONS = 5;
const BLANK_KEY = '(none)';
const REASON_KEY_SEPARATOR = '|';
const FUNNEL_STAGES = ['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Rejected', 'Recycled'];
const CONVERSION_STEPS = [
    ['Lead', 'MQL'],
    ['MQL', 'SAL'],
    ['SAL', 'SQL'],
    ['SQL', 'Opportunity']
];

function requireManagerAccess(org: Org, ctx: SaveContext): void {
    if (!org.hasCustomPermission(ctx.user, VIEW_QUEUE_HEALTH_PERMISSION)) {
        throw new ApexError(
            'You need the Lead Handoff Manager permission set to see queue health, the funnel and reasons. ' +
                'Ask your Salesforce admin to assign it.'
        );
    }
}

function period(ctx: SaveContext, periodDays: unknown) {
    if (typeof periodDays !== 'number' || !Number.isInteger(periodDays) || periodDays < 1 || periodDays > 365) {
        throw new ApexError(`The period must be between 1 and 365 days; it was ${periodDays ?? null}.`);
    }
    const end = ctx.now.getTime();
    const start = end - periodDays * DAY;
    return {
        periodStart: new Date(start).toISOString(),
        periodEnd: new Date(end).toISOString(),
        contains: (event: StageEvent) => {
            const at = new Date(event.Occurred_At__c).getTime();
            return at >= start && at <= end;
        }
    };
}

/** HandoffMetrics.round: 2 decimals, half up. */
const round2 = (value: number) => Math.round(value * 100 + Number.EPSILON * 100) / 100;

/** HandoffMetrics.rate: percent, null when there is nothing to divide by. */
const rate = (part: number, whole: number) => (whole === 0 ? null : round2((100 * part) / whole));

/** HandoffMetrics.percentile: linear interpolation between the closest ranks. */
function percentile(values: number[], percent: number): number | null {
    if (!values.length) return null;
    const sorted = [...values].sort((left, right) => left - right);
    const rank = (percent * (sorted.length - 1)) / 100;
    const lower = Math.floor(rank);
    const upper = Math.min(lower + 1, sorted.length - 1);
    return round2(sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]));
}

/** Reason counts keyed `Action|code`, as HandoffMetrics.pareto: by count, then key; shares of their total. */
function reasonCounts(events: StageEvent[], policy: Policy, limit: number | null) {
    const counts = new Map<string, number>();
    for (const event of events) {
        const code = event.Reason_Code__c?.trim() || BLANK_KEY;
        const key = `${event.Action__c}${REASON_KEY_SEPARATOR}${code}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const entries = [...counts.entries()].sort(
        ([leftKey, leftCount], [rightKey, rightCount]) => rightCount - leftCount || byString(leftKey, rightKey)
    );
    const total = entries.reduce((sum, [, count]) => sum + count, 0);
    let running = 0;
    const reasons = entries.map(([key, count]) => {
        running += count;
        const [kind, code] = key.split(REASON_KEY_SEPARATOR);
        return {
            code,
            label: policy.dispositionReason(code)?.label ?? code,
            kind,
            count,
            share: rate(count, total),
            cumulativeShare: rate(running, total)
        };
    });
    return { total, reasons: limit === null ? reasons : reasons.slice(0, limit) };
}

const getQueueHealth: Handler = (tx, ctx, params, { org, policy }) => {
    requireManagerAccess(org, ctx);
    const window = period(ctx, params.periodDays);
    const now = ctx.now.getTime();
    const routing = policy.routing;
    const queues = [routing.sdrQueue, routing.salesReviewQueue, routing.escalationQueue, routing.nurtureQueue]
        .map((developerName) => org.queueByName(developerName))
        .filter((queue, index, all): queue is NonNullable<typeof queue> => !!queue && all.indexOf(queue) === index);
    const fromMql = tx.state.stageEvents.filter((event) => event.From_Stage__c === 'MQL' && window.contains(event));
    return {
        periodStart: window.periodStart,
        periodEnd: window.periodEnd,
        serverNow: ctx.now.toISOString(),
        queues: queues.map((queue) => {
            const pending = tx.state.leads
                .filter((lead) => isOpenMql(lead) && lead.OwnerId === queue.Id)
                .sort(
                    (left, right) =>
                        byString(left.MQL_At__c ?? '', right.MQL_At__c ?? '') || byString(left.Id, right.Id)
                );
            const decided = fromMql.filter((event) => event.Owner_Id_At_Time__c === queue.Id);
            const count = (action: string) => decided.filter((event) => event.Action__c === action).length;
            const acceptMinutes = decided
                .filter((event) => event.Action__c === 'Accept')
                .map((event) => event.Business_Minutes_In_Previous_Stage__c);
            const oldest = pending.find((lead) => lead.MQL_At__c !== null);
            return {
                queueId: queue.Id,
                queueDeveloperName: queue.DeveloperName,
                queueName: queue.Name,
                pending: pending.length,
                breachedNow: pending.filter((lead) => (acceptByMillis(lead) ?? Infinity) < now).length,
                dueWithinHour: pending.filter((lead) => {
                    const due = acceptByMillis(lead);
                    return due !== null && due >= now && due <= now + 60 * MINUTE;
                }).length,
                oldestWaitingSince: oldest?.MQL_At__c ?? null,
                oldestLeadId: oldest?.Id ?? null,
                medianMinutesToAccept: percentile(acceptMinutes, 50),
                p90MinutesToAccept: percentile(acceptMinutes, 90),
                decided: decided.length,
                accepted: count('Accept'),
                rejected: count('Reject'),
                recycled: count('Recycle'),
                acceptanceRate: rate(count('Accept'), decided.length),
                rejectRate: rate(count('Reject'), decided.length),
                recycleRate: rate(count('Recycle'), decided.length),
                slaMetRate: rate(decided.filter((event) => event.SLA_Met__c).length, decided.length),
                topReasons: reasonCounts(
                    decided.filter((event) => event.Action__c === 'Reject' || event.Action__c === 'Recycle'),
                    policy,
                    TOP_REASONS
                ).reasons
            };
        })
    };
};

const getFunnel: Handler = (tx, ctx, params, { org, policy, leadPicklistLabels }) => {
    requireManagerAccess(org, ctx);
    const window = period(ctx, params.periodDays);
    const groupBy = params.groupBy;
    if (groupBy !== 'none' && groupBy !== 'leadSource' && groupBy !== 'segment') {
        throw new ApexError(`Unknown funnel grouping "${groupBy ?? null}". Use none, leadSource or segment.`);
    }
    const labels = groupBy === 'segment' ? (leadPicklistLabels.Segment__c ?? {}) : {};
    const keyOf = (event: StageEvent) => {
        if (groupBy === 'none') return 'all';
        const value = groupBy === 'leadSource' ? event.Lead_Source__c : event.Segment__c;
        return value?.trim() || BLANK_KEY;
    };
    const labelOf = (key: string) => {
        if (groupBy === 'none') return 'All leads';
        if (key === BLANK_KEY) return groupBy === 'leadSource' ? 'No lead source' : 'No segment';
        return labels[key] ?? key;
    };
    const enteredByGroup = new Map<string, Map<string, number>>();
    if (groupBy === 'none') enteredByGroup.set('all', new Map());
    const increment = (entered: Map<string, number>, stage: string) =>
        entered.set(stage, (entered.get(stage) ?? 0) + 1);
    for (const event of tx.state.stageEvents.filter(window.contains)) {
        const key = keyOf(event);
        const entered = enteredByGroup.get(key) ?? new Map<string, number>();
        enteredByGroup.set(key, entered);
        if (!event.From_Stage__c) increment(entered, 'Lead');
        if (event.To_Stage__c && event.To_Stage__c !== 'Lead') increment(entered, event.To_Stage__c);
    }
    const groups = [...enteredByGroup.entries()]
        .sort(([left], [right]) => byString(`${labelOf(left)}|${left}`, `${labelOf(right)}|${right}`))
        .map(([key, entered]) => ({
            key,
            label: labelOf(key),
            stages: FUNNEL_STAGES.map((stage) => ({ stage, entered: entered.get(stage) ?? 0 })),
            conversions: CONVERSION_STEPS.map(([fromStage, toStage]) => {
                const fromCount = entered.get(fromStage) ?? 0;
                const toCount = entered.get(toStage) ?? 0;
                const conversionRate = rate(toCount, fromCount);
                const benchmark = policy.funnelBenchmarks.find(
                    (candidate) => candidate.fromStage === fromStage && candidate.toStage === toStage
                );
                const band = benchmark ? Policy.assess(benchmark, conversionRate) : null;
                return {
                    fromStage,
                    toStage,
                    fromCount,
                    toCount,
                    rate: conversionRate,
                    lowPercent: benchmark?.lowPercent ?? null,
                    highPercent: benchmark?.highPercent ?? null,
                    band,
                    diagnosis:
                        band === 'Below'
                            ? (benchmark?.diagnosisBelow ?? null)
                            : band === 'Above'
                              ? (benchmark?.diagnosisAbove ?? null)
                              : null
                };
            })
        }));
    return { periodStart: window.periodStart, periodEnd: window.periodEnd, groupBy, groups };
};

const getReasonPareto: Handler = (tx, ctx, params, { org, policy }) => {
    requireManagerAccess(org, ctx);
    const window = period(ctx, params.periodDays);
    const kind = params.kind;
    if (kind !== 'Reject' && kind !== 'Recycle' && kind !== 'All') {
        throw new ApexError(`Unknown reason kind "${kind ?? null}". Use Reject, Recycle or All.`);
    }
    const actions = kind === 'All' ? ['Reject', 'Recycle'] : [kind];
    const { total, reasons } = reasonCounts(
        tx.state.stageEvents.filter((event) => actions.includes(event.Action__c) && window.contains(event)),
        policy,
        null
    );
    return { periodStart: window.periodStart, periodEnd: window.periodEnd, kind, total, reasons };
};

const getDefinitions: Handler = (_tx, ctx, _params, { policy }) => {
    const review = policy.definitionsReview;
    const addDays = (isoDate: string, days: number) => {
        const [year, month, day] = isoDate.split('-').map(Number);
        return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
    };
    return {
        stages: policy.stageDefinitions,
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
