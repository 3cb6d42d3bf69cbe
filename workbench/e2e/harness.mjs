// What the browser end-to-end tests and the benchmark share: the built components (rebuilt when stale), the
// workbench served in-process on a free 127.0.0.1 port with a fresh state folder and a clock the caller can move,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledBackendEntry, loadBackend } from '../server/backend.mjs';
import { createBundler } from '../server/build.mjs';
import { projectComponents } from '../server/pages.mjs';
import { startServer } from '../server/server.mjs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// TOOLCHAIN.md: the flags that keep Debian's Chromium quiet and offline; playwright adds --headless and a fresh
// --user-data-dir itself.
const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

/** Throws the sentence to print when Chromium is not installed. */
export function requireChromium() {
    if (!existsSync(CHROMIUM_PATH)) {
        throw new Error(
            `Chromium is missing (${CHROMIUM_PATH}); the browser tests drive Debian's Chromium, never a downloaded ` +
                'browser. Install it: bash scripts/setup/system-packages.sh'
        );
    }
}

export async function launchChromium() {
    requireChromium();
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export function chromiumVersion() {
    const result = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
    return (result.stdout || '').trim() || 'unknown';
}

const newestChange = (dir) =>
    readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.name !== '__tests__' && entry.name !== 'node_modules')
        .reduce((newest, entry) => {
            const path = join(dir, entry.name);
            const time = entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs;
            return Math.max(newest, time);
        }, 0);

const modified = (path) => (existsSync(path) ? statSync(path).mtimeMs : -1);

/** Why `npm run build` must run first (a component or the backend has no output, or older than its source), or null. */
export function staleBuild(root) {
    for (const component of projectComponents(root)) {
        const source = join(component.dir, `${component.name}.ts`);
        if (existsSync(source) && modified(component.entry) < modified(source)) {
            return `${relative(root, component.entry)} is missing or older than its .ts`;
        }
    }
    const backendEntry = compiledBackendEntry(root);
    if (modified(backendEntry) < newestChange(join(root, 'workbench', 'backend'))) {
        return `${relative(root, backendEntry)} is missing or older than workbench/backend`;
    }
    return null;
}

/** Runs `npm run build` when its output is missing or stale; throws its output when it fails. */
export function ensureBuilt(root, log = console.log) {
    const reason = staleBuild(root);
    if (!reason) return false;
    log(`Building first: ${reason}.`);
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build', 'build-lwc.mjs')], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
    return true;
}

/**
 * A clock for the backend that runs in real time from `start` (default: now) and can be moved by tests:
 * `clock.set(date)` jumps, time keeps running from there.
 */
export function movableClock(start = new Date()) {
    let offset = start.getTime() - Date.now();
    return {
        now: () => new Date(Date.now() + offset),
        set(date) {
            offset = date.getTime() - Date.now();
        }
    };
}

/** The backend on a state folder: seeded from data/ as npm start does, or empty (`sample: false`, benchmarks). */
async function createBackendFor({ root, stateDir, clock, sample }) {
    if (sample) return loadBackend({ root, stateDir, now: clock.now });
    const { createBackend } = await import(pathToFileURL(compiledBackendEntry(root)).href);
    return createBackend({ root, stateDir, now: clock.now, seed: false });
}

/**
 * Serves the workbench on a free port: the bundle in a temporary folder, the backend on a fresh temporary state
 * folder (never .workbench-data/) seeded from data/ unless `sample` is false, then prepared by `prepare(backend)`.
 */
export async function startWorkbench({ root, clock = movableClock(), prepare, sample = true, mode = 'production' }) {
    const stateDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-state-'));
    const outDir = mkdtempSync(join(tmpdir(), 'workbench-e2e-bundle-'));
    const cleanup = () => {
        for (const dir of [stateDir, outDir]) rmSync(dir, { recursive: true, force: true });
    };
    try {
        const bundle = await createBundler({ root, outDir, mode }).build();
        const backend = await createBackendFor({ root, stateDir, clock, sample });
        if (prepare) await prepare(backend);
        const server = await startServer({ root, backend, outDir, port: 0, log: () => {} });
        return {
            url: server.url,
            backend,
            bundle,
            outDir,
            clock,
            async close() {
                await server.close();
                cleanup();
            }
        };
    } catch (error) {
        cleanup();
        throw error;
    }
}
