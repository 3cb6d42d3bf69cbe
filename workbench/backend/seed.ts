// The sample data: every row of data/ (the files of data/lead-handoff-plan.json) inserted by the data-load persona
// through local-org's DML at stage Lead, so the product's flows promote, segment and route it, then a short history
// played on a moving clock through the product's own @AuraEnabled methods, each as a persona who may make that
// decision (the Apex says who may: a persona it refuses hands the decision to the next). The sample Tasks (a call on
// an accepted lead, WhoId `@<referenceId>`) are logged by that persona soon after the accept, which stops the lead's
// first-touch clock; the last accepted lead with neither a Task nor a checklist is accepted recently, so its first
// touch is due now, and the others without a Task breach theirs. Scheduled paths (the SLA and first-touch breaches)
// run whenever the clock passes their time. Nothing here decides a stage, an SLA or a route.
import { readFileSync } from 'node:fs';
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

export function seed(context: SeedContext, rows: Row[], now: number, touches = new Map<number, Row>()): void {
    const { aura, org, dataLoader, deciders, calendar } = context;
    const leadIds: string[] = [];
    const steps: Step[] = [];
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
        };
        if (stage === 'MQL') {
            const waited = WAITED_MINUTES[row % WAITED_MINUTES.length];
            steps.push({ at: businessMinutesBefore(calendar, now, waited), row, run: insert });
            return;
        }
        const created = calendar.nextStart(now - (3 + ((row * 7) % 40)) * DAY + row * 37 * MINUTE);
        steps.push({ at: created, row, run: insert });
        if (stage === 'Lead') return;
        const first =
            row === dueRow
                ? businessMinutesBefore(calendar, now, DUE_ACCEPT_MINUTES)
                : calendar.add(created, DECISION_AFTER_MINUTES[row % DECISION_AFTER_MINUTES.length] * MINUTE);
        const later = (days: number) => calendar.add(first, days * 8 * 60 * MINUTE);
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
        }
    });

    for (const step of steps.sort((left, right) => left.at - right.at || left.row - right.row)) {
        const at = Math.min(step.at, now);
        for (const run of aura.runDue(org, at)) if (run.error) context.log(`seed: ${run.description}: ${run.error}`);
        org.clock.set(at);
        step.run(at);
    }
    for (const run of aura.runDue(org, now)) if (run.error) context.log(`seed: ${run.description}: ${run.error}`);
    org.clock.set(now);
}
