// The host layer (src/aura): @AuraEnabled calls as Lightning makes them, in a transaction of their own that rolls back
// on an exception, and the store saved to and read from JSON.
// Sources: https://developer.salesforce.com/docs/platform/lwc/guide/apex-call-imperative.html
//          https://developer.salesforce.com/docs/platform/lwc/guide/apex-error-handling.html
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLocalOrg, invokeAura, storeFromJson, storeToJson } from '../../src/aura/index.ts';

const ROOT = fileURLToPath(new URL('../../../../local-org/test/fixtures/aura', import.meta.url));
const NOW = Date.UTC(2026, 11, 4, 15, 30);

test('JSON parameters become the declared types; the result carries only @AuraEnabled members', () => {
    const org = createLocalOrg({ root: ROOT, now: NOW });
    const result = invokeAura(org, org.admin, 'NoteController', 'create', {
        request: { subject: 'Call back', due: '2026-12-24' }
    });
    assert.ok(result.ok, JSON.stringify(result));
    const value = result.value as Record<string, unknown>;
    assert.deepEqual(Object.keys(value).sort(), ['at', 'due', 'leadId']);
    assert.equal(value.due, '2026-12-25');
    assert.equal(value.at, '2026-12-04T15:30:00.000Z');
    assert.equal(org.store.get(String(value.leadId))?.get('LastName'), 'Call back');
    assert.equal(result.limits.dmlStatements, 1);
});

test('an AuraHandledException reaches the component with its message', () => {
    const org = createLocalOrg({ root: ROOT, now: NOW });
    const result = invokeAura(org, org.admin, 'NoteController', 'create', { request: { subject: ' ' } });
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.status, 500);
    assert.equal(result.body.message, 'Enter a subject.');
    assert.equal(result.body.exceptionType, 'System.AuraHandledException');
});

test('any other uncaught exception rolls the transaction back and reaches the component with its type', () => {
    const org = createLocalOrg({ root: ROOT, now: NOW });
    const leadsBefore = org.store.all('Lead').length;
    const result = invokeAura(org, org.admin, 'NoteController', 'insertThenFail', {});
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.body.exceptionType, 'System.ListException');
    assert.equal(org.store.all('Lead').length, leadsBefore, 'the insert was rolled back');
});

test('a method that is not @AuraEnabled is not found', () => {
    const org = createLocalOrg({ root: ROOT, now: NOW });
    const result = invokeAura(org, org.admin, 'NoteController', 'missing', {});
    assert.equal(result.ok ? 200 : result.status, 404);
});

test('users get their permission sets and groups; the store survives JSON and refuses another version', () => {
    const org = createLocalOrg({ root: ROOT, now: NOW });
    const user = org.createUser({
        username: 'note.user@example.com',
        firstName: 'Nora',
        lastName: 'Note',
        permissionSets: ['Note_User'],
        groups: ['Note_Team']
    });
    assert.deepEqual(user.permissionSets, ['Note_User']);
    assert.deepEqual(org.customPermissions(user), ['Note_Admin']);
    const members = org.store.all('GroupMember').filter((member) => member.get('UserOrGroupId') === user.id);
    assert.equal(members.length, 1);
    invokeAura(org, org.admin, 'NoteController', 'create', { request: { subject: 'Kept', due: '2026-12-24' } });
    const document = JSON.parse(JSON.stringify(storeToJson(org)));

    const copy = createLocalOrg({ root: ROOT, now: NOW });
    storeFromJson(copy, document);
    assert.equal(copy.user('note.user@example.com')?.id, user.id);
    assert.deepEqual(
        copy.store.all('Lead').map((lead) => lead.get('LastName')),
        ['Kept']
    );
    assert.throws(() => storeFromJson(copy, { ...document, version: 0 }), /version 0/);
    assert.throws(() => storeFromJson(copy, { records: [] }), /not a local-org-store document/);
});
