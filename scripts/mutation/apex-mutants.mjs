// The Apex half of `npm run mutation`: generates small mutants of the Apex service and policy classes (a relational
// or logical operator swapped, a boolean literal flipped, an integer boundary moved by one, a statement removed),
// applies each to a copy of the project and runs the classes' own Apex tests through local-org (scripts/apex-local.mjs
// --root). A mutant is killed when a test fails, survived when all pass, and invalid when local-org cannot run the
// mutated class (counted apart, never as killed). Emulated rung: local-org ran it; no org was involved.
//
// Unlike scripts/local-org/mutants.mjs (14 hand-planted mutants that must all be caught, part of `npm test`), these
// are generated mechanically and measured, not required: the survivors are listed in docs/testing.md.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Apex classes mutated, each with the test classes that own its rules. */
export const APEX_TARGETS = [
    {
        file: 'force-app/main/handoff-policy/classes/ResponseSlaPolicy.cls',
        tests: ['HandoffPolicySelectorTest', 'ResponseSlaPolicyTest', 'LeadAcceptByActionTest']
    },
    {
        file: 'force-app/main/handoff-policy/classes/DispositionReasonPolicy.cls',
        tests: ['DispositionReasonPolicyTest', 'LeadDecisionServiceTest']
    },
    {
        file: 'force-app/main/handoff-policy/classes/QualificationPolicy.cls',
        tests: ['QualificationPolicyTest', 'LeadLifecycleFlowTest']
    },
    { file: 'force-app/main/lead-lifecycle/classes/BusinessHoursClock.cls', tests: ['BusinessHoursClockTest'] },
    {
        file: 'force-app/main/sdr-inbox/classes/LeadDecisionService.cls',
        tests: ['LeadDecisionServiceTest', 'LeadDecisionSavesTest']
    },
    { file: 'force-app/main/sdr-inbox/classes/LeadQualificationService.cls', tests: ['LeadQualificationServiceTest'] }
];

const PROJECT_PARTS = ['sfdx-project.json', 'config', 'force-app', 'force-app-tests'];

const OPERATOR_SWAPS = [
    ['<=', '<'],
    ['>=', '>'],
    ['==', '!='],
    ['!=', '=='],
    ['&&', '||'],
    ['||', '&&']
];

/** Blanks out comments and string literals (keeping offsets), so mutants never land inside them. */
function codeMask(text) {
    let masked = '';
    for (let index = 0; index < text.length;) {
        if (text.startsWith('//', index)) {
            const end = text.indexOf('\n', index);
            const stop = end < 0 ? text.length : end;
            masked += ' '.repeat(stop - index);
            index = stop;
        } else if (text.startsWith('/*', index)) {
            const stop = text.indexOf('*/', index) + 2;
            masked += text.slice(index, stop).replace(/[^\n]/g, ' ');
            index = stop;
        } else if (text[index] === "'") {
            let stop = index + 1;
            while (stop < text.length && text[stop] !== "'") stop += text[stop] === '\\' ? 2 : 1;
            masked += ' '.repeat(stop + 1 - index);
            index = stop + 1;
        } else {
            masked += text[index];
            index++;
        }
    }
    return masked;
}

function lineOf(text, offset) {
    return text.slice(0, offset).split('\n').length;
}

/** Every mutant of one class: { id, line, what, mutated }. */
export function mutantsOf(file, text) {
    const code = codeMask(text);
    const mutants = [];
    const add = (offset, length, replacement, kind) => {
        const original = text.slice(offset, offset + length);
        mutants.push({
            id: `${file.split('/').pop()}:${lineOf(text, offset)}:${mutants.length + 1}`,
            line: lineOf(text, offset),
            kind,
            what: `${original.trim() || original} → ${replacement.trim() || '(removed)'}`,
            mutated: text.slice(0, offset) + replacement + text.slice(offset + length)
        });
    };
    for (const [from, to] of OPERATOR_SWAPS) {
        const pattern = new RegExp(` ${from.replace(/[|]/g, '\\$&')} `, 'g');
        for (const match of code.matchAll(pattern)) add(match.index + 1, from.length, to, 'operator');
    }
    for (const match of code.matchAll(/\bMath\.(max|min)\(/g)) {
        add(match.index + 5, 3, match[1] === 'max' ? 'min' : 'max', 'operator');
    }
    for (const match of code.matchAll(/\b(true|false)\b/gi)) {
        add(match.index, match[0].length, match[0].toLowerCase() === 'true' ? 'false' : 'true', 'boolean');
    }
    // Integer boundaries in comparisons and arithmetic: `< 15` → `< 16`, `minutes / 4` → `minutes / 5`.
    for (const match of code.matchAll(/(?<=[<>=+\-*/] )\d+\b/g)) {
        add(match.index, match[0].length, String(Number(match[0]) + 1), 'boundary');
    }
    // Removed statements: an assignment to an existing variable or field, or a call for its effect.
    for (const match of code.matchAll(/^( +)((?:this\.)?[a-z][\w.]*(?: = |\.add\(|\.put\(|\.addAll\()[^;{}]*;)$/gim)) {
        const statement = match[2];
        if (/^(return|throw)\b/.test(statement)) continue;
        add(match.index + match[1].length, statement.length, '', 'statement');
    }
    return mutants;
}

function runTests(root, dir, tests) {
    return new Promise((resolve) => {
        const child = spawn('node', [join(root, 'scripts/apex-local.mjs'), '--root', dir, ...tests], {
            env: { ...process.env, NO_COLOR: '1' }
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (status) => resolve({ status, output }));
    });
}

function verdict({ status, output }) {
    const summary = output.match(/^(\d+) passed, (\d+) failed, (\d+) not run\s*$/m);
    if (!summary) return 'invalid';
    const [failed, notRun] = [Number(summary[2]), Number(summary[3])];
    if (failed > 0) return 'killed';
    if (notRun > 0) return 'invalid';
    return status === 0 ? 'survived' : 'invalid';
}

function projectCopy(root) {
    const dir = mkdtempSync(join(tmpdir(), 'apex-mutant-'));
    for (const part of PROJECT_PARTS) cpSync(join(root, part), join(dir, part), { recursive: true });
    return dir;
}

/** At most `limit` mutants, spread evenly over the class (every kind keeps its share); all when limit is 0. */
export function sample(mutants, limit) {
    if (!limit || mutants.length <= limit) return mutants;
    return Array.from({ length: limit }, (_, index) => mutants[Math.floor((index * mutants.length) / limit)]);
}

/**
 * Runs the mutants of every target (or of the targets whose file name contains `only`), `perClass` of each class at
 * most (0: all), two at a time.
 * @returns {Promise<{ file, tests, killed, survived, invalid, survivors }[]>}
 */
export async function runApexMutants(root, { only, perClass = 0, log = () => undefined, workers = 2 } = {}) {
    const targets = APEX_TARGETS.filter((target) => !only || target.file.includes(only));
    const jobs = [];
    const results = [];
    for (const target of targets) {
        const original = readFileSync(join(root, target.file), 'utf8');
        const all = mutantsOf(target.file, original);
        const chosen = sample(all, perClass);
        const result = { ...target, generated: all.length, killed: 0, survived: 0, invalid: 0, survivors: [] };
        results.push(result);
        for (const mutant of chosen) jobs.push({ target, result, mutant });
    }
    const copies = Array.from({ length: workers }, () => projectCopy(root));
    let next = 0;
    let done = 0;
    try {
        await Promise.all(
            copies.map(async (dir) => {
                while (next < jobs.length) {
                    const { target, result, mutant } = jobs[next++];
                    const path = join(dir, target.file);
                    const original = readFileSync(path, 'utf8');
                    writeFileSync(path, mutant.mutated);
                    const outcome = verdict(await runTests(root, dir, target.tests));
                    writeFileSync(path, original);
                    result[outcome]++;
                    if (outcome === 'survived') result.survivors.push({ line: mutant.line, what: mutant.what });
                    log(`${++done}/${jobs.length} ${outcome.padEnd(8)} ${mutant.id} ${mutant.what}`);
                }
            })
        );
    } finally {
        for (const dir of copies) rmSync(dir, { recursive: true, force: true });
    }
    for (const result of results) result.survivors.sort((a, b) => a.line - b.line);
    return results;
}
