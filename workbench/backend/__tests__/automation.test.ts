// The Lead flows and validation rules as the workbench runs them (docs/flows).
import { describe, expect, it } from '@jest/globals';
import { Automation } from '../automation.ts';
import { BusinessHoursClock } from '../clock.ts';
import { loadProjectMetadata } from '../metadata.ts';
import { Org } from '../org.ts';
import { Policy } from '../policy.ts';
import type { Lead, StageEvent } from '../store.ts';
import { QUALIFYING, decision, testOrg } from './helpers.ts';

const metadata = loadProjectMetadata(process.cwd());
const ruleMessage = (name: string) => metadata.leadValidationRules.find((rule) => rule.name === name)?.errorMessage;
const eventsOf = (org: Awaited<ReturnType<typeof testOrg>>, leadId: string) =>
    org.backend.run((tx) => tx.state.stageEvents.filter((event: StageEvent) => event.Lead__c === leadId));

describe('Lead automation', () => {
    it('promotes a qualifying new lead to MQL, stamps it and routes it to the SDR queue with a business-hours accept-by', async () => {
        const org = await testOrg();
        const lead = await org.insert({ ...QUALIFYING, Lifecycle_Stage__c: 'Lead' });

        expect(lead.Lifecycle_Stage__c).toBe('MQL');
        expect(lead.Segment__c).toBe('MQL');
        expect(lead.MQL_At__c).toBe('2026-11-24T15:00:00.000Z');
        expect(lead.Stage_Entered_At__c).toBe(lead.MQL_At__c);
        expect(lead.SLA_Outcome__c).toBe('Pending');
        // Webinar: 240 business minutes from Tuesday 10:00 New York
        expect(lead.Accept_By__c).toBe('2026-11-24T19:00:00.000Z');
        expect(lead.OwnerId).toBe(await org.queueId('Lead_Handoff_SDR_Inbound'));
        const [event] = await eventsOf(org, lead.Id);
        expect(event).toMatchObject({
            From_Stage__c: null,
            To_Stage__c: 'MQL',
            Action__c: 'Promote',
            Minutes_In_Previous_Stage__c: 0,
            Owner_Id_At_Time__c: await org.userId('admin'),
            Owner_At_Time__c: 'Avery Admin'
        });
    });

    it('sends low-fit hand-raisers to Sales review and keeps high-fit, low-intent leads at Lead (Nurture)', async () => {
        const org = await testOrg();
        const handRaiser = await org.insert({
            Fit_Score__c: 20,
            Intent_Score__c: 10,
            Intent_Trigger__c: 'Demo_Request'
        });
        const nurture = await org.insert({ Fit_Score__c: 90, Intent_Score__c: 10, Intent_Trigger__c: 'Webinar' });
        const ignore = await org.insert({ Fit_Score__c: null, Intent_Score__c: null });

        expect(handRaiser).toMatchObject({ Segment__c: 'Sales_Review', Lifecycle_Stage__c: 'MQL' });
        expect(handRaiser.OwnerId).toBe(await org.queueId('Lead_Handoff_Sales_Review'));
        expect(nurture).toMatchObject({ Segment__c: 'Nurture', Lifecycle_Stage__c: 'Lead' });
        expect(ignore).toMatchObject({ Segment__c: 'Ignore', Lifecycle_Stage__c: 'Lead' });
        expect((await eventsOf(org, nurture.Id))[0].Action__c).toBe('Create');
    });

    it('refuses a new lead at a later stage with the validation rule message from its XML, unless bypassed', async () => {
        const org = await testOrg();
        await expect(org.insert({ Lifecycle_Stage__c: 'SAL' }, 'sdr-a')).rejects.toThrow(
            String(ruleMessage('New_Lead_Starts_At_Lead_Or_MQL'))
        );
        await expect(org.insert({ Lifecycle_Stage__c: 'SAL' }, 'admin')).resolves.toMatchObject({
            Lifecycle_Stage__c: 'SAL'
        });
        await expect(org.insert({ Fit_Score__c: 120 }, 'sdr-a')).rejects.toThrow(
            String(ruleMessage('Scores_In_Range'))
        );
    });

    it('enforces the allowed transitions and reasons with the rules of force-app', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        const update = (changes: Partial<Lead>) =>
            org.backend.run((tx, { automation, user, now }) =>
                automation.update(tx, { user: user('sdr-a'), now: now() }, lead.Id, changes)
            );
        await expect(update({ Lifecycle_Stage__c: 'SQL' })).rejects.toThrow(
            String(ruleMessage('From_MQL_Accept_Reject_Or_Recycle'))
        );
        await expect(update({ Lifecycle_Stage__c: 'Rejected' })).rejects.toThrow(
            String(ruleMessage('Reject_Needs_Reason'))
        );
        await expect(update({ Lifecycle_Stage__c: 'Rejected', Disposition_Reason__c: 'Too_Early' })).rejects.toThrow(
            String(ruleMessage('Reject_Reason_Must_Be_Reject_Kind'))
        );
        await expect(update({ Lifecycle_Stage__c: 'Rejected', Disposition_Reason__c: 'Other' })).rejects.toThrow(
            String(ruleMessage('Disposition_Note_Required'))
        );
        expect((await org.lead(lead.Id)).Lifecycle_Stage__c).toBe('MQL');
    });

    it('refuses recycling until today: the recycle-date rule runs, the lead is not promoted back in the same save', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        await expect(
            org.backend.run((tx, { automation, user, now }) =>
                automation.update(tx, { user: user('sdr-a'), now: now() }, lead.Id, {
                    Lifecycle_Stage__c: 'Recycled',
                    Disposition_Reason__c: 'Too_Early',
                    Recycle_Until__c: '2026-11-24'
                })
            )
        ).rejects.toThrow(/recycle/i);
        expect((await org.lead(lead.Id)).Lifecycle_Stage__c).toBe('MQL');
    });

    it('needs a check for every validation rule of the project', () => {
        const rules = [...metadata.leadValidationRules, { ...metadata.leadValidationRules[0], name: 'Made_Up_Rule' }];
        const policy = new Policy(metadata.customMetadata);
        expect(() => new Automation(new Org(metadata), policy, new BusinessHoursClock([]), rules)).toThrow(
            'Validation rule Made_Up_Rule has no workbench check'
        );
    });

    it('stamps the accept, measures the time in MQL and records the queue it waited in', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        org.advance(90);

        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [lead.Id]));

        const accepted = await org.lead(lead.Id);
        expect(accepted).toMatchObject({
            Lifecycle_Stage__c: 'SAL',
            SLA_Outcome__c: 'Met',
            Accepted_By__c: await org.userId('sdr-a'),
            Accepted_At__c: '2026-11-24T16:30:00.000Z',
            OwnerId: await org.userId('sdr-a')
        });
        const accept = (await eventsOf(org, lead.Id))[1];
        expect(accept).toMatchObject({
            Action__c: 'Accept',
            SLA_Met__c: true,
            Minutes_In_Previous_Stage__c: 90,
            Business_Minutes_In_Previous_Stage__c: 90,
            Owner_At_Time__c: 'SDR Inbound',
            Actor__c: await org.userId('sdr-a')
        });
    });

    it('runs the SLA breach path at accept-by: Missed, escalated, managers notified', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        org.advance(5 * 60);

        await org.backend.call('sdr-a', 'LeadInboxController', 'getInbox', { view: 'all', pageSize: 10, cursor: null });

        const breached = await org.lead(lead.Id);
        expect(breached.SLA_Outcome__c).toBe('Missed');
        expect(breached.OwnerId).toBe(await org.queueId('Lead_Handoff_Escalations'));
        const notifications = await org.backend.run((tx) => tx.state.notifications);
        expect(notifications).toEqual([
            expect.objectContaining({ recipientGroup: 'Lead_Handoff_Managers', title: 'SLA missed: Test Co' })
        ]);
        const result = (await org.backend.call(
            'manager',
            'LeadInboxController',
            'decide',
            decision('accept', [lead.Id])
        )) as {
            applied: boolean;
        };
        expect(result.applied).toBe(true);
        expect((await org.lead(lead.Id)).SLA_Outcome__c).toBe('Missed');
    });

    it('returns a recycled lead to MQL on its next save after the recycle date, counting the recycle', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        await org.backend.call(
            'sdr-a',
            'LeadInboxController',
            'decide',
            decision('recycle', [lead.Id], { reasonCode: 'Too_Early', recycleUntil: '2026-11-30' })
        );
        expect(await org.lead(lead.Id)).toMatchObject({ Lifecycle_Stage__c: 'Recycled', Recycle_Count__c: 1 });
        org.advance(7 * 24 * 60);

        const returned = await org.backend.run((tx, { automation, user, now }) =>
            automation.update(tx, { user: user('admin'), now: now() }, lead.Id, { Intent_Score__c: 75 })
        );
        expect(returned).toMatchObject({
            Lifecycle_Stage__c: 'MQL',
            SLA_Outcome__c: 'Pending',
            Disposition_Reason__c: null
        });
        expect(returned.OwnerId).toBe(await org.queueId('Lead_Handoff_SDR_Inbound'));
    });

    it('publishes Lead_Handoff_Event__e after a decision commits, and nothing for a refused request', async () => {
        const org = await testOrg();
        const lead = await org.insert(QUALIFYING);
        const received: unknown[] = [];
        const unsubscribe = org.backend.subscribe((event) => received.push(event));

        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('reject', [lead.Id]));
        expect(received).toEqual([]);
        await org.backend.call('sdr-a', 'LeadInboxController', 'decide', decision('accept', [lead.Id]));
        unsubscribe();

        expect(received).toEqual([
            {
                channel: '/event/Lead_Handoff_Event__e',
                data: {
                    payload: expect.objectContaining({
                        Lead_Id__c: lead.Id,
                        Stage__c: 'SAL',
                        Previous_Stage__c: 'MQL',
                        Action__c: 'Accept',
                        Actor_Id__c: await org.userId('sdr-a')
                    })
                }
            }
        ]);
    });
});
