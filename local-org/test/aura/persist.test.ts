// The store saved to JSON and loaded again (src/aura/persist.ts): a scheduled path pending when the store was saved is
// pending again after the load and runs as it would have (at its time, as the user whose save scheduled it, with that
// save's $Record__Prior); a path the project no longer has is named, never dropped silently.
// The fixture's Note_Reminder flow schedules On_Remind_On at Remind_On__c + 9 hours when a lead gets a reminder date;
// the path stamps Reminded_By__c with $User.Id and Company_Before__c with $Record__Prior.Company.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLocalOrg, invokeAura, runDue, storeFromJson, storeToJson, type LocalOrg } from '../../src/aura/index.ts';
import type { UserContext } from '../../src/core/runtime.ts';

const ROOT = fileURLToPath(new URL('../../../../local-org/test/fixtures/aura', import.meta.url));
const NOW = Date.UTC(2026, 11, 4, 15, 30);
/** 2026-12-20 + 9 hours in the org's time zone (America/Los_Angeles, PST). */
const REMIND_DUE = Date.UTC(2026, 11, 20, 17);
const KEY = (leadId: string): string => `Note_Reminder/On_Remind_On/${leadId}`;

function call(org: LocalOrg, user: UserContext, method: string, params: Record<string, unknown>): unknown {
    const result = invokeAura(org, user, 'NoteController', method, params);
    assert.ok(result.ok, JSON.stringify(result));
    return result.value;
}

/** A lead the user creates at company Acme, then gives a reminder date and a new company in one save. */
function remindedLead(): { org: LocalOrg; user: UserContext; leadId: string } {
    const org = createLocalOrg({ root: ROOT, now: NOW });
    const user = org.createUser({
        username: 'note.user@example.com',
        firstName: 'Nora',
        lastName: 'Note',
        permissionSets: ['Note_User']
    });
    const created = call(org, user, 'create', { request: { subject: 'Later', due: '2026-12-24' } });
    const leadId = String((created as { leadId: string }).leadId);
    call(org, user, 'remind', { leadId, remindOn: '2026-12-20', company: 'Renamed' });
    return { org, user, leadId };
}

function saved(org: LocalOrg): ReturnType<typeof storeToJson> {
    return JSON.parse(JSON.stringify(storeToJson(org))) as ReturnType<typeof storeToJson>;
}

test('a path pending when the store is saved runs after the load when the clock passes it, as its user, with its prior', () => {
    const { org, user, leadId } = remindedLead();
    assert.notEqual(user.id, org.admin.id);
    const document = saved(org);
    assert.deepEqual(document.pendingScheduled[0].prior?.fields.Company, 'Acme');

    const copy = createLocalOrg({ root: ROOT, now: NOW });
    assert.deepEqual(storeFromJson(copy, document), { restored: 1, notRestored: [] });
    assert.deepEqual([...copy.pending.keys()], [KEY(leadId)]);
    assert.equal(copy.pending.get(KEY(leadId))?.dueAt, REMIND_DUE);

    assert.deepEqual(runDue(copy, REMIND_DUE - 1), [], 'not due yet');
    assert.equal(copy.store.get(leadId)?.get('Reminded_By__c') ?? null, null);
    const runs = runDue(copy, REMIND_DUE + 60_000);
    assert.deepEqual(runs, [
        { description: `Note_Reminder: scheduled path On_Remind_On for ${leadId}`, dueAt: REMIND_DUE }
    ]);
    const lead = copy.store.get(leadId)!;
    assert.equal(lead.get('Reminded_By__c'), user.id, 'as the user whose save scheduled it, not the admin');
    assert.equal(lead.get('Company_Before__c'), 'Acme', '$Record__Prior of the save that scheduled it');
    assert.equal(copy.pending.size, 0);

    runDue(org, REMIND_DUE + 60_000);
    const original = org.store.get(leadId)!;
    assert.deepEqual(
        [original.get('Reminded_By__c'), original.get('Company_Before__c')],
        [lead.get('Reminded_By__c'), lead.get('Company_Before__c')],
        'the same outcome as the org that was never saved'
    );
});

test('a pending path whose flow, path or user is gone is not restored, and the load names it', () => {
    const { org, leadId } = remindedLead();
    const document = saved(org);
    const [pending] = document.pendingScheduled;
    const cases: [Partial<typeof pending>, RegExp][] = [
        [{ flow: 'Gone_Flow' }, /scheduled path Gone_Flow\/On_Remind_On for \w+: the project has no flow Gone_Flow/],
        [{ path: 'Gone_Path' }, /Note_Reminder\/Gone_Path for \w+: flow Note_Reminder has no scheduled path Gone_Path/],
        [{ userId: '005000000000999AAA' }, /On_Remind_On for \w+: no user 005000000000999AAA in the org/]
    ];
    for (const [change, message] of cases) {
        const copy = createLocalOrg({ root: ROOT, now: NOW });
        const loaded = storeFromJson(copy, { ...document, pendingScheduled: [{ ...pending, ...change }] });
        assert.equal(loaded.restored, 0);
        assert.equal(loaded.notRestored.length, 1);
        assert.match(loaded.notRestored[0], message);
        assert.equal(copy.pending.size, 0);
        assert.equal(copy.store.get(leadId)?.get('Company'), 'Renamed', 'the records are loaded all the same');
    }
});

test('a malformed pending path refuses the document and changes nothing', () => {
    const { org } = remindedLead();
    const document = saved(org);
    const copy = createLocalOrg({ root: ROOT, now: NOW });
    const leads = copy.store.all('Lead').length;
    const broken = { ...document, pendingScheduled: [{ ...document.pendingScheduled[0], dueAt: 'soon' }] };
    assert.throws(() => storeFromJson(copy, broken), /pendingScheduled 0: not a scheduled path/);
    const badPrior = { ...document.pendingScheduled[0], prior: { type: 'Lead', fields: { Id: 'x', Company: {} } } };
    assert.throws(() => storeFromJson(copy, { ...document, pendingScheduled: [badPrior] }), /prior.Company/);
    assert.equal(copy.store.all('Lead').length, leads);
});

test('a restored path is replaced when a later save schedules the same path for the record', () => {
    const { org, user, leadId } = remindedLead();
    const copy = createLocalOrg({ root: ROOT, now: NOW });
    storeFromJson(copy, saved(org));
    const sameUser = copy.user(user.id)!;
    call(copy, sameUser, 'remind', { leadId, remindOn: null, company: 'Between' });
    call(copy, sameUser, 'remind', { leadId, remindOn: '2027-01-10', company: 'Again' });
    const newDue = Date.UTC(2027, 0, 10, 17);
    assert.deepEqual(
        [...copy.pending.values()].map((work) => [work.key, work.dueAt]),
        [[KEY(leadId), newDue]]
    );
    assert.deepEqual(runDue(copy, REMIND_DUE + 60_000), [], 'the restored path was replaced');
    assert.equal(runDue(copy, newDue).length, 1);
    assert.equal(copy.store.get(leadId)?.get('Company_Before__c'), 'Between');
});

test('a version 1 document loads its records and names each pending path it could not keep; others are refused', () => {
    const { org, leadId } = remindedLead();
    const document = saved(org);
    const copy = createLocalOrg({ root: ROOT, now: NOW });
    const description = `Note_Reminder: scheduled path On_Remind_On for ${leadId}`;
    const loaded = storeFromJson(copy, {
        ...document,
        version: 1,
        pendingScheduled: [{ description, dueAt: REMIND_DUE }]
    });
    assert.equal(loaded.restored, 0);
    assert.deepEqual(loaded.notRestored, [
        `${description} (due 2026-12-20T17:00:00.000Z): a version 1 document holds its description only`
    ]);
    assert.equal(copy.pending.size, 0);
    assert.equal(copy.store.get(leadId)?.get('Company'), 'Renamed');
    assert.throws(
        () => storeFromJson(copy, { ...document, version: 3 }),
        /version 3, this local-org reads versions 1 and 2/
    );
});
