// The sample data: every row of data/ (the files of data/lead-handoff-plan.json) inserted by the data-load persona
// through local-org's DML at stage Lead, so the product's flows promote, segment and route it, then a short history
// played on a moving clock through the product's own @AuraEnabled methods, each as a persona who may make that
// decision (the Apex says who may: a persona it refuses hands the decision to the next), each decided lead opened by
// its SDR first (speed to lead). The sample Tasks (a call on an accepted lead, WhoId `@<referenceId>`) are logged by
// that persona soon after the accept, which stops the lead's first-touch clock; the last accepted lead with neither a
// Task nor a checklist is accepted recently, so its first touch is due now, and the others without a Task breach
// theirs. Scheduled paths (the SLA and first-touch breaches) run whenever the clock passes their time. Nothing here
// decides a stage, an SLA or a route.
// The plan's campaigns are inserted first and each lead joins its campaigns right after it is inserted (the product's
// flow stamps the campaign that brought it); the SQL rows named in data/conversions.json are then converted through
// the stage panel and their opportunities moved to the stage the file gives (won, lost or still open), as their
// owner would in the opportunity's record page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Aura, BusinessCalendar, Json, LocalOrg, UserContext } from './local-org.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How long each sample MQL has waited, in business minutes: some fresh, some due soon, some past any short SLA. */
const WAITED_MINUTES = [6, 40, 75, 150, 20, 55, 95, 600, 3, 30, 50, 240, 12, 45, 85];
/** Business minutes before the first decision on a decided sample lead (some after a breach). */
const DECISION_AFTER_MINUTES = [15, 35, 55, 25, 150, 10, 45, 30, 400, 40];
/** Business minutes from accept to the sample call that is the lead's first touch (within every first-touch SLA). */
const TOUCH_AFTER_MINUTES = 25;
/** Business minutes before now the lead whose first touch is due was accepted (due soon under a 120-minute SLA). */
const DUE_ACCEPT_MINUTES = 100;
/** Sample columns that are the outcome of later decisions: made by those decisions, not inserted. */
const DECIDED_FIELDS = ['Lifecycle_Stage__c', 'Disposition_Reason__c', 'Disposition_Note__c', 'Recycle_Until__c'];
/** The sample's checklist and notes (SAL and SQL rows): confirmed by the SDR after accepting. */
const isChecklistField = (field: string) => field.startsWith('SQL_') || field === 'Qualification_Notes__c';
/** Refusals that mean "not this persona": the next persona who works leads tries. */
const NOT_THIS_PERSONA = new Set(['NOT_YOURS', 'NO_ACCESS', 'NOT_FOUND']);

export type Row = Record<string, Json>;

interface PlanEntry {
    sobject: string;
    files: string[];
}

/** The rows of the plan's files for one object, each with its referenceId. */
function planRecords(root: string, sobject: string): { referenceId: string; fields: Row }[] {
    const plan = JSON.parse(readFileSync(join(root, 'data', 'lead-handoff-plan.json'), 'utf8')) as PlanEntry[];
    return plan
        .filter((entry) => entry.sobject === sobject)
        .flatMap((entry) => entry.files)
        .flatMap((file) => (JSON.parse(readFileSync(join(root, 'data', file), 'utf8')) as { records: Row[] }).records)
        .map((record) => ({
            referenceId: String((record.attributes as Record<string, Json>).referenceId),
            fields: Object.fromEntries(Object.entries(record).filter(([field]) => field !== 'attributes'))
        }));
}

/** What the sample adds around the leads: campaigns, memberships and the conversions to play. */
export interface SampleExtras {
    /** referenceId of each lead row, in row order. */
    leadReferenceIds: string[];
    campaigns: { referenceId: string; fields: Row }[];
    /** Memberships: the campaign's and the lead's referenceIds (`@` removed) and the member fields. */
    members: { campaign: string; lead: string; fields: Row }[];
    /** Lead referenceId → the converted opportunity's amount and stage (data/conversions.json). */
    conversions: Map<string, { amount: number; stageName: string }>;
}

export function sampleExtras(root: string): SampleExtras {
    const conversionsFile = join(root, 'data', 'conversions.json');
    const conversions = new Map<string, { amount: number; stageName: string }>();
    if (existsSync(conversionsFile)) {
        const file = JSON.parse(readFileSync(conversionsFile, 'utf8')) as {
            conversions: { referenceId: string; amount: number; stageName: string }[];
        };
        for (const entry of file.conversions) conversions.set(entry.referenceId, entry);
    }
    const reference = (value: Json) => String(value).replace(/^@/, '');
    return {
        leadReferenceIds: planRecords(root, 'Lead').map((record) => record.referenceId),
        campaigns: planRecords(root, 'Campaign'),
        members: planRecords(root, 'CampaignMember').map(({ fields }) => ({
            campaign: reference(fields.CampaignId),
            lead: reference(fields.LeadId),
            fields: Object.fromEntries(
                Object.entries(fields).filter(([field]) => field !== 'CampaignId' && field !== 'LeadId')
            )
        })),
        conversions
    };
}

export function sampleRows(root: string): Row[] {
    const plan = JSON.parse(readFileSync(join(root, 'data', 'lead-handoff-plan.json'), 'utf8')) as {
        sobject: string;
        files: string[];
    }[];
    return plan
        .filter((entry) => entry.sobject === 'Lead')
        .flatMap((entry) => entry.files)
        .flatMap((file) => (JSON.parse(readFileSync(join(root, 'data', file), 'utf8')) as { records: Row[] }).records)
        .map((record) => Object.fromEntries(Object.entries(record).filter(([field]) => field !== 'attributes')));
}

/** The sample Tasks by the row of the lead they are about (their WhoId `@<referenceId>` of a Lead record). */
export function sampleTouches(root: string): Map<number, Row> {
    const plan = JSON.parse(readFileSync(join(root, 'data', 'lead-handoff-plan.json'), 'utf8')) as {
        sobject: string;
        files: string[];
    }[];
    const records = (sobject: string) =>
        plan
            .filter((entry) => entry.sobject === sobject)
            .flatMap((entry) => entry.files)
            .flatMap(
                (file) => (JSON.parse(readFileSync(join(root, 'data', file), 'utf8')) as { records: Row[] }).records
            );
    const rowOf = new Map(
        records('Lead').map((record, row) => [String((record.attributes as Row | null)?.referenceId), row])
    );
    const touches = new Map<number, Row>();
    for (const task of records('Task')) {
        const row = rowOf.get(String(task.WhoId).replace(/^@/, ''));
        if (row === undefined) throw new Error(`sample Task ${String(task.WhoId)} names no sample lead`);
        touches.set(
            row,
            Object.fromEntries(Object.entries(task).filter(([field]) => field !== 'attributes' && field !== 'WhoId'))
        );
    }
    return touches;
}

export interface SeedContext {
    aura: Aura;
    org: LocalOrg;
    dataLoader: UserContext;
    /** The personas who work leads, in the order they are asked to decide. */
    deciders: UserContext[];
    calendar: BusinessCalendar;
    log: (line: string) => void;
}

interface Step {
    at: number;
    row: number;
    run: (at: number) => void;
}

/** The latest instant from which `minutes` business minutes have passed by `now`. */
function businessMinutesBefore(calendar: BusinessCalendar, now: number, minutes: number): number {
    let earliest = now - 60 * DAY;
    let latest = now;
    while (latest - earliest > MINUTE) {
        const middle = Math.floor((earliest + latest) / 2 / MINUTE) * MINUTE;
        if (calendar.diff(middle, now) >= minutes * MINUTE) earliest = middle;
        else latest = middle;
    }
    return earliest;
}

type Outcome = { ok: boolean; code: string | null; message: string | null };

const NO_EXTRAS: SampleExtras = { leadReferenceIds: [], campaigns: [], members: [], conversions: new Map() };

export function seed(
    context: SeedContext,
    rows: Row[],
    now: number,
    extras: SampleExtras = NO_EXTRAS,
    touches = new Map<number, Row>()
): void {
    const { aura, org, dataLoader, deciders, calendar } = context;
    const leadIds: string[] = [];
    const steps: Step[] = [];
    const campaignIds = new Map<string, string>();
    const insertAsLoader = (objectName: string, records: Row[], what: string) => {
        const outcome = aura.insertRecords(org, dataLoader, objectName, records);
        outcome.ids.forEach((id, index) => {
            if (!id) throw new Error(`sample ${what} was not inserted: ${outcome.errors[index].join(' ')}`);
        });
        return outcome.ids as string[];
    };
    const joinCampaigns = (row: number) => {
        const reference = extras.leadReferenceIds[row];
        const members = extras.members.filter((member) => member.lead === reference);
        if (members.length === 0) return;
        insertAsLoader(
            'CampaignMember',
            members.map((member) => ({
                ...member.fields,
                CampaignId: campaignIds.get(member.campaign) ?? null,
                LeadId: leadIds[row]
            })),
            `campaign membership of ${reference}`
        );
    };
    const conversionOrder = [...extras.conversions.keys()];
    const stageOf = (row: number) => String(org.store.get(leadIds[row])?.get('Lifecycle_Stage__c') ?? '');

    const call = (user: UserContext, apexClass: string, method: string, params: Record<string, unknown>) => {
        const result = aura.invokeAura(org, user, apexClass, method, params);
        if (!result.ok) throw new Error(`${apexClass}.${method} as ${user.username}: ${result.body.message}`);
        return result.value as Record<string, Json>;
    };
    /** Asks each persona in turn (the row's SDR first) until one is not refused as "not yours". */
    const asDecider = (row: number, what: string, attempt: (user: UserContext) => Outcome): UserContext => {
        const order = [...deciders.slice(row % 2), ...deciders.slice(0, row % 2)];
        let last: Outcome | null = null;
        for (const user of order) {
            last = attempt(user);
            if (last.ok) return user;
            if (!NOT_THIS_PERSONA.has(String(last.code))) break;
        }
        throw new Error(`sample lead ${row + 1} could not ${what}: ${last?.code} ${last?.message}`);
    };
    const decide = (row: number, action: 'accept' | 'reject' | 'recycle', sample: Row) => (at: number) => {
        const today = new Date(at).toISOString().slice(0, 10);
        const until = typeof sample.Recycle_Until__c === 'string' && sample.Recycle_Until__c > today;
        const request = {
            action,
            leads: [{ leadId: leadIds[row], seenStage: stageOf(row) }],
            reasonCode: action === 'accept' ? null : (sample.Disposition_Reason__c ?? null),
            note: action === 'accept' ? null : (sample.Disposition_Note__c ?? null),
            recycleUntil: until ? sample.Recycle_Until__c : null,
            allowPartial: false
        };
        asDecider(row, action, (user) => {
            const result = call(user, 'LeadInboxController', 'decide', { request });
            return (result.outcomes as unknown as Outcome[])[0];
        });
    };

    /** The row's SDR opens the lead (speed to lead): the first persona the Apex records the view for. */
    const view = (row: number) => () => {
        const order = [...deciders.slice(row % 2), ...deciders.slice(0, row % 2)];
        order.some((user) => call(user, 'LeadStagePanelController', 'recordFirstView', { leadId: leadIds[row] }));
    };
    const logTouch = (row: number, task: Row) => () => {
        asDecider(row, 'log its first touch', (user) => {
            const outcome = aura.insertRecords(org, user, 'Task', [{ ...task, WhoId: leadIds[row] }]);
            return outcome.ids[0]
                ? { ok: true, code: null, message: null }
                : { ok: false, code: 'NO_ACCESS', message: outcome.errors[0].join(' ') };
        });
    };
    const untouchedSals = rows
        .map((sample, row) => ({ sample, row }))
        .filter(({ sample, row }) => sample.Lifecycle_Stage__c === 'SAL' && !touches.has(row))
        .filter(({ sample }) => !Object.keys(sample).some((field) => isChecklistField(field)));
    const dueRow = untouchedSals.length ? untouchedSals[untouchedSals.length - 1].row : -1;

    rows.forEach((sample, row) => {
        const stage = String(sample.Lifecycle_Stage__c ?? 'Lead');
        const checklist = Object.fromEntries(Object.entries(sample).filter(([field]) => isChecklistField(field)));
        const fields = Object.fromEntries(
            Object.entries(sample).filter(([field]) => !DECIDED_FIELDS.includes(field) && !isChecklistField(field))
        );
        const insert = () => {
            const outcome = aura.insertRecords(org, dataLoader, 'Lead', [{ ...fields, Lifecycle_Stage__c: 'Lead' }]);
            if (!outcome.ids[0])
                throw new Error(`sample lead ${row + 1} was not inserted: ${outcome.errors[0].join(' ')}`);
            leadIds[row] = outcome.ids[0];
            joinCampaigns(row);
        };
        if (stage === 'MQL') {
            const waited = WAITED_MINUTES[row % WAITED_MINUTES.length];
            const inserted = businessMinutesBefore(calendar, now, waited);
            steps.push({ at: inserted, row, run: insert });
            // Some waiting MQLs were already opened by their SDR, a third of the way into their wait.
            if (row % 3 === 0)
                steps.push({ at: calendar.add(inserted, Math.ceil(waited / 3) * MINUTE), row, run: view(row) });
            return;
        }
        const conversion = extras.conversions.get(extras.leadReferenceIds[row]);
        // Converted samples start within the last four weeks, so their whole story fits the default 30-day funnel.
        const daysAgo = conversion
            ? 8 + 2 * conversionOrder.indexOf(extras.leadReferenceIds[row])
            : 3 + ((row * 7) % 40);
        const created = calendar.nextStart(now - daysAgo * DAY + row * 37 * MINUTE);
        steps.push({ at: created, row, run: insert });
        if (stage === 'Lead') return;
        const first =
            row === dueRow
                ? businessMinutesBefore(calendar, now, DUE_ACCEPT_MINUTES)
                : calendar.add(created, DECISION_AFTER_MINUTES[row % DECISION_AFTER_MINUTES.length] * MINUTE);
        const later = (days: number) => calendar.add(first, days * 8 * 60 * MINUTE);
        // The SDR opens the lead before deciding it: a third of the way to the decision.
        const decisionAfter = DECISION_AFTER_MINUTES[row % DECISION_AFTER_MINUTES.length];
        steps.push({ at: calendar.add(created, Math.ceil(decisionAfter / 3) * MINUTE), row, run: view(row) });
        if (stage === 'Recycled' || (stage === 'Rejected' && row % 2 === 1)) {
            steps.push({ at: first, row, run: decide(row, stage === 'Recycled' ? 'recycle' : 'reject', sample) });
            return;
        }
        steps.push({ at: first, row, run: decide(row, 'accept', sample) });
        const touch = touches.get(row);
        if (touch)
            steps.push({ at: calendar.add(first, TOUCH_AFTER_MINUTES * MINUTE), row, run: logTouch(row, touch) });
        if (stage === 'Rejected') {
            steps.push({ at: later(1), row, run: decide(row, 'reject', sample) });
        } else if (stage === 'SAL' && Object.keys(checklist).length) {
            steps.push({
                at: later(1),
                row,
                run: () => {
                    const update = { Id: leadIds[row], ...checklist };
                    asDecider(row, 'record its checklist', (user) => {
                        const saved = aura.saveRecord(org, user, { apiName: 'Lead', fields: update });
                        return saved.ok
                            ? { ok: true, code: null, message: null }
                            : { ok: false, code: 'NO_ACCESS', message: saved.body.message };
                    });
                }
            });
        } else if (stage === 'SQL') {
            steps.push({
                at: later(2 + (row % 3)),
                row,
                run: () => {
                    const request = {
                        leadId: leadIds[row],
                        seenStage: stageOf(row),
                        checkedFields: Object.keys(checklist).filter((field) => checklist[field] === true),
                        notes: checklist.Qualification_Notes__c ?? null
                    };
                    asDecider(
                        row,
                        'qualify',
                        (user) => call(user, 'LeadStagePanelController', 'qualify', { request }) as unknown as Outcome
                    );
                }
            });
            if (conversion) convertLater(row, conversion, later(3 + (row % 3)), later(5 + (row % 3)));
        }
    });

    /** Converts the lead through the stage panel, then its owner moves the opportunity to the sample's stage. */
    function convertLater(row: number, conversion: { amount: number; stageName: string }, at: number, closeAt: number) {
        let converter: UserContext | null = null;
        let opportunityId = '';
        steps.push({
            at,
            row,
            run: (when) => {
                const closeDate = new Date(when + 30 * DAY).toISOString().slice(0, 10);
                const request = { leadId: leadIds[row], seenStage: stageOf(row), amount: conversion.amount, closeDate };
                converter = asDecider(row, 'convert', (user) => {
                    const result = call(user, 'LeadStagePanelController', 'convert', { request });
                    opportunityId = String(result.opportunityId ?? '');
                    return result.outcome as unknown as Outcome;
                });
            }
        });
        steps.push({
            at: closeAt,
            row,
            run: (when) => {
                const closed = conversion.stageName.startsWith('Closed');
                const fields: Record<string, Json> = { Id: opportunityId, StageName: conversion.stageName };
                if (closed) fields.CloseDate = new Date(when).toISOString().slice(0, 10);
                const saved = aura.saveRecord(org, converter!, { apiName: 'Opportunity', fields });
                if (!saved.ok) throw new Error(`sample opportunity of lead ${row + 1}: ${saved.body.message}`);
            }
        });
    }

    if (extras.campaigns.length > 0) {
        const first = Math.min(now, ...steps.map((step) => step.at)) - MINUTE;
        steps.push({
            at: first,
            row: -1,
            run: () => {
                const ids = insertAsLoader(
                    'Campaign',
                    extras.campaigns.map((campaign) => campaign.fields),
                    'campaign'
                );
                extras.campaigns.forEach((campaign, index) => campaignIds.set(campaign.referenceId, ids[index]));
            }
        });
    }

    for (const step of steps.sort((left, right) => left.at - right.at || left.row - right.row)) {
        const at = Math.min(step.at, now);
        for (const run of aura.runDue(org, at)) if (run.error) context.log(`seed: ${run.description}: ${run.error}`);
        org.clock.set(at);
        step.run(at);
    }
    for (const run of aura.runDue(org, now)) if (run.error) context.log(`seed: ${run.description}: ${run.error}`);
    org.clock.set(now);
}
