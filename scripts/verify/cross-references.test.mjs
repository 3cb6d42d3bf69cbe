import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN_PROJECT, projectWith, runCheck } from './lib/fixture.mjs';
import { readSchema } from './lib/schema.mjs';
import { formatProblem } from './lib/problems.mjs';
import { check } from './checks/cross-references.mjs';

// The runner and one planted mistake per kind of reference; what one checker's helpers resolve is specified beside
// it: cross-references-apex, cross-references-flows, cross-references-permissions.
const schema = readSchema(CLEAN_PROJECT);

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
        'doc-names-missing-validation-rule',
        'docs/widgets.md:3:',
        /Doc names `Size_Within_Policies`: no validation rule, flow, .* is named Size_Within_Policies \(did you mean Size_Within_Policy\?\)\. Fix the name in the doc; if the page names it on purpose .* <!-- cross-references: not in the project: Size_Within_Policies -->/
    ],
    [
        'doc-names-missing-apex-method',
        'README.md:3:',
        /Doc names `WidgetController\.countFitLead\(\)`: WidgetController has no method, property or inner class countFitLead \(did you mean countFitLeads\?\)/
    ],
    [
        'doc-example-stale-apex-signature',
        'types/apex/README.md:4:',
        /Doc example declares WidgetController\.getWidgets with parameters \{minSize\}, but the Apex method is getWidgets\(Integer minimumSize\)\. Copy the declaration from types\/apex\/WidgetController\.d\.ts/
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

test('a page may name what the project does not have once it lists the name as not in the project', async () => {
    const root = projectWith('doc-names-missing-validation-rule');
    const page = join(root, 'docs/widgets.md');
    const marker = '<!-- cross-references: not in the project: Size_Within_Policies -->';
    writeFileSync(page, `${marker}\n\n${readFileSync(page, 'utf8')}`);
    assert.deepEqual((await check(root)).map(formatProblem), []);
});

test('a declaration example is compared by its top-level parameter names, not those of nested object types', async () => {
    const root = projectWith();
    const readme = join(root, 'types/apex/README.md');
    const nested = '{ minimumSize: number; options?: { minimumSize: number } }';
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('{ minimumSize: number }', nested));
    const output = (await check(root)).map(formatProblem);
    assert.equal(output.length, 1, output.join('\n'));
    assert.match(
        output[0],
        /^types\/apex\/README\.md:4: .* with parameters \{minimumSize, options\}, but the Apex method is getWidgets\(Integer minimumSize\)/
    );
});
