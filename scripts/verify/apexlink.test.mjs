import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteForApexLink } from './checks/apexlink.mjs';
import { projectWith, runCheck } from './lib/fixture.mjs';
import { projectWithAll } from './lib/fixture-overlay.mjs';

test('the clean project passes ApexLink', () => {
    const { status, output } = runCheck('apexlink', projectWith());
    assert.equal(status, 0, output);
});

test('an unknown field, method and class in Apex code fail, naming file, line and problem', () => {
    const root = projectWithAll('unknown-field-in-apex-code-apexlink', 'unknown-method-apexlink');
    const { status, output } = runCheck('apexlink', root);
    assert.equal(status, 1, output);
    assert.match(output, /LeadFitReader\.cls:3: .*Unknown field 'Fitt_Score__c' on SObject 'Schema\.Lead'/);
    assert.match(output, /WidgetReport\.cls:3: .*No matching method found for 'countBigWidgets' on 'WidgetController'/);
    assert.match(output, /WidgetReport\.cls:7: .*No type declaration found for 'WidgetSorter'/);
});

test('USER_MODE, as user DML, AccessLevel, queryWithBinds, Assert and CMDT getInstance pass ApexLink', () => {
    const { status, output } = runCheck('apexlink', projectWith('modern-apex-syntax-apexlink'));
    assert.equal(status, 0, output);
});

test('the shadow rewrite keeps every line where it was and leaves comments and strings alone', () => {
    const source = [
        'List<Lead> leads = [SELECT Id FROM Lead WITH USER_MODE]; // WITH USER_MODE',
        'insert as user leads;',
        'Database.query(',
        "    'SELECT Id FROM Lead WITH USER_MODE',",
        '    AccessLevel.USER_MODE',
        ');',
        "Decimal days = Policy__mdt.getInstance('A').Days__c;",
        'System.Assert.isTrue(true);'
    ].join('\n');
    const rewritten = rewriteForApexLink(source).split('\n');
    assert.deepEqual(rewritten, [
        'List<Lead> leads = [SELECT Id FROM Lead WITH SECURITY_ENFORCED]; // WITH USER_MODE',
        'insert leads;',
        'Database.query(',
        "    'SELECT Id FROM Lead WITH USER_MODE'",
        '',
        ');',
        "Decimal days = ((Policy__mdt) Policy__mdt.getInstance('A')).Days__c;",
        'Assert.isTrue(true);'
    ]);
});
