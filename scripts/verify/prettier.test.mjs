// The Prettier step of npm test is also the Apex syntax gate (prettier-plugin-apex runs the real Apex parser).
// Runs exactly the command of scripts/run-tests.mjs in a fixture project that has the repo's Prettier config.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { projectWith } from './lib/fixture.mjs';

const REPO_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

/** The prettier step's command, read from scripts/run-tests.mjs so that this test cannot drift from it. */
function prettierStepCommand() {
    const runner = readFileSync(join(REPO_ROOT, 'scripts/run-tests.mjs'), 'utf8');
    const step = runner.match(/id: 'prettier',[\s\S]*?command: \[([^\]]*)\]/);
    assert.ok(step, 'scripts/run-tests.mjs has no prettier step');
    return step[1].split(',').map((part) => part.trim().replace(/^'|'$/g, ''));
}

function runPrettierStep(mistake) {
    const project = projectWith(mistake);
    for (const config of ['.prettierrc.json', '.prettierignore']) {
        copyFileSync(join(REPO_ROOT, config), join(project, config));
    }
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    const [command, ...args] = prettierStepCommand();
    const result = spawnSync(command, args, {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' }
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('prettier step', () => {
    it('passes on the clean project, Apex included', () => {
        const { status, output } = runPrettierStep();
        assert.equal(status, 0, output);
    });

    it('fails on an Apex syntax error, naming the file and the parse error', () => {
        const { status, output } = runPrettierStep('apex-syntax-error');
        assert.notEqual(status, 0, output);
        assert.match(output, /force-app\/main\/widgets\/classes\/WidgetSizer\.cls/);
        assert.match(output, /Missing ';'/);
    });
});
