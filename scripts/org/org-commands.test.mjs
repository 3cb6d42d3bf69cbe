// The org commands against a stand-in CLI (fixtures/fake-sf.mjs) replaying recorded --json output, failures included
// (fixtures/README.md cites where each shape comes from). Each command must print the CLI's real cause (component,
// file, line, test, message), exit non-zero on failure, deploy in an order that cannot fail on $CustomMetadata
// references, never deploy a bundle without its JavaScript, never deploy to a sandbox or production unasked, and
// resume set-up by doing only what is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

/** A small project: the real sfdx-project.json, data, config and flows, plus one TypeScript LWC bundle. */
function project({ built = true } = {}) {
    const root = mkdtempSync(join(tmpdir(), 'org-project-'));
    for (const path of ['sfdx-project.json', 'data', 'config', 'force-app/main/lead-lifecycle/flows'])
        cpSync(join(ROOT, path), join(root, path), { recursive: true });
    mkdirSync(join(root, 'force-app-tests'), { recursive: true });
    const bundle = join(root, 'force-app/main/demo/lwc/demoCard');
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, 'demoCard.ts'), 'export default class DemoCard {}\n');
    writeFileSync(join(bundle, 'demoCard.html'), '<template></template>\n');
    if (built) {
        writeFileSync(join(bundle, 'demoCard.js'), 'export default class DemoCard {}\n');
        const later = new Date(Date.now() + 1000);
        utimesSync(join(bundle, 'demoCard.js'), later, later);
    }
    return root;
}

function runOrg(args, replies, { built = true, env = {} } = {}) {
    const root = project({ built });
    const log = join(root, 'sf-calls.log');
    writeFileSync(log, '');
    const result = spawnSync(process.execPath, [join(HERE, 'org.mjs'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: {
            ...process.env,
            LEAD_HANDOFF_SF_BIN: join(HERE, 'fixtures/fake-sf.mjs'),
            LEAD_HANDOFF_BUILD_BIN: join(HERE, 'fixtures/fake-build.mjs'),
            LEAD_HANDOFF_SF_REPLIES: JSON.stringify(replies),
            LEAD_HANDOFF_SF_LOG: log,
            SF_TARGET_ORG: '',
            SF_TARGET_DEV_HUB: '',
            ...env
        }
    });
    const calls = readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).join(' '));
    return { ...result, calls, root };
}

const reply = (when, fixture) => ({ when, reply: fixture });
const SCRATCH = reply('FROM Organization', 'query-organization-scratch');
const SANDBOX = reply('FROM Organization', 'query-organization-sandbox');
const PRODUCTION = reply('FROM Organization', 'query-organization-production');
const FLOWS_ACTIVE = reply('FROM FlowDefinitionView', 'query-flows-active');
const DEPLOYS_OK = [
    reply('project deploy start', 'deploy-start-succeeded'),
    reply('project deploy validate', 'deploy-validate-succeeded'),
    reply('project deploy quick', 'deploy-quick-succeeded')
];
/** An org where set-up already happened: permission sets held, groups joined, users there, sample leads there. */
const SET_UP = [
    reply('org display user', 'org-display-user'),
    reply('FROM PermissionSetAssignment', 'query-permission-sets-held'),
    reply('FROM GroupMember', 'query-group-members-all'),
    reply('FROM Group WHERE', 'query-groups'),
    reply('FROM User WHERE', 'query-persona-user'),
    reply('SELECT COUNT() FROM Lead', 'query-count-sample-leads'),
    FLOWS_ACTIVE
];
/** A fresh org: nothing assigned, joined, created or imported yet. */
const FRESH = [
    reply('org display user', 'org-display-user'),
    reply('FROM PermissionSetAssignment', 'query-empty'),
    reply('FROM GroupMember', 'query-empty'),
    reply('FROM Group WHERE', 'query-groups'),
    reply('FROM User WHERE', 'query-empty'),
    reply('SELECT COUNT() FROM Lead', 'query-count-zero'),
    reply('org assign permset', 'permset-assign-succeeded'),
    reply('data create record', 'data-create-record-succeeded'),
    reply('org create user', 'org-create-user-succeeded'),
    reply('data import tree', 'data-import-tree-succeeded'),
    FLOWS_ACTIVE
];
const ORG = ['--target-org', 'lead-handoff'];

test('a failed deploy prints each component failure with its file, line and problem, and the summary', () => {
    const run = runOrg(['deploy', ...ORG], [SCRATCH, reply('project deploy start', 'deploy-start-component-failures')]);
    assert.equal(run.status, 1);
    assert.match(
        run.stderr,
        /force-app\/main\/sdr-inbox\/classes\/LeadHandoffService\.cls:142:17: ApexClass LeadHandoffService: Variable does not exist: Accept_By__c/
    );
    assert.match(
        run.stderr,
        /validationRules\/SQL_Needs_Budget\.validationRule-meta\.xml: ValidationRule Lead\.SQL_Needs_Budget: Field SQL_Criterion__mdt\.Budget does not exist/
    );
    assert.match(run.stderr, /Deploy 0Afxx00000001abCAA: Failed; 0 of 212 components, 2 with errors/);
});

test('the policy types and records deploy before the rules that read them through $CustomMetadata', () => {
    const run = runOrg(['deploy', ...ORG], [SCRATCH, ...DEPLOYS_OK, FLOWS_ACTIVE]);
    assert.equal(run.status, 0, run.stderr);
    const deploys = run.calls.filter((call) => call.startsWith('project deploy'));
    assert.equal(deploys.length, 2);
    assert.match(
        deploys[0],
        /--source-dir force-app\/main\/handoff-policy\/objects --source-dir force-app\/main\/handoff-policy\/customMetadata/
    );
    assert.match(deploys[1], /--source-dir force-app --source-dir force-app-tests/);
    assert.ok(
        run.calls.every((call) => call.includes('--target-org lead-handoff')),
        'every call names the org'
    );
});

test('a bundle without its JavaScript is never deployed', () => {
    const run = runOrg(['deploy', ...ORG], [SCRATCH, ...DEPLOYS_OK, FLOWS_ACTIVE], { built: false });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /force-app\/main\/demo\/lwc\/demoCard\/demoCard\.ts: no demoCard\.js beside it/);
    assert.match(run.stderr, /Run `npm run build`/);
    assert.ok(!run.calls.some((call) => call.startsWith('project deploy')), 'nothing deployed');
});

test('a sandbox is validated with RunLocalTests and quick-deployed only when confirmed', () => {
    const unasked = runOrg(['deploy', ...ORG], [SANDBOX, ...DEPLOYS_OK, FLOWS_ACTIVE]);
    assert.equal(unasked.status, 1);
    assert.match(unasked.stdout, /no \(no terminal to ask on; pass --yes to answer yes\)/);
    assert.match(unasked.stderr, /Nothing was deployed/);
    assert.ok(!unasked.calls.some((call) => call.startsWith('project deploy')));

    const confirmed = runOrg(['deploy', ...ORG, '--yes'], [SANDBOX, ...DEPLOYS_OK, FLOWS_ACTIVE]);
    assert.equal(confirmed.status, 0, confirmed.stderr);
    const deploys = confirmed.calls.filter((call) => call.startsWith('project deploy'));
    assert.match(deploys[0], /^project deploy start --source-dir force-app\/main\/handoff-policy\/objects/);
    assert.match(deploys[1], /^project deploy validate .*--test-level RunLocalTests/);
    assert.match(deploys[2], /^project deploy quick --job-id 0Afxx00000002xyZAA/);
    assert.match(
        confirmed.stdout,
        /Validation 0Afxx00000002xyZAA: Succeeded; 212 of 212 components, 0 with errors; 186 of 186 Apex tests passed/
    );
    assert.ok(
        confirmed.calls.some((call) => call.includes('FROM FlowDefinitionView')),
        'flows checked after deploy'
    );
});

test('production is never deployed to without a confirmation', () => {
    const run = runOrg(['deploy', ...ORG], [PRODUCTION, ...DEPLOYS_OK, FLOWS_ACTIVE]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /production org lead-handoff\?/);
    assert.ok(!run.calls.some((call) => call.startsWith('project deploy')));
});

test('a failed validation prints coverage, component and test causes in full', () => {
    const run = runOrg(
        ['deploy', ...ORG, '--yes'],
        [
            SANDBOX,
            reply('project deploy start', 'deploy-start-succeeded'),
            reply('project deploy validate', 'deploy-validate-test-failures')
        ]
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /FailedValidationError: Failed to validate the deployment \(0Afxx00000003qrSAA\)/);
    assert.match(run.stderr, /LeadHandoffService - Test coverage of selected Apex Class is 61%/);
    assert.match(
        run.stderr,
        /LeadAcceptByActionTest\.mqlOnFridayAfternoonIsDueMondayMorning - System\.AssertException/
    );
    assert.ok(!run.calls.some((call) => call.startsWith('project deploy quick')));
});

test('inactive flows after a deploy fail the command, naming each flow and the setting that activates them', () => {
    const run = runOrg(
        ['deploy', ...ORG],
        [SCRATCH, ...DEPLOYS_OK, reply('FROM FlowDefinitionView', 'query-flows-inactive')]
    );
    assert.equal(run.status, 1);
    for (const flow of ['Lead_Handoff_Route_MQL', 'Lead_Handoff_SLA_Breach', 'Lead_Handoff_Stage_Event'])
        assert.match(run.stderr, new RegExp(`  ${flow}\\n`));
    assert.doesNotMatch(run.stderr, / {2}Lead_Handoff_Qualify\n/);
    assert.match(run.stderr, /Deploy processes and flows as active/);
});

test('failing Apex tests are listed as Class.method: message with their stack, and the summary always prints', () => {
    const failed = runOrg(['test', ...ORG], [reply('apex run test', 'apex-run-test-failures')]);
    assert.equal(failed.status, 1);
    assert.match(
        failed.stdout,
        /LeadHandoffServiceTest\.acceptRejectsLeadAlreadyClaimedByAnotherRep: System\.AssertException: Assertion Failed: Expected: 1, Actual: 0/
    );
    assert.match(
        failed.stdout,
        /Class\.LeadHandoffServiceTest\.acceptRejectsLeadAlreadyClaimedByAnotherRep: line 88, column 1/
    );
    assert.match(failed.stdout, /QueueHealthControllerTest\.boardListsEveryRoutingQueue: System\.QueryException/);
    assert.match(failed.stdout, /Apex tests Failed: 186 ran, 184 passed, 2 failed, 0 skipped; org-wide coverage 91%/);
    assert.match(failed.stderr, /2 Apex tests failed/);

    const passed = runOrg(['test', ...ORG], [reply('apex run test', 'apex-run-test-passed')]);
    assert.equal(passed.status, 0, passed.stderr);
    assert.match(passed.stdout, /Apex tests Passed: 186 ran, 186 passed, 0 failed, 0 skipped; org-wide coverage 92%/);
});

test('a permission set assignment failure prints the reason the org gave', () => {
    const run = runOrg(['setup', ...ORG], [SCRATCH, reply('org assign permset', 'permset-assign-failure'), ...FRESH]);
    assert.equal(run.status, 1);
    assert.match(
        run.stderr,
        /Assigning Lead_Handoff_Admin, Lead_Handoff_Manager, Lead_Handoff_SDR to test-abc123@example\.com failed:/
    );
    assert.match(
        run.stderr,
        /lead-handoff: Permission set Lead_Handoff_SDR's license \(Salesforce\) doesn't match the user's license, Chatter Free\./
    );
});

test('a data import failure prints every rejected record with its status code and message', () => {
    const run = runOrg(['setup', ...ORG], [SCRATCH, reply('data import tree', 'data-import-tree-failure'), ...FRESH]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DataImportFailedError: Import failed from file: data\/Lead\.json\./);
    assert.match(
        run.stderr,
        /SAL03: FIELD_CUSTOM_VALIDATION_EXCEPTION: Only an accepted MQL can become SAL: accept it from the inbox\. \(Lifecycle_Stage__c\)/
    );
    assert.match(run.stderr, /SQL02: FIELD_CUSTOM_VALIDATION_EXCEPTION: SQL needs a confirmed budget/);
});

test('set-up on a fresh scratch org creates the SDR and manager users with their permission sets and groups', () => {
    const run = runOrg(['setup', ...ORG], [SCRATCH, ...FRESH]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.calls.filter((call) => call.startsWith('org create user')).length, 2);
    assert.ok(
        run.calls.some((call) => /org assign permset --name Lead_Handoff_SDR --on-behalf-of dana\.reyes@/.test(call))
    );
    assert.ok(run.calls.some((call) => call.startsWith('data import tree --plan data/lead-handoff-plan.json')));
    assert.match(
        run.stdout,
        /SDR: npx sf org open --target-org dana\.reyes@lead-handoff\.example\.com\.00dxx0000001gpleay/
    );
    assert.match(run.stdout, /manager: npx sf org open --target-org/);
});

test('set-up runs again on a set-up org without assigning, adding, creating or importing anything twice', () => {
    const run = runOrg(['setup', ...ORG], [SCRATCH, ...SET_UP]);
    assert.equal(run.status, 0, run.stderr);
    const writes = run.calls.filter((call) => /^(org assign|data create|org create|data import)/.test(call));
    assert.deepEqual(writes, []);
    // The recorded org holds 76 of them; the sample is every lead of data/'s plan.
    const sampleLeads = JSON.parse(readFileSync(join(ROOT, 'data', 'lead-handoff-plan.json'), 'utf8'))
        .filter((entry) => entry.sobject === 'Lead')
        .flatMap((entry) => entry.files)
        .reduce((count, file) => count + JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8')).records.length, 0);
    assert.match(run.stdout, new RegExp(`76 of the ${sampleLeads} sample leads are already in the org`));
});

test('set-up outside a scratch org creates no users and imports no sample data unless asked', () => {
    const run = runOrg(['setup', ...ORG], [SANDBOX, ...FRESH]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!run.calls.some((call) => /^(org create user|data import)/.test(call)));
    assert.match(run.stdout, /pass --with-sample-data/);
});

test('org:create reports scratch settings errors in full and never makes a half-made org the default', () => {
    const run = runOrg(
        ['create'],
        [
            reply('config get target-dev-hub', 'config-get-set'),
            reply('org create scratch', 'org-create-scratch-settings-failure')
        ]
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /\[Error\] BusinessHours : Invalid time zone: America\/NewYork/);
    assert.match(run.stderr, /\[Error\] LeadConvertSettings : You can't change this setting/);
    assert.ok(!run.calls.some((call) => call.startsWith('config set')));
    assert.ok(!run.calls.some((call) => call.includes('--set-default')));
});

test('org:create stopped by a failed deploy says how to resume, and the org is not the default', () => {
    const run = runOrg(
        ['create'],
        [
            reply('config get target-dev-hub', 'config-get-set'),
            reply('org create scratch', 'org-create-scratch-succeeded'),
            reply('project deploy start', 'deploy-start-component-failures')
        ]
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /LeadHandoffService\.cls:142:17/);
    assert.match(run.stderr, /exists but is not set up, and is not your default org/);
    assert.match(
        run.stderr,
        /npm run org:deploy -- --target-org lead-handoff, then npm run org:setup -- --target-org lead-handoff/
    );
    assert.ok(!run.calls.some((call) => call.startsWith('config set')));
});

test('org:create makes the scratch org the default only after set-up succeeded', () => {
    const run = runOrg(
        ['create'],
        [
            reply('config get target-dev-hub', 'config-get-set'),
            reply('org create scratch', 'org-create-scratch-succeeded'),
            SCRATCH,
            ...DEPLOYS_OK,
            ...FRESH,
            reply('config set target-org', 'config-set-succeeded'),
            reply('org open', 'org-open-succeeded')
        ]
    );
    assert.equal(run.status, 0, run.stderr);
    const setDefault = run.calls.findIndex((call) => call.startsWith('config set target-org=lead-handoff'));
    const lastSetUp = run.calls.findIndex((call) => call.includes('FROM FlowDefinitionView'));
    assert.ok(setDefault > lastSetUp && lastSetUp > 0, `default set after set-up:\n${run.calls.join('\n')}`);
});

test('org:clean-sample-data deletes the stage events of the sample leads, then the leads', () => {
    const run = runOrg(
        ['clean-sample-data', ...ORG, '--yes'],
        [reply('FROM Lead WHERE', 'query-sample-leads'), reply('apex run', 'apex-run-succeeded')]
    );
    assert.equal(run.status, 0, run.stderr);
    const apexCall = run.calls.find((call) => call.startsWith('apex run --file'));
    const script = readFileSync(apexCall.split(' ')[3], 'utf8');
    assert.ok(script.indexOf('Lead_Stage_Event__c') < script.indexOf('delete leads'), script);
    assert.match(run.stdout, /Removed 64 sample leads and their stage events/);

    const failed = runOrg(
        ['clean-sample-data', ...ORG, '--yes'],
        [reply('FROM Lead WHERE', 'query-sample-leads'), reply('apex run', 'apex-run-runtime-failure')]
    );
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /executeRuntimeFailure: System\.DmlException: Delete failed/);
    assert.match(failed.stderr, /AnonymousBlock: line 4, column 1/);
});

test('package:version without a Dev Hub explains what to connect', () => {
    const run = runOrg(['package-version'], [reply('config get target-dev-hub', 'config-get-unset')]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /No Dev Hub is connected: run `npx sf org login web --set-default-dev-hub/);
});

test('package:version in CI never creates the package itself (its Id would be lost with the workspace)', () => {
    const run = runOrg(['package-version'], [reply('config get target-dev-hub', 'config-get-set')], {
        env: { CI: 'true' }
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /has no Id in sfdx-project\.json packageAliases: run `npm run package:version` once/);
    assert.ok(!run.calls.some((call) => call.startsWith('package ')));
});

test('package:version creates the package once, then a version with code coverage, and prints how to install it', () => {
    const run = runOrg(
        ['package-version'],
        [
            reply('config get target-dev-hub', 'config-get-set'),
            reply('package create', 'package-create-succeeded'),
            reply('package version create', 'package-version-create-succeeded')
        ],
        { env: { CI: '' } }
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(
        run.calls.find((call) => call.startsWith('package create')),
        /--package-type Unlocked --path force-app --no-namespace/
    );
    assert.match(
        run.calls.find((call) => call.startsWith('package version create')),
        /--code-coverage/
    );
    assert.match(run.stdout, /npx sf package install --package 04txx000000LhdAAAS/);
});
