// Object, field, user and custom permissions from the profile and assigned permission sets; record visibility.
// Standard profiles and custom objects: https://developer.salesforce.com/docs/atlas.en-us.198.0.fundamentals.meta/fundamentals/adg_securing_data_standard_profiles.htm
// Permission sets: https://help.salesforce.com/s/articleView?id=sf.perm_sets_overview.htm
// Organization-wide defaults: https://help.salesforce.com/s/articleView?id=sf.security_sharing_owd_about.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SObject } from '../../src/core/sobject.ts';
import { createAccessModel } from '../../src/security/index.ts';
import { testOrg } from '../soql/org.ts';

test('System Administrator can do everything', () => {
    const org = testOrg();
    const access = createAccessModel(org.project, org.store).forUser(org.seeded.admin);
    assert.equal(access.isAdmin, true);
    assert.equal(access.object('Widget__c').modifyAll, true);
    assert.deepEqual(access.field('Widget__c', 'Colour__c'), { readable: true, editable: true });
    assert.equal(access.hasUserPermission('ViewAllData'), true);
    assert.equal(access.hasCustomPermission('Widget_Admin'), false);
});

test('Standard User: CRED on Lead, no custom object, standard fields only; setup objects readable', () => {
    const org = testOrg();
    const user = org.standardUser('Plain');
    const access = createAccessModel(org.project, org.store).forUser(user);
    assert.equal(access.isAdmin, false);
    assert.deepEqual(access.object('Lead'), {
        read: true,
        create: true,
        edit: true,
        delete: true,
        viewAll: false,
        modifyAll: false
    });
    assert.equal(access.object('Widget__c').read, false);
    assert.deepEqual(access.field('Lead', 'Company'), { readable: true, editable: true });
    assert.deepEqual(access.field('Lead', 'Stage__c'), { readable: false, editable: false });
    assert.equal(access.object('Group').read, true);
    assert.equal(access.object('Group').create, false);
    assert.equal(access.object('Policy__mdt').read, true);
    assert.equal(access.hasUserPermission('ViewAllData'), false);
});

test('permission sets assigned in the store add object, field, user and custom permissions', () => {
    const org = testOrg();
    const user = org.standardUser('Member', ['Widget_User']);
    const model = createAccessModel(org.project, org.store);
    const access = model.forUser(user);
    assert.deepEqual(access.permissionSets, ['Widget_User']);
    assert.equal(access.object('Widget__c').edit, true);
    assert.equal(access.object('Widget__c').delete, false);
    assert.deepEqual(
        access.field('Widget__c', 'Size__c'),
        { readable: true, editable: true },
        'required fields are always editable'
    );
    assert.deepEqual(access.field('Widget__c', 'Colour__c'), { readable: false, editable: false });
    assert.equal(model.hasCustomPermission(user, 'widget_admin'), true);
    assert.equal(access.hasUserPermission('ConvertLeads'), true);
});

test('group membership is transitive: a user in a group that is a member of a queue belongs to the queue', () => {
    const org = testOrg();
    const user = org.standardUser('Member', ['Widget_User']);
    org.insert('GroupMember', { GroupId: org.seeded.groupIds.get('Widget_Team')!, UserOrGroupId: user.id });
    const access = createAccessModel(org.project, org.store).forUser(user);
    assert.deepEqual(
        [...access.groupIds()].sort(),
        [org.seeded.groupIds.get('Widget_Queue'), org.seeded.groupIds.get('Widget_Team')].sort()
    );
    const queueWidget = new SObject('Widget__c', {
        Id: 'a00000000000001AAA',
        OwnerId: org.seeded.groupIds.get('Widget_Queue')!
    });
    const adminWidget = new SObject('Widget__c', { Id: 'a00000000000002AAA', OwnerId: org.seeded.admin.id });
    assert.equal(access.canSee(queueWidget), true);
    assert.equal(access.canEdit(queueWidget), true);
    assert.equal(access.canSee(adminWidget), false);
    assert.equal(
        access.canSee(new SObject('Lead', { OwnerId: org.seeded.admin.id })),
        true,
        'Lead is public read/write'
    );
});

test('ControlledByParent: a Contact is visible when its Account is (Account private here)', () => {
    const org = testOrg();
    const user = org.standardUser('Member');
    const account = org.project.schema.object('Account')!;
    const previous = account.sharingModel;
    account.sharingModel = 'Private';
    try {
        const mine = org.insert('Account', { Name: 'mine', OwnerId: user.id });
        const theirs = org.insert('Account', { Name: 'theirs', OwnerId: org.seeded.admin.id });
        const access = createAccessModel(org.project, org.store).forUser(user);
        assert.equal(access.canSee(new SObject('Contact', { LastName: 'a', AccountId: mine })), true);
        assert.equal(access.canSee(new SObject('Contact', { LastName: 'b', AccountId: theirs })), false);
    } finally {
        account.sharingModel = previous;
    }
});
