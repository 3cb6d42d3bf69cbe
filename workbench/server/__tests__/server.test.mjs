// Smoke tests of the workbench server: `node --test workbench/` (not part of `node --test scripts/`).
// The first suite runs the server on a test double of the backend (its HTTP contract); the second bundles the real
// components and loads the real backend (running `npm run build` first when its output is missing), serves them on a
// free port, makes one Apex call and restarts the backend on its state file.
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../server.mjs';

const root = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));
const CHANNEL = '/event/Lead_Handoff_Event__e';

function fakeBackend() {
    const listeners = new Set();
    return {
        personas: () => [
            { id: 'sdr-a', name: 'Dana Reyes', description: 'SDR' },
            { id: 'manager', name: 'Morgan Lee', description: 'Manager' }
        ],
        async call(persona, apexClass, method, params) {
            if (method === 'decide') {
                for (const listener of listeners) {
                    listener({ channel: CHANNEL, data: { payload: { Lead_Id__c: params.leadId, Stage__c: 'SAL' } } });
                }
                return { persona, apexClass, params };
            }
            if (method === 'broken') throw new TypeError('boom');
            throw { status: 400, body: { message: 'Pick a reason before you reject.' } };
        },
        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        async reset() {}
    };
}

const post = (base, target, body) =>
    fetch(new URL(`apex/${target}`, base), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
    });

describe('workbench server on a test double', () => {
    let server;
    before(async () => {
        server = await startServer({
            root,
            backend: fakeBackend(),
            outDir: join(root, '.build', 'workbench'),
            port: 0,
            log: () => {}
        });
    });
    after(() => server?.close());

    test('redirects to the first persona, then writes the persona into the page', async () => {
        const redirect = await fetch(server.url, { redirect: 'manual' });
        assert.equal(redirect.status, 302);
        assert.equal(redirect.headers.get('location'), '/?as=sdr-a');
        const page = await (await fetch(new URL('/?as=manager', server.url))).text();
        assert.match(page, /"persona":\{"id":"manager","name":"Morgan Lee"/);
        assert.match(page, /salesforce-lightning-design-system\.min\.css/);
    });

    test('answers an Apex call with its result, and a refusal as the call error with body.message like AuraHandledException', async () => {
        const ok = await post(server.url, 'LeadInboxController.decide', {
            params: { leadId: '00Q1' },
            persona: 'sdr-a'
        });
        assert.equal(ok.status, 200);
        assert.deepEqual((await ok.json()).result, {
            persona: 'sdr-a',
            apexClass: 'LeadInboxController',
            params: { leadId: '00Q1' }
        });

        // An Apex exception is the call's answer (HTTP 200), so the browser logs no failed request; the page's runtime
        // rejects the component's promise with { status, body } as Lightning does.
        const refused = await post(server.url, 'LeadInboxController.getInbox', { params: {}, persona: 'sdr-a' });
        assert.equal(refused.status, 200);
        assert.equal((await refused.json()).error.body.message, 'Pick a reason before you reject.');

        const crashed = await post(server.url, 'LeadInboxController.broken', { params: {}, persona: 'sdr-a' });
        assert.equal(crashed.status, 500);
        assert.match((await crashed.json()).body.message, /boom/);

        const stranger = await post(server.url, 'LeadInboxController.getInbox', { params: {}, persona: 'nobody' });
        assert.equal(stranger.status, 400);
        assert.match((await stranger.json()).body.message, /Unknown persona "nobody": use one of sdr-a, manager/);
    });

    test('relays backend platform events to every open event stream', async () => {
        const controller = new AbortController();
        const stream = await fetch(new URL('/events', server.url), { signal: controller.signal });
        const reader = stream.body.getReader();
        await reader.read(); // ': connected'
        await post(server.url, 'LeadInboxController.decide', { params: { leadId: '00Q2' }, persona: 'manager' });
        let text = '';
        while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
        controller.abort();
        assert.match(text, /^event: platform-event\n/);
        const data = JSON.parse(/data: (.*)/.exec(text)[1]);
        assert.deepEqual(data, { channel: CHANNEL, data: { payload: { Lead_Id__c: '00Q2', Stage__c: 'SAL' } } });
    });

    test('says clearly when the port is taken', async () => {
        await assert.rejects(
            startServer({ root, backend: fakeBackend(), outDir: root, port: server.port, log: () => {} }),
            new RegExp(
                `Port ${server.port} on 127\\.0\\.0\\.1 is already in use.*npm start -- --port ${server.port + 1}`
            )
        );
    });
});

describe('workbench on the real bundle and backend', () => {
    let server;
    let stateDir;
    let outDir;
    let result;
    before(async () => {
        const { compiledBackendEntry, loadBackend } = await import('../backend.mjs');
        const { createBundler } = await import('../build.mjs');
        // The bundle takes the components' built .js, the backend its build output: build once when missing.
        if (!existsSync(compiledBackendEntry(root))) {
            const build = spawnSync(process.execPath, [join(root, 'scripts', 'build', 'build-lwc.mjs')], {
                encoding: 'utf8'
            });
            assert.equal(build.status, 0, `npm run build failed:\n${build.stdout}${build.stderr}`);
        }
        stateDir = mkdtempSync(join(tmpdir(), 'workbench-state-'));
        outDir = mkdtempSync(join(tmpdir(), 'workbench-bundle-'));
        result = await createBundler({ root, outDir }).build();
        const backend = await loadBackend({ root, stateDir });
        server = await startServer({ root, backend, outDir, port: 0, log: () => {} });
    });
    after(async () => {
        await server?.close();
        for (const dir of [stateDir, outDir]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('serves the page, the bundle with the inbox, and SLDS', async () => {
        assert.ok(
            result.pages.some((page) => page.key === 'inbox'),
            'the Inbox page is bundled'
        );
        const page = await fetch(new URL('/?as=sdr-a', server.url));
        assert.equal(page.status, 200);
        assert.match(await page.text(), /"persona":\{"id":"sdr-a"/);
        const shell = await fetch(new URL('/build/shell.js', server.url));
        assert.equal(shell.status, 200);
        assert.match(await shell.text(), /c-lead-inbox/);
        const css = await fetch(new URL('/assets/styles/salesforce-lightning-design-system.min.css', server.url));
        assert.equal(css.status, 200);
    });

    test('answers LeadInboxController.getInbox for an SDR with the sample MQLs', async () => {
        const response = await post(server.url, 'LeadInboxController.getInbox', {
            params: { view: 'all', pageSize: 50, cursor: null },
            persona: 'sdr-a'
        });
        assert.equal(response.status, 200, await response.clone().text());
        const { result: inbox } = await response.json();
        assert.ok(Array.isArray(inbox.rows) && inbox.rows.length > 0, 'the inbox has rows');
        assert.ok(inbox.rows.every((row) => row.stage === 'MQL'));
    });

    test('a restart restores the scheduled paths pending in the state file and names one whose flow is gone', async () => {
        const { compiledBackendEntry } = await import('../backend.mjs');
        const { createBackend } = await import(pathToFileURL(compiledBackendEntry(root)).href);
        const saved = JSON.parse(readFileSync(join(stateDir, 'local-org-state.json'), 'utf8'));
        const paths = new Set(saved.pendingScheduled.map((pending) => `${pending.flow}/${pending.path}`));
        assert.deepEqual(
            [...paths].sort(),
            [
                'Lead_Handoff_First_Touch_Breach/At_First_Touch_By',
                'Lead_Handoff_Recycle_Return/On_Recycle_Until',
                'Lead_Handoff_SLA_Breach/At_Accept_By',
                'Lead_Handoff_Speed_To_Lead/At_Due_Soon'
            ],
            'the sample data leaves recycled leads, MQLs (to be recalled, then escalated) and a SAL due for its first touch waiting'
        );
        saved.pendingScheduled[0].flow = 'Gone_Flow';
        const restartDir = mkdtempSync(join(tmpdir(), 'workbench-restart-'));
        try {
            writeFileSync(join(restartDir, 'local-org-state.json'), JSON.stringify(saved));
            const lines = [];
            await createBackend({
                root,
                stateDir: restartDir,
                now: () => new Date(saved.clock),
                log: (line) => lines.push(line)
            });
            assert.equal(lines.length, 1, lines.join('\n'));
            assert.match(
                lines[0],
                /not restored: scheduled path Gone_Flow\/\w+ for 00Q\w+: the project has no flow Gone_Flow/
            );
        } finally {
            rmSync(restartDir, { recursive: true, force: true });
        }
    });
});
