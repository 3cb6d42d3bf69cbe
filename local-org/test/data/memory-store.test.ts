// The store copies records in and out and rolls back to savepoints (Database.setSavepoint / rollback:
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_transaction_control.htm).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Schema } from '../../src/core/schema.ts';
import { SObject } from '../../src/core/sobject.ts';
import { MemoryStore } from '../../src/data/memory-store.ts';

function store(): MemoryStore {
    const schema = new Schema();
    schema.add({
        name: 'Widget__c',
        label: 'Widget',
        labelPlural: 'Widgets',
        kind: 'custom',
        keyPrefix: 'a00',
        fields: new Map(),
        validationRules: [],
        queryable: true,
        createable: true,
        updateable: true,
        deletable: true
    });
    return new MemoryStore(schema);
}

test('a stored record cannot be changed through the object given or returned', () => {
    const widgets = store();
    const widget = new SObject('Widget__c', { Id: widgets.newId('widget__c'), Name: 'one' });
    widgets.put(widget);
    widget.set('Name', 'changed outside');
    widgets.get(widget.id!)!.set('Name', 'changed again');
    assert.equal(widgets.get(widget.id!)!.get('name'), 'one');
    assert.equal(widgets.get(widget.id!.substring(0, 15))!.get('Name'), 'one');
});

test('rollback restores inserted, updated and deleted records to the savepoint', () => {
    const widgets = store();
    const kept = new SObject('Widget__c', { Id: widgets.newId('Widget__c'), Name: 'kept' });
    const removed = new SObject('Widget__c', { Id: widgets.newId('Widget__c'), Name: 'removed' });
    widgets.put(kept);
    widgets.put(removed);
    const savepoint = widgets.savepoint();
    widgets.put(new SObject('Widget__c', { Id: kept.id, Name: 'edited' }));
    widgets.remove(removed.id!);
    widgets.put(new SObject('Widget__c', { Id: widgets.newId('Widget__c'), Name: 'new' }));
    widgets.rollback(savepoint);
    assert.deepEqual(
        widgets.all('WIDGET__C').map((record) => record.get('Name')),
        ['kept', 'removed']
    );
});
