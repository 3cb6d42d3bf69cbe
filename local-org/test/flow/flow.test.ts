// Record-triggered flows on small hand-written flow XML.
// Flow metadata: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_visual_workflow.htm
// Bulkification (one query / DML / invocable call per element for the batch):
// https://help.salesforce.com/s/articleView?id=sf.flow_concepts_bulkification.htm
// Scheduled paths: https://help.salesforce.com/s/articleView?id=platform.flow_concepts_trigger_scheduled_path.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlatformException, UnsupportedError } from '../../src/core/errors.ts';
import type { DmlRecordResult, SaveEngine, Transaction } from '../../src/core/runtime.ts';
import { SObject } from '../../src/core/sobject.ts';
import { SDate, SDatetime } from '../../src/core/values.ts';
import { createFlowRunner, type FlowServices } from '../../src/flow/index.ts';
import { metadata, transaction } from '../fixtures/automation.ts';

function flow(name: string, start: string, body: string, extra = ''): { name: string; file: string; xml: string } {
    return {
        name,
        file: `flows/${name}.flow-meta.xml`,
        xml: `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>${name}</label>
    <processType>AutoLaunchedFlow</processType>
${body}
    <start>
        <object>Lead</object>
        <recordTriggerType>CreateAndUpdate</recordTriggerType>
${start}
    </start>
    <status>Active</status>
${extra}
</Flow>`
    };
}

const BEFORE = `<triggerType>RecordBeforeSave</triggerType>`;
const AFTER = `<triggerType>RecordAfterSave</triggerType>`;
const to = (name: string): string => `<connector><targetReference>${name}</targetReference></connector>`;

interface Fakes {
    dml: { operation: string; records: SObject[] }[];
    invocations: { className: string; inputs: Record<string, unknown>[] }[];
    services: FlowServices;
}

function fakes(
    options: { failDml?: boolean; apex?: (inputs: Record<string, unknown>[]) => Record<string, unknown>[] } = {}
): Fakes {
    const dml: Fakes['dml'] = [];
    const invocations: Fakes['invocations'] = [];
    const save: SaveEngine = {
        dml(tx: Transaction, operation, records): DmlRecordResult[] {
            dml.push({ operation, records });
            return records.map((record) => {
                if (options.failDml) {
                    return {
                        id: null,
                        success: false,
                        errors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'No', fields: [] }]
                    };
                }
                const id = record.id ?? tx.store.newId(record.type);
                record.set('Id', id);
                return { id, success: true, errors: [] };
            });
        }
    };
    return {
        dml,
        invocations,
        services: {
            save,
            apex: {
                invokeInvocable(_tx, className, inputs) {
                    invocations.push({ className, inputs });
                    return options.apex ? options.apex(inputs) : inputs.map(() => ({}));
                }
            },
            hasCustomPermission: () => false
        }
    };
}

function lead(fields: Record<string, unknown> = {}): SObject {
    return new SObject('Lead', { LastName: 'Ada', Company: 'Acme', ...(fields as Record<string, null>) });
}

test('before-save: connectors decide the order, formulas are re-evaluated, an assignment without value sets null', () => {
    const qualify = flow(
        'Qualify',
        `${BEFORE}${to('Set_Stage')}`,
        `
    <assignments><name>Clear_Note</name><label>Clear</label>
        <assignmentItems><assignToReference>$Record.Note__c</assignToReference><operator>Assign</operator></assignmentItems>
    </assignments>
    <assignments><name>Set_Stage</name><label>Set</label>
        <assignmentItems><assignToReference>$Record.Stage__c</assignToReference><operator>Assign</operator>
            <value><stringValue>MQL</stringValue></value></assignmentItems>
        ${to('Check')}
    </assignments>
    <decisions><name>Check</name><label>Check</label>
        <rules><name>Changed</name><conditionLogic>and</conditionLogic>
            <conditions><leftValueReference>StageNow</leftValueReference><operator>EqualTo</operator>
                <rightValue><stringValue>MQL</stringValue></rightValue></conditions>
            ${to('Clear_Note')}<label>Changed</label></rules>
        <defaultConnectorLabel>No</defaultConnectorLabel>
    </decisions>
    <formulas><name>StageNow</name><dataType>String</dataType><expression>TEXT({!$Record.Stage__c})</expression></formulas>`
    );
    const tx = transaction(metadata(undefined, { flows: [qualify] }));
    const runner = createFlowRunner(fakes().services);
    const record = lead({ Note__c: 'x' });
    const errors = runner.runBeforeSave(tx, 'Lead', [{ record, prior: null }]);
    assert.deepEqual(errors, [[]]);
    assert.equal(record.get('Stage__c'), 'MQL');
    assert.equal(record.get('Note__c'), null);
});

test('entry conditions: "only when updated to meet the criteria" and a filter formula', () => {
    const stamp = flow(
        'Stamp',
        `${BEFORE}${to('Stamp_It')}<doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>
        <filterLogic>and</filterLogic>
        <filters><field>Stage__c</field><operator>EqualTo</operator><value><stringValue>MQL</stringValue></value></filters>`,
        `<assignments><name>Stamp_It</name><label>S</label>
            <assignmentItems><assignToReference>$Record.Flag__c</assignToReference><operator>Assign</operator>
            <value><booleanValue>true</booleanValue></value></assignmentItems></assignments>`
    );
    const formula = flow(
        'Formula',
        `${BEFORE}${to('Note_It')}<filterFormula>ISNEW() || ISCHANGED({!$Record.Score__c})</filterFormula>`,
        `<assignments><name>Note_It</name><label>N</label>
            <assignmentItems><assignToReference>$Record.Note__c</assignToReference><operator>Assign</operator>
            <value><stringValue>scored</stringValue></value></assignmentItems></assignments>`
    );
    const tx = transaction(metadata(undefined, { flows: [stamp, formula] }));
    const runner = createFlowRunner(fakes().services);
    const becomes = lead({ Stage__c: 'MQL', Score__c: 5 });
    const stays = lead({ Stage__c: 'MQL', Score__c: 5 });
    runner.runBeforeSave(tx, 'Lead', [
        { record: becomes, prior: lead({ Stage__c: 'Lead', Score__c: 5 }) },
        { record: stays, prior: lead({ Stage__c: 'MQL', Score__c: 4 }) }
    ]);
    assert.equal(becomes.get('Flag__c'), true);
    assert.equal(becomes.get('Note__c'), undefined);
    assert.equal(stays.get('Flag__c'), undefined);
    assert.equal(stays.get('Note__c'), 'scored');
});

test('Get Records on custom metadata: filters ignore case, one query for the whole batch', () => {
    const policy = (name: string, active: boolean, threshold: number): SObject =>
        new SObject('Policy__mdt', { DeveloperName: name, Active__c: active, Threshold__c: threshold });
    const meta = metadata(undefined, {
        customMetadata: new Map([['policy__mdt', [policy('Default', false, 1), policy('Default', true, 50)]]])
    });
    meta.flows.push(
        flow(
            'Score',
            `${BEFORE}${to('Get_Policy')}`,
            `<recordLookups><name>Get_Policy</name><label>G</label>
            <filterLogic>and</filterLogic>
            <filters><field>DeveloperName</field><operator>EqualTo</operator><value><stringValue>default</stringValue></value></filters>
            <filters><field>Active__c</field><operator>EqualTo</operator><value><booleanValue>true</booleanValue></value></filters>
            <getFirstRecordOnly>true</getFirstRecordOnly><object>Policy__mdt</object>
            <storeOutputAutomatically>true</storeOutputAutomatically>${to('Use')}</recordLookups>
        <assignments><name>Use</name><label>U</label>
            <assignmentItems><assignToReference>$Record.Score__c</assignToReference><operator>Assign</operator>
            <value><elementReference>Get_Policy.Threshold__c</elementReference></value></assignmentItems></assignments>`
        )
    );
    const tx = transaction(meta);
    const records = [lead(), lead(), lead()];
    createFlowRunner(fakes().services).runBeforeSave(
        tx,
        'Lead',
        records.map((record) => ({ record, prior: null }))
    );
    assert.deepEqual(
        records.map((record) => record.get('Score__c')),
        [50, 50, 50]
    );
    assert.equal(tx.limits.queries, 1);
    assert.equal(tx.limits.queryRows, 3);
});

const ROUTE = flow(
    'Route',
    `${AFTER}${to('Compute')}`,
    `<actionCalls><name>Compute</name><label>C</label><actionName>DueAction</actionName><actionType>apex</actionType>
        ${to('Update_Lead')}<faultConnector><targetReference>Refuse</targetReference></faultConnector>
        <inputParameters><name>score</name><value><elementReference>$Record.Score__c</elementReference></value></inputParameters>
        <outputParameters><assignToReference>Due</assignToReference><name>due</name></outputParameters></actionCalls>
    <recordUpdates><name>Update_Lead</name><label>U</label>
        <faultConnector><targetReference>Refuse</targetReference></faultConnector>
        <filterLogic>and</filterLogic>
        <filters><field>Id</field><operator>EqualTo</operator><value><elementReference>$Record.Id</elementReference></value></filters>
        <inputAssignments><field>Stamp__c</field><value><elementReference>Due</elementReference></value></inputAssignments>
        <object>Lead</object></recordUpdates>
    <customErrors><name>Refuse</name><label>R</label>
        <customErrorMessages><errorMessage>Could not route: {!$Flow.FaultMessage}</errorMessage><isFieldError>false</isFieldError></customErrorMessages>
    </customErrors>
    <variables><name>Due</name><dataType>DateTime</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput></variables>`
);

function stored(tx: Transaction, count: number): SObject[] {
    return Array.from({ length: count }, (_, index) => {
        const record = lead({ Id: tx.store.newId('Lead'), Score__c: index });
        tx.store.put(record);
        return record;
    });
}

test('after-save: one invocable call and one update for the batch, outputs per interview', () => {
    const tx = transaction(metadata(undefined, { flows: [ROUTE] }));
    const f = fakes({ apex: (inputs) => inputs.map((input) => ({ due: new SDatetime(Number(input.score) * 1000) })) });
    const records = stored(tx, 3);
    const errors = createFlowRunner(f.services).runAfterSave(
        tx,
        'Lead',
        records.map((record) => ({ record, prior: null }))
    );
    assert.deepEqual(errors, [[], [], []]);
    assert.equal(f.invocations.length, 1);
    assert.deepEqual(
        f.invocations[0].inputs.map((input) => input.score),
        [0, 1, 2]
    );
    assert.equal(f.dml.length, 1);
    assert.deepEqual(
        f.dml[0].records.map((record) => (record.get('Stamp__c') as SDatetime).ms),
        [0, 1000, 2000]
    );
    assert.equal(tx.limits.queries, 1, 'Update Records by filter reads the records first');
});

test('an action that stores its output automatically is read as {!Element.output}, per interview', () => {
    const stamped = flow(
        'Stamp',
        `${AFTER}${to('Compute')}`,
        `<actionCalls><name>Compute</name><label>C</label><actionName>DueAction</actionName><actionType>apex</actionType>
        ${to('Update_Lead')}
        <inputParameters><name>score</name><value><elementReference>$Record.Score__c</elementReference></value></inputParameters>
        <storeOutputAutomatically>true</storeOutputAutomatically></actionCalls>
    <recordUpdates><name>Update_Lead</name><label>U</label>
        <filterLogic>and</filterLogic>
        <filters><field>Id</field><operator>EqualTo</operator><value><elementReference>$Record.Id</elementReference></value></filters>
        <inputAssignments><field>Stamp__c</field><value><elementReference>Compute.due</elementReference></value></inputAssignments>
        <object>Lead</object></recordUpdates>`
    );
    const tx = transaction(metadata(undefined, { flows: [stamped] }));
    const f = fakes({ apex: (inputs) => inputs.map((input) => ({ due: new SDatetime(Number(input.score) * 1000) })) });
    const records = stored(tx, 2);
    const errors = createFlowRunner(f.services).runAfterSave(
        tx,
        'Lead',
        records.map((record) => ({ record, prior: null }))
    );
    assert.deepEqual(errors, [[], []]);
    assert.deepEqual(
        f.dml[0].records.map((record) => (record.get('Stamp__c') as SDatetime).ms),
        [0, 1000]
    );
});

test('a platform fault takes the fault connector; $Flow.FaultMessage carries the error', () => {
    const tx = transaction(metadata(undefined, { flows: [ROUTE] }));
    const f = fakes({
        apex: () => {
            throw new PlatformException('DmlException', 'Insert failed');
        }
    });
    const [record] = stored(tx, 1);
    const errors = createFlowRunner(f.services).runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    assert.deepEqual(errors, [
        [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Could not route: Insert failed', fields: [] }]
    ]);
    const failing = fakes({ failDml: true });
    const again = createFlowRunner(failing.services).runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    assert.match(
        again[0][0].message,
        /^Could not route: This error occurred when the flow tried to update records: FIELD_CUSTOM_VALIDATION_EXCEPTION: No/
    );
});

test('an emulator error is never a fault: UnsupportedError and bugs propagate', () => {
    const tx = transaction(metadata(undefined, { flows: [ROUTE] }));
    const [record] = stored(tx, 1);
    const bug = fakes({
        apex: () => {
            throw new TypeError('emulator bug');
        }
    });
    assert.throws(() => createFlowRunner(bug.services).runAfterSave(tx, 'Lead', [{ record, prior: null }]), TypeError);
    const limit = fakes({
        apex: () => {
            throw new PlatformException('LimitException', 'Too many SOQL queries: 101');
        }
    });
    assert.throws(
        () => createFlowRunner(limit.services).runAfterSave(tx, 'Lead', [{ record, prior: null }]),
        /Too many SOQL queries/,
        'a governor limit is not a fault a flow can handle'
    );
    const loop = flow('Loop', `${AFTER}${to('Each')}`, `<loops><name>Each</name><label>E</label></loops>`);
    const tx2 = transaction(metadata(undefined, { flows: [loop] }));
    assert.throws(
        () => createFlowRunner(fakes().services).runAfterSave(tx2, 'Lead', [{ record, prior: null }]),
        (error: unknown) =>
            error instanceof UnsupportedError && /loops \(Each\) at flows\/Loop\.flow-meta\.xml:\d+/.test(error.message)
    );
});

test('Create Records of a platform event publishes it; a custom notification is recorded and counted', () => {
    const publish = flow(
        'Publish',
        `${AFTER}${to('Publish_Event')}`,
        `<recordCreates><name>Publish_Event</name><label>P</label>${to('Notify')}
            <inputAssignments><field>Lead_Id__c</field><value><elementReference>$Record.Id</elementReference></value></inputAssignments>
            <object>Handoff_Event__e</object><storeOutputAutomatically>true</storeOutputAutomatically></recordCreates>
        <actionCalls><name>Notify</name><label>N</label><actionName>customNotificationAction</actionName>
            <actionType>customNotificationAction</actionType>
            <inputParameters><name>customNotifTypeId</name><value><stringValue>0ML000000000001</stringValue></value></inputParameters>
            <inputParameters><name>recipientIds</name><value><elementReference>Recipients</elementReference></value></inputParameters>
            <inputParameters><name>title</name><value><elementReference>Title</elementReference></value></inputParameters>
            <inputParameters><name>body</name><value><stringValue>b</stringValue></value></inputParameters>
            <inputParameters><name>targetId</name><value><elementReference>$Record.Id</elementReference></value></inputParameters>
        </actionCalls>
        <textTemplates><name>Title</name><isViewedAsPlainText>true</isViewedAsPlainText><text>New: {!$Record.Company}</text></textTemplates>
        <variables><name>Recipients</name><dataType>String</dataType><isCollection>true</isCollection></variables>`
    );
    const tx = transaction(metadata(undefined, { flows: [publish] }));
    const records = stored(tx, 2);
    createFlowRunner(fakes().services).runAfterSave(
        tx,
        'Lead',
        records.map((record) => ({ record, prior: null }))
    );
    assert.equal(tx.publishedEvents.length, 2);
    assert.equal(tx.publishedEvents[0].type, 'Handoff_Event__e');
    assert.equal(tx.publishedEvents[1].fields.Lead_Id__c, records[1].id);
    assert.equal(tx.limits.dmlStatements, 1);
    assert.equal(tx.notifications.length, 2);
    assert.equal(tx.notifications[0].title, 'New: Acme');
    assert.equal(tx.limits.customNotifications, 2);
});

test('a scheduled path is due at the record field; when it runs it re-checks the entry conditions', () => {
    const breach = flow(
        'Breach',
        `${AFTER}<filters><field>Stage__c</field><operator>EqualTo</operator><value><stringValue>MQL</stringValue></value></filters>
        <scheduledPaths><name>At_Due</name>${to('Mark')}<label>At due</label><offsetNumber>30</offsetNumber><offsetUnit>Minutes</offsetUnit>
            <recordField>Stamp__c</recordField><timeSource>RecordField</timeSource></scheduledPaths>`,
        `<recordUpdates><name>Mark</name><label>M</label><inputReference>$Record</inputReference></recordUpdates>
        <assignments><name>Unused</name><label>U</label></assignments>`
    );
    const tx = transaction(metadata(undefined, { flows: [breach] }));
    const f = fakes();
    const [record] = stored(tx, 1);
    record.set('Stage__c', 'MQL');
    record.set('Stamp__c', new SDatetime(Date.parse('2026-03-10T16:00:00Z')));
    tx.store.put(record);
    const runner = createFlowRunner(f.services);
    runner.runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    runner.runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    assert.equal(tx.scheduled.length, 1, 'scheduling again replaces the pending path');
    assert.equal(tx.scheduled[0].dueAt, Date.parse('2026-03-10T16:30:00Z'));
    record.set('Stage__c', 'SAL');
    tx.store.put(record);
    tx.scheduled[0].run();
    assert.equal(f.dml.length, 0, 'no longer MQL: the path does nothing');
    record.set('Stage__c', 'MQL');
    tx.store.put(record);
    tx.scheduled[0].run();
    assert.equal(f.dml.length, 1);
});

test('a path timed from a Date field is due at midnight of that date in the org time zone (GMT without one)', () => {
    const recycle = flow(
        'Recycle',
        `${AFTER}<scheduledPaths><name>On_Until</name>${to('Mark')}<label>On until</label><offsetNumber>1</offsetNumber>
            <offsetUnit>Days</offsetUnit><recordField>Until__c</recordField><timeSource>RecordField</timeSource></scheduledPaths>`,
        `<recordUpdates><name>Mark</name><label>M</label><inputReference>$Record</inputReference></recordUpdates>`
    );
    const tx = transaction(metadata(undefined, { flows: [recycle] }));
    const runner = createFlowRunner(fakes().services);
    const [record] = stored(tx, 1);
    record.set('Until__c', SDate.parse('2026-07-01'));
    runner.runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    assert.equal(tx.scheduled[0].dueAt, Date.parse('2026-07-02T00:00:00Z'));
    tx.store.put(new SObject('Organization', { Id: '00D000000000001AAA', TimeZoneSidKey: 'America/New_York' }));
    runner.runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    assert.equal(tx.scheduled[0].dueAt, Date.parse('2026-07-02T04:00:00Z'), 'midnight in New York (EDT)');
});

test('a save that changes the field of a pending path moves it; one that blanks the field drops it', () => {
    const recycle = flow(
        'Recycle',
        `${AFTER}<filters><field>Stage__c</field><operator>EqualTo</operator><value><stringValue>Recycled</stringValue></value></filters>
        <doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>
        <scheduledPaths><name>On_Until</name>${to('Mark')}<label>On until</label><offsetNumber>0</offsetNumber>
            <offsetUnit>Days</offsetUnit><recordField>Until__c</recordField><timeSource>RecordField</timeSource></scheduledPaths>`,
        `<recordUpdates><name>Mark</name><label>M</label><inputReference>$Record</inputReference></recordUpdates>`
    );
    const tx = transaction(metadata(undefined, { flows: [recycle] }));
    const runner = createFlowRunner(fakes().services);
    const [record] = stored(tx, 1);
    record.set('Stage__c', 'Recycled');
    record.set('Until__c', SDate.parse('2026-07-01'));
    tx.store.put(record);
    runner.runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    const moved = record.clone(true);
    moved.set('Until__c', SDate.parse('2026-08-01'));
    tx.store.put(moved);
    runner.runAfterSave(tx, 'Lead', [{ record: moved, prior: record }]);
    assert.deepEqual(
        tx.scheduled.map((work) => work.dueAt),
        [Date.parse('2026-08-01T00:00:00Z')],
        'already met the conditions: not scheduled again, but moved'
    );
    const unchanged = moved.clone(true);
    runner.runAfterSave(tx, 'Lead', [{ record: unchanged, prior: moved }]);
    assert.equal(tx.scheduled[0].dueAt, Date.parse('2026-08-01T00:00:00Z'));
    const blank = moved.clone(true);
    blank.set('Until__c', null);
    tx.store.put(blank);
    runner.runAfterSave(tx, 'Lead', [{ record: blank, prior: moved }]);
    assert.equal(tx.scheduled.length, 0);
});

test('a Number formula with a scale is rounded half up; so is a Number variable with a scale', () => {
    const rounding = flow(
        'Rounding',
        `${BEFORE}${to('Set_Score')}`,
        `<assignments><name>Set_Score</name><label>S</label>
            <assignmentItems><assignToReference>Half</assignToReference><operator>Assign</operator>
            <value><numberValue>2.25</numberValue></value></assignmentItems>
            <assignmentItems><assignToReference>$Record.Score__c</assignToReference><operator>Assign</operator>
            <value><elementReference>Third</elementReference></value></assignmentItems>
            <assignmentItems><assignToReference>$Record.Note__c</assignToReference><operator>Assign</operator>
            <value><elementReference>HalfText</elementReference></value></assignmentItems></assignments>
        <formulas><name>Third</name><dataType>Number</dataType><expression>2.5 + 0</expression><scale>0</scale></formulas>
        <formulas><name>HalfText</name><dataType>String</dataType><expression>TEXT({!Half})</expression></formulas>
        <variables><name>Half</name><dataType>Number</dataType><isCollection>false</isCollection><scale>1</scale></variables>`
    );
    const tx = transaction(metadata(undefined, { flows: [rounding] }));
    const record = lead();
    createFlowRunner(fakes().services).runBeforeSave(tx, 'Lead', [{ record, prior: null }]);
    assert.equal(record.get('Score__c'), 3);
    assert.equal(record.get('Note__c'), '2.3');
});

test('a scheduled path runs as the user whose save scheduled it, with limits of its own', () => {
    const stamp = flow(
        'Later',
        `${AFTER}<scheduledPaths><name>Soon</name>${to('Note_User')}<label>Soon</label><offsetNumber>1</offsetNumber>
            <offsetUnit>Hours</offsetUnit><timeSource>RecordTriggerEvent</timeSource></scheduledPaths>`,
        `<recordUpdates><name>Note_User</name><label>N</label><filterLogic>and</filterLogic>
            <filters><field>Id</field><operator>EqualTo</operator><value><elementReference>$Record.Id</elementReference></value></filters>
            <inputAssignments><field>Note__c</field><value><elementReference>$User.Id</elementReference></value></inputAssignments>
            <object>Lead</object></recordUpdates>`
    );
    const tx = transaction(metadata(undefined, { flows: [stamp] }));
    const f = fakes();
    const [record] = stored(tx, 1);
    createFlowRunner(f.services).runAfterSave(tx, 'Lead', [{ record, prior: null }]);
    assert.equal(tx.scheduled[0].dueAt, tx.now() + 3_600_000);
    const other = { ...tx.user, id: '005000000000002AAA' };
    const queriesBefore = tx.limits.queries;
    tx.runAs(other, () => tx.scheduled[0].run());
    assert.equal(f.dml[0].records[0].get('Note__c'), '005000000000001AAA');
    assert.equal(tx.limits.queries, queriesBefore, 'the path counts in its own (asynchronous) transaction');
});

test('a scheduled path restored from its state is the work that was scheduled; a flow or path gone is named', () => {
    const later = flow(
        'Later',
        `${AFTER}<scheduledPaths><name>Soon</name>${to('Note_Prior')}<label>Soon</label><offsetNumber>1</offsetNumber>
            <offsetUnit>Hours</offsetUnit><timeSource>RecordTriggerEvent</timeSource></scheduledPaths>`,
        `<recordUpdates><name>Note_Prior</name><label>N</label><filterLogic>and</filterLogic>
            <filters><field>Id</field><operator>EqualTo</operator><value><elementReference>$Record.Id</elementReference></value></filters>
            <inputAssignments><field>Note__c</field><value><elementReference>$Record__Prior.Company</elementReference></value></inputAssignments>
            <object>Lead</object></recordUpdates>`
    );
    const tx = transaction(metadata(undefined, { flows: [later] }));
    const f = fakes();
    const runner = createFlowRunner(f.services);
    const [record] = stored(tx, 1);
    const prior = record.clone(true);
    prior.set('Company', 'Before');
    runner.runAfterSave(tx, 'Lead', [{ record, prior }]);
    const [scheduled] = tx.scheduled;
    assert.deepEqual(scheduled.state, { flow: 'Later', path: 'Soon', recordId: record.id, userId: tx.user.id, prior });

    const restored = runner.restoreScheduledPath(tx, scheduled.state, scheduled.dueAt);
    assert.deepEqual(
        [restored.key, restored.dueAt, restored.description],
        [scheduled.key, scheduled.dueAt, scheduled.description]
    );
    restored.run();
    assert.equal(f.dml[0].records[0].get('Note__c'), 'Before', 'the $Record__Prior of the save that scheduled it');
    assert.throws(
        () => runner.restoreScheduledPath(tx, { ...scheduled.state, flow: 'Gone' }, 0),
        /^Error: scheduled path Gone\/Soon for \w+: the project has no flow Gone$/
    );
    assert.throws(
        () => runner.restoreScheduledPath(tx, { ...scheduled.state, path: 'Gone' }, 0),
        /^Error: scheduled path Later\/Gone for \w+: flow Later has no scheduled path Gone$/
    );
    const other = { ...tx.user, id: '005000000000002AAA' };
    assert.throws(
        () => tx.runAs(other, () => runner.restoreScheduledPath(tx, scheduled.state, 0)),
        /scheduled by user \w+, restored as 005000000000002AAA/
    );
});

test('a formula field of $Record is computed when the flow reads it', () => {
    const meta = metadata();
    meta.schema.object('Lead')!.fields.set('double_score__c', {
        name: 'Double_Score__c',
        label: 'Double Score',
        type: 'double',
        custom: true,
        required: false,
        createable: false,
        updateable: false,
        calculatedFormula: 'Score__c * 2'
    });
    meta.flows.push(
        flow(
            'Copy',
            `${BEFORE}${to('Copy_It')}`,
            `<assignments><name>Copy_It</name><label>C</label>
            <assignmentItems><assignToReference>$Record.Note__c</assignToReference><operator>Assign</operator>
            <value><elementReference>$Record.Double_Score__c</elementReference></value></assignmentItems></assignments>`
        )
    );
    const tx = transaction(meta);
    const record = lead({ Score__c: 21 });
    createFlowRunner(fakes().services).runBeforeSave(tx, 'Lead', [{ record, prior: null }]);
    assert.equal(record.get('Note__c'), '42', 'a number assigned to a text field is stored as text');
});

test('an empty record variable gets a record of its object type on its first field assignment; Update Records with it reads nothing', () => {
    const stamp = flow(
        'Stamp',
        `${AFTER}${to('Set_Fields')}`,
        `<assignments><name>Set_Fields</name><label>S</label>
            <assignmentItems><assignToReference>Changed.Id</assignToReference><operator>Assign</operator>
                <value><elementReference>$Record.Id</elementReference></value></assignmentItems>
            <assignmentItems><assignToReference>Changed.Stage__c</assignToReference><operator>Assign</operator>
                <value><stringValue>SAL</stringValue></value></assignmentItems>
            ${to('Save_Changed')}</assignments>
        <recordUpdates><name>Save_Changed</name><label>U</label><inputReference>Changed</inputReference></recordUpdates>
        <variables><name>Changed</name><dataType>SObject</dataType><isCollection>false</isCollection><isInput>false</isInput>
            <isOutput>false</isOutput><objectType>Lead</objectType></variables>`
    );
    const tx = transaction(metadata(undefined, { flows: [stamp] }));
    const f = fakes();
    const records = stored(tx, 2);
    createFlowRunner(f.services).runAfterSave(
        tx,
        'Lead',
        records.map((record) => ({ record, prior: null }))
    );
    assert.equal(f.dml.length, 1, 'one update for the batch');
    assert.deepEqual(
        f.dml[0].records.map((record) => [record.type, record.id, record.get('Stage__c')]),
        records.map((record) => ['Lead', record.id, 'SAL'])
    );
    assert.equal(f.dml[0].records[0].get('LastName'), undefined, 'only the assigned fields are sent');
    assert.equal(tx.limits.queries, 0, 'no query: the variable carries the Id');
});
