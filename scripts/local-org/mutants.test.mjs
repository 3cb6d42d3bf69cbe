// The mutation check: every planted mutant of the product (scripts/local-org/mutants.mjs) turns the Apex tests red
// when local-org runs them, and the same tests pass on the product as it is. A mutant that survives is a rule no
// test holds; fix the tests (or the product), never the mutant list.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MUTANTS } from './mutants.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const PROJECT_PARTS = ['sfdx-project.json', 'config', 'force-app', 'force-app-tests'];
const copies = [];

function projectCopy() {
    const dir = mkdtempSync(join(tmpdir(), 'mutant-'));
    for (const part of PROJECT_PARTS) cpSync(join(root, part), join(dir, part), { recursive: true });
    copies.push(dir);
    return dir;
}

function applyMutant(dir, mutant) {
    const path = join(dir, mutant.file);
    const text = readFileSync(path, 'utf8');
    const occurrences = text.split(mutant.from).length - 1;
    assert.equal(occurrences, 1, `${mutant.id}: "${mutant.from}" occurs ${occurrences} times in ${mutant.file}`);
    writeFileSync(path, text.replace(mutant.from, mutant.to));
}

function runApexLocal(dir, tests) {
    const result = spawnSync('node', [join(root, 'scripts/apex-local.mjs'), '--root', dir, ...tests], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' }
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

after(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('planted mutants of the product turn apex-local red', { concurrency: 2 }, () => {
    it('local-org is built (npm run build)', () => {
        assert.ok(existsSync(join(root, '.build/local-org/src/testing/index.js')), 'run npm run build first');
    });

    it('the tests the mutants rely on pass on the product as it is', () => {
        const classes = [...new Set(MUTANTS.flatMap((mutant) => mutant.tests))];
        const { status, output } = runApexLocal(projectCopy(), classes);
        assert.equal(status, 0, output);
        assert.match(output, /\n\d+ passed, 0 failed, 0 not run\s*$/m);
    });

    for (const mutant of MUTANTS) {
        it(`${mutant.id}: ${mutant.what}`, () => {
            const dir = projectCopy();
            applyMutant(dir, mutant);
            const { status, output } = runApexLocal(dir, mutant.tests);
            assert.equal(status, 1, `the mutant survived:\n${output}`);
            const caughtBy = mutant.tests.some((name) => output.includes(`FAIL ${name}.`));
            assert.ok(caughtBy, `no test of ${mutant.tests.join(', ')} failed:\n${output}`);
        });
    }
});
