// The scratch-org workflow's Apex verdict, on results shaped like `sf apex run test --code-coverage --json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gateProblems } from './apex-test-gate.mjs';

const passing = (className, method) => ({
    ApexClass: { Name: className },
    MethodName: method,
    FullName: `${className}.${method}`,
    Outcome: 'Pass',
    Message: null
});

function runOutput({ coverage = '93%', tests = [passing('LeadHandoffParityTest', 'casesAgree')] } = {}) {
    const failing = tests.filter((item) => item.Outcome !== 'Pass').length;
    return {
        status: failing ? 100 : 0,
        result: {
            summary: {
                outcome: failing ? 'Failed' : 'Passed',
                testsRan: tests.length,
                passing: tests.length - failing,
                failing,
                orgWideCoverage: coverage
            },
            tests
        }
    };
}

const options = { minCoverage: 90, required: ['LeadHandoffParityTest'] };

test('a passing run with 93 % coverage and the parity test passes the gate', () => {
    assert.deepEqual(gateProblems(runOutput(), options), []);
});

test('coverage below 90 % fails, saying the figure and the minimum', () => {
    assert.deepEqual(gateProblems(runOutput({ coverage: '89%' }), options), [
        'Org-wide Apex coverage is 89 %, below the 90 % this project requires.'
    ]);
});

test('a failing test fails the gate, naming the test and its message', () => {
    const failed = {
        ...passing('LeadHandoffServiceTest', 'acceptClaims'),
        Outcome: 'Fail',
        Message: 'Assert failed\nat'
    };
    const problems = gateProblems(runOutput({ tests: [passing('LeadHandoffParityTest', 'x'), failed] }), options);
    assert.deepEqual(problems, ['LeadHandoffServiceTest.acceptClaims: Fail. Assert failed']);
});

test('a run without LeadHandoffParityTest fails', () => {
    const problems = gateProblems(runOutput({ tests: [passing('HandoffPolicySelectorTest', 'defaults')] }), options);
    assert.match(problems.join('\n'), /LeadHandoffParityTest did not run/);
});

test('an error envelope (no result) fails with its message; the CLI exits 1', () => {
    assert.deepEqual(gateProblems({ status: 1, name: 'NoOrgFound', message: 'No org' }, options), [
        'The Apex test run did not complete (No org).'
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'apex-gate-')), 'run.json');
    writeFileSync(file, JSON.stringify(runOutput({ coverage: '50%' })));
    const script = join(dirname(fileURLToPath(import.meta.url)), 'apex-test-gate.mjs');
    const result = spawnSync('node', [script, file, '--min-coverage', '90', '--require', 'LeadHandoffParityTest'], {
        encoding: 'utf8'
    });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /org-wide coverage 50% \(minimum 90 %\)/);
    assert.match(result.stdout, /::error::Org-wide Apex coverage is 50 %/);
});
