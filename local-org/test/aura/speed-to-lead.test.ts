// The repository's speed-to-lead automation run whole in a local org (real Apex, flows and rules): routing MQLs to a
// queue notifies each of its SDRs once, and moving the clock to the due-soon time reminds them of the leads still
// undecided — an accepted lead's reminder never comes. (Scheduled paths due together run one by one here.) Notifications as the org keeps them for a host's bell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalOrg, insertRecords, invokeAura, runDue } from '../../src/aura/index.ts';
import { REPOSITORY } from '../project/fixture.ts';

/** Tuesday 2026-03-10, 10:00 in New York: inside the SDR hours. */
const NOW = Date.parse('2026-03-10T15:00:00Z');

test('routed MQLs notify each SDR of the queue once; at due-soon only the undecided ones are recalled', () => {
    const org = createLocalOrg({ root: REPOSITORY, now: NOW });
    const sdrs = [1, 2, 3, 4].map((index) =>
        org.createUser({
            username: `sdr${index}@example.com`,
            firstName: 'Sam',
            lastName: `Rep ${index}`,
            permissionSets: ['Lead_Handoff_SDR'],
            groups: ['Lead_Handoff_SDRs'],
            timeZone: 'America/New_York'
        })
    );
    const rows = [1, 2, 3].map((index) => ({
        LastName: `Buyer ${index}`,
        Company: `Acme ${index}`,
        Fit_Score__c: 80,
        Intent_Score__c: 70,
        Intent_Trigger__c: 'Demo_Request'
    }));
    const inserted = insertRecords(org, org.admin, 'Lead', rows);
    assert.deepEqual(inserted.errors, [[], [], []]);

    assert.equal(org.notifications.length, 1, 'one arrival notification for the batch');
    const [arrival] = org.notifications;
    assert.equal(arrival.title, '3 new MQLs to accept');
    assert.deepEqual(new Set(arrival.userIds), new Set(sdrs.map((sdr) => sdr.id)), 'each SDR of the queue, once');

    const accepted = inserted.ids[0]!;
    const decision = invokeAura(org, sdrs[0], 'LeadInboxController', 'decide', {
        request: { action: 'accept', leads: [{ leadId: accepted, seenStage: 'MQL' }] }
    });
    assert.ok(decision.ok, JSON.stringify(decision));

    const dueSoon = (org.store.get(inserted.ids[1]!)!.get('Due_Soon_At__c') as { ms: number }).ms;
    assert.ok(dueSoon > NOW, 'the reminder is scheduled for later');
    assert.deepEqual(runDue(org, dueSoon - 60_000), [], 'nothing before the due-soon time');
    const runs = runDue(org, dueSoon + 60_000);
    assert.ok(
        runs.every((run) => !run.error),
        JSON.stringify(runs)
    );

    // local-org runs each due path in a transaction of its own (the platform batches interviews due together, so an
    // org sends one summary): one reminder per undecided lead here, none for the accepted one.
    const reminders = org.notifications.slice(1);
    assert.deepEqual(
        reminders.map((reminder) => reminder.title).sort(),
        ['Due soon: Buyer 2 · Acme 2', 'Due soon: Buyer 3 · Acme 3'],
        'the accepted lead is not recalled'
    );
    for (const reminder of reminders) assert.deepEqual(new Set(reminder.userIds), new Set(sdrs.map((sdr) => sdr.id)));
});
