import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLEAN_PROJECT } from './lib/fixture.mjs';
import { apexClasses, classIndex, parseApex } from './lib/apex-classes.mjs';
import { apexSchemaReferences } from './lib/apex-references.mjs';
import { fieldPathProblem, readSchema } from './lib/schema.mjs';

// Apex reference kinds the fixtures do not all exercise, checked straight against the clean fixture's schema.
const schema = readSchema(CLEAN_PROJECT);
const classes = classIndex(apexClasses(CLEAN_PROJECT));

function apexProblems(source) {
    const { tree, errors } = parseApex(source);
    assert.deepEqual(errors, []);
    const apexClass = { name: 'Probe', kind: 'class', tree, fields: [], methods: [], innerClasses: [] };
    return apexSchemaReferences(apexClass, schema, classes)
        .map((reference) => {
            if (reference.kind !== 'field') return undefined;
            const message = fieldPathProblem(schema, reference.object, reference.path);
            return message && `${reference.line}:${reference.where}:${message.split(':')[0]}`;
        })
        .filter(Boolean);
}

test('Apex references resolve through relationships, sub-queries, tokens, constructors and typed elements', () => {
    const source = `public with sharing class Probe {
    private Widget__c current;
    public static void valid(Map<Id, Lead> leadsById) {
        List<Lead> leads = [SELECT Id, Fit_Score__c, (SELECT Size__c FROM Widgets__r) FROM Lead WITH USER_MODE];
        Widget__c widget = [SELECT Lead__r.Fit_Score__c FROM Widget__c WHERE Lead__c IN :leadsById.keySet() LIMIT 1];
        Decimal fit = widget.Lead__r.Fit_Score__c + leads[0].Fit_Score__c + leadsById.values()[0].Fit_Score__c;
        Schema.SObjectField token = Lead.Fit_Score__c;
        Object other = Schema.Widget__c.Size__c;
        Object described = SObjectType.Widget__c.fields.Size__c;
        Widget__c made = new Widget__c(Size__c = 1, Lead__c = null);
        Decimal minimum = Widget_Policy__mdt.getInstance('Default').Minimum_Size__c;
    }
    public void invalid(List<Widget__c> widgets) {
        for (Widget__c each : widgets) { each.Colour__c = 'red'; }
        Object token = Widget__c.Weight__c;
        Object described = SObjectType.Lead.fields.Fit__c;
        Widget__c made = new Widget__c(Shape__c = 'round');
        Decimal minimum = Widget_Policy__mdt.getInstance('Default').Maximum_Size__c;
        List<Lead> leads = [SELECT Id, (SELECT Id FROM Gadgets__r), Owner__r.Name FROM Lead ORDER BY Score__c];
        Decimal size = current.Volume__c + widgets[0].Lead__r.Fitness__c;
    }
}`;
    assert.deepEqual(apexProblems(source), [
        '14:Apex:unknown field Widget__c.Colour__c',
        '15:Apex:unknown field Widget__c.Weight__c',
        '16:Apex:unknown field Lead.Fit__c',
        '17:Apex:unknown field Widget__c.Shape__c',
        '18:Apex:unknown field Widget_Policy__mdt.Maximum_Size__c (did you mean Minimum_Size__c?)',
        '19:SOQL:unknown relationship Lead.Owner__r',
        '19:SOQL:unknown field Lead.Score__c',
        '20:Apex:unknown field Widget__c.Volume__c',
        '20:Apex:unknown field Lead.Fitness__c'
    ]);
});

test('Apex sub-query over an unknown child relationship is reported', () => {
    const { tree } = parseApex(
        'public class Probe { void m() { List<Lead> l = [SELECT Id, (SELECT Id FROM Gadgets__r) FROM Lead]; } }'
    );
    const references = apexSchemaReferences({ kind: 'class', tree, fields: [], innerClasses: [] }, schema, classes);
    assert.ok(references.some((reference) => reference.kind === 'child' && reference.relationship === 'Gadgets__r'));
});

test('apexClasses models methods, annotations, parameters and fields', () => {
    const controller = classIndex(apexClasses(CLEAN_PROJECT)).get('widgetcontroller');
    const getWidgets = controller.methods.find((method) => method.name === 'getWidgets');
    assert.equal(getWidgets.isStatic, true);
    assert.equal(getWidgets.returnType, 'List<Widget__c>');
    assert.deepEqual(getWidgets.parameters, [{ name: 'minimumSize', type: 'Integer' }]);
    assert.deepEqual(getWidgets.annotations, [{ name: 'AuraEnabled', parameters: { cacheable: 'true' } }]);
});
