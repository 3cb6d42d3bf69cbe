// Several planted mistakes in one project, so that a slow tool (a JVM) runs once for all of them.
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, projectWith } from './fixture.mjs';

/** The clean fixture with the files of every fixtures/planted/<mistake> laid over it, in order. */
export function projectWithAll(...mistakes) {
    const [first, ...others] = mistakes;
    const dir = projectWith(first);
    for (const mistake of others) {
        const planted = join(FIXTURES, 'planted', mistake);
        if (!existsSync(planted)) throw new Error(`No planted fixture ${planted}`);
        cpSync(planted, dir, { recursive: true });
    }
    return dir;
}
