// describeFailure on the shapes the org commands meet, one at a time: nothing the CLI said is cut.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { describeFailure } from './lib/failures.mjs';

const fixture = (name) => JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'));

test('no JSON at all: the whole of stderr, every line', () => {
    const text = describeFailure(undefined, 'Error: spawn failed\n  at line two\n');
    assert.equal(text, '  Error: spawn failed\n    at line two');
});

test('an error with actions: its name, its whole message and what to do', () => {
    const text = describeFailure({
        name: 'InvalidProjectWorkspaceError',
        message: 'This directory does not contain a valid Salesforce DX project.\nSecond line.',
        actions: ['Run the command from the project root.'],
        status: 1
    });
    assert.match(
        text,
        /InvalidProjectWorkspaceError: This directory does not contain a valid Salesforce DX project\.\n {2}Second line\./
    );
    assert.match(text, /What to do: Run the command from the project root\./);
});

test('the recorded CLI error for a missing default org keeps its name and message', () => {
    assert.match(
        describeFailure(fixture('org-display-user-no-default-org')),
        /NoDefaultEnvError: No default environment found\. Use -o or --target-org to specify an environment\./
    );
});

test('a deploy failure without local files still names the component, its line and problem', () => {
    const json = fixture('deploy-start-component-failures');
    delete json.result.files;
    const text = describeFailure(json);
    assert.match(
        text,
        /classes\/LeadHandoffService\.cls:142:17: ApexClass LeadHandoffService: Variable does not exist/
    );
    assert.match(
        text,
        /objects\/Lead\.object: ValidationRule Lead\.SQL_Needs_Budget: Field SQL_Criterion__mdt\.Budget/
    );
});

test('an unknown result shape is printed whole rather than dropped', () => {
    assert.match(describeFailure({ status: 1, result: { surprise: 'kept' } }), /"surprise": "kept"/);
});
