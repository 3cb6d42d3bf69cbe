// The Apex controllers' contract as the workbench answers it: shapes, paging, codes and messages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ApexError, createBackend } from '../index.ts';
import type { DecisionResult } from '../service.ts';
import { QUALIFYING, decision, testOrg } from './helpers.ts';

interface InboxPage {
    rows: { leadId: string; acceptBy: string | null; ownerName: string; canDecide: boolean }[];
    nextCursor: string | null;
    views: { key: string; label: string; count: number; breached: number }[];
}

const getInbox = (org: Awaited<ReturnType<typeof testOrg>>, persona: string, params: Record<string, unknown>) =>
    org.backend.call(persona, 'LeadInboxController', 'getInbox', params) as Promise<InboxPage>;

describe('LeadInboxController', () => {
    it('pages the inbox by accept-by with a keyset cursor and counts every view', async () => {
        const org = await testOrg();
        const triggers = ['Other', 'Demo_Request', 'Webinar', 'Demo_Request', 'Content_Download'];
        for (const trigger of triggers) {
            await org.insert({ ...QUALIFYING, Intent_Trigger__c: trigger });
            org.advance(7);
        }
        const seen: InboxPage['rows'] = [];
        let cursor: string | null = null;
        do {
            const page: InboxPage = await getInbox(org, 'sdr-a', { view: 'all', pageSize: 2, cursor });
            seen.push(...page.rows);
            cursor = page.nextCursor;
        } while (cursor);

        expect(seen).toHaveLength(5);
        expect(new Set(seen.map((row) => row.leadId)).size).toBe(5);
        const dueTimes = seen.map((row) => String(row.acceptBy));
        expect(dueTimes).toEqual([...dueTimes].sort());
        const first = await getInbox(org, 'sdr-a', { view: 'all', pageSize: 50, cursor: null });
        expect(first.views).toEqual([
            { key: 'all', label: 'All', count: 5, breached: 0 },
            { key: 'mine', label: 'Mine', count: 0, breached: 0 },
            { key: 'breached', label: 'Breached', count: 0, breached: 0 },
            { key: 'queue:Lead_Handoff_SDR_Inbound', label: 'SDR Inbound', count: 5, breached: 0 }
        ]);
        expect(first.rows[0].ownerName).toBe('SDR Inbound');
    });

    it('refuses bad requests with the Apex messages', async () => {
        const org = await testOrg();
        const refusal = (persona: string, params: Record<string, unknown>) =>
            getInbox(org, persona, params).catch((error: ApexError) => error.body.message);

        expect(await refusal('sdr-a', { view: 'all', pageSize: 0, cursor: null })).toBe(
            'Page size must be between 1 and 200; it was 0.'
        );
        expect(await refusal('sdr-a', { view: 'queue:Lead_Handoff_Sales_Review', pageSize: 10, cursor: null })).toBe(
            'Unknown inbox view "queue:Lead_Handoff_Sales_Review". Use all, mine, breached, or queue:<Queue API name> for a queue you work.'
        );
        expect(await refusal('sdr-a', { view: 'all', pageSize: 10, cursor: 'abc_def' })).toBe(
            'The inbox page cursor "abc_def" is not valid: reload the inbox from the start.'
        );
        expect(await refusal('no-access', { view: 'all', pageSize: 10, cursor: null })).toBe(
            'You need the Lead Handoff SDR permission set to use the inbox. Ask your Salesforce admin to assign it.'
        );
        await expect(
            org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('claim', ['00Q000000000001EAA']))
        ).rejects.toMatchObject({
            status: 500,
            body: { message: 'Unknown action "claim": use accept, reject or recycle.' }
        });
        await expect(org.backend.call('sdr-a', 'LeadInboxController', 'nothing', {})).rejects.toBeInstanceOf(ApexError);
    });

    it('shows a manager any routing queue read-only, counted among the views; deciding there stays NOT_YOURS', async () => {
        const org = await testOrg();
        const escalated = await org.insert(QUALIFYING);
        org.advance(5 * 60);
        const waiting = [await org.insert(QUALIFYING), await org.insert(QUALIFYING)];

        const page = await getInbox(org, 'manager', {
            view: 'queue:Lead_Handoff_SDR_Inbound',
            pageSize: 50,
            cursor: null
        });
        expect(page.rows.map((row) => row.leadId)).toEqual(waiting.map((lead) => lead.Id));
        expect(page.rows.map((row) => row.canDecide)).toEqual([false, false]);
        expect(page.views).toEqual([
            { key: 'all', label: 'All', count: 1, breached: 1 },
            { key: 'mine', label: 'Mine', count: 0, breached: 0 },
            { key: 'breached', label: 'Breached', count: 1, breached: 1 },
            { key: 'queue:Lead_Handoff_Escalations', label: 'Escalations', count: 1, breached: 1 },
            { key: 'queue:Lead_Handoff_Nurture', label: 'Nurture', count: 0, breached: 0 },
            { key: 'queue:Lead_Handoff_SDR_Inbound', label: 'SDR Inbound', count: 2, breached: 0 },
            { key: 'queue:Lead_Handoff_Sales_Review', label: 'Sales Review', count: 0, breached: 0 }
        ]);
        const all = await getInbox(org, 'manager', { view: 'all', pageSize: 50, cursor: null });
        expect(all.rows.map((row) => [row.leadId, row.canDecide])).toEqual([[escalated.Id, true]]);

        const result = (await org.backend.call(
            'manager',
            'LeadInboxController',
            'decide',
            decision('accept', [waiting[0].Id])
        )) as DecisionResult;
        expect(result.outcomes[0]).toMatchObject({
            ok: false,
            code: 'NOT_YOURS',
            message: 'This lead is in the SDR Inbound queue, and you are not a member of that queue.'
        });
        expect((await org.lead(waiting[0].Id)).Lifecycle_Stage__c).toBe('MQL');

        const own = await getInbox(org, 'sdr-a', {
            view: 'queue:Lead_Handoff_SDR_Inbound',
            pageSize: 50,
            cursor: null
        });
        expect(own.rows.every((row) => row.canDecide)).toBe(true);
        expect(own.views.map((view) => view.key)).not.toContain('queue:Lead_Handoff_Escalations');
        await expect(
            getInbox(org, 'sdr-a', { view: 'queue:Lead_Handoff_Escalations', pageSize: 50, cursor: null })
        ).rejects.toMatchObject({
            body: { message: expect.stringContaining('Unknown inbox view "queue:Lead_Handoff_Escalations"') }
        });
    });

    it('lists the active disposition reasons from the Custom Metadata records, in order', async () => {
        const org = await testOrg();
        const reasons = (await org.backend.call('sdr-a', 'LeadInboxController', 'getDispositionReasons', {})) as {
            code: string;
        }[];
        const files = readFileSync(
            join(process.cwd(), 'force-app/main/handoff-policy/customMetadata/Disposition_Reason.Other.md-meta.xml'),
            'utf8'
        );
        expect(files).toContain('<label>Other</label>');
        expect(reasons[0]).toEqual({
            code: 'Unable_To_Reach',
            label: 'Unable to reach',
            kind: 'Recycle',
            noteRequired: false,
            recycleDays: 30
        });
        expect(reasons.find((reason) => reason.code === 'Other')).toMatchObject({ kind: 'Reject', noteRequired: true });
        expect(reasons).toHaveLength(12);
    });

    it('lets exactly one of two SDRs deciding the same lead at once win; the other is told who and when', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);

        const [first, second] = (await Promise.all([
            org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [lead.Id])),
            org.backend.call('sdr-b', 'LeadInboxController', 'decide', decision('accept', [lead.Id]))
        ])) as DecisionResult[];

        expect(first.outcomes[0]).toMatchObject({ ok: true, stage: 'SAL' });
        expect(second.outcomes[0]).toMatchObject({
            ok: false,
            code: 'ALREADY_DECIDED',
            decidedByName: 'Dana Reyes',
            decidedAt: '2026-11-24T15:00:00.000Z',
            message: 'Dana Reyes already accepted this lead at 10:00.'
        });
        expect((await org.lead(lead.Id)).OwnerId).toBe(await org.userId('sdr-a'));
    });

    it('names the day of an earlier decision, and says You for your own', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [lead.Id]));
        org.advance(24 * 60);

        const again = (await org.backend.call(
            'sdr-a',
            'LeadInboxController',
            'decide',
            decision('reject', [lead.Id], { reasonCode: 'No_Need' })
        )) as DecisionResult;
        expect(again.outcomes[0].message).toBe('You already accepted this lead on 24 Nov 2026 at 10:00.');
    });
});

describe('LeadStagePanelController', () => {
    it('shows the stage, allowed actions, checklist and history newest first', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        org.advance(30);
        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [lead.Id]));

        const panel = (await org.backend.call('sdr-a', 'LeadStagePanelController', 'getPanel', {
            leadId: lead.Id
        })) as {
            stage: string;
            allowedActions: string[];
            blockedReason: string | null;
            checklist: { field: string; label: string; required: boolean; checked: boolean }[];
            history: { action: string; actorName: string; minutesInPreviousStage: number; slaMet: boolean }[];
            acceptedByName: string;
        };
        expect(panel).toMatchObject({
            stage: 'SAL',
            allowedActions: ['qualify', 'reject', 'recycle'],
            blockedReason: null
        });
        expect(panel.acceptedByName).toBe('Dana Reyes');
        expect(panel.checklist.map((item) => item.field)).toEqual([
            'SQL_Need_Confirmed__c',
            'SQL_Budget_Confirmed__c',
            'SQL_Timeline_Confirmed__c',
            'SQL_Decision_Path_Confirmed__c'
        ]);
        expect(panel.history.map((entry) => entry.action)).toEqual(['Accept', 'Promote']);
        expect(panel.history[0]).toMatchObject({ actorName: 'Dana Reyes', minutesInPreviousStage: 30, slaMet: true });

        const other = (await org.backend.call('sdr-b', 'LeadStagePanelController', 'getPanel', {
            leadId: lead.Id
        })) as {
            allowedActions: string[];
            blockedReason: string;
        };
        expect(other).toMatchObject({
            allowedActions: [],
            blockedReason: 'This lead belongs to Dana Reyes; only its owner can act on it.'
        });
    });

    it('qualifies with the checklist and converts with amount and close date', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [lead.Id]));
        const qualify = (checkedFields: string[]) =>
            org.backend.call('sdr-a', 'LeadStagePanelController', 'qualify', {
                request: { leadId: lead.Id, seenStage: 'SAL', checkedFields, notes: 'Call done.' }
            });

        expect(await qualify(['SQL_Need_Confirmed__c'])).toMatchObject({
            code: 'CHECKLIST_INCOMPLETE',
            message: 'Confirm Budget, Timeline and Decision path before qualifying this lead.'
        });
        expect(
            await qualify([
                'SQL_Need_Confirmed__c',
                'SQL_Budget_Confirmed__c',
                'SQL_Timeline_Confirmed__c',
                'SQL_Decision_Path_Confirmed__c'
            ])
        ).toMatchObject({ ok: true, stage: 'SQL' });

        const converted = (await org.backend.call('sdr-a', 'LeadStagePanelController', 'convert', {
            request: { leadId: lead.Id, seenStage: 'SQL', opportunityName: null, amount: 5000, closeDate: '2027-01-31' }
        })) as { outcome: { ok: boolean; stage: string }; opportunityId: string; accountId: string };
        expect(converted.outcome).toMatchObject({ ok: true, stage: 'Opportunity' });
        expect(converted.opportunityId).toMatch(/^006/);
        expect(converted.accountId).toMatch(/^001/);
        expect(await org.lead(lead.Id)).toMatchObject({ IsConverted: true, Lifecycle_Stage__c: 'Opportunity' });
    });
});

describe('QueueHealthController and StageDefinitionsController', () => {
    it('measures each queue over the period: pending, breaches, business minutes to accept, rates, reasons', async () => {
        const org = await testOrg();
        const leads = [];
        for (let index = 0; index < 5; index++) leads.push(await org.insert(QUALIFYING));
        const waiting = await org.insert({ ...QUALIFYING, Intent_Trigger__c: 'Demo_Request' });
        org.advance(10);
        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [leads[0].Id]));
        org.advance(20);
        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [leads[1].Id]));
        org.advance(25);
        await org.backend.call('sdr-b', 'LeadInboxController', 'decide', decision('accept', [leads[2].Id]));
        await org.backend.call(
            'sdr-b',
            'LeadInboxController',
            'decide',
            decision('reject', [leads[3].Id], { reasonCode: 'No_Need' })
        );

        const health = (await org.backend.call('manager', 'QueueHealthController', 'getQueueHealth', {
            periodDays: 7
        })) as { queues: Record<string, unknown>[] };
        const sdrQueue = health.queues.find((queue) => queue.queueDeveloperName === 'Lead_Handoff_SDR_Inbound');
        expect(health.queues.map((queue) => queue.queueName)).toEqual([
            'SDR Inbound',
            'Sales Review',
            'Escalations',
            'Nurture'
        ]);
        expect(sdrQueue).toMatchObject({
            pending: 2,
            breachedNow: 0,
            dueWithinHour: 1,
            oldestLeadId: leads[4].Id,
            medianMinutesToAccept: 30,
            p90MinutesToAccept: 50,
            decided: 4,
            accepted: 3,
            rejected: 1,
            recycled: 0,
            acceptanceRate: 75,
            rejectRate: 25,
            recycleRate: 0,
            slaMetRate: 100,
            topReasons: [
                { code: 'No_Need', label: 'No need', kind: 'Reject', count: 1, share: 100, cumulativeShare: 100 }
            ]
        });
        expect(waiting.Accept_By__c).toBe('2026-11-24T16:00:00.000Z');
        await expect(
            org.backend.call('manager', 'QueueHealthController', 'getQueueHealth', { periodDays: 0 })
        ).rejects.toMatchObject({ body: { message: 'The period must be between 1 and 365 days; it was 0.' } });
        await expect(
            org.backend.call('sdr-a', 'QueueHealthController', 'getQueueHealth', { periodDays: 7 })
        ).rejects.toMatchObject({
            body: {
                message:
                    'You need the Lead Handoff Manager permission set to see queue health, the funnel and reasons. Ask your Salesforce admin to assign it.'
            }
        });
    });

    it('counts leads entering each stage and rates conversions against the benchmark bands', async () => {
        const org = await testOrg();
        const leads = [];
        for (let index = 0; index < 4; index++) leads.push(await org.insert(QUALIFYING));
        await org.insert({ Fit_Score__c: 10, Intent_Score__c: 10 });
        await org.backend.call(
            'sdr-a',
            'LeadInboxController',
            'decide',
            decision('accept', [leads[0].Id, leads[1].Id])
        );
        await org.backend.call(
            'sdr-a',
            'LeadInboxController',
            'decide',
            decision('reject', [leads[2].Id, leads[3].Id], { reasonCode: 'Duplicate' })
        );

        const funnel = (await org.backend.call('manager', 'QueueHealthController', 'getFunnel', {
            periodDays: 30,
            groupBy: 'none'
        })) as { groups: { stages: { stage: string; entered: number }[]; conversions: Record<string, unknown>[] }[] };
        const [all] = funnel.groups;
        expect(all.stages).toEqual([
            { stage: 'Lead', entered: 5 },
            { stage: 'MQL', entered: 4 },
            { stage: 'SAL', entered: 2 },
            { stage: 'SQL', entered: 0 },
            { stage: 'Opportunity', entered: 0 },
            { stage: 'Rejected', entered: 2 },
            { stage: 'Recycled', entered: 0 }
        ]);
        expect(all.conversions[1]).toMatchObject({
            fromStage: 'MQL',
            toStage: 'SAL',
            fromCount: 4,
            toCount: 2,
            rate: 50,
            lowPercent: 70,
            highPercent: 90,
            band: 'Below'
        });
        expect(String(all.conversions[1].diagnosis)).toContain('The MQL definition is loose');
        expect(all.conversions[0]).toMatchObject({ rate: 80, band: 'Above' });
        expect(all.conversions[3]).toMatchObject({ fromStage: 'SQL', toStage: 'Opportunity', rate: null, band: null });

        const bySegment = (await org.backend.call('manager', 'QueueHealthController', 'getFunnel', {
            periodDays: 30,
            groupBy: 'segment'
        })) as { groups: { key: string; label: string }[] };
        expect(bySegment.groups.map((group) => [group.key, group.label])).toEqual([
            ['Ignore', 'Ignore'],
            ['MQL', 'MQL']
        ]);

        const pareto = (await org.backend.call('manager', 'QueueHealthController', 'getReasonPareto', {
            periodDays: 30,
            kind: 'Reject'
        })) as { total: number; reasons: { code: string; count: number }[] };
        expect(pareto).toEqual(
            expect.objectContaining({
                kind: 'Reject',
                total: 2,
                reasons: [
                    {
                        code: 'Duplicate',
                        label: 'Duplicate',
                        kind: 'Reject',
                        count: 2,
                        share: 100,
                        cumulativeShare: 100
                    }
                ]
            })
        );
    });

    it('returns the stage definitions and the next review date from Custom Metadata', async () => {
        const org = await testOrg();
        const definitions = (await org.backend.call('manager', 'StageDefinitionsController', 'getDefinitions', {})) as {
            stages: { stage: string }[];
            owner: string;
            lastReviewed: string;
            nextReviewDue: string;
            today: string;
        };
        expect(definitions.stages.map((definition) => definition.stage)).toEqual([
            'Lead',
            'MQL',
            'SAL',
            'SQL',
            'Opportunity',
            'Rejected',
            'Recycled'
        ]);
        expect(definitions).toMatchObject({
            owner: 'Revenue Operations',
            lastReviewed: '2026-09-01',
            nextReviewDue: '2026-11-30',
            today: '2026-11-24'
        });
    });
});

describe('seeding and state', () => {
    it('seeds data/Lead.json through the automation: every sample stage, with fresh, due and breached MQLs', async () => {
        const org = await testOrg({ seed: true });
        const state = await org.backend.run((tx) => tx.state);
        const sample = JSON.parse(readFileSync(join(process.cwd(), 'data/Lead.json'), 'utf8')) as {
            records: { Lifecycle_Stage__c: string }[];
        };
        const count = (stages: (string | null)[]) =>
            stages.reduce<Record<string, number>>(
                (counts, stage) => ({ ...counts, [String(stage)]: (counts[String(stage)] ?? 0) + 1 }),
                {}
            );

        expect(count(state.leads.map((lead) => lead.Lifecycle_Stage__c))).toEqual(
            count(sample.records.map((record) => record.Lifecycle_Stage__c))
        );
        const mqls = state.leads.filter((lead) => lead.Lifecycle_Stage__c === 'MQL');
        const now = org.clock.now.toISOString();
        expect(mqls.some((lead) => String(lead.Accept_By__c) < now)).toBe(true);
        expect(mqls.some((lead) => String(lead.Accept_By__c) > now)).toBe(true);
        expect(state.stageEvents.some((event) => event.Action__c === 'Accept' && !event.SLA_Met__c)).toBe(true);
        expect(state.stageEvents.every((event) => event.Occurred_At__c <= now)).toBe(true);
    });

    it('keeps state across restarts in the state folder, and reset seeds again', async () => {
        const stateDir = mkdtempSync(join(tmpdir(), 'workbench-'));
        try {
            const first = await testOrg({ seed: true, stateDir });
            const page = (await first.backend.call('sdr-a', 'LeadInboxController', 'getInbox', {
                view: 'all',
                pageSize: 1,
                cursor: null
            })) as InboxPage;
            const leadId = page.rows[0].leadId;
            await first.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [leadId]));

            const restarted = await createBackend({ root: process.cwd(), stateDir, now: () => first.clock.now });
            const stage = await restarted.run((tx) => tx.lead(leadId)?.Lifecycle_Stage__c);
            expect(stage).toBe('SAL');
            await restarted.reset();
            expect(await restarted.run((tx) => tx.lead(leadId)?.Lifecycle_Stage__c)).toBe('MQL');
        } finally {
            rmSync(stateDir, { recursive: true, force: true });
        }
    });

    it('offers the personas of the workbench', async () => {
        const org = await testOrg();
        expect(org.backend.personas().map((persona) => persona.id)).toEqual(['sdr-a', 'sdr-b', 'manager', 'no-access']);
    });
});
