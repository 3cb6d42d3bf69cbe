// The steps the org commands are made of. Each set-up step first reads what the org already has and does only
// what is missing, so `npm run org:setup` can run again after any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DATA_PLAN, POLICY_SOURCES, flowNames, packageDirectories, sampleLeadEmails, soqlList } from './project.mjs';
import { deploySummary } from './failures.mjs';
import { OrgStepError, sf } from './sf.mjs';

export const ADMIN_PERMISSION_SETS = ['Lead_Handoff_Admin', 'Lead_Handoff_Manager', 'Lead_Handoff_SDR'];
export const HANDOFF_GROUPS = ['Lead_Handoff_SDRs', 'Lead_Handoff_Managers'];
/** The users a scratch org gets, so that the rules and the inbox can be seen as an SDR and a manager see them. */
export const PERSONAS = [
    {
        title: 'SDR',
        definition: 'config/users/sdr-user-def.json',
        permissionSets: ['Lead_Handoff_SDR'],
        groups: ['Lead_Handoff_SDRs']
    },
    {
        title: 'manager',
        definition: 'config/users/manager-user-def.json',
        permissionSets: ['Lead_Handoff_Manager'],
        groups: ['Lead_Handoff_Managers']
    }
];

export function build() {
    console.log('→ Building the TypeScript components (their .js is what deploys)');
    const script = process.env.LEAD_HANDOFF_BUILD_BIN || 'scripts/build/build-lwc.mjs';
    const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
    if (result.status !== 0) throw new OrgStepError('The build failed (see above): run `npm test` to see what to fix.');
}

/**
 * 'scratch', 'sandbox' or 'production'. Scratch orgs are the non-sandbox orgs with an expiry date; Developer Edition
 * orgs count as production. (A trial org also expires, and is treated as a scratch org: it is throwaway too.)
 */
export function orgKind(session) {
    const [org] = session.query(
        'SELECT IsSandbox, TrialExpirationDate, OrganizationType FROM Organization',
        'Reading what kind of org this is'
    ).records;
    if (org.IsSandbox) return 'sandbox';
    return org.TrialExpirationDate && org.OrganizationType !== 'Developer Edition' ? 'scratch' : 'production';
}

const sourceDirs = (dirs) => dirs.flatMap((dir) => ['--source-dir', dir]);

/** First deploy: the policy types and records, so that the $CustomMetadata references of the rules resolve. */
export function deployPolicy(session) {
    const result = session.sf(
        ['project', 'deploy', 'start', ...sourceDirs(POLICY_SOURCES), '--wait', '30'],
        'Deploying the policy Custom Metadata types and records first (the SQL_Needs_* rules read them)'
    );
    console.log(`  ${deploySummary(result)}`);
}

export function deployApp(session) {
    const result = session.sf(
        ['project', 'deploy', 'start', ...sourceDirs(packageDirectories()), '--wait', '30'],
        `Deploying ${packageDirectories().join(' and ')}`
    );
    console.log(`  ${deploySummary(result)}`);
}

/** A check-only deploy of everything with the local tests; returns the validated deploy for a quick deploy. */
export function validateApp(session) {
    const result = session.sf(
        [
            'project',
            'deploy',
            'validate',
            ...sourceDirs(packageDirectories()),
            '--test-level',
            'RunLocalTests',
            '--wait',
            '60'
        ],
        `Validating ${packageDirectories().join(' and ')} with RunLocalTests (check only: nothing changes yet)`
    );
    console.log(`  ${deploySummary(result)}`);
    return result;
}

export function quickDeploy(session, jobId) {
    const result = session.sf(
        ['project', 'deploy', 'quick', '--job-id', jobId, '--wait', '30'],
        `Quick-deploying validation ${jobId}`
    );
    console.log(`  ${deploySummary(result)}`);
}

/** Flows deploy inactive in production unless "Deploy processes and flows as active" is on: say so, and how to fix. */
export function checkFlowsActive(session) {
    const names = flowNames();
    const records = session.query(
        `SELECT ApiName, IsActive FROM FlowDefinitionView WHERE ApiName IN (${soqlList(names)})`,
        'Checking that the flows are active'
    ).records;
    const active = new Set(records.filter((record) => record.IsActive).map((record) => record.ApiName));
    const inactive = names.filter((name) => !active.has(name));
    if (!inactive.length) {
        console.log(`  ${names.length} flows active.`);
        return;
    }
    throw new OrgStepError(
        `The deploy succeeded but these flows are not active, so leads are not qualified, routed or recorded:\n${inactive.map((name) => `  ${name}`).join('\n')}\nActivate each in Setup → Flows (open it, Activate), or turn on Setup → Process Automation Settings → "Deploy processes and flows as active" and deploy again (docs/install.md).`
    );
}

export function currentUser(session) {
    const user = session.sf(['org', 'display', 'user'], 'Reading your user', { quiet: true });
    return { id: user.id, username: user.username };
}

export function assignPermissionSets(session, user, names, { onBehalfOf = false } = {}) {
    const held = new Set(
        session
            .query(
                `SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = '${user.id}' AND PermissionSet.Name IN (${soqlList(names)})`,
                `Reading the permission sets of ${user.username}`,
                { quiet: true }
            )
            .records.map((record) => record.PermissionSet.Name)
    );
    const missing = names.filter((name) => !held.has(name));
    if (!missing.length) {
        console.log(`  ${user.username} already has ${names.join(', ')}.`);
        return;
    }
    session.sf(
        [
            'org',
            'assign',
            'permset',
            ...missing.flatMap((name) => ['--name', name]),
            ...(onBehalfOf ? ['--on-behalf-of', user.username] : [])
        ],
        `Assigning ${missing.join(', ')} to ${user.username}`
    );
}

export function joinGroups(session, user, groupNames) {
    const groups = session.query(
        `SELECT Id, DeveloperName FROM Group WHERE Type = 'Regular' AND DeveloperName IN (${soqlList(groupNames)})`,
        'Finding the Lead Handoff groups',
        { quiet: true }
    ).records;
    const absent = groupNames.filter((name) => !groups.some((group) => group.DeveloperName === name));
    if (absent.length)
        throw new OrgStepError(`The groups ${absent.join(', ')} are not in the org: run \`npm run org:deploy\` first.`);
    const memberOf = new Set(
        session
            .query(
                `SELECT GroupId FROM GroupMember WHERE UserOrGroupId = '${user.id}' AND GroupId IN (${soqlList(groups.map((group) => group.Id))})`,
                `Reading the group membership of ${user.username}`,
                { quiet: true }
            )
            .records.map((record) => record.GroupId)
    );
    for (const group of groups.filter((entry) => !memberOf.has(entry.Id))) {
        session.sf(
            [
                'data',
                'create',
                'record',
                '--sobject',
                'GroupMember',
                '--values',
                `GroupId=${group.Id} UserOrGroupId=${user.id}`
            ],
            `Adding ${user.username} to ${group.DeveloperName} (queue membership)`
        );
    }
    if (groups.every((group) => memberOf.has(group.Id)))
        console.log(`  ${user.username} is already in ${groupNames.join(', ')}.`);
}

/** Creates (once) the SDR and manager users of a scratch org with their permission sets and groups. */
export function personaUsers(session) {
    const people = [];
    for (const persona of PERSONAS) {
        const definition = JSON.parse(readFileSync(persona.definition, 'utf8'));
        const [existing] = session.query(
            `SELECT Id, Username FROM User WHERE Alias = '${definition.Alias}' AND IsActive = true`,
            `Looking for the ${persona.title} user`,
            { quiet: true }
        ).records;
        let user;
        if (existing) {
            user = { id: existing.Id, username: existing.Username };
            console.log(`  The ${persona.title} user ${user.username} exists.`);
        } else {
            const created = session.sf(
                ['org', 'create', 'user', '--definition-file', persona.definition, '--set-unique-username'],
                `Creating the ${persona.title} user (${definition.FirstName} ${definition.LastName})`
            );
            user = { id: created.fields.id, username: created.fields.username };
        }
        assignPermissionSets(session, user, persona.permissionSets, { onBehalfOf: true });
        joinGroups(session, user, persona.groups);
        people.push({ ...persona, ...user });
    }
    return people;
}

/** Imports the sample leads unless they are there already (matched by email). */
export function importSampleData(session) {
    if (!existsSync(DATA_PLAN)) return;
    const emails = sampleLeadEmails();
    const present = session.query(
        `SELECT COUNT() FROM Lead WHERE Email IN (${soqlList(emails)})`,
        'Looking for the sample leads',
        { quiet: true }
    ).totalSize;
    if (present) {
        console.log(
            `  ${present} of the ${emails.length} sample leads are already in the org: not importing again (npm run org:clean-sample-data removes them).`
        );
        return;
    }
    session.sf(['data', 'import', 'tree', '--plan', DATA_PLAN], `Importing ${emails.length} sample leads`);
}

export function setDefaultOrg(alias) {
    sf(['config', 'set', `target-org=${alias}`], `Making "${alias}" your default org`);
}
