// WITH USER_MODE enforces the running user's object and field permissions on every clause and applies sharing;
// WITH SYSTEM_MODE does not (sharing then follows the class keyword: options.enforceSharing).
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_enforce_usermode.htm
// WITH SECURITY_ENFORCED: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_with_security_enforced.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlatformException } from '../../src/core/errors.ts';
import { InaccessibleQueryException } from '../../src/soql/index.ts';
import { testOrg } from './org.ts';

function setup(): ReturnType<typeof testOrg> & { member: ReturnType<ReturnType<typeof testOrg>['standardUser']> } {
    const org = testOrg();
    const member = org.standardUser('Member', ['Widget_User']);
    org.insert('GroupMember', { GroupId: org.seeded.groupIds.get('Widget_Team')!, UserOrGroupId: member.id });
    return { ...org, member };
}

test('a custom field without field permission is refused in user mode, wherever it appears', () => {
    const org = setup();
    const plain = org.standardUser('Plain');
    org.insert('Lead', { LastName: 'x', Company: 'c', Stage__c: 'New' });
    org.transaction.runAs(plain, () => {
        assert.equal(org.records('SELECT Id, LastName FROM Lead WITH USER_MODE').length, 1);
        assert.throws(
            () => org.query("SELECT Id FROM Lead WHERE Stage__c = 'New' WITH USER_MODE"),
            (error: unknown) =>
                error instanceof InaccessibleQueryException &&
                error.exceptionType === 'QueryException' &&
                /No such column 'Stage__c' on entity 'Lead'/.test(error.message) &&
                error.inaccessibleFields.get('Lead')!.has('Stage__c')
        );
        assert.equal(org.records('SELECT Stage__c FROM Lead WITH SYSTEM_MODE').length, 1);
        assert.equal(org.records('SELECT Stage__c FROM Lead').length, 1);
    });
});

test('an object without read permission is refused; a permission set grants it', () => {
    const org = setup();
    const plain = org.standardUser('Plain');
    org.transaction.runAs(plain, () => {
        assert.throws(
            () => org.query('SELECT Id FROM Widget__c WITH USER_MODE'),
            /sObject type 'Widget__c' is not supported/
        );
        assert.throws(
            () => org.query('SELECT Size__c FROM Widget__c WITH SECURITY_ENFORCED'),
            (error: unknown) => error instanceof PlatformException && /Insufficient permissions/.test(error.message)
        );
    });
    org.transaction.runAs(org.member, () => {
        assert.deepEqual(org.records('SELECT Size__c FROM Widget__c WITH USER_MODE'), []);
        assert.throws(() => org.query('SELECT Colour__c FROM Widget__c WITH USER_MODE'), /No such column 'Colour__c'/);
    });
});

test('sharing: a Private object shows the user their own records and those of queues they belong to', () => {
    const org = setup();
    const queueId = org.seeded.groupIds.get('Widget_Queue')!;
    org.insert('Widget__c', { Name: 'mine', Size__c: 1, OwnerId: org.member.id });
    org.insert('Widget__c', { Name: 'queue', Size__c: 1, OwnerId: queueId });
    org.insert('Widget__c', { Name: 'admin', Size__c: 1, OwnerId: org.seeded.admin.id });
    const visible = (soql: string, enforceSharing = false): unknown[] => {
        const result = org.query(soql, {}, 'system', enforceSharing);
        return result.kind === 'records' ? result.records.map((row) => row.get('Name')).sort() : [];
    };
    org.transaction.runAs(org.member, () => {
        assert.deepEqual(visible('SELECT Name FROM Widget__c WITH USER_MODE'), ['mine', 'queue']);
        assert.deepEqual(visible('SELECT Name FROM Widget__c'), ['admin', 'mine', 'queue']);
        assert.deepEqual(visible('SELECT Name FROM Widget__c', true), ['mine', 'queue']);
        assert.deepEqual(org.query('SELECT COUNT() FROM Widget__c WITH USER_MODE'), { kind: 'count', count: 2 });
    });
    assert.deepEqual(visible('SELECT Name FROM Widget__c WITH USER_MODE'), ['admin', 'mine', 'queue']);
});

test('malformed dynamic SOQL is a QueryException', () => {
    const org = setup();
    assert.throws(
        () => org.query('SELECT FROM Lead'),
        (error: unknown) => error instanceof PlatformException && error.exceptionType === 'QueryException'
    );
});
