// seedOrg: what every org has (profiles, an admin, the organization) and what deploying the metadata creates
// (groups, queues with QueueSobject and members, permission sets, business hours and holidays, lead statuses).
// Default business hours: https://help.salesforce.com/s/articleView?id=sf.customize_supporthours.htm
// LeadStatus: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_leadstatus.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STime } from '../../src/core/values.ts';
import { MemoryStore } from '../../src/data/memory-store.ts';
import { loadProject, seedOrg } from '../../src/project/index.ts';
import { FIXTURE, REPOSITORY } from './fixture.ts';

const project = loadProject(FIXTURE);

function seeded(): { store: MemoryStore; org: ReturnType<typeof seedOrg> } {
    const store = new MemoryStore(project.schema);
    return { store, org: seedOrg(project, store, { timeZone: 'America/New_York', now: Date.UTC(2026, 11, 4) }) };
}

test('profiles, the admin user in the given zone, the organization', () => {
    const { store, org } = seeded();
    const profiles = store.all('Profile').map((profile) => profile.get('Name'));
    assert.deepEqual(profiles.sort(), ['Standard User', 'System Administrator']);
    const admin = store.get(org.admin.id)!;
    assert.equal(admin.get('TimeZoneSidKey'), 'America/New_York');
    assert.equal(org.admin.timeZone, 'America/New_York');
    assert.equal(store.get(admin.get('ProfileId') as string)!.get('Name'), 'System Administrator');
    assert.equal(store.all('Organization').length, 1);
});

// A single-currency org: UserInfo.getDefaultCurrency() returns this currency ("the organization's currency code for
// single currency organizations", https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_userinfo.htm).
test('the organization has one currency, that of its en_US locale', () => {
    const { store } = seeded();
    assert.equal(store.all('Organization')[0].get('DefaultCurrencyIsoCode'), 'USD');
});

test('a Group per group and queue, QueueSobject per object, GroupMember for group members', () => {
    const { store, org } = seeded();
    const groups = store.all('Group').map((group) => `${group.get('DeveloperName')}:${group.get('Type')}`);
    assert.deepEqual(groups.sort(), ['Widget_Queue:Queue', 'Widget_Team:Regular']);
    const queueId = org.groupIds.get('Widget_Queue');
    assert.deepEqual(
        store
            .all('QueueSobject')
            .filter((row) => row.get('QueueId') === queueId)
            .map((row) => row.get('SobjectType')),
        ['Lead', 'Widget__c']
    );
    const [member] = store.all('GroupMember');
    assert.equal(member.get('GroupId'), queueId);
    assert.equal(member.get('UserOrGroupId'), org.groupIds.get('Widget_Team'));
});

test('permission sets by API name; lead statuses; static resources', () => {
    const { store } = seeded();
    assert.deepEqual(
        store.all('PermissionSet').map((row) => row.get('Name')),
        ['Widget_User']
    );
    const converted = store.all('LeadStatus').filter((row) => row.get('IsConverted') === true);
    assert.deepEqual(
        converted.map((row) => row.get('ApiName')),
        ['Closed - Converted']
    );
    const [resource] = store.all('StaticResource');
    const body = Buffer.from(resource.get('Body') as string, 'base64').toString('utf8');
    assert.deepEqual(JSON.parse(body), { hello: 'world' });
});

test('business hours from the scratch definition plus a 24x7 Default when none is default', () => {
    const { store } = seeded();
    const hours = store.all('BusinessHours');
    const office = hours.find((row) => row.get('Name') === 'Office')!;
    assert.ok((office.get('MondayStartTime') as STime).equals(STime.of(8, 30)));
    assert.equal(office.get('TuesdayStartTime'), null);
    assert.equal(office.get('TimeZoneSidKey'), 'Europe/Paris');
    const defaults = hours.filter((row) => row.get('IsDefault') === true);
    assert.deepEqual(
        defaults.map((row) => row.get('Name')),
        ['Default']
    );
    const [holiday] = store.all('Holiday');
    assert.equal(String(holiday.get('ActivityDate')), '2026-05-01');
    assert.equal(holiday.get('IsAllDay'), true);
});

test("the repository's project seeds its queues, groups, permission sets and business hours", () => {
    const repository = loadProject(REPOSITORY);
    const store = new MemoryStore(repository.schema);
    const org = seedOrg(repository, store);
    const queues = store.all('Group').filter((group) => group.get('Type') === 'Queue');
    assert.equal(queues.length, repository.queues.size);
    assert.equal(store.all('QueueSobject').length, repository.queues.size);
    assert.equal(store.all('PermissionSet').length, repository.permissionSets.size);
    const hours = store.all('BusinessHours').map((row) => `${row.get('Name')}:${row.get('IsDefault')}`);
    assert.deepEqual(hours.sort(), ['Default:true', 'Lead Handoff SDR Hours:false']);
    assert.equal(store.all('Holiday').length, 2);
    assert.ok(org.groupIds.has('Lead_Handoff_SDR_Inbound'));
});
