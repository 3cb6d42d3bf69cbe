// Seeds the local org from data/Lead.json (the files of data/lead-handoff-plan.json) through the same automation and
// service as every other save, on a "seed clock": each row becomes a short, deterministic history ending at its
// sample stage. Rows still at MQL get MQL times spread back from now in business minutes (a fraction of their SLA,
// some past it, so some are fresh, some due soon and some breached and escalated); rows at SAL, SQL, Rejected and
// Recycled were created days ago, promoted, and decided by the persona who could work them at that moment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Automation, SaveContext } from './automation.ts';
import type { BusinessHoursClock } from './clock.ts';
import type { Org, User } from './org.ts';
import type { Policy } from './policy.ts';
import type { LeadHandoffService } from './service.ts';
import type { Lead, Transaction } from './store.ts';
import { BusinessHoursClock as Clock } from './clock.ts';
import { USER_TIME_ZONE } from './org.ts';
import { isQueueId } from './ids.ts';
import type { FieldValue } from './metadata.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Share of its SLA that each current MQL has waited, in business minutes (over 1: breached). */
const WAITING_SHARE_OF_SLA = [0.1, 0.45, 0.8, 1.6, 0.25, 0.6, 0.95, 2.5, 0.05, 0.35, 0.7, 1.2, 0.15, 0.5, 0.9];
/** Share of its SLA that each decided lead waited before its first decision. */
const DECISION_SHARE_OF_SLA = [0.2, 0.5, 0.9, 0.3, 1.4, 0.15, 0.7, 0.4, 2.2, 0.6];
/** Sample fields that are the outcome of decisions: applied by those decisions, not on insert. */
const DECIDED_FIELDS = ['Lifecycle_Stage__c', 'Disposition_Reason__c', 'Disposition_Note__c', 'Recycle_Until__c'];

type Row = Record<string, FieldValue>;

interface Step {
    at: number;
    row: number;
    run: (tx: Transaction, now: Date) => void;
}

export interface SeedServices {
    org: Org;
    policy: Policy;
    clock: BusinessHoursClock;
    automation: Automation;
    service: LeadHandoffService;
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

/** The latest moment from which `minutes` business minutes have passed by `now`. */
function businessMinutesAgo(clock: BusinessHoursClock, hours: string, now: Date, minutes: number): Date {
    let earliest = now.getTime() - 60 * DAY;
    let latest = now.getTime();
    while (latest - earliest > MINUTE) {
        const middle = Math.floor((earliest + latest) / 2 / MINUTE) * MINUTE;
        if (clock.businessMinutesBetween(hours, new Date(middle), now) >= minutes) earliest = middle;
        else latest = middle;
    }
    return new Date(earliest);
}

export function seed(transaction: Transaction, services: SeedServices, rows: Row[], now: Date): void {
    const { org, policy, clock, automation, service } = services;
    const admin = org.user('admin') as User;
    const automatedProcess = org.user('automated-process') as User;
    const sdrs = [org.user('sdr-a'), org.user('sdr-b')] as User[];
    const leadIds: string[] = [];
    const steps: Step[] = [];

    /** Who decides a lead at a moment: its owner, or a persona who works its queue (SDRs take turns). */
    const deciderOf = (lead: Lead, row: number): User => {
        if (!isQueueId(lead.OwnerId)) return org.userById(lead.OwnerId) as User;
        const candidates = [sdrs[row % 2], sdrs[(row + 1) % 2], org.user('manager') as User];
        const decider = candidates.find((user) => service.access(user).mayWork(lead.OwnerId));
        if (!decider) throw new Error(`Seed: no persona works the queue of sample lead ${row + 1}.`);
        return decider;
    };
    const decide =
        (row: number, action: 'accept' | 'reject' | 'recycle', sample: Row) => (tx: Transaction, at: Date) => {
            const lead = tx.lead(leadIds[row]) as Lead;
            const ctx: SaveContext = { user: deciderOf(lead, row), now: at };
            const today = Clock.today(at, USER_TIME_ZONE);
            const recycleUntil =
                typeof sample.Recycle_Until__c === 'string' && sample.Recycle_Until__c > today
                    ? sample.Recycle_Until__c
                    : null;
            const result = service.decide(tx, ctx, {
                action,
                leads: [{ leadId: lead.Id, seenStage: String(lead.Lifecycle_Stage__c) }],
                reasonCode: action === 'accept' ? null : (sample.Disposition_Reason__c as string | null),
                note: action === 'accept' ? null : ((sample.Disposition_Note__c as string | null) ?? null),
                recycleUntil,
                allowPartial: false
            });
            if (!result.outcomes[0].ok)
                throw new Error(`Seed: sample lead ${row + 1} could not ${action}: ${result.outcomes[0].message}`);
        };
    const checklist = (sample: Row): Partial<Lead> =>
        Object.fromEntries(
            Object.entries(sample).filter(([field]) => field.startsWith('SQL_') || field === 'Qualification_Notes__c')
        );

    rows.forEach((sample, row) => {
        const stage = String(sample.Lifecycle_Stage__c ?? 'Lead');
        const sla = policy.responseSla(sample.Intent_Trigger__c as string | null);
        const fields = Object.fromEntries(
            Object.entries(sample).filter(([field]) => !DECIDED_FIELDS.includes(field) && !(field in checklist(sample)))
        ) as Partial<Lead>;
        const insert = (tx: Transaction, at: Date) => {
            leadIds[row] = automation.insert(
                tx,
                { user: admin, now: at },
                { ...fields, Lifecycle_Stage__c: 'Lead' }
            ).Id;
        };
        if (stage === 'MQL') {
            const waited = Math.round(sla.minutes * WAITING_SHARE_OF_SLA[row % WAITING_SHARE_OF_SLA.length]);
            steps.push({
                at: businessMinutesAgo(clock, sla.businessHoursName, now, waited).getTime(),
                row,
                run: insert
            });
            return;
        }
        const created = clock.addMinutes(
            sla.businessHoursName,
            new Date(now.getTime() - (3 + ((row * 7) % 40)) * DAY + row * 37 * MINUTE),
            0
        );
        steps.push({ at: created.getTime(), row, run: insert });
        if (stage === 'Lead') return;
        const firstDecision = clock
            .addMinutes(
                sla.businessHoursName,
                created,
                Math.round(sla.minutes * DECISION_SHARE_OF_SLA[row % DECISION_SHARE_OF_SLA.length])
            )
            .getTime();
        const later = (days: number) =>
            clock.addMinutes(sla.businessHoursName, new Date(firstDecision), days * 480).getTime();
        if (stage === 'Recycled' || (stage === 'Rejected' && row % 2 === 1)) {
            steps.push({
                at: firstDecision,
                row,
                run: decide(row, stage === 'Recycled' ? 'recycle' : 'reject', sample)
            });
            return;
        }
        steps.push({ at: firstDecision, row, run: decide(row, 'accept', sample) });
        if (stage === 'Rejected') {
            steps.push({ at: later(1), row, run: decide(row, 'reject', sample) });
        } else if (stage === 'SAL' && Object.keys(checklist(sample)).length) {
            steps.push({
                at: later(1),
                row,
                run: (tx, at) => {
                    const lead = tx.lead(leadIds[row]) as Lead;
                    automation.update(tx, { user: deciderOf(lead, row), now: at }, lead.Id, checklist(sample));
                }
            });
        } else if (stage === 'SQL') {
            steps.push({
                at: later(2 + (row % 3)),
                row,
                run: (tx, at) => {
                    const lead = tx.lead(leadIds[row]) as Lead;
                    const outcome = service.qualify(
                        tx,
                        { user: deciderOf(lead, row), now: at },
                        {
                            leadId: lead.Id,
                            seenStage: 'SAL',
                            checkedFields: Object.keys(checklist(sample)).filter((field) => sample[field] === true),
                            notes: (sample.Qualification_Notes__c as string | null) ?? null
                        }
                    );
                    if (!outcome.ok)
                        throw new Error(`Seed: sample lead ${row + 1} could not qualify: ${outcome.message}`);
                }
            });
        }
    });

    for (const step of steps.sort((left, right) => left.at - right.at || left.row - right.row)) {
        const at = new Date(Math.min(step.at, now.getTime()));
        automation.runScheduledPaths(transaction, at, automatedProcess);
        step.run(transaction, at);
    }
    automation.runScheduledPaths(transaction, now, automatedProcess);
    transaction.state.seededAt = now.toISOString();
}
