// The org commands: what each does, in what order, and what it tells the admin when a step fails.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apexTestFailureLines, apexTestSummary } from './failures.mjs';
import { SCRATCH_DEFINITION, projectJson, requireBuiltBundles, sampleLeadEmails, soqlList } from './project.mjs';
import { confirm } from './prompt.mjs';
import { OrgStepError, SETUP_ERRORS, failureText, orgSession, sf } from './sf.mjs';
import * as steps from './steps.mjs';

const APP_PATH = '/lightning/app/c__Lead_Handoff';

function configured(key, envVariable) {
    if (process.env[envVariable]) return true;
    const [entry] = sf(['config', 'get', key], `Reading ${key}`, { quiet: true });
    return Boolean(entry?.value);
}

function requireDevHub() {
    if (!configured('target-dev-hub', 'SF_TARGET_DEV_HUB')) throw new OrgStepError(SETUP_ERRORS.NoDefaultDevHubError);
}

/** The org to work on: --target-org, else the default org (which must be set). */
function session(options) {
    if (!options['target-org'] && !configured('target-org', 'SF_TARGET_ORG'))
        throw new OrgStepError(SETUP_ERRORS.NoDefaultEnvError);
    return orgSession(options['target-org']);
}

function buildAndCheck() {
    steps.build();
    requireBuiltBundles();
}

/** Permissions, groups, users and sample data: each step idempotent, so this runs again after any failure. */
function setUp(org, kind, options) {
    const me = steps.currentUser(org);
    steps.assignPermissionSets(org, me, steps.ADMIN_PERMISSION_SETS);
    steps.joinGroups(org, me, steps.HANDOFF_GROUPS);
    const people = kind === 'scratch' ? steps.personaUsers(org) : [];
    if (kind === 'scratch' || options['with-sample-data']) steps.importSampleData(org);
    else console.log('  Sample data not imported outside a scratch org (pass --with-sample-data to import it).');
    steps.checkFlowsActive(org);
    return people;
}

function printLogins(people, alias) {
    console.log(
        `\nLog in as each person (the Admin permission set bypasses the validation rules; these users do not):`
    );
    console.log(`  you (admin): npx sf org open --target-org ${alias} --path ${APP_PATH}`);
    for (const person of people)
        console.log(
            `  ${person.title}: npx sf org open --target-org ${person.username} --path ${APP_PATH}   (password: npx sf org display user --target-org ${person.username})`
        );
}

export const commands = {
    async create(options) {
        requireDevHub();
        buildAndCheck();
        const alias = options.alias;
        const created = sf(
            [
                'org',
                'create',
                'scratch',
                '--definition-file',
                SCRATCH_DEFINITION,
                '--alias',
                alias,
                '--duration-days',
                '7',
                '--wait',
                '15'
            ],
            `Creating scratch org "${alias}" (it becomes your default org only when set-up has succeeded)`
        );
        const org = orgSession(alias);
        let step = 'deploy';
        let people;
        try {
            steps.deployPolicy(org);
            steps.deployApp(org);
            step = 'setup';
            people = setUp(org, 'scratch', options);
        } catch (error) {
            if (!(error instanceof OrgStepError)) throw error;
            const resume =
                step === 'deploy'
                    ? `npm run org:deploy -- --target-org ${alias}, then npm run org:setup -- --target-org ${alias}`
                    : `npm run org:setup -- --target-org ${alias}`;
            throw new OrgStepError(
                `${error.message}\nThe scratch org "${alias}" (${created?.username ?? 'see npx sf org list'}) exists but is not set up, and is not your default org. Fix the cause above, then run: ${resume}`
            );
        }
        steps.setDefaultOrg(alias);
        printLogins(people, alias);
        const opened = org.run(['org', 'open', '--path', APP_PATH]);
        if (opened.exitCode !== 0)
            console.log(`(Could not open a browser here: ${opened.json?.message ?? 'no output'})`);
    },

    async setup(options) {
        const org = session(options);
        const kind = steps.orgKind(org);
        const people = setUp(org, kind, options);
        console.log(`Set-up complete on the ${kind} org${options['target-org'] ? ` ${options['target-org']}` : ''}.`);
        if (people.length) printLogins(people, options['target-org'] ?? '<your default org>');
    },

    async deploy(options) {
        const org = session(options);
        buildAndCheck();
        const kind = steps.orgKind(org);
        const name = options['target-org'] ?? 'your default org';
        if (kind === 'scratch') {
            steps.deployPolicy(org);
            steps.deployApp(org);
            steps.checkFlowsActive(org);
            return;
        }
        console.log(
            `${name} is a ${kind} org: the policy types deploy first, then everything else is validated with RunLocalTests and deployed only when you confirm.`
        );
        if (!(await confirm(`Deploy the Custom Metadata types and records to the ${kind} org ${name}?`, options)))
            throw new OrgStepError('Nothing was deployed.');
        steps.deployPolicy(org);
        const validation = steps.validateApp(org);
        if (
            !(await confirm(
                `Validation ${validation.id} passed. Quick-deploy it to the ${kind} org ${name} now?`,
                options
            ))
        )
            throw new OrgStepError(
                `Not deployed. The validation stays usable for 10 days: npx sf project deploy quick --job-id ${validation.id} --target-org <org>, then npm run org:setup -- --target-org <org>.`
            );
        steps.quickDeploy(org, validation.id);
        steps.checkFlowsActive(org);
        console.log(
            `Deployed. Next: npm run org:setup -- --target-org ${options['target-org'] ?? '<org>'} (permission sets, groups), and docs/install.md for the persona set-up.`
        );
    },

    async test(options) {
        const org = session(options);
        console.log('→ Running the Apex tests in the org (RunLocalTests, with coverage)');
        const run = org.run([
            'apex',
            'run',
            'test',
            '--test-level',
            'RunLocalTests',
            '--code-coverage',
            '--wait',
            '30'
        ]);
        const result = run.json?.result;
        if (!result?.summary) throw new OrgStepError(failureText('Running the Apex tests', run));
        const failures = apexTestFailureLines(result);
        if (failures.length) console.log(`Failing tests:\n${failures.join('\n')}`);
        console.log(apexTestSummary(result));
        const failing = result.summary.failing ?? 0;
        if (run.exitCode !== 0 || failing)
            throw new OrgStepError(`${failing} Apex test${failing === 1 ? '' : 's'} failed (listed above).`);
    },

    async 'clean-sample-data'(options) {
        const org = session(options);
        const emails = sampleLeadEmails();
        const leads = org.query(
            `SELECT Id FROM Lead WHERE Email IN (${soqlList(emails)}) AND IsConverted = false`,
            'Finding the sample leads'
        ).records;
        if (!leads.length) {
            console.log('No sample leads in this org: nothing to remove.');
            return;
        }
        if (!(await confirm(`Delete ${leads.length} sample leads and their stage events?`, options)))
            throw new OrgStepError('Nothing was deleted.');
        // Stage events look up their lead with SetNull: deleting the leads alone would leave events that skew the funnel.
        const apex = [
            `Set<String> emails = new Set<String>{ ${soqlList(emails)} };`,
            'List<Lead> leads = [SELECT Id FROM Lead WHERE Email IN :emails AND IsConverted = false];',
            'delete [SELECT Id FROM Lead_Stage_Event__c WHERE Lead__c IN :leads];',
            'delete leads;'
        ].join('\n');
        const file = join(mkdtempSync(join(tmpdir(), 'lead-handoff-')), 'clean-sample-data.apex');
        writeFileSync(file, apex);
        org.sf(['apex', 'run', '--file', file], `Deleting ${leads.length} sample leads and their stage events`);
        console.log(`Removed ${leads.length} sample leads and their stage events.`);
    },

    async 'package-version'() {
        requireDevHub();
        const project = projectJson();
        const app = project.packageDirectories.find((dir) => dir.package);
        if (!app) throw new OrgStepError('sfdx-project.json declares no package: see docs/install.md.');
        buildAndCheck();
        if (!project.packageAliases?.[app.package]) {
            // In CI a created package's Id would be lost with the workspace, and the next run would create another.
            if (process.env.CI)
                throw new OrgStepError(
                    `The package "${app.package}" has no Id in sfdx-project.json packageAliases: run \`npm run package:version\` once on your machine with the Dev Hub, commit sfdx-project.json, then CI creates versions.`
                );
            sf(
                [
                    'package',
                    'create',
                    '--name',
                    app.package,
                    '--package-type',
                    'Unlocked',
                    '--path',
                    app.path,
                    '--no-namespace'
                ],
                `Creating the unlocked package "${app.package}" in the Dev Hub (once; its Id is written to sfdx-project.json: commit it)`
            );
        }
        const version = sf(
            [
                'package',
                'version',
                'create',
                '--package',
                app.package,
                '--definition-file',
                SCRATCH_DEFINITION,
                '--installation-key-bypass',
                '--code-coverage',
                '--wait',
                '90'
            ],
            `Creating a version of "${app.package}" with code coverage (runs the Apex tests in a build org)`
        );
        const id = version.SubscriberPackageVersionId;
        console.log(`Package version ${id} created (${version.Status}).`);
        console.log(`  Install: npx sf package install --package ${id} --target-org <org> --wait 30`);
        console.log(
            `  or open /packaging/installPackage.apexp?p0=${id} in the org. Then: docs/install.md, post-install.`
        );
    }
};
