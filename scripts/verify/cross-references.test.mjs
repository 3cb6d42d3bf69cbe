import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_PROJECT, projectWith, runCheck } from './lib/fixture.mjs';
import { apexClasses, classIndex, parseApex } from './lib/apex-classes.mjs';
import { apexSchemaReferences } from './lib/apex-references.mjs';
import { fieldPathProblem, readSchema } from './lib/schema.mjs';
import { formatProblem } from './lib/problems.mjs';
import { check } from './checks/cross-references.mjs';
import { USER_PERMISSION_DEPENDENCIES, missingDependencies } from './lib/permission-dependencies.mjs';
import { CONTEXTS, FLOW_FORMULA_CONTEXTS, flowFormulaContextProblems } from './lib/flow-formula-contexts.mjs';
import { XMLParser } from 'fast-xml-parser';

test('cross-references passes on the clean fixture', () => {
    const { status, output } = runCheck('cross-references', projectWith());
    assert.equal(status, 0, output);
});

test('the clean fixture exercises reports on a custom report type, a dashboard and bare FlexiPage component names', () => {
    assert.ok(schema.reportTypes.has('widgets_with_lead'));
    assert.ok(schema.reports.has('widget_insights/widget_size_by_company'));
    const flexiPage = readFileSync(
        join(CLEAN_PROJECT, 'force-app/main/widgets/flexipages/Widget_Home.flexipage-meta.xml'),
        'utf8'
    );
    assert.match(flexiPage, /<componentName>widgetList<\/componentName>/);
});

const planted = [
    [
        'unknown-field-in-soql',
        'force-app/main/widgets/classes/WidgetController.cls:7:',
        /SOQL: unknown field Widget__c\.Sise__c/
    ],
    [
        'unknown-field-in-apex-code',
        'force-app/main/widgets/classes/WidgetLeadScorer.cls:4:',
        /Apex: unknown field Lead\.Fitt_Score__c \(did you mean Fit_Score__c\?\)/
    ],
    [
        'flow-missing-field',
        'force-app/main/widgets/flows/Widget_Grow.flow-meta.xml:10:',
        /\$Record\.Sizes__c: unknown field Widget__c\.Sizes__c/
    ],
    [
        'lwc-missing-apex-method',
        'force-app/main/widgets/lwc/widgetList/widgetList.js:2:',
        /LWC imports missing Apex method WidgetController\.getWidgetz/
    ],
    [
        'validation-rule-unknown-field',
        'objects/Widget__c/validationRules/Size_Within_Policy.validationRule-meta.xml:8:',
        /Validation rule: unknown field Widget__c\.Size_Max__c/
    ],
    [
        'permission-set-unknown-field',
        'force-app/main/widgets/permissionsets/Widget_User.permissionset-meta.xml:19:',
        /Permission set field Widget__c\.Leads__c: unknown field/
    ],
    ['data-plan-unknown-field', 'data/Widget__c.json:6:', /Sample data field: unknown field Widget__c\.Sizes__c/],
    [
        'field-without-permissions',
        'objects/Widget__c/fields/Colour__c.field-meta.xml:',
        /Widget__c\.Colour__c has no field permissions in any permission set/
    ],
    [
        'field-permissions-on-required-field',
        'force-app/main/widgets/permissionsets/Widget_User.permissionset-meta.xml:',
        /Widget__c\.Size__c: Salesforce rejects field permissions on required and master-detail fields/
    ],
    [
        'flow-apex-action-not-invocable',
        'force-app/main/widgets/flows/Widget_Score.flow-meta.xml:',
        /Flow calls Apex action WidgetController, but that class has no @InvocableMethod/
    ],
    [
        'report-column-not-in-report-type',
        'force-app/main/widgets/reports/Widget_Insights/Widget_Size_By_Company.report-meta.xml:20:',
        /column Widget__c\$Lead__c\.Status is not in report type Widgets_with_Lead: add it to a section of reportTypes\/Widgets_with_Lead\.reportType-meta\.xml or remove it from the report/
    ],
    [
        'dashboard-grouping-not-in-report',
        'force-app/main/widgets/dashboards/Widget_Dashboards/Widget_Health.dashboard-meta.xml:38:',
        /"Widgets by company" <groupingColumn> Widget__c\$Size__c: report Widget_Insights\/Widget_Size_By_Company does not group by Widget__c\$Size__c/
    ],
    [
        'dashboard-summary-not-in-report',
        'force-app/main/widgets/dashboards/Widget_Dashboards/Widget_Health.dashboard-meta.xml:17:',
        /summarises Average of Widget__c\$Size__c, but report Widget_Insights\/Widget_Size_By_Company has no such summary: add <aggregateTypes>Average<\/aggregateTypes>/
    ],
    [
        'dashboard-unknown-report',
        'force-app/main/widgets/dashboards/Widget_Dashboards/Widget_Health.dashboard-meta.xml:40:',
        /Dashboard names report Widget_Insights\/Widget_Sizes_By_Company, but no reports\/Widget_Insights\/Widget_Sizes_By_Company\.report-meta\.xml exists/
    ],
    [
        'permission-set-missing-dependency',
        'force-app/main/widgets/permissionsets/Widget_Admin.permissionset-meta.xml:21:',
        /CustomizeApplication depends on ViewSetup: Salesforce rejects the permission set at deploy\. .*\(source: http/
    ],
    [
        'permission-set-missing-dependency',
        'force-app/main/widgets/permissionsets/Widget_Admin.permissionset-meta.xml:17:',
        /ConvertLeads depends on Create and Edit on Account, Create and Edit on Contact, Create and Edit on Opportunity: the action fails at run time/
    ],
    [
        'flow-formula-function-not-allowed',
        'force-app/main/widgets/flows/Widget_Recount.flow-meta.xml:22:',
        /PRIORVALUE\(\) in formula resource PriorSize: not available, because the flow is not record-triggered \(AutoLaunchedFlow\)\..*\(source: https:\/\/help\.salesforce\.com/
    ],
    [
        'flow-formula-function-not-allowed',
        'force-app/main/widgets/flows/Widget_Retire.flow-meta.xml:25:',
        /ISNEW\(\) in the entry-condition formula: not available, because the flow runs on RecordBeforeDelete with recordTriggerType Delete/
    ],
    [
        'flexipage-unknown-bare-component',
        'force-app/main/widgets/flexipages/Widget_Home.flexipage-meta.xml:12:',
        /component widgetLst does not exist: no lwc\/widgetLst\/ .*\(did you mean widgetList\?\)/
    ]
];

// One planted mistake goes through the CLI exactly as npm test runs it; the others call the check in-process, which
// prints the same lines, to keep the suite fast (each CLI run pays the Apex parser's start-up again).
test('cross-references CLI exits 1 and prints file:line: message for a planted mistake', () => {
    const [mistake, file, problem] = planted[0];
    const { status, output } = runCheck('cross-references', projectWith(mistake));
    assert.equal(status, 1, output);
    assert.match(output.split('\n').find((text) => text.includes(file)) ?? output, problem);
});

for (const [mistake, file, problem] of planted) {
    test(`cross-references fails on ${mistake} (${file.split(':')[1] || 'file'}), naming file and problem`, async () => {
        const output = (await check(projectWith(mistake))).map(formatProblem);
        const line = output.find((text) => text.includes(file));
        assert.ok(line, `expected a problem in ${file}, got:\n${output.join('\n')}`);
        assert.match(line, problem);
    });
}

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

test('every user-permission dependency row names its source', () => {
    for (const row of USER_PERMISSION_DEPENDENCIES) assert.match(row.source, /^https?:\/\//, row.permission);
});

test('a feature-dependent dependency applies only when the scratch definition turns the feature on', () => {
    const granted = { userPermissions: new Set(['CustomizeApplication', 'ViewSetup']), objectPermissions: new Map() };
    assert.deepEqual(missingDependencies(granted, { settings: {} }), []);
    const translation = { settings: { languageSettings: { enableTranslationWorkbench: true } } };
    const [problem] = missingDependencies(granted, translation);
    assert.match(
        problem.message,
        /^CustomizeApplication depends on ManageTranslation when the Translation Workbench is on/
    );
});

// Flow formula contexts, on small flows: which trigger allows ISNEW, ISCHANGED, PRIORVALUE and $Record__Prior.
const flowParser = new XMLParser({ parseTagValue: false, isArray: (_name, jpath) => jpath.split('.').length > 1 });

function flowXml({ triggerType, recordTriggerType, processType = 'AutoLaunchedFlow', formula, filterFormula }) {
    const trigger = triggerType
        ? `<object>Widget__c</object><recordTriggerType>${recordTriggerType}</recordTriggerType><triggerType>${triggerType}</triggerType>`
        : '';
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Flow xmlns="http://soap.sforce.com/2006/04/metadata">',
        formula
            ? `    <formulas>\n        <name>Probe</name>\n        <expression>${formula}</expression>\n    </formulas>`
            : '',
        `    <processType>${processType}</processType>`,
        `    <start>${filterFormula ? `<filterFormula>${filterFormula}</filterFormula>` : ''}${trigger}</start>`,
        '</Flow>'
    ].join('\n');
}

function contextProblems(options) {
    const text = flowXml(options);
    return flowFormulaContextProblems(flowParser.parse(text).Flow, text).map(
        (problem) => problem.message.split(':')[0]
    );
}

test('flow formulas: the functions and $Record__Prior are allowed where record-triggered flows on create or update run', () => {
    const formula = 'IF(ISNEW(), 0, PRIORVALUE({!$Record.Size__c})) + IF(ISCHANGED({!$Record.Size__c}), 1, 0)';
    for (const triggerType of ['RecordBeforeSave', 'RecordAfterSave']) {
        for (const recordTriggerType of ['Create', 'Update', 'CreateAndUpdate']) {
            assert.deepEqual(contextProblems({ triggerType, recordTriggerType, formula, filterFormula: formula }), []);
        }
        assert.deepEqual(
            contextProblems({ triggerType, recordTriggerType: 'Update', formula: '{!$Record__Prior.Size__c}' }),
            []
        );
    }
});

test('flow formulas: not available in flows without a record trigger, nor on delete', () => {
    assert.deepEqual(contextProblems({ processType: 'Flow', formula: 'ISCHANGED({!widget.Size__c})' }), [
        'ISCHANGED() in formula resource Probe'
    ]);
    assert.deepEqual(contextProblems({ processType: 'Flow', formula: 'TEXT({!$Record__Prior.Size__c})' }), [
        '$Record__Prior in this flow'
    ]);
    assert.deepEqual(
        contextProblems({ triggerType: 'RecordBeforeDelete', recordTriggerType: 'Delete', filterFormula: 'ISNEW()' }),
        ['ISNEW() in the entry-condition formula']
    );
});

test('flow formula contexts: every cell is known, and every failing cell names its source', () => {
    for (const row of FLOW_FORMULA_CONTEXTS) {
        assert.deepEqual(Object.keys(row.contexts).sort(), [...CONTEXTS].sort(), row.name);
        for (const cell of Object.values(row.contexts)) {
            assert.ok(['allowed', 'constant', 'not available', 'unconfirmed'].includes(cell.status));
            assert.match(cell.source, /^https:\/\//, row.name);
        }
    }
});
