#!/usr/bin/env node
// `npm run apex:local -- [Class[.method] …]`: runs the project's Apex tests in local-org (an in-memory emulation of
// the org), prints per class passed/failed/not run, each failure with its Apex stack, and a last line
// `N passed, M failed, K not run`. Exit 1 when a test failed; tests not run (unsupported constructs) are listed.
// `--known-failures <file>` (npm test's step): failures listed in that JSON file with their evidence (product
// defects, not emulator ones) are printed as known and do not fail the run; any other failure does.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, '.build/local-org/src/testing/index.js');
if (!existsSync(entry)) {
    console.error('local-org is not built: run `npx tsc -p local-org` (or `npm run apex:local`, which builds first).');
    process.exit(2);
}
const { runApexTests, formatReport } = await import(pathToFileURL(entry).href);
const args = process.argv.slice(2);
const knownIndex = args.indexOf('--known-failures');
const known = knownIndex >= 0 ? JSON.parse(readFileSync(join(root, args[knownIndex + 1]), 'utf8')) : {};
const filter = args.filter((arg, index) => !arg.startsWith('-') && index !== knownIndex + 1);
const started = Date.now();
const results = await runApexTests({ projectRoot: root, filter: filter.length ? filter : undefined });
const failures = results.filter((result) => result.outcome === 'fail');
const unexpected = failures.filter((result) => !known[`${result.className}.${result.methodName}`]);
const report = formatReport(results).split('\n');
console.log(report.slice(0, -1).join('\n'));
for (const result of failures.filter((r) => !unexpected.includes(r))) {
    const name = `${result.className}.${result.methodName}`;
    console.log(`known product failure ${name}: ${known[name]}`);
}
console.error(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(report[report.length - 1]);
process.exit(unexpected.length > 0 ? 1 : 0);
