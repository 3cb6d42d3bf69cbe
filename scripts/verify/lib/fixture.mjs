// Test support for the checks: a copy of the clean fixture project with one planted mistake laid over it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const verifyDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const FIXTURES = join(verifyDir, 'fixtures');
export const CLEAN_PROJECT = join(FIXTURES, 'clean');

/**
 * A fresh temporary project: the clean fixture, then the files of fixtures/planted/<mistake> copied over it
 * (same relative paths; new files are added, existing ones replaced). Without a mistake: the clean project.
 */
export function projectWith(mistake) {
    const dir = mkdtempSync(join(tmpdir(), `verify-${mistake ?? 'clean'}-`));
    cpSync(CLEAN_PROJECT, dir, { recursive: true });
    if (mistake) {
        const planted = join(FIXTURES, 'planted', mistake);
        if (!existsSync(planted)) throw new Error(`No planted fixture ${planted}`);
        cpSync(planted, dir, { recursive: true });
    }
    return dir;
}

/** Runs a check exactly as `npm test` does, against another project root. */
export function runCheck(name, root) {
    const result = spawnSync('node', [join(verifyDir, 'check.mjs'), name, '--root', root], {
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0' }
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
