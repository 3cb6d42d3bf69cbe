// The repository's own Lead automation (4 record-triggered flows, 20 validation rules, custom metadata) through the
// save pipeline, with the project loader and security model of src/project and src/security. Apex actions are
// fakes here (the Apex interpreter is another area's). Order of execution:
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_triggers_order_of_execution.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApexInvoker } from '../../src/core/runtime.ts';
import { SObject } from '../../src/core/sobject.ts';
import { SDatetime } from '../../src/core/values.ts';
import { MemoryStore } from '../../src/data/memory-store.ts';
import { Clock, OrgTransaction } from '../../src/platform/transaction.ts';
import { loadProject, seedOrg } from '../../src/project/index.ts';
import { runDueWork } from '../../src/flow/index.ts';
import { accessFromSecurity, createSaveEngine } from '../../src/save/index.ts';
import { createAccessModel } from '../../src/security/index.ts';
import { createQueryEngine } from '../../src/soql/index.ts';
import { REPOSITORY } from '../project/fixture.ts';

const project = loadProject(REPOSITORY);
const NOW = Date.parse('2026-03-10T15:00:00Z');

function org(calls: { className: string; size: number }[] = []) {
    const store = new MemoryStore(project.schema);
    const seeded = seedOrg(project, store, { now: NOW, timeZone: 'America/New_York' });
    const clock = new Clock();
    clock.set(NOW);
    const transaction = new OrgTransaction(project, store, clock, seeded.admin);
    const security = createAccessModel(project, store);
    const apex: ApexInvoker = {
        invokeInvocable(_tx, className, inputs) {
            calls.push({ className, size: inputs.length });
            if (className === 'LeadAcceptByAction') {
                return inputs.map((input) => ({
                    acceptBy: new SDatetime((input.startAt as SDatetime).ms + 3_600_000)
                }));
            }
            return inputs.map(() => ({}));
        }
    };
    const save = createSaveEngine({
        metadata: project,
        query: createQueryEngine(project, security),
        apex,
        access: accessFromSecurity(security)
    });
    return { transaction, save, seeded, store };
}

const SYSTEM = { allOrNone: false, accessMode: 'system' as const };

test('a high-fit, high-intent lead becomes MQL, is routed to the SDR queue and gets its SLA path', () => {
    const calls: { className: string; size: number }[] = [];
    const { transaction, save, seeded } = org(calls);
    const leads = [1, 2, 3].map(
        (index) =>
            new SObject('Lead', { LastName: `Lead ${index}`, Company: 'Acme', Fit_Score__c: 80, Intent_Score__c: 70 })
    );
    const results = save.dml(transaction, 'insert', leads, SYSTEM);
    assert.deepEqual(
        results.map((result) => result.errors),
        [[], [], []]
    );
    const stored = transaction.store.get(leads[0].id!)!;
    assert.equal(stored.get('Lifecycle_Stage__c'), 'MQL');
    assert.equal(stored.get('OwnerId'), seeded.groupIds.get('SDR_Inbound'));
    assert.deepEqual(stored.get('Accept_By__c'), new SDatetime(NOW + 3_600_000));
    assert.deepEqual(
        calls.map((call) => [call.className, call.size]).filter(([name]) => name === 'LeadAcceptByAction'),
        [['LeadAcceptByAction', 3]],
        'one bulk call for the batch'
    );
    assert.equal(transaction.store.all('Lead_Stage_Event__c').length, 3);
    assert.equal(transaction.publishedEvents.filter((event) => event.type === 'Lead_Handoff_Event__e').length, 3);
    assert.equal(transaction.scheduled.length, 3);
    assert.equal(transaction.scheduled[0].dueAt, NOW + 3_600_000);
});

test("a validation rule refuses a stage jump with the project's message", () => {
    const { transaction, save } = org();
    const lead = new SObject('Lead', { LastName: 'Jump', Company: 'Acme', Fit_Score__c: 80, Intent_Score__c: 70 });
    save.dml(transaction, 'insert', [lead], SYSTEM);
    const [result] = save.dml(
        transaction,
        'update',
        [new SObject('Lead', { Id: lead.id, Lifecycle_Stage__c: 'SQL' })],
        SYSTEM
    );
    assert.equal(result.success, false);
    assert.ok(result.errors.some((error) => error.statusCode === 'FIELD_CUSTOM_VALIDATION_EXCEPTION'));
    assert.equal(transaction.store.get(lead.id!)!.get('Lifecycle_Stage__c'), 'MQL');
});

test('the SLA path, run after its time, marks the lead Missed and escalates it', () => {
    const { transaction, save, seeded } = org();
    const lead = new SObject('Lead', { LastName: 'Late', Company: 'Acme', Fit_Score__c: 80, Intent_Score__c: 70 });
    save.dml(transaction, 'insert', [lead], SYSTEM);
    transaction.clock.set(NOW + 2 * 3_600_000);
    assert.equal(runDueWork(transaction), 1);
    assert.equal(transaction.scheduled.length, 0);
    const stored = transaction.store.get(lead.id!)!;
    assert.equal(stored.get('SLA_Outcome__c'), 'Missed');
    assert.equal(stored.get('OwnerId'), seeded.groupIds.get('Escalations'));
    assert.equal(transaction.notifications.length, 1, 'the breach notification to the managers group');
    assert.deepEqual(transaction.notifications[0].recipientIds, [seeded.groupIds.get('Lead_Handoff_Managers')]);
    assert.equal(transaction.notifications[0].title, 'SLA missed: Acme');
});

test('the counts of one insert of one MQL: SOQL queries and DML statements of the flows', () => {
    const { transaction, save } = org();
    const lead = new SObject('Lead', { LastName: 'Count', Company: 'Acme', Fit_Score__c: 80, Intent_Score__c: 70 });
    save.dml(transaction, 'insert', [lead], SYSTEM);
    // What local-org counts (ledger: not confirmed in an org). Queries: Qualify's policy lookup on the insert and on
    // the re-save, Route_MQL's two lookups and its update by filter. DML: the insert, Route_MQL's update,
    // Stage_Event's record and its platform event.
    assert.deepEqual([transaction.limits.queries, transaction.limits.dmlStatements], [5, 4]);
});
