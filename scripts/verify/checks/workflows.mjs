// GitHub Actions workflows (.github/workflows/*.yml) are valid before GitHub runs them: they parse as YAML, have the
// shape of a workflow (on, jobs, runs-on, steps with one of run/uses), `steps.<id>` and `needs` name what exists, and
// every `run` names only npm scripts of package.json, files of the repository and Salesforce CLI commands and flags of
// the installed CLI. A workflow that names something missing fails on GitHub only after minutes (or, for the scratch-org
// job, only once someone configures a Dev Hub): here it fails at once.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { lineAt } from '../lib/project.mjs';
import { closest } from '../lib/schema.mjs';
import { resolveSfCommand } from '../lib/sf-commands.mjs';

const WORKFLOWS_DIR = '.github/workflows';
const OPERATORS = new Set([';', '&&', '||', '|', '&']);
const REDIRECTS = new Set(['>', '>>', '<', '2>', '2>>', '&>']);
const COMMAND_KEYWORDS = new Set(['then', 'do', 'else', 'if', 'elif', 'while', 'until', '!', 'time', 'exec']);
const PATH_LIKE = /^\.?[\w@-][\w@.-]*(\/[\w@.-]+)+\/?$/;

/**
 * Splits shell text into commands (arrays of words), quotes removed. A quoted word keeps its spaces, so text inside
 * an `echo "..."` never reads as a command. Enough shell for workflow steps; not a shell.
 */
export function shellCommands(text) {
    const commands = [];
    let words = [];
    let word = null;
    const endWord = () => {
        if (word !== null) words.push(word);
        word = null;
    };
    const endCommand = () => {
        endWord();
        if (words.length) commands.push(words);
        words = [];
    };
    const source = text.replace(/\\\n/g, ' ');
    for (let i = 0; i < source.length; i++) {
        const char = source[i];
        if (char === '\n') endCommand();
        else if (char === ' ' || char === '\t') endWord();
        else if (char === '#' && word === null) {
            while (i < source.length && source[i] !== '\n') i++;
            endCommand();
        } else if (char === "'" || char === '"') {
            const close = source.indexOf(char, i + 1);
            const end = close < 0 ? source.length : close;
            word = (word ?? '') + source.slice(i + 1, end);
            i = end;
        } else if (char === ';' || char === '|' || char === '&') {
            const two = source.slice(i, i + 2);
            if (char !== ';' && (two === '&&' || two === '||')) i++;
            else if (char === '&' && source[i + 1] === '>') {
                endWord();
                words.push('&>');
                i++;
                continue;
            }
            endCommand();
        } else if (char === '>' || char === '<') {
            const redirect = source[i + 1] === '>' ? '>>' : char;
            if (word === '2' || word === '1') word = null;
            endWord();
            words.push(redirect);
            if (redirect === '>>') i++;
            if (source[i + 1] === '&') {
                i += 2; // >&2, 2>&1: a descriptor, not a file
                words.pop();
            }
        } else word = (word ?? '') + char;
    }
    endCommand();
    return commands.map((command) => {
        let start = 0;
        while (start < command.length && (COMMAND_KEYWORDS.has(command[start]) || /^\w+=/.test(command[start])))
            start++;
        return command.slice(start);
    });
}

function packageScripts(root) {
    const file = join(root, 'package.json');
    if (!existsSync(file)) return new Map();
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')).scripts ?? {}));
}

/** Problems of one command's words: [{ needle, message }] (needle: text to locate the line). */
function commandProblems(words, { root, scripts }) {
    const problems = [];
    const [program, ...rest] = words;
    if (program === 'npm') {
        const [verb, name] = rest;
        const known = [...scripts.keys()];
        const script = ['run', 'run-script', 'rum', 'urn'].includes(verb)
            ? name
            : ['test', 't', 'start', 'stop', 'restart'].includes(verb)
              ? ({ t: 'test' }[verb] ?? verb)
              : undefined;
        if (script && !script.startsWith('-') && !scripts.has(script)) {
            problems.push({
                needle: script,
                message: `npm script "${script}" is not in package.json (scripts: ${known.join(', ') || 'none'}). Fix the name or add the script.`
            });
        }
    }
    const sfWords = program === 'sf' ? rest : program === 'npx' && rest[0] === 'sf' ? rest.slice(1) : undefined;
    if (sfWords) {
        const command = resolveSfCommand(sfWords.filter((word) => !word.startsWith('-')).slice(0, 4));
        if (!command) {
            problems.push({
                needle: sfWords.slice(0, 3).join(' ') || 'sf',
                message: `sf ${sfWords.slice(0, 3).join(' ')}: no such command in the installed Salesforce CLI (@salesforce/cli). Check \`npx sf commands\`.`
            });
        } else {
            for (const word of sfWords) {
                const flag = word.split('=')[0];
                if (!/^--?[a-z]/i.test(flag) || command.flags.has(flag)) continue;
                const suggestion = closest(
                    flag,
                    [...command.flags.keys()].filter((name) => name.startsWith('--'))
                );
                problems.push({
                    needle: flag,
                    message:
                        `sf ${command.id} has no flag ${flag}${suggestion ? ` (did you mean ${suggestion}?)` : ''} in the ` +
                        `installed Salesforce CLI. Check \`npx sf ${command.id} --help\`.`
                });
            }
        }
    }
    for (let index = 1; index < words.length; index++) {
        const word = words[index];
        if (REDIRECTS.has(words[index - 1])) continue; // written by the step
        if (!PATH_LIKE.test(word) || word.includes('$') || word.includes('://')) continue;
        if (existsSync(join(root, word))) continue;
        problems.push({
            needle: word,
            message: `${word} does not exist in the repository. Fix the path or add the file.`
        });
    }
    return problems;
}

const keyOf = (pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);
const get = (map, key) => (isMap(map) ? map.items.find((pair) => keyOf(pair) === key)?.value : undefined);
const has = (map, key) => isMap(map) && map.items.some((pair) => keyOf(pair) === key);

const STEP_REFERENCE = /\bsteps\.([A-Za-z_][\w-]*)\./g;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** Text of every expression in a node: `${{ ... }}` anywhere, and a bare `if:` condition. */
function expressions(node, found = []) {
    if (isScalar(node) && typeof node.value === 'string') {
        for (const [, expression] of node.value.matchAll(EXPRESSION)) found.push({ node, expression });
    } else if (isMap(node)) {
        for (const pair of node.items) {
            if (keyOf(pair) === 'if' && isScalar(pair.value) && !String(pair.value.value).includes('${{'))
                found.push({ node: pair.value, expression: String(pair.value.value) });
            else expressions(pair.value, found);
        }
    } else if (isSeq(node)) node.items.forEach((item) => expressions(item, found));
    return found;
}

function checkWorkflow(root, file, scripts, problems) {
    const relative = `${WORKFLOWS_DIR}/${file}`;
    const text = readFileSync(join(root, relative), 'utf8');
    const lineOf = (node, needle) => {
        const start = node?.range?.[0] ?? 0;
        const index = needle ? text.indexOf(needle, start) : -1;
        return lineAt(text, index >= 0 ? index : start);
    };
    const report = (node, message, needle) => problems.push({ file: relative, line: lineOf(node, needle), message });

    const document = parseDocument(text, { prettyErrors: false });
    if (document.errors.length) {
        // The first error only: the ones after it are usually its echo.
        const [error] = document.errors;
        problems.push({
            file: relative,
            line: lineAt(text, error.pos?.[0] ?? 0),
            message: `not valid YAML (${error.message.split('\n')[0]}), so GitHub cannot run this workflow. Fix the indentation or syntax.`
        });
        return;
    }
    const workflow = document.contents;
    if (!isMap(workflow)) return report(workflow, 'a workflow is a mapping with on: and jobs:.');
    if (!has(workflow, 'on'))
        report(workflow, 'no `on:`: say which events run this workflow (push, pull_request, ...).');
    const jobs = get(workflow, 'jobs');
    if (!isMap(jobs) || !jobs.items.length) return report(workflow, 'no `jobs:`: a workflow needs at least one job.');
    const jobIds = new Set(jobs.items.map(keyOf));

    for (const pair of jobs.items) {
        const jobId = keyOf(pair);
        const job = pair.value;
        if (!isMap(job)) {
            report(pair.key, `job ${jobId} is not a mapping.`);
            continue;
        }
        for (const needed of [get(job, 'needs')].flatMap((node) => (isSeq(node) ? node.items : node ? [node] : []))) {
            if (!jobIds.has(String(needed.value)))
                report(needed, `job ${jobId} needs "${needed.value}", which is not a job of this workflow.`);
        }
        if (has(job, 'uses')) continue; // a reusable workflow call has no runs-on or steps
        if (!has(job, 'runs-on')) report(pair.key, `job ${jobId} has no runs-on: (e.g. ubuntu-latest).`);
        const steps = get(job, 'steps');
        if (!isSeq(steps) || !steps.items.length) {
            report(pair.key, `job ${jobId} has no steps.`);
            continue;
        }
        const stepIds = new Map();
        steps.items.forEach((step, index) => {
            const id = get(step, 'id');
            if (isScalar(id)) stepIds.set(String(id.value), index);
        });
        steps.items.forEach((step, index) => {
            const what = `job ${jobId}, step ${index + 1}`;
            if (!isMap(step)) return report(step, `${what} is not a mapping.`);
            const run = get(step, 'run');
            const uses = get(step, 'uses');
            if (Boolean(run) === Boolean(uses)) report(step, `${what} needs exactly one of run: and uses:.`);
            if (isScalar(uses)) {
                const action = String(uses.value);
                if (action.startsWith('./')) {
                    if (!existsSync(join(root, action)))
                        report(uses, `${what} uses ${action}, which does not exist in the repository.`);
                } else if (!action.startsWith('docker://') && !/^[\w.-]+\/[\w./-]+@[\w.-]+$/.test(action)) {
                    report(uses, `${what} uses "${action}": expected owner/repo@ref, ./path or docker://image.`);
                }
            }
            for (const { node, expression } of expressions(step)) {
                for (const [, stepId] of expression.matchAll(STEP_REFERENCE)) {
                    const defined = stepIds.get(stepId);
                    if (defined !== undefined && defined < index) continue;
                    report(
                        node,
                        defined === undefined
                            ? `${what} reads steps.${stepId}, but no step of job ${jobId} has id: ${stepId}.`
                            : `${what} reads steps.${stepId}, which runs later: only earlier steps have outputs.`,
                        `steps.${stepId}`
                    );
                }
            }
            if (!isScalar(run)) return;
            for (const words of shellCommands(String(run.value))) {
                for (const problem of commandProblems(words, { root, scripts })) {
                    report(run, `${what}: ${problem.message}`, problem.needle);
                }
            }
        });
    }
}

export async function check(root) {
    const dir = join(root, WORKFLOWS_DIR);
    if (!existsSync(dir)) return [];
    const scripts = packageScripts(root);
    const problems = [];
    for (const file of readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()) {
        checkWorkflow(root, file, scripts, problems);
    }
    return problems;
}
