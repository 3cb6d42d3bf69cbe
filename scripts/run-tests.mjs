#!/usr/bin/env node
// `npm test` (this file; not named test.mjs, which node --test would take for a test): every offline check, cheapest first, fail-fast.
// One summary line per step; a failing step prints its output; the last line is "N passed, N failed".
// `npm test -- --only <step>[,<step>]` runs some steps; `--verbose` streams every step's output.
import { spawn } from 'node:child_process';

const check = (name) => ['node', 'scripts/verify/check.mjs', name];

const STEPS = [
    {
        // First, so that a fresh machine gets Java and Chromium (as root) or the one command to run, before any work.
        id: 'system-packages',
        title: "System packages: Java 17 and Debian's Chromium (apt-get installs them when run as root)",
        command: ['bash', 'scripts/setup/system-packages.sh'],
        showOutput: true
    },
    {
        id: 'workflows',
        title: 'GitHub workflows: valid YAML; the npm scripts, files and sf commands and flags they name exist',
        command: check('workflows')
    },
    {
        id: 'build',
        title: 'TypeScript build, type-check and LWC compile',
        command: ['node', 'scripts/build/build-lwc.mjs']
    },
    {
        id: 'eslint',
        title: 'ESLint (LWC rules, typescript-eslint)',
        command: ['node_modules/.bin/eslint', '--max-warnings', '0', '.']
    },
    {
        id: 'prettier',
        title: 'Prettier check (Apex syntax gate included)',
        command: ['node_modules/.bin/prettier', '--check', '--log-level', 'warn', '.']
    },
    {
        id: 'jest',
        title: 'Jest: LWC behaviour, accessibility, coverage',
        command: ['node_modules/.bin/sfdx-lwc-jest', '--coverage', '--', '--silent', '--no-cache']
    },
    {
        id: 'local-org',
        title: "local-org: the emulator's own specifications",
        command: ['node', '--test', '--test-reporter=spec', '.build/local-org/test/']
    },
    {
        id: 'apex-local',
        title: "local-org: the project's Apex tests in the emulator (every one runs and passes)",
        command: ['node', 'scripts/apex-local.mjs']
    },
    {
        id: 'script-specs',
        title: 'Script specifications: each check catches its planted mistakes; org commands explain missing setup; the workbench server answers as Lightning does',
        command: ['node', '--test', '--test-reporter=spec', 'scripts/', 'workbench/server/__tests__/']
    },
    {
        id: 'metadata-structure',
        title: 'Metadata XML structure against the Metadata API types',
        command: check('metadata-structure')
    },
    {
        id: 'cross-references',
        title: 'Cross-references: objects, fields, Apex methods, permissions',
        command: check('cross-references')
    },
    {
        id: 'feature-boundaries',
        title: "Feature boundaries: no feature uses another's Apex, LWC modules, flows or labels unless config/feature-boundaries.json allows it",
        command: check('feature-boundaries')
    },
    {
        // After build: it evaluates the transition rules with local-org's formula engine (.build/local-org).
        id: 'stage-model',
        title: 'Stage model: one Apex table (LeadStages) equal to leadStages.ts, the stage picklist and the transition rules',
        command: check('stage-model')
    },
    {
        id: 'apex-size',
        title: 'Apex size: no class over 400 lines (DTO-only files excepted), no method over 60 lines',
        command: check('apex-size')
    },
    {
        id: 'custom-labels',
        title: 'Custom Labels: one labels file per feature, every label used and defined, no user-facing text in LWC code',
        command: check('custom-labels')
    },
    {
        id: 'local-org-generic',
        title: "local-org names none of the project's classes, flows, objects, fields or permissions",
        command: check('local-org-generic')
    },
    {
        id: 'workbench-no-apex-text',
        title: "the workbench holds no text of the product's Apex, validation rules or labels",
        command: check('workbench-no-apex-text')
    },
    {
        id: 'apex-contract',
        title: 'Apex contract: LWC Apex imports and their TypeScript declarations equal the Apex signatures',
        command: check('apex-contract')
    },
    { id: 'apexlink', title: 'ApexLink semantic check', command: check('apexlink') },
    {
        id: 'code-analyzer',
        title: 'Code Analyzer: PMD (Recommended, Security) and flow scanner',
        command: check('code-analyzer')
    },
    { id: 'convert-source', title: 'sf project convert source', command: check('convert-source') },
    {
        id: 'e2e',
        title: 'Browser end-to-end: the workbench in Chromium',
        command: ['node', 'scripts/workbench/e2e.mjs']
    }
];

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : null;
if (only) {
    const unknown = [...only].filter((id) => !STEPS.some((step) => step.id === id));
    if (unknown.length) {
        console.error(`Unknown step ${unknown.join(', ')}. Steps: ${STEPS.map((s) => s.id).join(', ')}.`);
        process.exit(2);
    }
}

const env = {
    ...process.env,
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    NODE_NO_WARNINGS: '1',
    NO_COLOR: '1'
};

function runStep(step) {
    return new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(step.command[0], step.command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        const collect = (chunk) => {
            output += chunk;
            if (verbose) process.stdout.write(chunk);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('error', (error) => resolve({ ok: false, output: String(error), seconds: 0 }));
        child.on('close', (code) => resolve({ ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
    });
}

let passed = 0;
let failed = 0;
const selected = STEPS.filter((step) => !only || only.has(step.id));
for (const step of selected) {
    const result = await runStep(step);
    const line = `${step.title} [${step.id}] (${result.seconds.toFixed(1)} s)`;
    if (result.ok) {
        passed++;
        console.log(`PASS ${line}`);
        if (step.showOutput && !verbose && result.output.trim()) console.log(`  ${result.output.trim()}`);
        continue;
    }
    failed++;
    console.log(`FAIL ${line}`);
    if (!verbose) {
        const lines = result.output.trimEnd().split('\n');
        const shown = lines.slice(-120);
        if (lines.length > shown.length) console.log(`  … ${lines.length - shown.length} earlier lines omitted`);
        console.log(shown.map((text) => `  ${text}`).join('\n'));
    }
    const skipped = selected.length - passed - failed;
    if (skipped)
        console.log(
            `Stopped: ${skipped} later step${skipped === 1 ? '' : 's'} not run. Re-run one with npm test -- --only <step>.`
        );
    break;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
