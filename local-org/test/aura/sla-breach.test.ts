// The repository's SLA breach path run whole in a local org (real Apex, flows and rules) with the clock moved to the
// accept-by time: the shipped policy escalates; with Breach_Reassignment__c Next_Available_SDR the MQL goes from the
// SDR who let it pass to another SDR of the queue, who is told it is theirs, and the history says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalOrg, insertRecords, runDue, type LocalOrg } from '../../src/aura/index.ts';
import { REPOSITORY } from '../project/fixture.ts';

/** Tuesday 2026-03-10, 10:00 in New York: inside the SDR hours. */
const NOW = Date.parse('2026-03-10T15:00:00Z');

function team(org: LocalOrg, count: number) {
    return Array.from({ length: count }, (_, index) =>
        org.createUser({
            username: `sdr${index + 1}@example.com`,
            firstName: 'Sam',
            lastName: `Rep ${index + 1}`,
            permissionSets: ['Lead_Handoff_SDR'],
            groups: ['Lead_Handoff_SDRs'],
            timeZone: 'America/New_York'
        })
    );
}

function routingPolicy(org: LocalOrg, values: Record<string, string>) {
    const [policy] = org.metadata.customMetadata.get('routing_policy__mdt') ?? [];
    assert.ok(policy, 'the project ships a Default routing policy');
    for (const [field, value] of Object.entries(values)) policy.set(field, value);
}

function queueId(org: LocalOrg, developerName: string) {
    const queue = org.store.all('Group').find((group) => group.get('DeveloperName') === developerName);
    assert.ok(queue, developerName);
    return queue.id!;
}

function insertMql(org: LocalOrg) {
    const inserted = insertRecords(org, org.admin, 'Lead', [
        { LastName: 'Late', Company: 'Acme', Fit_Score__c: 80, Intent_Score__c: 70, Intent_Trigger__c: 'Demo_Request' }
    ]);
    assert.deepEqual(inserted.errors, [[]]);
    const id = inserted.ids[0]!;
    const acceptBy = (org.store.get(id)!.get('Accept_By__c') as { ms: number }).ms;
    return { id, acceptBy };
}

test('the shipped policy: at the accept-by the MQL is Missed, escalated, the managers told and nobody else', () => {
    const org = createLocalOrg({ root: REPOSITORY, now: NOW });
    team(org, 2);
    const { id, acceptBy } = insertMql(org);
    const early = runDue(org, acceptBy - 60_000);
    assert.ok(!early.some((run) => run.description.includes('SLA_Breach')), 'not due a minute before');
    const before = org.notifications.length;

    const runs = runDue(org, acceptBy);
    assert.ok(
        runs.some((run) => run.description.includes('SLA_Breach')) && runs.every((run) => !run.error),
        JSON.stringify(runs)
    );

    const lead = org.store.get(id)!;
    assert.equal(lead.get('SLA_Outcome__c'), 'Missed');
    assert.equal(lead.get('OwnerId'), queueId(org, 'Lead_Handoff_Escalations'));
    const titles = org.notifications.slice(before).map((sent) => sent.title);
    assert.deepEqual(titles, ['SLA missed: Acme'], 'the managers only: the escalation is their news');
});

test('Next_Available_SDR: the MQL leaves the SDR who let it pass for another, who is told; the history says why', () => {
    const org = createLocalOrg({ root: REPOSITORY, now: NOW });
    const sdrs = team(org, 2);
    routingPolicy(org, { Assignment_Mode__c: 'Best_Available_SDR', Breach_Reassignment__c: 'Next_Available_SDR' });
    const capacities = insertRecords(
        org,
        org.admin,
        'SDR_Capacity__c',
        sdrs.map((sdr) => ({ Name: `Capacity ${sdr.id}`, SDR__c: sdr.id, Available__c: true, Max_Open_Leads__c: 10 }))
    );
    assert.deepEqual(capacities.errors, [[], []]);
    const { id, acceptBy } = insertMql(org);
    const missedBy = org.store.get(id)!.get('OwnerId');
    const other = sdrs.find((sdr) => sdr.id !== missedBy)!;
    assert.ok(
        sdrs.some((sdr) => sdr.id === missedBy),
        'precondition: an SDR owns the MQL'
    );
    runDue(org, acceptBy - 60_000);
    const before = org.notifications.length;

    const runs = runDue(org, acceptBy);
    assert.ok(
        runs.some((run) => run.description.includes('SLA_Breach')) && runs.every((run) => !run.error),
        JSON.stringify(runs)
    );

    const lead = org.store.get(id)!;
    assert.equal(lead.get('SLA_Outcome__c'), 'Missed');
    assert.equal(lead.get('OwnerId'), other.id, 'the other SDR owns it now');
    const sent = org.notifications.slice(before);
    assert.deepEqual(
        sent.map((notification) => notification.title),
        ['SLA missed: Acme', 'Yours after a missed SLA: Late · Acme'],
        'the managers, then the new owner'
    );
    assert.deepEqual(sent[1].userIds, [other.id], 'only the new owner hears it is theirs');
    const assigns = org.store
        .all('Lead_Stage_Event__c')
        .filter((event) => event.get('Lead_Id__c') === id && event.get('Action__c') === 'Assign');
    assert.equal(assigns.length, 2, 'one Assign row at routing, one at the breach');
    const missedName = `Sam Rep ${sdrs.findIndex((sdr) => sdr.id === missedBy) + 1}`;
    assert.ok(
        String(assigns[1].get('Note__c')).includes(`${missedName} (let this lead's SLA pass)`),
        `the history names who was passed over and why: ${assigns[1].get('Note__c')}`
    );
    assert.equal(assigns[1].get('Owner_Id_At_Time__c'), other.id);
});
