#!/usr/bin/env node
// Runs one project check: `node scripts/verify/check.mjs <check> [--root <project dir>]`.
// Prints each problem as "file:line: message" and exits 1 when there is any.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from './lib/problems.mjs';

const checksDir = join(dirname(fileURLToPath(import.meta.url)), 'checks');
const available = readdirSync(checksDir)
    .filter((name) => name.endsWith('.mjs'))
    .map((name) => name.replace(/\.mjs$/, ''));

const args = process.argv.slice(2);
const name = args[0];
const rootFlag = args.indexOf('--root');
const root = resolve(rootFlag >= 0 ? args[rootFlag + 1] : process.cwd());

if (!available.includes(name)) {
    console.error(`Unknown check "${name ?? ''}". Available: ${available.join(', ')}.`);
    process.exit(2);
}

const { check } = await import(join(checksDir, `${name}.mjs`));
const problems = await check(root);
for (const problem of problems) console.log(formatProblem(problem));
if (problems.length > 0) {
    console.log(`${problems.length} problem${problems.length === 1 ? '' : 's'} found by ${name}.`);
    // exitCode, not exit(): exit() would cut a long report written to a pipe before it is flushed.
    process.exitCode = 1;
}
