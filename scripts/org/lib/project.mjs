// What the org commands read from the project: package directories, LWC bundles, flows, sample data.
// Paths are relative to the working directory (the project root; npm scripts run there).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OrgStepError } from './sf.mjs';

export const DATA_PLAN = 'data/lead-handoff-plan.json';
export const SCRATCH_DEFINITION = 'config/project-scratch-def.json';
/** Deployed first: the Custom Metadata types and records that the SQL_Needs_* rules read through $CustomMetadata. */
export const POLICY_SOURCES = ['force-app/main/handoff-policy/objects', 'force-app/main/handoff-policy/customMetadata'];

export function projectJson() {
    return JSON.parse(readFileSync('sfdx-project.json', 'utf8'));
}

/** Every package directory, the unpackaged test metadata included. */
export function packageDirectories() {
    const dirs = projectJson().packageDirectories.map((dir) => dir.path);
    return [...new Set(dirs)].filter((dir) => existsSync(dir));
}

function* walk(dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== '__tests__' && entry.name !== 'node_modules') yield* walk(path);
        } else yield path;
    }
}

/** TypeScript LWC bundles whose built `<name>.js` is missing or older than the `.ts` it comes from. */
export function bundlesWithoutJavaScript(dirs = packageDirectories()) {
    const problems = [];
    for (const dir of dirs) {
        for (const path of walk(dir)) {
            const bundle = basename(join(path, '..'));
            if (!path.endsWith(`/lwc/${bundle}/${bundle}.ts`)) continue;
            const built = path.replace(/\.ts$/, '.js');
            if (!existsSync(built)) problems.push(`  ${path}: no ${bundle}.js beside it`);
            else if (statSync(built).mtimeMs < statSync(path).mtimeMs)
                problems.push(`  ${path}: ${bundle}.js is older than the .ts`);
        }
    }
    return problems;
}

/** Refuses to go on when a bundle would deploy without its JavaScript (the .js is built, and git-ignored). */
export function requireBuiltBundles() {
    const problems = bundlesWithoutJavaScript();
    if (problems.length)
        throw new OrgStepError(
            `Not deploying: these LWC bundles would deploy without their JavaScript (the CLI would send the .html and .js-meta.xml alone):\n${problems.join('\n')}\nRun \`npm run build\` and fix what it reports.`
        );
}

/** API names of the app's flows. */
export function flowNames() {
    const names = [];
    for (const path of walk('force-app')) {
        if (path.endsWith('.flow-meta.xml')) names.push(basename(path, '.flow-meta.xml'));
    }
    return names.sort();
}

/** Emails of the sample leads: how the clean-up and the import recognise them. */
export function sampleLeadEmails() {
    const plan = JSON.parse(readFileSync(DATA_PLAN, 'utf8'));
    const emails = [];
    for (const entry of plan.filter((item) => item.sobject === 'Lead')) {
        for (const file of entry.files) {
            const data = JSON.parse(readFileSync(join('data', file), 'utf8'));
            emails.push(...data.records.map((record) => record.Email).filter(Boolean));
        }
    }
    return emails;
}

export const soqlList = (values) => values.map((value) => `'${String(value).replace(/'/g, "\\'")}'`).join(', ');
