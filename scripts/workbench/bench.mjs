#!/usr/bin/env node
// `npm run bench` (a benchmark, not part of npm test): the inbox with 1,000 MQLs in Debian's Chromium, on local-org.
// Inserts 1,000 synthetic MQLs through local-org's DML (the product's flows route them) into a temporary state folder,
// serves the workbench on a free port, and measures in the page (workbench/bench/probes.mjs): first render of the inbox
// against the same rows as plain static HTML, keypress → row removed over 200 accepts, and the JavaScript the inbox
// loads; on the server, getInbox with 1,000 MQLs and one decide of 50 leads through local-org, with their SOQL and DML
// counts. Prints a table and writes docs/performance.md.
//   npm run bench -- --mqls 1000 --decisions 200 --runs 7 --no-write
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as prettier from 'prettier';
import { allInboxRows, insertSyntheticMqls, staticInboxHtml } from '../../workbench/bench/fixtures.mjs';
import { installProbes } from '../../workbench/bench/probes.mjs';
import {
    chromiumVersion,
    ensureBuilt,
    launchChromium,
    requireChromium,
    startWorkbench
} from '../../workbench/e2e/harness.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const { values: options } = parseArgs({
    options: {
        mqls: { type: 'string', default: '1000' },
        decisions: { type: 'string', default: '200' },
        runs: { type: 'string', default: '7' },
        'no-write': { type: 'boolean', default: false }
    }
});
const MQLS = Number(options.mqls);
const DECISIONS = Number(options.decisions);
const RUNS = Number(options.runs);
const PERSONA = 'sdr-a';
const TARGET_RATIO = 1.5;
const DECIDE_LEADS = 50;
const SERVER_RUNS = 7;
const TARGET_P95_MS = 100;
const VIEWPORT = { width: 1280, height: 900 };
const STYLESHEET_PATH = '/assets/styles/salesforce-lightning-design-system.min.css';

try {
    requireChromium();
    ensureBuilt(root);
} catch (error) {
    console.error(error.message);
    process.exit(1);
}

const percentile = (values, share) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
};
const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Serves fixed HTML documents on a free 127.0.0.1 port: the static baselines. */
async function staticServer(documents) {
    const server = createServer((request, response) => {
        const html = documents[new URL(request.url, 'http://localhost').pathname];
        response.writeHead(html ? 200 : 404, {
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-store'
        });
        response.end(html ?? 'Not found');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
        url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
        close: () => new Promise((resolve) => server.close(resolve))
    };
}

/** Navigation start → the frame after `rows` inbox rows are in the document, in a fresh context (cold cache). */
async function firstRender(browser, url, rows) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
        await context.addInitScript(installProbes, { rows });
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => window.__bench.rowsVisibleAt !== null, null, { timeout: 30_000 });
        return await page.evaluate(() => {
            const resources = performance.getEntriesByType('resource');
            const scripts = resources.filter((entry) => entry.name.endsWith('.js'));
            const css = resources.filter((entry) => entry.name.endsWith('.css'));
            const inbox = resources.find((entry) => entry.name.includes('LeadInboxController.getInbox'));
            const [navigation] = performance.getEntriesByType('navigation');
            return {
                visible: window.__bench.rowsVisibleAt,
                scripts: scripts.map((entry) => new URL(entry.name).pathname),
                // Where the time goes, each a moment after navigation start (ms).
                phases: {
                    html: navigation.responseEnd,
                    css: Math.max(0, ...css.map((entry) => entry.responseEnd)),
                    scripts: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
                    inboxRequested: inbox?.startTime ?? null,
                    inboxAnswered: inbox?.responseEnd ?? null,
                    rowsInDocument: window.__bench.rowsInDocumentAt,
                    rowsVisible: window.__bench.rowsVisibleAt
                }
            };
        });
    } finally {
        await context.close();
    }
}

/** Accepts the top row `count` times with the 'a' key; each result is measured in the page by the probes. */
async function keypressLatency(browser, url, pageSize, count) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(installProbes, { rows: pageSize });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.rowsVisibleAt !== null, null, { timeout: 30_000 });
    const firstRow = page.locator('c-lead-inbox tbody tr[data-id]').first();
    for (let index = 0; index < count; index++) {
        const leadId = await firstRow.getAttribute('data-id');
        await firstRow.focus();
        const finishedBefore = await page.evaluate((id) => {
            window.__bench.expect = id;
            return window.__bench.finished.length;
        }, leadId);
        await page.keyboard.press('a');
        // Settled: measured, the decision answered, the inbox refreshed by the platform event, nothing in flight.
        await page.waitForFunction(
            ({ done, before }) => {
                const bench = window.__bench;
                const since = bench.finished.slice(before);
                return (
                    bench.decisions.length === done &&
                    since.some((url) => url.includes('LeadInboxController.decide')) &&
                    since.some((url) => url.includes('LeadInboxController.getInbox')) &&
                    bench.inflight === 0
                );
            },
            { done: index + 1, before: finishedBefore },
            { timeout: 10_000 }
        );
    }
    const decisions = await page.evaluate(() => window.__bench.decisions);
    await context.close();
    return decisions.map((decision) => ({
        removed: decision.removedAt - decision.keydownAt,
        painted: decision.paintedAt - decision.keydownAt,
        mutations: decision.mutations
    }));
}

/** Server time of the Apex calls through local-org (in process, no HTTP), with their SOQL and DML counts. */
async function serverTimes(backend, pageSize) {
    const timed = async (call) => {
        const start = performance.now();
        const value = await call();
        return { ms: performance.now() - start, limits: backend.lastLimits(), value };
    };
    const inbox = [];
    for (let run = 0; run < SERVER_RUNS; run++) {
        inbox.push(
            await timed(() =>
                backend.call(PERSONA, 'LeadInboxController', 'getInbox', { view: 'all', pageSize, cursor: null })
            )
        );
    }
    const rows = (await backend.call(PERSONA, 'LeadInboxController', 'getInbox', { view: 'all', pageSize: 200 })).rows;
    const request = {
        action: 'accept',
        leads: rows.slice(0, DECIDE_LEADS).map((row) => ({ leadId: row.leadId, seenStage: row.stage })),
        reasonCode: null,
        note: null,
        recycleUntil: null,
        allowPartial: false
    };
    const decide = await timed(() => backend.call(PERSONA, 'LeadInboxController', 'decide', { request }));
    const accepted = decide.value.outcomes.filter((outcome) => outcome.ok).length;
    if (accepted !== DECIDE_LEADS) throw new Error(`decide accepted ${accepted} of ${DECIDE_LEADS} leads`);
    return {
        inboxMedian: median(inbox.map((entry) => entry.ms)),
        inboxLimits: inbox[0].limits,
        decide: decide.ms,
        decideLimits: decide.limits
    };
}

function bundleSizes(outDir, loadedPaths) {
    const files = [];
    const walk = (dir) => {
        for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            if (statSync(path).isDirectory()) walk(path);
            else if (name.endsWith('.js')) files.push(path);
        }
    };
    walk(outDir);
    const measure = (paths) =>
        paths.reduce(
            (sum, path) => {
                const content = readFileSync(path);
                return { bytes: sum.bytes + content.length, gzip: sum.gzip + gzipSync(content).length };
            },
            { bytes: 0, gzip: 0 }
        );
    const loaded = files.filter((file) =>
        loadedPaths.includes(`/build/${relative(outDir, file).split('\\').join('/')}`)
    );
    return { all: { files: files.length, ...measure(files) }, inbox: { files: loaded.length, ...measure(loaded) } };
}

// ---------------------------------------------------------------------------------------------------------- run

const started = Date.now();
const loadBefore = loadavg()[0];
console.log(`Seeding ${MQLS} synthetic MQLs into a temporary state folder and bundling the workbench…`);
const workbench = await startWorkbench({
    root,
    sample: false,
    prepare: (backend) => insertSyntheticMqls(backend, MQLS)
});
const browser = await launchChromium();
let report;
try {
    const rows = await allInboxRows(workbench.backend, PERSONA);
    if (rows.length !== MQLS) throw new Error(`${PERSONA}'s inbox holds ${rows.length} MQLs, not ${MQLS}.`);
    const inboxUrl = `${workbench.url}?as=${PERSONA}#/inbox`;
    // The page size the inbox asks for (leadInbox's @api pageSize default), read from its first getInbox call.
    const pageSize = await (async () => {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        const request = page.waitForRequest((candidate) => candidate.url().includes('LeadInboxController.getInbox'));
        await page.goto(inboxUrl);
        const size = JSON.parse((await request).postData()).params.pageSize;
        await context.close();
        return size;
    })();
    const stylesheet = new URL(STYLESHEET_PATH, workbench.url).href;
    const statics = await staticServer({
        '/all.html': staticInboxHtml(rows, stylesheet),
        '/page.html': staticInboxHtml(rows.slice(0, pageSize), stylesheet)
    });

    console.log(`Inbox of ${rows.length} MQLs; the inbox loads ${pageSize} per page. First render, ${RUNS} runs each…`);
    const samples = { inbox: [], staticPage: [], staticAll: [], phases: [] };
    let scripts = [];
    for (let run = 0; run < RUNS; run++) {
        const inbox = await firstRender(browser, inboxUrl, pageSize);
        scripts = inbox.scripts;
        samples.inbox.push(inbox.visible);
        samples.phases.push(inbox.phases);
        samples.staticPage.push((await firstRender(browser, statics.url('/page.html'), pageSize)).visible);
        samples.staticAll.push((await firstRender(browser, statics.url('/all.html'), rows.length)).visible);
    }
    await statics.close();

    console.log(`Keypress → row removed, ${DECISIONS} accepts…`);
    const latencies = await keypressLatency(browser, inboxUrl, pageSize, DECISIONS);
    const removed = latencies.map((entry) => entry.removed);
    const painted = latencies.map((entry) => entry.painted);

    console.log(
        `Server: getInbox with ${rows.length} MQLs (${SERVER_RUNS} runs) and one decide of ${DECIDE_LEADS} leads…`
    );
    const server = await serverTimes(workbench.backend, pageSize);

    report = {
        server,
        mqls: rows.length,
        pageSize,
        runs: RUNS,
        inbox: median(samples.inbox),
        phases: Object.fromEntries(
            Object.keys(samples.phases[0]).map((phase) => [
                phase,
                median(samples.phases.map((phases) => phases[phase] ?? Number.NaN))
            ])
        ),
        staticPage: median(samples.staticPage),
        staticAll: median(samples.staticAll),
        removedMedian: median(removed),
        removedP95: percentile(removed, 0.95),
        removedMax: Math.max(...removed),
        paintedMedian: median(painted),
        paintedP95: percentile(painted, 0.95),
        mutationsMedian: median(latencies.map((entry) => entry.mutations)),
        decisions: latencies.length,
        bundle: bundleSizes(workbench.outDir, scripts),
        chromium: chromiumVersion(),
        seconds: (Date.now() - started) / 1000
    };
} finally {
    await browser.close();
    await workbench.close();
}

const ratioPage = report.inbox / report.staticPage;
const ratioAll = report.inbox / report.staticAll;
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const table = [
    ['measure', 'value', 'target'],
    [
        `first render: inbox, first page (${report.pageSize} of ${report.mqls} MQLs), median of ${report.runs}`,
        ms(report.inbox),
        ''
    ],
    [`first render: static HTML, the same ${report.pageSize} rows`, ms(report.staticPage), ''],
    [`first render: static HTML, all ${report.mqls} rows`, ms(report.staticAll), ''],
    [
        `ratio inbox / static, same ${report.pageSize} rows`,
        `${ratioPage.toFixed(2)}`,
        `≤ ${TARGET_RATIO}: ${verdict(ratioPage <= TARGET_RATIO)}`
    ],
    [
        `ratio inbox / static, all ${report.mqls} rows`,
        `${ratioAll.toFixed(2)}`,
        `≤ ${TARGET_RATIO}: ${verdict(ratioAll <= TARGET_RATIO)}`
    ],
    [`keypress → row removed, median of ${report.decisions}`, ms(report.removedMedian), ''],
    [
        `keypress → row removed, P95 of ${report.decisions}`,
        ms(report.removedP95),
        `≤ ${TARGET_P95_MS} ms: ${verdict(report.removedP95 <= TARGET_P95_MS)}`
    ],
    [`keypress → row removed, worst`, ms(report.removedMax), ''],
    [`keypress → next frame after removal, median / P95`, `${ms(report.paintedMedian)} / ${ms(report.paintedP95)}`, ''],
    [`DOM mutation records in the removal render, median`, String(report.mutationsMedian), ''],
    [
        `JavaScript the inbox loads (${report.bundle.inbox.files} files)`,
        `${kb(report.bundle.inbox.bytes)} (${kb(report.bundle.inbox.gzip)} gzip)`,
        ''
    ],
    [
        `JavaScript of the whole workbench bundle (${report.bundle.all.files} files)`,
        `${kb(report.bundle.all.bytes)} (${kb(report.bundle.all.gzip)} gzip)`,
        ''
    ],
    [
        `server: getInbox, ${report.pageSize} of ${report.mqls} MQLs through local-org, median of ${SERVER_RUNS}`,
        `${ms(report.server.inboxMedian)} (${report.server.inboxLimits.queries} SOQL, ${report.server.inboxLimits.queryRows} rows)`,
        ''
    ],
    [
        `server: decide (accept) ${DECIDE_LEADS} leads through local-org, once`,
        `${ms(report.server.decide)} (${report.server.decideLimits.queries} SOQL, ${report.server.decideLimits.dmlStatements} DML, ${report.server.decideLimits.dmlRows} rows)`,
        ''
    ]
];

const PHASE_LABELS = {
    html: 'page HTML received',
    css: 'SLDS stylesheet received',
    scripts: 'last JavaScript file received',
    inboxRequested: 'getInbox requested (the component is connected)',
    inboxAnswered: 'getInbox answered',
    rowsInDocument: `${report.pageSize} rows in the document`,
    rowsVisible: 'the frame that shows them'
};
const phaseTable = [
    ['inbox first render, median moment after navigation start', 'at'],
    ...Object.entries(report.phases).map(([phase, at]) => [PHASE_LABELS[phase], ms(at)])
];

console.log('');
const print = (rows) => {
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
};
print(table);
console.log('');
print(phaseTable);
const load = `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`;
const machine = `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory, Node ${process.version}, ${report.chromium} (${load})`;
console.log(`\n${machine}; benchmark took ${report.seconds.toFixed(0)} s.`);

if (!options['no-write']) {
    const markdown = (rows) =>
        [
            `| ${rows[0].join(' | ')} |`,
            `| ${rows[0].map(() => '---').join(' | ')} |`,
            ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`)
        ].join('\n');
    const path = join(root, 'docs', 'performance.md');
    const template = readFileSync(path, 'utf8');
    const measured = [
        '<!-- measured: written by npm run bench -->',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
        '',
        markdown(table),
        '',
        markdown(phaseTable),
        '<!-- /measured -->'
    ].join('\n');
    const text = template.replace(/<!-- measured[\s\S]*?<!-- \/measured -->/, measured);
    // Formatted as npm test's prettier step expects (it aligns the tables' columns).
    const config = await prettier.resolveConfig(path);
    writeFileSync(path, await prettier.format(text, { ...config, filepath: path }));
    console.log(`Wrote the table to ${relative(root, path)}.`);
}
