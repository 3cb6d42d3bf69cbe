// Rule parity: every case of force-app-tests/main/parity/staticresources/LeadHandoffParityCases.json against the
// workbench. LeadHandoffParityTest runs the same file against LeadHandoffService in an org, building each lead
// the same way: created as an admin, moved to its stage by the other SDR through the service, then given its owner.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ApexError, createBackend, type Backend } from '../index.ts';
import type { DecisionResult, LeadOutcome } from '../service.ts';
import type { Lead } from '../store.ts';

interface ParityLead {
    stage: string;
    owner: 'mine' | 'myQueue' | 'otherRep' | 'salesReviewQueue';
    seenStage: string;
    fit?: number;
    intent?: number;
    trigger?: string | null;
    checked?: string[];
    deleted?: boolean;
}

interface ParityCase {
    name: string;
    who: 'sdr' | 'sdrWithoutPermissionSet' | 'manager';
    action: 'accept' | 'reject' | 'recycle' | 'qualify' | 'convert';
    leads: ParityLead[];
    reasonCode?: string;
    note?: string;
    recycleUntilDays?: number;
    checkedFields?: string[];
    amount?: number;
    closeDateDays?: number;
    allowPartial?: boolean;
    applied?: boolean;
    expected: { ok: boolean; stage?: string; code?: string }[];
}

const CASES_FILE = join(process.cwd(), 'force-app-tests/main/parity/staticresources/LeadHandoffParityCases.json');
const { cases } = JSON.parse(readFileSync(CASES_FILE, 'utf8')) as { cases: ParityCase[] };
const PERSONA_OF_WHO = { sdr: 'sdr-a', sdrWithoutPermissionSet: 'no-access', manager: 'manager' };
const OTHER_SDR = 'sdr-b';
const NOW = new Date('2026-11-24T15:00:00.000Z'); // a Tuesday, 10:00 in New York

function addDays(days: number): string {
    const date = new Date(NOW.getTime() - 5 * 3_600_000);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}

/** Creates a lead and brings it to the case's state, as LeadHandoffParityTest does in an org. */
async function buildLead(backend: Backend, spec: ParityLead, actorPersona: string): Promise<string> {
    return backend.run((tx, services) => {
        const { automation, service, org, policy, user, now } = services;
        const admin = { user: user('admin'), now: now() };
        const walker = { user: user(OTHER_SDR), now: now() };
        const lead = automation.insert(tx, admin, {
            LastName: 'Parity',
            Company: 'Parity Co',
            Lifecycle_Stage__c: 'Lead',
            Fit_Score__c: spec.fit ?? 80,
            Intent_Score__c: spec.intent ?? 70,
            Intent_Trigger__c: spec.trigger === undefined ? 'Webinar' : spec.trigger
        });
        const decide = (action: string, reasonCode: string | null) => {
            const result = service.decide(tx, walker, {
                action,
                leads: [{ leadId: lead.Id, seenStage: String(tx.lead(lead.Id)?.Lifecycle_Stage__c) }],
                reasonCode,
                note: null,
                recycleUntil: null,
                allowPartial: false
            });
            expect(result.outcomes[0].message).toBeNull();
        };
        if (['SAL', 'SQL'].includes(spec.stage)) decide('accept', null);
        if (spec.stage === 'SQL') {
            const outcome = service.qualify(tx, walker, {
                leadId: lead.Id,
                seenStage: 'SAL',
                checkedFields: policy.sqlCriteria.map((criterion) => String(criterion.checklistField)),
                notes: null
            });
            expect(outcome.message).toBeNull();
        }
        if (spec.stage === 'Rejected') decide('reject', 'No_Need');
        if (spec.stage === 'Recycled') decide('recycle', 'Too_Early');
        expect(tx.lead(lead.Id)?.Lifecycle_Stage__c).toBe(spec.stage);

        const ownerIds = {
            mine: user(actorPersona).Id,
            myQueue: org.queueByName(policy.routing.sdrQueue)?.Id,
            otherRep: user(OTHER_SDR).Id,
            salesReviewQueue: org.queueByName(policy.routing.salesReviewQueue)?.Id
        };
        const changes: Partial<Lead> = { OwnerId: String(ownerIds[spec.owner]) };
        for (const field of spec.checked ?? []) changes[field] = true;
        automation.update(tx, admin, lead.Id, changes);
        if (spec.deleted) tx.deleteLead(lead.Id);
        return lead.Id;
    });
}

async function act(backend: Backend, testCase: ParityCase, persona: string, leadIds: string[]) {
    const seen = (index: number) => testCase.leads[index].seenStage;
    if (['accept', 'reject', 'recycle'].includes(testCase.action)) {
        const result = (await backend.call(persona, 'LeadInboxController', 'decide', {
            request: {
                action: testCase.action,
                leads: leadIds.map((leadId, index) => ({ leadId, seenStage: seen(index) })),
                reasonCode: testCase.reasonCode ?? null,
                note: testCase.note ?? null,
                recycleUntil: testCase.recycleUntilDays === undefined ? null : addDays(testCase.recycleUntilDays),
                allowPartial: testCase.allowPartial ?? false
            }
        })) as DecisionResult;
        return { outcomes: result.outcomes, applied: result.applied };
    }
    if (testCase.action === 'qualify') {
        const outcome = (await backend.call(persona, 'LeadStagePanelController', 'qualify', {
            request: {
                leadId: leadIds[0],
                seenStage: seen(0),
                checkedFields: testCase.checkedFields ?? [],
                notes: testCase.note ?? null
            }
        })) as LeadOutcome;
        return { outcomes: [outcome], applied: undefined };
    }
    const result = (await backend.call(persona, 'LeadStagePanelController', 'convert', {
        request: {
            leadId: leadIds[0],
            seenStage: seen(0),
            opportunityName: null,
            amount: testCase.amount ?? null,
            closeDate: testCase.closeDateDays === undefined ? null : addDays(testCase.closeDateDays)
        }
    })) as { outcome: LeadOutcome };
    return { outcomes: [result.outcome], applied: undefined };
}

describe('rule parity cases', () => {
    it('cover every outcome code of the service with at least 30 cases', () => {
        const codes = new Set(cases.flatMap((testCase) => testCase.expected.map((outcome) => outcome.code)));
        expect(cases.length).toBeGreaterThanOrEqual(30);
        for (const code of [
            'ALREADY_DECIDED',
            'STAGE_CHANGED',
            'NOT_YOURS',
            'NO_ACCESS',
            'NOT_FOUND',
            'REASON_REQUIRED',
            'UNKNOWN_REASON',
            'WRONG_REASON_KIND',
            'NOTE_REQUIRED',
            'RECYCLE_DATE_REQUIRED',
            'CHECKLIST_INCOMPLETE',
            'AMOUNT_REQUIRED',
            'CLOSE_DATE_REQUIRED',
            'NOT_APPLIED',
            'INVALID_REQUEST'
        ]) {
            expect(codes).toContain(code);
        }
    });

    it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
        const backend = await createBackend({ root: process.cwd(), stateDir: null, seed: false, now: () => NOW });
        const persona = PERSONA_OF_WHO[testCase.who];
        const leadIds: string[] = [];
        for (const spec of testCase.leads) leadIds.push(await buildLead(backend, spec, persona));

        const actual = await act(backend, testCase, persona, leadIds).then(
            ({ outcomes, applied }) => ({
                outcomes: outcomes.map((outcome) =>
                    outcome.ok ? { ok: true, stage: outcome.stage } : { ok: false, code: outcome.code }
                ),
                applied: testCase.applied === undefined ? undefined : applied,
                everyRefusalExplained: outcomes.every((outcome) => outcome.ok || !!outcome.message)
            }),
            (error: unknown) => {
                if (!(error instanceof ApexError)) throw error;
                return {
                    outcomes: [{ ok: false, code: 'INVALID_REQUEST' }],
                    applied: undefined,
                    everyRefusalExplained: !!error.body.message
                };
            }
        );
        expect(actual).toEqual({ outcomes: testCase.expected, applied: testCase.applied, everyRefusalExplained: true });
    });
});
