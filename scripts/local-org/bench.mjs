#!/usr/bin/env node
// `npm run bench:apex`: times the project's Apex tests in local-org, per class, and rewrites the block between the
// `apex-local` markers of docs/performance.md. A benchmark, not a test: `npm test` never reads the times.
// A class's time is the sum of its test methods; what runs outside them (reading the project, parsing every class,
// seeding the org, each class's @TestSetup and the snapshots between methods) is the last row before the total.
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import prettier from 'prettier';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const entry = join(root, '.build/local-org/src/testing/index.js');
if (!existsSync(entry)) {
    console.error('local-org is not built: run npm run build first.');
    process.exit(2);
}
const { runApexTests } = await import(pathToFileURL(entry).href);

const loadBefore = loadavg()[0];
const started = performance.now();
const results = await runApexTests({ projectRoot: root });
const total = performance.now() - started;

const byClass = new Map();
for (const result of results) {
    const entryOf = byClass.get(result.className) ?? { methods: 0, ms: 0, slowest: 0, slowestName: '' };
    entryOf.methods++;
    entryOf.ms += result.milliseconds;
    if (result.milliseconds > entryOf.slowest) {
        entryOf.slowest = result.milliseconds;
        entryOf.slowestName = result.methodName;
    }
    byClass.set(result.className, entryOf);
}
const inTests = [...byClass.values()].reduce((sum, entryOf) => sum + entryOf.ms, 0);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const outcome = (name) => results.filter((result) => result.outcome === name).length;

const rows = [...byClass.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
        ([name, entryOf]) =>
            `| ${name} | ${entryOf.methods} | ${seconds(entryOf.ms)} | ${entryOf.slowestName} (${seconds(entryOf.slowest)}) |`
    );
const block = [
    '<!-- apex-local: written by npm run bench:apex -->',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ` +
        `Node ${process.version} (load average ${loadBefore.toFixed(1)} at the start, ` +
        `${loadavg()[0].toFixed(1)} at the end): ${outcome('pass')} passed, ${outcome('fail')} failed, ` +
        `${outcome('not run')} not run.`,
    '',
    '| class | methods | time | slowest method |',
    '| --- | --- | --- | --- |',
    ...rows,
    `| outside the methods: load, parse, seed, @TestSetup, snapshots | | ${seconds(total - inTests)} | |`,
    `| **whole suite** | ${results.length} | **${seconds(total)}** | target ≤ 60 s |`,
    '',
    '<!-- /apex-local -->'
].join('\n');

const docPath = join(root, 'docs/performance.md');
const doc = readFileSync(docPath, 'utf8');
const marked = /<!-- apex-local[\s\S]*?<!-- \/apex-local -->/;
if (!marked.test(doc)) {
    console.error('docs/performance.md has no apex-local block (<!-- apex-local … --> … <!-- /apex-local -->).');
    process.exit(1);
}
// Formatted as the prettier step of npm test expects (aligned tables), so a run never leaves the doc failing it.
const updated = doc.replace(marked, block);
const options = { ...(await prettier.resolveConfig(docPath)), filepath: docPath };
writeFileSync(docPath, await prettier.format(updated, options));
console.log(block);
