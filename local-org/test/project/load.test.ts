// loadProject reads every package directory of sfdx-project.json. Metadata formats: CustomObject/CustomField
// (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm), CustomMetadata
// records (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/custommetadata.htm),
// PermissionSet, Queue, Group, StaticResource; business hours from the scratch definition's
// businessHoursSettings (https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_scratch_orgs_def_file_config_values.htm).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SDate } from '../../src/core/values.ts';
import { loadProject } from '../../src/project/index.ts';

import { FIXTURE, REPOSITORY } from './fixture.ts';

const project = loadProject(FIXTURE);

test('every package directory is read, in order', () => {
    assert.deepEqual(project.packageDirectories, ['app', 'tests']);
    assert.deepEqual(
        project.apexClasses.map((source) => [source.name, source.file]),
        [
            ['WidgetService', 'app/classes/WidgetService.cls'],
            ['WidgetServiceTest', 'tests/classes/WidgetServiceTest.cls']
        ]
    );
});

test('a custom object has its fields, system fields, sharing model and a key prefix by sorted name', () => {
    const widget = project.schema.object('widget__c')!;
    assert.equal(widget.keyPrefix, 'a00');
    assert.equal(widget.sharingModel, 'Private');
    const size = project.schema.field('Widget__c', 'size__c')!;
    assert.deepEqual([size.type, size.precision, size.scale, size.required], ['double', 5, 2, true]);
    const colour = project.schema.field('Widget__c', 'Colour__c')!;
    assert.equal(colour.restrictedPicklist, true);
    assert.deepEqual(
        colour.picklistValues!.map((entry) => [entry.value, entry.defaultValue]),
        [
            ['Red', true],
            ['Blue', false]
        ]
    );
    const lead = project.schema.field('Widget__c', 'Lead__c')!;
    assert.deepEqual([lead.type, lead.referenceTo, lead.relationshipName], ['reference', ['Lead'], 'Lead__r']);
    const formula = project.schema.field('Widget__c', 'Double_Size__c')!;
    assert.equal(formula.calculatedFormula, 'Size__c * 2');
    assert.equal(formula.createable, false);
    assert.equal(project.schema.field('Widget__c', 'OwnerId')!.relationshipName, 'Owner');
    assert.equal(project.schema.field('Widget__c', 'CreatedDate')!.createable, false);
    assert.equal(project.schema.relationship('Widget__c', 'lead__r')!.name, 'Lead__c');
});

test('validation rules belong to their object', () => {
    const [rule] = project.schema.object('Widget__c')!.validationRules;
    assert.equal(rule.name, 'Size_Positive');
    assert.equal(rule.errorConditionFormula, 'Size__c <= 0');
    assert.equal(rule.errorDisplayField, 'Size__c');
    assert.equal(rule.active, true);
});

test('custom fields on a standard object join its standard fields; a global value set gives the values', () => {
    const stage = project.schema.field('Lead', 'Stage__c')!;
    assert.deepEqual(
        stage.picklistValues!.map((entry) => entry.value),
        ['New', 'Done']
    );
    assert.equal(stage.restrictedPicklist, true);
    assert.equal(project.schema.field('Lead', 'LastName')!.required, true);
    assert.equal(project.schema.field('Lead', 'Company')!.required, true);
    assert.equal(project.schema.field('Lead', 'CreatedById')!.createable, false);
    assert.deepEqual(project.schema.field('Lead', 'OwnerId')!.referenceTo, ['Group', 'User']);
    assert.equal(project.schema.object('Lead')!.keyPrefix, '00Q');
});

test('custom metadata records are SObjects with typed values', () => {
    const [record] = project.customMetadata.get('policy__mdt')!;
    assert.equal(record.type, 'Policy__mdt');
    assert.equal(record.id!.substring(0, 3), project.schema.object('Policy__mdt')!.keyPrefix);
    assert.equal(record.get('DeveloperName'), 'Default');
    assert.equal(record.get('MasterLabel'), 'Default policy');
    assert.equal(record.get('Label'), 'Default policy');
    assert.equal(record.get('QualifiedApiName'), 'Default');
    assert.equal(record.get('Threshold__c'), 42.5);
    assert.equal(record.get('Active__c'), true);
    assert.ok((record.get('Starts__c') as SDate).equals(new SDate(2026, 1, 31)));
    assert.equal(record.has('Note__c'), true);
    assert.equal(record.get('Note__c'), null);
});

test('permission sets, custom permissions, groups and queues', () => {
    const set = project.permissionSets.get('Widget_User')!;
    assert.deepEqual(set.customPermissions, ['Widget_Admin']);
    assert.deepEqual(set.userPermissions, ['ConvertLeads']);
    assert.deepEqual(set.classAccesses, ['WidgetService']);
    assert.deepEqual(set.fieldPermissions, [{ field: 'Widget__c.Size__c', readable: true, editable: false }]);
    assert.equal(set.objectPermissions[0].edit, true);
    assert.equal(set.objectPermissions[0].delete, false);
    assert.deepEqual([...project.customPermissions], ['Widget_Admin']);
    assert.equal(project.groups.get('Widget_Team')!.label, 'Widget Team');
    const queue = project.queues.get('Widget_Queue')!;
    assert.deepEqual(queue.sobjectTypes, ['Lead', 'Widget__c']);
    assert.deepEqual(queue.memberGroups, ['Widget_Team']);
});

test('static resources keep content and type; business hours keep local times and zone', () => {
    const resource = project.staticResources.get('Greeting')!;
    assert.equal(resource.contentType, 'application/json');
    assert.deepEqual(JSON.parse(resource.content.toString('utf8')), { hello: 'world' });
    const [hours] = project.businessHours;
    assert.equal(hours.timeZoneId, 'Europe/Paris');
    assert.deepEqual(hours.days.monday, { start: '08:30:00.000', end: '17:00:00.000' });
    assert.deepEqual(hours.days.sunday, { start: null, end: null });
    assert.deepEqual(project.holidays[0].businessHours, ['Office']);
});

test("the repository's own project loads (both package directories)", () => {
    const repository = loadProject(REPOSITORY);
    assert.ok(repository.schema.object('Lead')!.validationRules.length > 0);
    assert.ok(repository.apexClasses.some((source) => source.file.startsWith('force-app-tests/')));
});
