#!/usr/bin/env node
// `npm run e2e` (also the last step of npm test): the workbench in Debian's Chromium, driven by playwright-core.
// Serves the workbench on a free 127.0.0.1 port with a fresh state folder seeded from data/ (never .workbench-data/),
// runs the scenarios of workbench/e2e/scenarios.mjs in order, prints one line per scenario and a count, and writes
// a screenshot of each to workbench/e2e/screenshots/ (git-ignored). Builds first when the build output is stale.
// The server runs in this process, so the backend's clock is passed in (createBackend's `now`): a movable clock
// (workbench/e2e/harness.mjs) that the Definitions scenario moves past the next review. CHROMIUM_PATH overrides
// /usr/bin/chromium.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, launchChromium, requireChromium, startWorkbench } from '../../workbench/e2e/harness.mjs';
import { scenarios } from '../../workbench/e2e/scenarios.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const screenshotsDir = join(root, 'workbench', 'e2e', 'screenshots');
const STEP_TIMEOUT_MS = 10_000;
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function fail(message) {
    console.error(message);
    process.exit(1);
}

try {
    requireChromium();
    ensureBuilt(root);
} catch (error) {
    fail(error.message);
}

rmSync(screenshotsDir, { recursive: true, force: true });
mkdirSync(screenshotsDir, { recursive: true });

let workbench;
let browser;
let passed = 0;
let failed = 0;
try {
    workbench = await startWorkbench({ root });
    browser = await launchChromium();
    console.log(`Workbench on ${workbench.url} and ${browser.version()} ready in ${seconds(started)}.`);
    let shot = 0;
    const screenshot = async (page, name) => {
        shot++;
        await page.screenshot({ path: join(screenshotsDir, `${String(shot).padStart(2, '0')}-${name}.png`) });
    };
    const newPage = async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        context.setDefaultTimeout(STEP_TIMEOUT_MS);
        return context.newPage();
    };
    const list = scenarios({ ...workbench, newPage, screenshot });
    for (const [index, scenario] of list.entries()) {
        const scenarioStarted = Date.now();
        try {
            await scenario.run();
            passed++;
            console.log(`ok ${index + 1} - ${scenario.title} (${seconds(scenarioStarted)})`);
        } catch (error) {
            failed++;
            console.log(`not ok ${index + 1} - ${scenario.title} (${seconds(scenarioStarted)})`);
            console.log(String(error?.stack ?? error).replace(/^/gm, '    '));
            const pages = browser.contexts().flatMap((context) => context.pages());
            for (const page of pages) await screenshot(page, `failed-${index + 1}`).catch(() => undefined);
        }
    }
} catch (error) {
    failed++;
    console.log(`The end-to-end run could not start: ${error?.stack ?? error}`);
} finally {
    await browser?.close().catch(() => undefined);
    await workbench?.close().catch(() => undefined);
}

console.log(
    `${passed} passed, ${failed} failed in ${seconds(started)}; screenshots in ${relative(root, screenshotsDir)}/`
);
process.exit(failed ? 1 : 0);
