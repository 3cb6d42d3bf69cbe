#!/usr/bin/env node
// The scratch-org workflow's verdict on an Apex test run:
// `node scripts/ci/apex-test-gate.mjs <sf apex run test --json output> [--min-coverage 90] [--require <TestClass>]...`.
// Fails when a test failed, when org-wide coverage is below the minimum, or when a required test class did not run
// and pass (LeadHandoffParityTest: only an org run shows that the Apex service and the workbench agree).
import { readFileSync } from 'node:fs';

/** Problems of a run: [] when it passes. `output` is the `--json` envelope ({ status, result }) or its result. */
export function gateProblems(output, { minCoverage = 90, required = [] } = {}) {
    const run = output?.result ?? output;
    if (!run?.summary) {
        const reason = output?.message ?? output?.name ?? 'no summary in the output';
        return [`The Apex test run did not complete (${reason}).`];
    }
    const problems = [];
    const tests = run.tests ?? [];
    for (const test of tests.filter((item) => item.Outcome !== 'Pass')) {
        const message = (test.Message ?? '').split('\n')[0];
        problems.push(`${test.FullName ?? `${test.ApexClass?.Name}.${test.MethodName}`}: ${test.Outcome}. ${message}`);
    }
    const coverageText = run.summary.orgWideCoverage ?? run.coverage?.summary?.orgWideCoverage;
    const coverage = Number.parseFloat(coverageText ?? '');
    if (Number.isNaN(coverage)) {
        problems.push('No org-wide coverage in the result: run the tests with --code-coverage.');
    } else if (coverage < minCoverage) {
        problems.push(`Org-wide Apex coverage is ${coverage} %, below the ${minCoverage} % this project requires.`);
    }
    for (const name of required) {
        const ran = tests.filter((test) => test.ApexClass?.Name === name);
        if (!ran.length) problems.push(`${name} did not run: it must be part of the run (RunLocalTests includes it).`);
    }
    return problems;
}

function main(argv) {
    const [file, ...rest] = argv;
    if (!file) {
        console.error('Usage: node scripts/ci/apex-test-gate.mjs <result.json> [--min-coverage N] [--require Class]');
        return 2;
    }
    const minIndex = rest.indexOf('--min-coverage');
    const minCoverage = minIndex >= 0 ? Number(rest[minIndex + 1]) : 90;
    const required = rest.flatMap((arg, index) => (rest[index - 1] === '--require' ? [arg] : []));
    let output;
    try {
        output = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        console.error(`${file}: not the JSON of sf apex run test --json (${error.message}).`);
        return 1;
    }
    const summary = (output?.result ?? output)?.summary;
    if (summary) {
        console.log(
            `Apex tests: ${summary.passing} passed, ${summary.failing} failed of ${summary.testsRan}; ` +
                `org-wide coverage ${summary.orgWideCoverage ?? 'unknown'} (minimum ${minCoverage} %).`
        );
    }
    const problems = gateProblems(output, { minCoverage, required });
    for (const problem of problems) console.log(`::error::${problem}`);
    return problems.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
