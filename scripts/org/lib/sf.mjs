// Runs the Salesforce CLI with --json. Every failure becomes an OrgStepError that carries the CLI's whole reason
// (see failures.mjs), never only its first line. LEAD_HANDOFF_SF_BIN replaces the CLI (a `.mjs` runs with node):
// the specs point it at a stand-in that replays recorded CLI output.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describeFailure } from './failures.mjs';

export class OrgStepError extends Error {}

/** Sentences for errors whose fix is a set-up step, keyed by the CLI error name. */
export const SETUP_ERRORS = {
    NoDefaultDevHubError:
        'No Dev Hub is connected: run `npx sf org login web --set-default-dev-hub --alias devhub` with a Dev Hub-enabled org, then run the command again.',
    NoDefaultEnvError:
        'No default org is set: run `npm run org:create` for a scratch org, or pass `-- --target-org <alias>` (after `npx sf org login web --alias <alias>`) for an existing one.',
    NamedOrgNotFoundError:
        'The org named by --target-org or target-org is not authenticated here: run `npx sf org login web --alias <alias>` first.',
    RefreshTokenAuthError: 'The org login has expired: run `npx sf org login web` again for that org.'
};

const CLI_ENV = {
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    NO_COLOR: '1'
};

function command(args) {
    const bin = process.env.LEAD_HANDOFF_SF_BIN || resolve('node_modules/.bin/sf');
    return bin.endsWith('.mjs') ? [process.execPath, [bin, ...args]] : [bin, args];
}

/**
 * Runs `sf <args> --json` and returns what it printed: `{ exitCode, json, stderr }`. Never throws on a CLI failure:
 * some commands (a failed test run, exit 100) return results the caller still needs.
 */
export function runSf(args) {
    const [bin, argv] = command([...args, '--json']);
    const child = spawnSync(bin, argv, {
        encoding: 'utf8',
        env: { ...process.env, ...CLI_ENV },
        maxBuffer: 256 * 1024 * 1024
    });
    if (child.error) throw new OrgStepError(`The Salesforce CLI could not start (${child.error.message}): run npm ci.`);
    let json;
    try {
        json = JSON.parse(child.stdout);
    } catch {
        json = undefined;
    }
    return { exitCode: child.status, json, stderr: child.stderr ?? '' };
}

/** The sentence for a failed CLI call: a set-up step when the error has one, else the CLI's full reason. */
export function failureText(description, run) {
    const name = run.json?.name;
    if (SETUP_ERRORS[name]) return SETUP_ERRORS[name];
    return `${description} failed:\n${describeFailure(run.json, run.stderr)}`;
}

/** Runs `sf <args> --json`; returns `result`, or throws with the full reason when the command failed. */
export function sf(args, description, { quiet = false } = {}) {
    if (!quiet) console.log(`→ ${description}`);
    const run = runSf(args);
    if (run.exitCode === 0 && run.json?.status === 0) return run.json.result;
    throw new OrgStepError(failureText(description, run));
}

/** The same runner bound to one org: every call gets `--target-org <org>` when an org was named. */
export function orgSession(targetOrg) {
    const withOrg = (args) => (targetOrg ? [...args, '--target-org', targetOrg] : args);
    return {
        targetOrg,
        sf: (args, description, options) => sf(withOrg(args), description, options),
        run: (args) => runSf(withOrg(args)),
        query: (soql, description, options) => sf(withOrg(['data', 'query', '--query', soql]), description, options)
    };
}
