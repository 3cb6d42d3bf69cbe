// With no Dev Hub and no org, every org command must stop before doing anything, with one sentence saying what to set up.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

function runOrgCommand(command) {
    const home = mkdtempSync(join(tmpdir(), 'org-home-'));
    const env = { ...process.env, HOME: home, SF_TARGET_DEV_HUB: '', SF_TARGET_ORG: '' };
    return spawnSync('node', ['scripts/org/org.mjs', command], { encoding: 'utf8', env });
}

test('org:create without a Dev Hub exits non-zero with one line naming the Dev Hub login', () => {
    const result = runOrgCommand('create');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '', 'nothing is built or created before the Dev Hub check');
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line expected, got:\n${result.stderr}`);
    assert.match(lines[0], /No Dev Hub is connected: run `npx sf org login web --set-default-dev-hub/);
});

for (const command of ['setup', 'deploy', 'test', 'clean-sample-data']) {
    test(`org:${command} without a default org exits non-zero with one line naming what to set`, () => {
        const result = runOrgCommand(command);
        assert.equal(result.status, 1);
        assert.equal(result.stderr.trim(), result.stderr.trim().split('\n')[0]);
        assert.match(result.stderr, /No default org is set: run `npm run org:create`/);
    });
}

test('an unknown org command prints the usage', () => {
    const result = runOrgCommand('destroy');
    assert.equal(result.status, 2);
    assert.match(
        result.stderr,
        /Usage: node scripts\/org\/org.mjs <create\|setup\|deploy\|test\|clean-sample-data\|package-version>/
    );
});
