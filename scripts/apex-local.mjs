#!/usr/bin/env node
// `npm run apex:local -- [Class[.method] …]`: runs the project's Apex tests in local-org (an in-memory emulation of
// the org), prints per class passed/failed/not run, each failure with its Apex stack, and a last line
// `N passed, M failed, K not run`. Exit 1 when a test failed; tests not run (unsupported constructs) are listed.
// A failure is a defect of the product or of local-org: fix the one that is wrong, never list it as expected. Every
// test of the project runs today, so a test not run (a construct local-org lacks) fails the run too.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, '.build/local-org/src/testing/index.js');
if (!existsSync(entry)) {
    console.error('local-org is not built: run `npm run build` (or `npm run apex:local`, which builds it first).');
    process.exit(2);
}
const { runApexTests, formatReport } = await import(pathToFileURL(entry).href);
// `--root <project>` runs another project's tests (the mutation check's mutated copies); the rest are filters.
const args = process.argv.slice(2);
const options = {};
const filter = [];
for (let index = 0; index < args.length; index++) {
    if (args[index] === '--root') options.root = args[++index];
    else filter.push(args[index]);
}
const projectRoot = options.root ?? root;
const started = Date.now();
const results = await runApexTests({ projectRoot, filter: filter.length ? filter : undefined });
const report = formatReport(results).split('\n');
console.log(report.slice(0, -1).join('\n'));
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(report[report.length - 1]);
const notRun = results.filter((result) => result.outcome === 'not run').length;
if (notRun > 0)
    console.log(
        `${notRun} test${notRun === 1 ? '' : 's'} not run: each names a construct local-org does not emulate yet; emulate it (local-org/README.md) rather than leave the test unrun.`
    );
process.exit(results.some((result) => result.outcome !== 'pass') ? 1 : 0);
