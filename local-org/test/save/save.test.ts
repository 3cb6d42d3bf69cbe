// The save pipeline in the documented order of execution:
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_triggers_order_of_execution.htm
// Partial save retries: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dml_bulk_exceptions.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedError } from '../../src/core/errors.ts';
import type { ProjectMetadata } from '../../src/core/metadata.ts';
import type { QueryEngine } from '../../src/core/runtime.ts';
import { SObject } from '../../src/core/sobject.ts';
import { SDate, SDatetime } from '../../src/core/values.ts';
import { createSaveEngine, SYSTEM_ACCESS, type AccessModel } from '../../src/save/index.ts';
import { metadata, transaction, USER } from '../fixtures/automation.ts';

const NO_QUERY: QueryEngine = {
    query: () => {
        throw new Error('not used');
    }
};

function engine(access: AccessModel = SYSTEM_ACCESS, meta?: ProjectMetadata) {
    return createSaveEngine({
        metadata: meta ?? metadata(),
        query: NO_QUERY,
        apex: { invokeInvocable: (_tx, _name, inputs) => inputs.map(() => ({})) },
        access
    });
}

const SYSTEM = { allOrNone: true, accessMode: 'system' as const };
const lead = (fields: Record<string, unknown> = {}): SObject =>
    new SObject('Lead', {
        LastName: 'Lovelace',
        FirstName: 'Ada',
        Company: 'Acme',
        ...(fields as Record<string, null>)
    });

function flowXml(
    name: string,
    trigger: string,
    body: string,
    startExtra = ''
): { name: string; file: string; xml: string } {
    return {
        name,
        file: `flows/${name}.flow-meta.xml`,
        xml: `<Flow><label>${name}</label><processType>AutoLaunchedFlow</processType>${body}
        <start><object>Lead</object><recordTriggerType>CreateAndUpdate</recordTriggerType><triggerType>${trigger}</triggerType>${startExtra}</start>
        <status>Active</status></Flow>`
    };
}

test('insert: defaults, owner, audit fields and Name; the Id is set on the caller’s record; one DML statement', () => {
    const tx = transaction();
    const record = lead();
    const [result] = engine().dml(tx, 'insert', [record], SYSTEM);
    assert.equal(result.success, true);
    assert.equal(record.id, result.id);
    const stored = tx.store.get(result.id!)!;
    assert.equal(stored.get('Status'), 'Open');
    assert.equal(stored.get('Flag__c'), false);
    assert.equal(stored.get('OwnerId'), USER.id);
    assert.equal(stored.get('Name'), 'Ada Lovelace');
    assert.equal(stored.get('CreatedById'), USER.id);
    assert.deepEqual(stored.get('CreatedDate'), new SDatetime(tx.now()));
    assert.equal(stored.get('IsDeleted'), false);
    assert.deepEqual([tx.limits.dmlStatements, tx.limits.dmlRows], [1, 1]);
});

test('system validation: required, length, restricted picklist, number range, references', () => {
    const tx = transaction();
    const results = engine().dml(
        tx,
        'insert',
        [
            lead({ LastName: null }),
            lead({ Note__c: 'far too long a note' }),
            lead({ Stage__c: 'Nope' }),
            lead({ Score__c: 123456 }),
            lead({ OwnerId: 'abc' }),
            lead({ OwnerId: '005000000000999AAA' })
        ],
        { allOrNone: false, accessMode: 'system' }
    );
    assert.deepEqual(
        results.map((result) => result.errors[0]?.statusCode),
        [
            'REQUIRED_FIELD_MISSING',
            'STRING_TOO_LONG',
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            'NUMBER_OUTSIDE_VALID_RANGE',
            'MALFORMED_ID',
            'INVALID_CROSS_REFERENCE_KEY'
        ]
    );
    assert.deepEqual(results[0].errors[0].fields, ['LastName']);
    assert.equal(tx.store.all('Lead').length, 0);
});

function withRule(meta: ProjectMetadata): ProjectMetadata {
    meta.schema.object('Lead')!.validationRules.push({
        name: 'Rejected_Needs_Reason',
        active: true,
        errorConditionFormula: "AND(ISPICKVAL(Stage__c, 'Rejected'), ISCHANGED(Stage__c), ISBLANK(TEXT(Reason__c)))",
        errorMessage: 'Give a reason',
        errorDisplayField: 'Reason__c',
        file: 'objects/Lead/validationRules/Rejected_Needs_Reason.validationRule-meta.xml'
    });
    return meta;
}

test('validation rules run after before-save flows and see their changes through ISCHANGED', () => {
    const meta = withRule(metadata());
    meta.flows.push(
        flowXml(
            'Reject_Low',
            'RecordBeforeSave',
            `<assignments><name>Reject</name><label>R</label><assignmentItems><assignToReference>$Record.Stage__c</assignToReference>
            <operator>Assign</operator><value><stringValue>Rejected</stringValue></value></assignmentItems></assignments>`,
            `<connector><targetReference>Reject</targetReference></connector>
            <filters><field>Score__c</field><operator>LessThan</operator><value><numberValue>10</numberValue></value></filters>`
        )
    );
    const tx = transaction(meta);
    const save = engine(SYSTEM_ACCESS, meta);
    const record = lead({ Stage__c: 'Lead', Score__c: 50 });
    save.dml(tx, 'insert', [record], SYSTEM);
    const [result] = save.dml(tx, 'update', [new SObject('Lead', { Id: record.id, Score__c: 5 })], SYSTEM);
    assert.deepEqual(result.errors, [
        { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Give a reason', fields: ['Reason__c'] }
    ]);
    assert.equal(tx.store.get(record.id!)!.get('Score__c'), 50, 'the failed update is rolled back');
    const [ok] = save.dml(
        tx,
        'update',
        [new SObject('Lead', { Id: record.id, Score__c: 5, Reason__c: 'Budget' })],
        SYSTEM
    );
    assert.equal(ok.success, true);
    assert.equal(tx.store.get(record.id!)!.get('Stage__c'), 'Rejected');
});

test('allOrNone: one failure rolls back the statement (events too); every result fails', () => {
    const meta = metadata();
    meta.flows.push(
        flowXml(
            'Announce',
            'RecordAfterSave',
            `<recordCreates><name>Publish</name><label>P</label><object>Handoff_Event__e</object>
            <inputAssignments><field>Lead_Id__c</field><value><elementReference>$Record.Id</elementReference></value></inputAssignments></recordCreates>`,
            `<connector><targetReference>Publish</targetReference></connector>`
        )
    );
    const tx = transaction(meta);
    const records = [lead(), lead({ LastName: null })];
    const results = engine(SYSTEM_ACCESS, meta).dml(tx, 'insert', records, SYSTEM);
    assert.deepEqual(
        results.map((result) => result.success),
        [false, false]
    );
    assert.deepEqual(results[0].errors, []);
    assert.equal(records[0].id, null);
    assert.equal(tx.store.all('Lead').length, 0);
    assert.equal(tx.publishedEvents.length, 0);
});

test('allOrNone=false: the records without errors are saved again in a retry, limits reset to the statement start', () => {
    const meta = metadata();
    meta.flows.push(
        flowXml(
            'Announce',
            'RecordAfterSave',
            `<recordCreates><name>Publish</name><label>P</label><object>Handoff_Event__e</object>
            <inputAssignments><field>Lead_Id__c</field><value><elementReference>$Record.Id</elementReference></value></inputAssignments></recordCreates>`,
            `<connector><targetReference>Publish</targetReference></connector>`
        )
    );
    const tx = transaction(meta);
    const results = engine(SYSTEM_ACCESS, meta).dml(tx, 'insert', [lead(), lead({ LastName: null }), lead()], {
        allOrNone: false,
        accessMode: 'system'
    });
    assert.deepEqual(
        results.map((result) => result.success),
        [true, false, true]
    );
    assert.equal(tx.store.all('Lead').length, 2);
    assert.equal(tx.publishedEvents.length, 2, 'the first attempt’s events are rolled back');
    assert.equal(tx.limits.dmlStatements, 2, 'the insert and the publish, counted once');
});

test('an after-save flow updating the triggering record saves it again (before-save flows and rules run again)', () => {
    const meta = metadata();
    meta.flows.push(
        flowXml(
            'Count_Saves',
            'RecordBeforeSave',
            `<assignments><name>Count</name><label>C</label><assignmentItems><assignToReference>$Record.Score__c</assignToReference>
            <operator>Add</operator><value><numberValue>1</numberValue></value></assignmentItems></assignments>`,
            `<connector><targetReference>Count</targetReference></connector>`
        ),
        flowXml(
            'Promote',
            'RecordAfterSave',
            `<recordUpdates><name>Set_Stamp</name><label>S</label><filterLogic>and</filterLogic>
            <filters><field>Id</field><operator>EqualTo</operator><value><elementReference>$Record.Id</elementReference></value></filters>
            <inputAssignments><field>Stamp__c</field><value><elementReference>$Flow.CurrentDateTime</elementReference></value></inputAssignments>
            <object>Lead</object></recordUpdates>`,
            `<connector><targetReference>Set_Stamp</targetReference></connector>
            <doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>
            <filters><field>Stage__c</field><operator>EqualTo</operator><value><stringValue>MQL</stringValue></value></filters>`
        )
    );
    const tx = transaction(meta);
    const record = lead({ Stage__c: 'MQL', Score__c: 0 });
    const [result] = engine(SYSTEM_ACCESS, meta).dml(tx, 'insert', [record], SYSTEM);
    assert.equal(result.success, true);
    const stored = tx.store.get(record.id!)!;
    assert.equal(stored.get('Score__c'), 2, 'the before-save flow ran for the insert and for the re-save');
    assert.ok(stored.get('Stamp__c') instanceof SDatetime);
    assert.equal(tx.limits.dmlStatements, 2);
    assert.equal(tx.limits.queries, 1);
});

test('USER_MODE: object and field access come from the access model', () => {
    const tx = transaction();
    const denied: AccessModel = { ...SYSTEM_ACCESS, canCreate: () => false };
    const [noObject] = engine(denied).dml(tx, 'insert', [lead()], { allOrNone: false, accessMode: 'user' });
    assert.equal(noObject.errors[0].statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    const noField: AccessModel = { ...SYSTEM_ACCESS, canEditField: (_user, _object, field) => field !== 'Score__c' };
    const [fls] = engine(noField).dml(tx, 'insert', [lead({ Score__c: 1 })], { allOrNone: false, accessMode: 'user' });
    assert.deepEqual(fls.errors[0].fields, ['Score__c']);
    const [system] = engine(noField).dml(tx, 'insert', [lead({ Score__c: 1 })], SYSTEM);
    assert.equal(system.success, true);
});

test('read-only fields are refused; a converted lead cannot be updated', () => {
    const tx = transaction();
    const save = engine();
    const [readOnly] = save.dml(tx, 'insert', [lead({ IsConverted: true })], SYSTEM);
    assert.equal(readOnly.errors[0].statusCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    const record = lead();
    save.dml(tx, 'insert', [record], SYSTEM);
    const converted = save.convertLead(
        tx,
        [{ leadId: record.id!, convertedStatus: 'Qualified', doNotCreateOpportunity: true }],
        {
            allOrNone: true,
            accessMode: 'system'
        }
    );
    assert.equal(converted[0].success, true);
    assert.equal(converted[0].opportunityId, null);
    const [update] = save.dml(tx, 'update', [new SObject('Lead', { Id: record.id, Note__c: 'x' })], SYSTEM);
    assert.equal(update.errors[0].statusCode, 'CANNOT_UPDATE_CONVERTED_LEAD');
});

test('a new lookup to a converted lead fails CANNOT_UPDATE_CONVERTED_LEAD; an existing one stays', () => {
    // https://help.salesforce.com/s/articleView?id=000384333&type=1
    const tx = transaction();
    const save = engine();
    const record = lead();
    save.dml(tx, 'insert', [record], SYSTEM);
    const before = new SObject('Stage_Event__c', { Lead__c: record.id, To_Stage__c: 'SQL' });
    assert.equal(save.dml(tx, 'insert', [before], SYSTEM)[0].success, true);
    const [converted] = save.convertLead(
        tx,
        [{ leadId: record.id!, convertedStatus: 'Qualified', doNotCreateOpportunity: true }],
        SYSTEM
    );
    assert.equal(converted.success, true);
    const [refused] = save.dml(
        tx,
        'insert',
        [new SObject('Stage_Event__c', { Lead__c: record.id, To_Stage__c: 'Opportunity' })],
        { allOrNone: false, accessMode: 'system' }
    );
    assert.equal(refused.success, false);
    assert.equal(refused.errors[0].statusCode, 'CANNOT_UPDATE_CONVERTED_LEAD');
    assert.deepEqual(refused.errors[0].fields, ['Lead__c']);
    const [kept] = save.dml(tx, 'update', [new SObject('Stage_Event__c', { Id: before.id, To_Stage__c: 'X' })], SYSTEM);
    assert.equal(kept.success, true, 'a reference made before the conversion stays');
    const [text] = save.dml(tx, 'insert', [new SObject('Stage_Event__c', { To_Stage__c: 'Opportunity' })], SYSTEM);
    assert.equal(text.success, true);
});

test('convertLead creates Account, Contact and Opportunity and marks the lead; rules run only when the org requires it', () => {
    const meta = withRule(metadata());
    meta.schema.object('Lead')!.validationRules.push({
        name: 'Never_Convert',
        active: true,
        errorConditionFormula: 'IsConverted',
        errorMessage: 'No conversion',
        file: 'x'
    });
    const tx = transaction(meta);
    const save = engine(SYSTEM_ACCESS, meta);
    const record = lead();
    save.dml(tx, 'insert', [record], SYSTEM);
    const [result] = save.convertLead(tx, [{ leadId: record.id!, convertedStatus: 'Qualified' }], {
        allOrNone: true,
        accessMode: 'system'
    });
    assert.equal(result.success, true);
    const stored = tx.store.get(record.id!)!;
    assert.equal(stored.get('IsConverted'), true);
    assert.equal(stored.get('Status'), 'Qualified');
    assert.equal(stored.get('ConvertedAccountId'), result.accountId);
    assert.equal(stored.get('ConvertedOpportunityId'), result.opportunityId);
    assert.ok(stored.get('ConvertedDate') instanceof SDate);
    assert.equal(tx.store.get(result.contactId!)!.get('AccountId'), result.accountId);
    assert.equal(tx.store.get(result.accountId!)!.get('Name'), 'Acme');

    meta.orgSettings = { settings: { leadConfigSettings: { shouldLeadConvertRequireValidation: true } } };
    const second = lead();
    save.dml(tx, 'insert', [second], SYSTEM);
    const [refused] = save.convertLead(tx, [{ leadId: second.id!, convertedStatus: 'Qualified' }], {
        allOrNone: true,
        accessMode: 'system'
    });
    assert.equal(refused.success, false);
    assert.equal(refused.errors[0].message, 'No conversion');
    assert.equal(tx.store.get(second.id!)!.get('IsConverted'), false);
    assert.equal(tx.store.all('Account').length, 1, 'the refused conversion created nothing');
});

test('delete removes; a missing record is ENTITY_IS_DELETED; undelete and Apex triggers are unsupported', () => {
    const tx = transaction();
    const save = engine();
    const record = lead();
    save.dml(tx, 'insert', [record], SYSTEM);
    assert.equal(save.dml(tx, 'delete', [record], SYSTEM)[0].success, true);
    assert.equal(save.dml(tx, 'delete', [record], SYSTEM)[0].errors[0].statusCode, 'ENTITY_IS_DELETED');
    assert.throws(() => save.dml(tx, 'undelete', [record], SYSTEM), UnsupportedError);
    const meta = metadata(undefined, {
        apexTriggers: [
            {
                name: 'LeadTrigger',
                file: 'triggers/LeadTrigger.trigger',
                text: 'trigger LeadTrigger on Lead (before insert) {}'
            }
        ]
    });
    assert.throws(
        () => engine(SYSTEM_ACCESS, meta).dml(transaction(meta), 'insert', [lead()], SYSTEM),
        /Apex trigger LeadTrigger/
    );
});

test('a custom error in a before-save flow fails the record with its message', () => {
    const meta = metadata();
    meta.flows.push(
        flowXml(
            'Refuse',
            'RecordBeforeSave',
            `<customErrors><name>No</name><label>N</label><customErrorMessages><errorMessage>Not {!$Record.Company}</errorMessage>
            <isFieldError>false</isFieldError></customErrorMessages></customErrors>`,
            `<connector><targetReference>No</targetReference></connector>`
        )
    );
    const tx = transaction(meta);
    const [result] = engine(SYSTEM_ACCESS, meta).dml(tx, 'insert', [lead()], {
        allOrNone: false,
        accessMode: 'system'
    });
    assert.deepEqual(result.errors, [
        { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Not Acme', fields: [] }
    ]);
});

test('convertLead in user mode needs Convert Leads; the lead’s converted fields are set though the user cannot edit Lead fields', () => {
    const tx = transaction();
    const noFieldEdits: AccessModel = {
        ...SYSTEM_ACCESS,
        canEditField: (_user, objectName) => objectName !== 'Lead',
        hasUserPermission: () => true
    };
    const save = engine(noFieldEdits);
    const record = lead();
    save.dml(tx, 'insert', [record], SYSTEM);
    const user = { allOrNone: true, accessMode: 'user' as const };
    const [converted] = save.convertLead(tx, [{ leadId: record.id!, convertedStatus: 'Qualified' }], user);
    assert.deepEqual(converted.errors, []);
    const denied = engine({ ...noFieldEdits, hasUserPermission: () => false });
    const other = lead();
    denied.dml(tx, 'insert', [other], SYSTEM);
    const [refused] = denied.convertLead(tx, [{ leadId: other.id!, convertedStatus: 'Qualified' }], user);
    assert.equal(refused.errors[0].statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
});

test('allOrNone=false: a record refused by an after-save flow is not left saved', () => {
    const meta = metadata();
    meta.flows.push(
        flowXml(
            'Refuse_After',
            'RecordAfterSave',
            `<customErrors><name>No</name><label>N</label><customErrorMessages><errorMessage>No</errorMessage>
            <isFieldError>false</isFieldError></customErrorMessages></customErrors>`,
            `<connector><targetReference>No</targetReference></connector>`
        )
    );
    const tx = transaction(meta);
    const [result] = engine(SYSTEM_ACCESS, meta).dml(tx, 'insert', [lead()], {
        allOrNone: false,
        accessMode: 'system'
    });
    assert.equal(result.success, false);
    assert.equal(tx.store.all('Lead').length, 0);
});

test('auto-number: new records take the next numbers in the display format, continuing from the highest stored', () => {
    // https://help.salesforce.com/s/articleView?id=sf.custom_field_types.htm (Auto Number)
    const meta = metadata();
    meta.schema.object('Lead')!.fields.set('number__c', {
        name: 'Number__c',
        label: 'Number',
        type: 'string',
        custom: true,
        required: false,
        createable: false,
        updateable: false,
        autoNumberFormat: 'L-{000}'
    });
    const tx = transaction(meta);
    const saves = engine(SYSTEM_ACCESS, meta);
    saves.dml(tx, 'insert', [lead(), lead()], SYSTEM);
    const [third] = saves.dml(tx, 'insert', [lead()], SYSTEM);
    const numbers = tx.store
        .all('Lead')
        .map((record) => record.get('Number__c'))
        .sort();
    assert.deepEqual(numbers, ['L-001', 'L-002', 'L-003']);
    assert.equal(tx.store.get(third.id!)!.get('Number__c'), 'L-003');
});

// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunitystage.htm
test("an opportunity's IsClosed and IsWon follow its stage on insert and on every update", () => {
    const meta = metadata();
    const opportunity = meta.schema.object('Opportunity')!;
    for (const name of ['IsClosed', 'IsWon'])
        opportunity.fields.set(name.toLowerCase(), {
            name,
            label: name,
            type: 'boolean',
            custom: false,
            required: false,
            createable: false,
            updateable: false
        });
    const tx = transaction(meta);
    const save = engine(SYSTEM_ACCESS, meta);
    const deal = (StageName: string) => new SObject('Opportunity', { Name: 'Deal', StageName, CloseDate: null });
    const inserted = [deal('Prospecting'), deal('Closed Won'), deal('Closed Lost')];
    save.dml(tx, 'insert', inserted, SYSTEM);
    const outcome = () =>
        inserted.map((record) => {
            const stored = tx.store.get(record.id!)!;
            return [stored.get('IsClosed'), stored.get('IsWon')];
        });
    assert.deepEqual(outcome(), [
        [false, false],
        [true, true],
        [true, false]
    ]);
    save.dml(
        tx,
        'update',
        [
            new SObject('Opportunity', { Id: inserted[0].id, StageName: 'Closed Won' }),
            new SObject('Opportunity', { Id: inserted[1].id, StageName: 'Negotiation/Review' })
        ],
        SYSTEM
    );
    assert.deepEqual(outcome(), [
        [true, true],
        [false, false],
        [true, false]
    ]);
});
