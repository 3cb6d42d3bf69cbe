#!/usr/bin/env node
// `npm run mutation [-- --skip-stryker] [--skip-apex] [--apex-per-class N] [--apex-class Name]`: the mutation benchmark (issue 18).
// 1. Stryker (stryker.config.mjs) mutates the TypeScript rule modules of scripts/mutation/modules.cjs and runs each
//    module's own Jest tests (Jest rung).
// 2. scripts/mutation/apex-mutants.mjs mutates the Apex service and policy classes and runs their Apex tests in
//    local-org (emulated rung).
// Then it writes the measured scores between the markers of docs/testing.md. Not part of `npm test`: it takes tens of
// minutes on two cores. A step skipped reuses its last results in .build/mutation/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { APEX_TARGETS, runApexMutants } from './apex-mutants.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const out = join(root, '.build/mutation');
const args = process.argv.slice(2);
const option = (name) => args.includes(name);
const perClassIndex = args.indexOf('--apex-per-class');
const perClass = perClassIndex >= 0 ? Number(args[perClassIndex + 1]) : 8;
mkdirSync(out, { recursive: true });

if (!option('--skip-stryker')) {
    const stryker = spawnSync(join(root, 'node_modules/.bin/stryker'), ['run'], { cwd: root, stdio: 'inherit' });
    if (stryker.status !== 0) process.exit(stryker.status ?? 1);
}
const strykerReport = join(out, 'stryker.json');
if (!existsSync(strykerReport)) {
    console.error('No Stryker report in .build/mutation/: run without --skip-stryker first.');
    process.exit(2);
}

// `--apex-class Name` runs the mutants of that class only and replaces its row in the last results.
const apexReport = join(out, 'apex.json');
const onlyIndex = args.indexOf('--apex-class');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
if (!option('--skip-apex')) {
    const results = await runApexMutants(root, { only, perClass, log: (line) => console.log(line) });
    const previous = only && existsSync(apexReport) ? JSON.parse(readFileSync(apexReport, 'utf8')).results : [];
    const merged = [...previous.filter((row) => !results.some((fresh) => fresh.file === row.file)), ...results];
    const order = (row) => APEX_TARGETS.findIndex((target) => target.file === row.file);
    writeFileSync(
        apexReport,
        JSON.stringify({ perClass, results: merged.sort((a, b) => order(a) - order(b)) }, null, 2)
    );
}

/** Killed, survived, no coverage, timeouts and the score Stryker reports (killed + timeout over valid mutants). */
function typescriptScores(report) {
    return Object.entries(report.files)
        .map(([file, { mutants }]) => {
            const count = (status) => mutants.filter((mutant) => mutant.status === status).length;
            const killed = count('Killed') + count('Timeout');
            const survivors = mutants.filter(
                (mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage'
            );
            const valid = killed + survivors.length;
            return {
                file: relative(root, join(root, file)),
                killed,
                survived: survivors.length,
                ignored: count('Ignored'),
                score: valid ? (100 * killed) / valid : 100,
                survivors: survivors.map((mutant) => ({
                    line: mutant.location.start.line,
                    what: `${mutant.mutatorName}${mutant.replacement ? `: ${mutant.replacement.replace(/\s+/g, ' ')}` : ''}`
                }))
            };
        })
        .sort((a, b) => a.file.localeCompare(b.file));
}

const percent = (value) => `${value.toFixed(1)} %`;
const typescript = typescriptScores(JSON.parse(readFileSync(strykerReport, 'utf8')));
const apex = existsSync(apexReport) ? JSON.parse(readFileSync(apexReport, 'utf8')) : null;

const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run mutation\` (scripts/mutation/run.mjs).`,
    '',
    '**TypeScript rule modules** (Stryker, each module judged by its own Jest tests; static mutants left out):',
    '',
    '| Module | Killed | Survived | Score |',
    '| --- | --: | --: | --: |',
    ...typescript.map((row) => `| \`${row.file}\` | ${row.killed} | ${row.survived} | ${percent(row.score)} |`)
];
const tsKilled = typescript.reduce((sum, row) => sum + row.killed, 0);
const tsValid = typescript.reduce((sum, row) => sum + row.killed + row.survived, 0);
lines.push(`| **all** | ${tsKilled} | ${tsValid - tsKilled} | ${percent((100 * tsKilled) / tsValid)} |`, '');
if (apex) {
    lines.push(
        `**Apex service and policy** (generated mutants, at most ${apex.perClass || 'all'} per class spread over the class; ` +
            'their Apex tests run in local-org, the emulated rung):',
        '',
        '| Class | Tests | Mutants (of generated) | Killed | Survived | Not runnable | Score |',
        '| --- | --- | --: | --: | --: | --: | --: |'
    );
    for (const row of apex.results) {
        const valid = row.killed + row.survived;
        lines.push(
            `| \`${row.file.split('/').pop()}\` | ${row.tests.join(', ')} | ${valid + row.invalid} (${row.generated}) | ` +
                `${row.killed} | ${row.survived} | ${row.invalid} | ${percent(valid ? (100 * row.killed) / valid : 100)} |`
        );
    }
    lines.push('');
}
const survivors = [
    ...typescript.flatMap((row) => row.survivors.map((mutant) => `\`${row.file}\`:${mutant.line} ${mutant.what}`)),
    ...(apex?.results ?? []).flatMap((row) =>
        row.survivors.map((mutant) => `\`${row.file}\`:${mutant.line} ${mutant.what}`)
    )
];
lines.push(
    survivors.length ? 'Surviving mutants (each explained below):' : 'No mutant survived.',
    '',
    ...survivors.map((line) => `- ${line}`)
);

const docPath = join(root, 'docs/testing.md');
const doc = readFileSync(docPath, 'utf8');
const start = '<!-- mutation:start -->';
const end = '<!-- mutation:end -->';
if (!doc.includes(start) || !doc.includes(end)) {
    console.error(`docs/testing.md has no ${start} … ${end} markers.`);
    process.exit(2);
}
const updated = `${doc.slice(0, doc.indexOf(start) + start.length)}\n${lines.join('\n')}\n${doc.slice(doc.indexOf(end))}`;
// Formatted as the prettier step of `npm test` expects it.
writeFileSync(
    docPath,
    await prettier.format(updated, { ...(await prettier.resolveConfig(docPath)), filepath: docPath })
);
console.log(lines.join('\n'));
console.log(`\nWrote ${relative(root, docPath)}.`);
