// Database.convertLead converts a call's leads in bulk: one insert per created object, then one update of the leads.
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_database.htm#apex_System_Database_convertLead
// ("We recommend passing a maximum of 100 LeadConvert objects …"; "Each executed convertLead method counts against
// the governor limit for DML statements"). A failing lead is left out and the others converted again, as in a partial
// save: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dml_bulk_exceptions.htm
// One lead's mapping, user mode and the requiresValidation switch are specified in save.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlatformException } from '../../src/core/errors.ts';
import type { ProjectMetadata } from '../../src/core/metadata.ts';
import type { QueryEngine } from '../../src/core/runtime.ts';
import { SObject } from '../../src/core/sobject.ts';
import { createSaveEngine, SYSTEM_ACCESS, type LeadConvertRequest } from '../../src/save/index.ts';
import { metadata, transaction } from '../fixtures/automation.ts';

const NO_QUERY: QueryEngine = {
    query: () => {
        throw new Error('not used');
    }
};

const SYSTEM = { allOrNone: true, accessMode: 'system' as const };
const PARTIAL = { allOrNone: false, accessMode: 'system' as const };
const REQUIRE_VALIDATION = { settings: { leadConfigSettings: { shouldLeadConvertRequireValidation: true } } };

/** A save engine whose Apex actions only record each call: the action's name and how many records it was given. */
function engine(meta: ProjectMetadata, calls: { action: string; size: number }[] = []) {
    return createSaveEngine({
        metadata: meta,
        query: NO_QUERY,
        apex: {
            invokeInvocable: (_tx, action, inputs) => {
                calls.push({ action, size: inputs.length });
                return inputs.map(() => ({}));
            }
        },
        access: SYSTEM_ACCESS
    });
}

function afterSaveFlow(objectName: string, trigger: string, body: string, first: string) {
    const name = `${objectName}_${first}`;
    return {
        name,
        file: `flows/${name}.flow-meta.xml`,
        xml: `<Flow><label>${name}</label><processType>AutoLaunchedFlow</processType>${body}
        <start><object>${objectName}</object><recordTriggerType>${trigger}</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType><connector><targetReference>${first}</targetReference></connector></start>
        <status>Active</status></Flow>`
    };
}

/** An after-save flow that calls the Apex action Count_<Object>: one call per run, given the run's records. */
function countingFlow(objectName: string, trigger: string) {
    return afterSaveFlow(
        objectName,
        trigger,
        `<actionCalls><name>Count</name><label>C</label><actionName>Count_${objectName}</actionName>
        <actionType>apex</actionType></actionCalls>`,
        'Count'
    );
}

function rule(meta: ProjectMetadata, objectName: string, errorConditionFormula: string, errorMessage: string): void {
    meta.schema.object(objectName)!.validationRules.push({
        name: `Refuse_${objectName}`,
        active: true,
        errorConditionFormula,
        errorMessage,
        file: `objects/${objectName}/validationRules/Refuse_${objectName}.validationRule-meta.xml`
    });
}

function insertLeads(save: ReturnType<typeof engine>, tx: ReturnType<typeof transaction>, fields: object[]): string[] {
    const leads = fields.map(
        (values) => new SObject('Lead', { LastName: 'Lovelace', Company: 'Acme', ...(values as Record<string, null>) })
    );
    const results = save.dml(tx, 'insert', leads, SYSTEM);
    assert.ok(results.every((result) => result.success));
    return leads.map((lead) => lead.id!);
}

const requests = (leadIds: string[]): LeadConvertRequest[] =>
    leadIds.map((leadId) => ({ leadId, convertedStatus: 'Qualified' }));

test('150 leads in calls of 100 and 50: each object’s automation runs once per call, over all its records; one DML statement per call', () => {
    const meta = metadata();
    meta.orgSettings = REQUIRE_VALIDATION;
    meta.flows.push(
        countingFlow('Account', 'Create'),
        countingFlow('Contact', 'Create'),
        countingFlow('Opportunity', 'Create'),
        countingFlow('Lead', 'Update')
    );
    const calls: { action: string; size: number }[] = [];
    const tx = transaction(meta);
    const save = engine(meta, calls);
    const leadIds = insertLeads(
        save,
        tx,
        Array.from({ length: 150 }, (_, index) => ({ Company: `Company ${index}` }))
    );
    const statementsBefore = tx.limits.dmlStatements;
    const rowsBefore = tx.limits.dmlRows;

    const results = [
        ...save.convertLead(tx, requests(leadIds.slice(0, 100)), SYSTEM),
        ...save.convertLead(tx, requests(leadIds.slice(100)), SYSTEM)
    ];

    assert.deepEqual(
        results.filter((result) => !result.success),
        []
    );
    assert.deepEqual(
        calls.map((call) => `${call.action} ${call.size}`),
        [
            'Count_Account 100',
            'Count_Contact 100',
            'Count_Opportunity 100',
            'Count_Lead 100',
            'Count_Account 50',
            'Count_Contact 50',
            'Count_Opportunity 50',
            'Count_Lead 50'
        ],
        'Accounts, then Contacts, then Opportunities, then the leads: one run each per call'
    );
    assert.equal(tx.limits.dmlStatements - statementsBefore, 2, 'each convertLead call is one DML statement');
    assert.equal(tx.limits.dmlRows - rowsBefore, 150, 'one row per LeadConvert (uncertain, see the ledger)');
    assert.equal(new Set(results.map((result) => result.accountId)).size, 150, 'an Account per lead');
    const lead = tx.store.get(leadIds[120])!;
    assert.equal(lead.get('IsConverted'), true);
    assert.equal(lead.get('ConvertedContactId'), results[120].contactId);
    assert.equal(tx.store.get(results[120].contactId!)!.get('AccountId'), results[120].accountId);
    assert.equal(tx.store.get(results[120].accountId!)!.get('Name'), 'Company 120');
});

test('more than 100 LeadConvert objects in one call: LimitException, nothing converted or counted', () => {
    const meta = metadata();
    const tx = transaction(meta);
    const save = engine(meta);
    const leadIds = insertLeads(
        save,
        tx,
        Array.from({ length: 101 }, () => ({}))
    );
    const statementsBefore = tx.limits.dmlStatements;

    assert.throws(
        () => save.convertLead(tx, requests(leadIds), PARTIAL),
        (error: unknown) =>
            error instanceof PlatformException &&
            error.exceptionType === 'LimitException' &&
            error.message === 'Too many LeadConvert objects in one convertLead call: 101 (at most 100)'
    );
    assert.equal(tx.store.all('Account').length, 0);
    assert.equal(tx.store.all('Lead').filter((lead) => lead.get('IsConverted') === true).length, 0);
    assert.equal(tx.limits.dmlStatements, statementsBefore);
});

function refusingAtEachStep(): ProjectMetadata {
    const meta = metadata();
    meta.orgSettings = REQUIRE_VALIDATION;
    rule(meta, 'Account', "Name = 'Refused Co'", 'No such account');
    rule(meta, 'Contact', "LastName = 'Refused'", 'No such contact');
    rule(meta, 'Opportunity', "Name = 'No Deal-'", 'No such deal');
    rule(meta, 'Lead', "AND(IsConverted, Note__c = 'stay')", 'This lead stays a lead');
    // Work the automation of each new Account does: an event per Account.
    meta.flows.push(
        afterSaveFlow(
            'Account',
            'Create',
            `<recordCreates><name>Announce</name><label>A</label><object>Handoff_Event__e</object>
            <inputAssignments><field>Lead_Id__c</field><value><elementReference>$Record.Name</elementReference></value></inputAssignments></recordCreates>`,
            'Announce'
        )
    );
    return meta;
}

test('allOrNone=false: a lead whose Account, Contact, Opportunity or lead update fails keeps nothing; the others convert', () => {
    const meta = refusingAtEachStep();
    const tx = transaction(meta);
    const save = engine(meta);
    const leadIds = insertLeads(save, tx, [
        { Company: 'Refused Co' },
        { LastName: 'Refused' },
        { Company: 'No Deal' },
        { Note__c: 'stay' },
        { Company: 'Good Co' }
    ]);
    const statementsBefore = tx.limits.dmlStatements;

    const results = save.convertLead(tx, requests(leadIds), PARTIAL);

    assert.deepEqual(
        results.map((result) => [result.success, result.errors.map((error) => error.message).join()]),
        [
            [false, 'No such account'],
            [false, 'No such contact'],
            [false, 'No such deal'],
            [false, 'This lead stays a lead'],
            [true, '']
        ]
    );
    assert.deepEqual(
        results.slice(0, 4).map((result) => [result.accountId, result.contactId, result.opportunityId]),
        Array.from({ length: 4 }, () => [null, null, null]),
        'a failed lead names no created record'
    );
    assert.deepEqual(
        ['Account', 'Contact', 'Opportunity'].map((type) => tx.store.all(type).map((record) => record.id)),
        [[results[4].accountId], [results[4].contactId], [results[4].opportunityId]],
        'no orphan Account, Contact or Opportunity of a failed lead'
    );
    assert.deepEqual(
        leadIds.map((id) => tx.store.get(id)!.get('IsConverted')),
        [false, false, false, false, true]
    );
    assert.deepEqual(
        tx.publishedEvents.map((event) => event.fields.Lead_Id__c),
        ['Good Co'],
        'the automation work of the failed leads’ Accounts is undone too'
    );
    assert.equal(
        tx.limits.dmlStatements - statementsBefore,
        2,
        'the call and the flow’s publish of its last attempt: limits return to the call’s start for each attempt'
    );
});

test('allOrNone=true: one lead’s failure undoes the whole call; only that lead carries errors', () => {
    const meta = refusingAtEachStep();
    const tx = transaction(meta);
    const save = engine(meta);
    const leadIds = insertLeads(save, tx, [{ Company: 'First Co' }, { LastName: 'Refused' }, { Company: 'Third Co' }]);

    const results = save.convertLead(tx, requests(leadIds), SYSTEM);

    assert.deepEqual(
        results.map((result) => [result.success, result.errors.map((error) => error.message).join()]),
        [
            [false, ''],
            [false, 'No such contact'],
            [false, '']
        ]
    );
    assert.deepEqual(
        results.map((result) => [result.accountId, result.contactId, result.opportunityId]),
        Array.from({ length: 3 }, () => [null, null, null])
    );
    assert.deepEqual(
        ['Account', 'Contact', 'Opportunity'].map((type) => tx.store.all(type).length),
        [0, 0, 0]
    );
    assert.ok(leadIds.every((id) => tx.store.get(id)!.get('IsConverted') === false));
    assert.equal(tx.publishedEvents.length, 0);
});

test('allOrNone=true: a lead refused before any save (a status that is not converted) converts none', () => {
    const meta = metadata();
    const tx = transaction(meta);
    const save = engine(meta);
    const leadIds = insertLeads(save, tx, [{}, {}]);
    tx.store.put(new SObject('LeadStatus', { Id: '01J000000000001AAA', ApiName: 'Qualified', IsConverted: true }));

    const results = save.convertLead(
        tx,
        [
            { leadId: leadIds[0], convertedStatus: 'Qualified' },
            { leadId: leadIds[1], convertedStatus: 'Open' }
        ],
        SYSTEM
    );

    assert.deepEqual(
        results.map((result) => [result.success, result.errors.map((error) => error.statusCode).join()]),
        [
            [false, ''],
            [false, 'INVALID_STATUS']
        ]
    );
    assert.equal(tx.store.all('Account').length, 0);
});

test('the same lead twice in one call: ListException, nothing converted', () => {
    const meta = metadata();
    const tx = transaction(meta);
    const save = engine(meta);
    const [leadId] = insertLeads(save, tx, [{}]);

    assert.throws(
        () => save.convertLead(tx, requests([leadId, leadId]), PARTIAL),
        (error: unknown) =>
            error instanceof PlatformException &&
            error.exceptionType === 'ListException' &&
            error.message === `Duplicate id in list: ${leadId}`
    );
    assert.equal(tx.store.get(leadId)!.get('IsConverted'), false);
});
