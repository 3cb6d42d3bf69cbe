import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectWith, runCheck } from './lib/fixture.mjs';
import { formatProblem } from './lib/problems.mjs';
import { check, shellCommands } from './checks/workflows.mjs';

test('workflows passes on the clean fixture (npm scripts, files, sf commands with flags, step outputs)', () => {
    const { status, output } = runCheck('workflows', projectWith());
    assert.equal(status, 0, output);
});

test("this repository's workflows pass", async () => {
    assert.deepEqual((await check(process.cwd())).map(formatProblem), []);
});

const planted = [
    [
        'workflow-invalid-yaml',
        '.github/workflows/ci.yml:8:',
        /not valid YAML \(.*\), so GitHub cannot run this workflow/
    ],
    ['workflow-unknown-npm-script', '.github/workflows/ci.yml:10:', /npm script "org:smoke" is not in package\.json/],
    [
        'workflow-missing-file',
        '.github/workflows/ci.yml:8:',
        /scripts\/ci\/coverage-gate\.mjs does not exist in the repository/
    ],
    [
        'workflow-unknown-sf-flag',
        '.github/workflows/ci.yml:8:',
        /sf org create scratch has no flag --definiton-file \(did you mean --definition-file\?\)/
    ],
    [
        'workflow-unknown-step-id',
        '.github/workflows/ci.yml:9:',
        /reads steps\.dev_hub, but no step of job test has id: dev_hub/
    ]
];

test('workflows CLI exits 1 and prints file:line: message for a planted mistake', () => {
    const [mistake, file, problem] = planted[1];
    const { status, output } = runCheck('workflows', projectWith(mistake));
    assert.equal(status, 1, output);
    assert.match(output.split('\n').find((text) => text.includes(file)) ?? output, problem);
});

for (const [mistake, file, problem] of planted) {
    test(`workflows fails on ${mistake}, naming file and problem`, async () => {
        const output = (await check(projectWith(mistake))).map(formatProblem);
        const line = output.find((text) => text.startsWith(file));
        assert.ok(line, `expected a problem at ${file}, got:\n${output.join('\n')}`);
        assert.match(line, problem);
    });
}

test('shell words: quoted text is one word, redirect targets and descriptors are not arguments', () => {
    assert.deepEqual(
        shellCommands('# note\nA=1 npm run build && echo "npm run nope" >&2\nnode x.mjs 2>&1 | tee "$LOG" || true'),
        [['npm', 'run', 'build'], ['echo', 'npm run nope'], ['node', 'x.mjs'], ['tee', '$LOG'], ['true']]
    );
});

// The scratch-org job must skip cleanly without the secret: its first step decides, every other step depends on it.
const scratchOrg = parse(readFileSync('.github/workflows/scratch-org.yml', 'utf8'));
const [job] = Object.values(scratchOrg.jobs);

test('scratch-org: every step after the credential check runs only when it found the secret', () => {
    const [first, ...rest] = job.steps;
    assert.equal(first.id, 'devhub');
    assert.match(first.env.DEVHUB_SFDX_AUTH_URL, /secrets\.DEVHUB_SFDX_AUTH_URL/);
    for (const step of rest) {
        assert.match(
            step.if ?? '',
            /steps\.(devhub\.outputs\.configured == 'true'|create\.outcome != 'skipped')/,
            step.name
        );
    }
    const create = job.steps.find((step) => step.id === 'create');
    assert.match(create.if, /steps\.devhub\.outputs\.configured == 'true'/);
    const last = job.steps.at(-1);
    assert.match(last.if, /^always\(\) && /);
    assert.match(last.run, /sf org delete scratch/);
});

test('scratch-org: without the secret the check step passes, says what to configure in one line, and skips the rest', () => {
    const outputFile = join(mkdtempSync(join(tmpdir(), 'gh-output-')), 'output');
    const result = spawnSync('bash', ['-e', '-c', job.steps[0].run], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, GITHUB_OUTPUT: outputFile, DEVHUB_SFDX_AUTH_URL: '' }
    });
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^::notice title=Scratch org skipped::.*add the repository secret DEVHUB_SFDX_AUTH_URL/);
    assert.equal(readFileSync(outputFile, 'utf8'), 'configured=false\n');
});

test('scratch-org: the job creates from the scratch definition, deploys policy first through org:deploy, assigns, imports, gates coverage at 90 %, versions the package', () => {
    const runs = job.steps.map((step) => step.run ?? '').join('\n');
    for (const expected of [
        /sf org create scratch --definition-file config\/project-scratch-def\.json/,
        /npm run org:deploy -- --target-org "\$SCRATCH_ORG" --yes/,
        /sf org assign permset --name Lead_Handoff_Admin --name Lead_Handoff_Manager --name Lead_Handoff_SDR/,
        /sf data tree import --plan data\/lead-handoff-plan\.json/,
        /sf apex run test --test-level RunLocalTests --code-coverage/,
        /apex-test-gate\.mjs .* --min-coverage 90 --require LeadHandoffParityTest/,
        /npm run package:version/
    ])
        assert.match(runs, expected);
});
