#!/usr/bin/env node
// Org commands for admins: `npm run org:create | org:deploy | org:test`.
// Each step runs the Salesforce CLI with --json; a failure ends with one sentence saying what to set up or fix.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ALIAS = process.env.LEAD_HANDOFF_ORG_ALIAS || 'lead-handoff';
const PERMISSION_SETS = ['Lead_Handoff_Admin', 'Lead_Handoff_Manager', 'Lead_Handoff_SDR'];
const DATA_PLAN = 'data/lead-handoff-plan.json';
const SF_BIN = resolve('node_modules/.bin/sf');
const APP_PATH = '/lightning/app/c__Lead_Handoff';

const FRIENDLY_ERRORS = {
    NoDefaultDevHubError:
        'No Dev Hub is connected: run `npx sf org login web --set-default-dev-hub --alias devhub` with a Dev Hub-enabled org, then `npm run org:create` again.',
    NoDefaultEnvError:
        'No default org is set: run `npm run org:create` for a scratch org, or `npx sf config set target-org <alias>` for an existing one.',
    NamedOrgNotFoundError:
        'The org named by target-org is not authenticated here: run `npx sf org login web --alias <alias>` or `npx sf config set target-org <alias>`.',
    RefreshTokenAuthError: 'The org login has expired: run `npx sf org login web` again for that org.'
};

class OrgStepError extends Error {}

function sf(args, description, { quiet = false } = {}) {
    if (!quiet) console.log(`→ ${description}`);
    const result = spawnSync(SF_BIN, [...args, '--json'], {
        encoding: 'utf8',
        env: {
            ...process.env,
            SF_DISABLE_AUTOUPDATE: 'true',
            SF_DISABLE_TELEMETRY: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true'
        },
        maxBuffer: 64 * 1024 * 1024
    });
    let json;
    try {
        json = JSON.parse(result.stdout);
    } catch {
        json = undefined;
    }
    if (result.status === 0 && json?.status === 0) return json.result;
    const name = json?.name ?? json?.code;
    const sentence =
        FRIENDLY_ERRORS[name] ??
        `${description} failed: ${(json?.message ?? result.stderr ?? 'no output').split('\n')[0].trim()}`;
    throw new OrgStepError(sentence);
}

function configured(key, envVariable) {
    if (process.env[envVariable]) return true;
    const [entry] = sf(['config', 'get', key], `Reading ${key}`, { quiet: true });
    return Boolean(entry?.value);
}

function requireDevHub() {
    if (!configured('target-dev-hub', 'SF_TARGET_DEV_HUB'))
        throw new OrgStepError(FRIENDLY_ERRORS.NoDefaultDevHubError);
}

function requireOrg() {
    if (!configured('target-org', 'SF_TARGET_ORG')) throw new OrgStepError(FRIENDLY_ERRORS.NoDefaultEnvError);
}

function joinHandoffGroups() {
    const user = sf(['org', 'display', 'user'], 'Reading your user');
    const groups = sf(
        [
            'data',
            'query',
            '--query',
            "SELECT Id FROM Group WHERE DeveloperName IN ('Lead_Handoff_SDRs', 'Lead_Handoff_Managers')"
        ],
        'Finding the Lead Handoff groups'
    ).records;
    for (const group of groups) {
        sf(
            [
                'data',
                'create',
                'record',
                '--sobject',
                'GroupMember',
                '--values',
                `GroupId=${group.Id} UserOrGroupId=${user.id}`
            ],
            'Adding you to the SDR and manager groups (queue membership)'
        );
    }
}

function build() {
    console.log('→ Building the TypeScript components');
    const result = spawnSync('node', ['scripts/build/build-lwc.mjs'], { stdio: 'inherit' });
    if (result.status !== 0) throw new OrgStepError('The build failed: run `npm test` to see what to fix.');
}

const deploy = () => sf(['project', 'deploy', 'start', '--wait', '30'], 'Deploying force-app and force-app-tests');

const commands = {
    create() {
        requireDevHub();
        build();
        sf(
            [
                'org',
                'create',
                'scratch',
                '--definition-file',
                'config/project-scratch-def.json',
                '--alias',
                ALIAS,
                '--set-default',
                '--duration-days',
                '7',
                '--wait',
                '15'
            ],
            `Creating scratch org "${ALIAS}"`
        );
        deploy();
        sf(
            ['org', 'assign', 'permset', ...PERMISSION_SETS.flatMap((name) => ['--name', name])],
            'Assigning permission sets'
        );
        joinHandoffGroups();
        if (existsSync(DATA_PLAN)) sf(['data', 'tree', 'import', '--plan', DATA_PLAN], 'Importing sample data');
        sf(['org', 'open', '--path', APP_PATH], 'Opening the org');
    },
    deploy() {
        requireOrg();
        build();
        deploy();
    },
    test() {
        requireOrg();
        build();
        const result = sf(
            [
                'apex',
                'run',
                'test',
                '--test-level',
                'RunLocalTests',
                '--code-coverage',
                '--result-format',
                'human',
                '--wait',
                '30'
            ],
            'Running Apex tests in the org'
        );
        const summary = result?.summary ?? {};
        console.log(
            `Apex tests: ${summary.passing ?? '?'} passed, ${summary.failing ?? '?'} failed; org-wide coverage ${summary.orgWideCoverage ?? '?'}.`
        );
        if (summary.outcome && summary.outcome !== 'Passed')
            throw new OrgStepError('Some Apex tests failed: see above.');
    }
};

const command = process.argv[2];
if (!commands[command]) {
    console.error(`Usage: node scripts/org/org.mjs <${Object.keys(commands).join('|')}>`);
    process.exit(2);
}
try {
    commands[command]();
} catch (error) {
    if (!(error instanceof OrgStepError)) throw error;
    console.error(error.message);
    process.exit(1);
}
