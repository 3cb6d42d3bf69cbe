#!/usr/bin/env node
// `npm start`: the workbench. Builds the TypeScript LWCs, the backend and local-org, bundles the app components with
// lightning-base-components and the platform stand-ins, and serves them on 127.0.0.1 on local-org, which runs the
// project's Apex and flows on the sample data.
//   npm start -- --port 4200    another port (or PORT=4200); default 4173
//   npm start -- --reset        re-seed the state in .workbench-data/ from data/
//   npm start -- --no-watch     build once (watch mode, the default, rebuilds when a component changes)
//   npm start -- --state-dir D  keep the state elsewhere (tests)
//   npm start -- --dev          LWC development mode (its warnings in the browser console; slower)
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageDirectories } from '../verify/lib/project.mjs';
import { loadBackend } from '../../workbench/server/backend.mjs';
import { createBundler } from '../../workbench/server/build.mjs';
import { startServer } from '../../workbench/server/server.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const DEFAULT_PORT = 4173;
const HOST = '127.0.0.1';
const WATCHED_EXTENSIONS = new Set(['.ts', '.js', '.html', '.css']);

const { values: options } = parseArgs({
    options: {
        port: { type: 'string' },
        reset: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: true },
        'no-watch': { type: 'boolean', default: false },
        'state-dir': { type: 'string' },
        dev: { type: 'boolean', default: false }
    }
});
const port = Number(options.port ?? process.env.PORT ?? DEFAULT_PORT);
const watchMode = options.watch && !options['no-watch'];
const stateDir = options['state-dir'] ?? join(root, '.workbench-data');
const outDir = join(root, '.build', 'workbench');

function fail(message) {
    console.error(`\n${message}`);
    process.exit(1);
}

/** Runs scripts/build/build-lwc.mjs (TypeScript → the .js that deploys); resolves to whether it passed. */
function buildLwc() {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [join(root, 'scripts', 'build', 'build-lwc.mjs')], { stdio: 'inherit' });
        child.on('exit', (code) => resolve(code === 0));
    });
}

function describeBuild(result) {
    const kb = Math.round(result.bytes / 1024);
    const pages = result.pages.map((page) => page.label).join(', ');
    const unbuilt = result.unbuilt.length ? `; not built yet, left out: ${result.unbuilt.join(', ')}` : '';
    return `Bundled ${pages} (${result.files} files, ${kb} KB) in ${result.seconds.toFixed(1)} s${unbuilt}.`;
}

if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${options.port}".`);

/** Fails before the build when the port is taken, rather than after it. */
function checkPortFree() {
    return new Promise((resolve) => {
        const probe = createNetServer();
        probe.once('error', (error) => {
            if (error.code === 'EADDRINUSE') {
                fail(
                    `Port ${port} on ${HOST} is already in use (another workbench?). Stop that server, or choose ` +
                        `another port: npm start -- --port ${port + 1}`
                );
            }
            resolve();
        });
        probe.listen(port, HOST, () => probe.close(resolve));
    });
}

await checkPortFree();
if (!(await buildLwc())) fail('The TypeScript LWCs did not build: fix the problems above, then run npm start again.');

let backend;
try {
    backend = await loadBackend({ root, stateDir, reset: options.reset });
} catch (error) {
    fail(error.message);
}
const shownStateDir = stateDir.startsWith(root + sep) ? relative(root, stateDir) : stateDir;
const how = options.reset || backend.started === 'seeded' ? 'Seeded' : 'Loaded';
console.log(`${how} the workbench state in ${shownStateDir}/ (npm start -- --reset re-seeds it from data/).`);

const bundler = createBundler({ root, outDir, mode: options.dev ? 'development' : 'production' });
try {
    console.log(describeBuild(await bundler.build()));
} catch (error) {
    fail(`The workbench bundle failed: ${error.message}`);
}

let server;
try {
    server = await startServer({ root, backend, outDir, port, host: HOST });
} catch (error) {
    fail(error.message);
}

console.log(`\nLead Handoff workbench: ${server.url}\n`);
for (const persona of backend.personas()) {
    console.log(`  ${persona.name.padEnd(14)} ${server.url}?as=${persona.id}  ${persona.description}`);
}
console.log(
    `\nOpen two tabs as two people to see decisions travel live.${watchMode ? ' Watching for changes.' : ''} Ctrl+C stops.`
);

// ------------------------------------------------------------------------------------------- watch mode

let pending = new Set();
let timer = null;
let running = false;

async function rebuild() {
    if (running) return;
    running = true;
    const changed = [...pending];
    pending = new Set();
    try {
        const sources = changed.filter((file) => !file.startsWith(join(root, 'workbench')));
        if (sources.some((file) => file.endsWith('.ts'))) {
            if (!(await buildLwc())) {
                console.log('The LWCs did not build: the workbench keeps serving the last good bundle.');
                return;
            }
        }
        const result = await bundler.build();
        console.log(describeBuild(result));
        server.broadcast('build', { at: new Date().toISOString() });
    } catch (error) {
        console.log(`Rebuild failed (the last good bundle stays): ${error.message}`);
    } finally {
        running = false;
        if (pending.size) schedule();
    }
}

function schedule() {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 250);
}

function relevant(file) {
    if (/[\\/]node_modules[\\/]/.test(file)) return false;
    // The components read their texts from the Custom Labels: a changed value rebuilds the bundle.
    if (file.endsWith('.labels-meta.xml')) return true;
    if (/[\\/]__tests__[\\/]/.test(file) || !WATCHED_EXTENSIONS.has(extname(file))) return false;
    if (file.startsWith(join(root, 'workbench'))) return true;
    // In force-app a .js is the build's output of the .ts beside it: the .ts is what changes.
    return !file.endsWith('.js') && file.split(sep).includes('lwc');
}

const watchers = [];
if (watchMode) {
    const dirs = [...packageDirectories(root), join(root, 'workbench', 'client'), join(root, 'workbench', 'modules')];
    for (const dir of dirs) {
        try {
            const watcher = watch(dir, { recursive: true }, (_event, name) => {
                if (!name) return;
                const file = join(dir, name);
                if (!relevant(file)) return;
                pending.add(file);
                schedule();
            });
            watchers.push(watcher);
        } catch (error) {
            console.log(`Cannot watch ${relative(root, dir)}: ${error.message}`);
        }
    }
    // The backend holds the org in memory: a new backend needs a restart, which keeps the state (.workbench-data/).
    let backendNoticeTimer = null;
    watchers.push(
        watch(join(root, 'workbench', 'backend'), { recursive: true }, (_event, name) => {
            if (!name?.endsWith('.ts') || name.includes('__tests__')) return;
            clearTimeout(backendNoticeTimer);
            backendNoticeTimer = setTimeout(
                () => console.log('workbench/backend changed: restart npm start to load the new backend.'),
                500
            );
        })
    );
}

async function stop() {
    for (const watcher of watchers) watcher.close();
    await server.close();
    backend.flush();
    process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
