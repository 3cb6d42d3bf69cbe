#!/usr/bin/env node
// Org commands for admins: `npm run org:create | org:setup | org:deploy | org:test | org:clean-sample-data |
// package:version` (add flags after `--`). Each step runs the Salesforce CLI with --json; a failing step prints
// the CLI's whole reason and the command exits 1. The modules in lib/: sf.mjs (runner), failures.mjs (reasons),
// project.mjs (what is read from the project), steps.mjs, commands.mjs, prompt.mjs.
import { parseArgs } from 'node:util';
import { commands } from './lib/commands.mjs';
import { OrgStepError } from './lib/sf.mjs';

const USAGE = `Usage: node scripts/org/org.mjs <${Object.keys(commands).join('|')}> [--target-org <alias>] [--alias <alias>] [--yes] [--with-sample-data]`;

const [command, ...rest] = process.argv.slice(2);
let options;
try {
    options = parseArgs({
        args: rest,
        options: {
            'target-org': { type: 'string', short: 'o' },
            alias: { type: 'string', default: process.env.LEAD_HANDOFF_ORG_ALIAS || 'lead-handoff' },
            yes: { type: 'boolean', default: false },
            'with-sample-data': { type: 'boolean', default: false }
        }
    }).values;
} catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
}
if (!Object.hasOwn(commands, command ?? '')) {
    console.error(USAGE);
    process.exit(2);
}
try {
    await commands[command](options);
} catch (error) {
    if (!(error instanceof OrgStepError)) throw error;
    console.error(error.message);
    process.exit(1);
}
