// Asks before anything reaches a sandbox or production. `--yes` answers for the admin (CI); without a terminal and
// without --yes the answer is no, so nothing is ever deployed silently.
import { createInterface } from 'node:readline/promises';

export async function confirm(question, { yes = false } = {}) {
    if (yes) {
        console.log(`${question} yes (--yes)`);
        return true;
    }
    if (!process.stdin.isTTY) {
        console.log(`${question} no (no terminal to ask on; pass --yes to answer yes)`);
        return false;
    }
    const readline = createInterface({ input: process.stdin, output: process.stdout });
    try {
        return /^y(es)?$/i.test((await readline.question(`${question} [y/N] `)).trim());
    } finally {
        readline.close();
    }
}
