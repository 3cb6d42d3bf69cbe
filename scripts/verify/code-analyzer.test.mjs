import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';
import { projectWithAll } from './lib/fixture-overlay.mjs';

const REPO_ROOT = join(import.meta.dirname, '../..');

/** Fixture projects follow the real project's analyzer policy (the severities it raises). */
function withProjectPolicy(root) {
    copyFileSync(join(REPO_ROOT, 'code-analyzer.yml'), join(root, 'code-analyzer.yml'));
    return root;
}

test('the clean project passes Code Analyzer and the flow scanner', () => {
    const { status, output } = runCheck('code-analyzer', withProjectPolicy(projectWith()));
    assert.equal(status, 0, output);
});

// One analyzer run (PMD starts a JVM) for the three planted mistakes; each must be named on its own.
test('SOQL in a loop, a class without sharing and DML in a flow loop fail, naming file and rule', () => {
    const root = withProjectPolicy(projectWithAll('soql-in-loop', 'class-without-sharing', 'flow-dml-in-loop'));
    const { status, output } = runCheck('code-analyzer', root);
    assert.equal(status, 1, output);
    assert.match(output, /classes\/WidgetSizer\.cls:5: \[OperationWithLimitsInLoop\]/);
    assert.match(output, /classes\/WidgetCounter\.cls:1: \[ApexSharingViolations\]/);
    assert.match(output, /flows\/Widget_Reset_Sizes\.flow-meta\.xml:\d+: \[DMLStatementInLoop\] .*Reset_Widget/);
    assert.match(output, /flows\/Widget_Reset_Sizes\.flow-meta\.xml:\d+: \[MissingFaultPath\] .*Reset_Widget/);
    assert.doesNotMatch(output, /Widget_Grow|WidgetController|WidgetSizeAction/);
});

test('an element on a scheduled path without a fault connector fails, naming the flow, element and path', () => {
    const root = withProjectPolicy(projectWith('flow-scheduled-path-without-fault'));
    const { status, output } = runCheck('code-analyzer', root);
    assert.equal(status, 1, output);
    assert.match(
        output,
        /flows\/Widget_Expire\.flow-meta\.xml:\d+: \[MissingFaultPath\] recordUpdates Reset_Size_Later on scheduled path A_Day_Later has no fault connector/
    );
    assert.doesNotMatch(output, /Get_Widget_Now|Show_Expire_Error/);
});
