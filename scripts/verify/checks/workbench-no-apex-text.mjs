// The workbench runs the product's Apex in local-org; it must not carry a copy of what that Apex tells users. This
// check collects the texts that reach users from the package directories — the string literals of non-test Apex
// classes that read as prose (AuraHandledException and refusal messages, *_MESSAGE constants, addError texts),
// validation rule error messages and Custom Label values — and fails when one of at least 25 characters appears in a
// file under workbench/. A rule or a message written there would be a second copy that drifts from the Apex; a label
// value, a copy that drifts from the label (the workbench and its e2e scenarios read labels through custom-labels.cjs).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { lineAt, projectFiles, projectPath } from '../lib/project.mjs';
import { readLabelFile } from '../lib/custom-labels.cjs';

const MIN_LENGTH = 25;
const WORKBENCH_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.json', '.html', '.css', '.md']);
const SKIPPED_DIRS = new Set(['node_modules', 'screenshots']);

/** Apex string literals with their line; escapes resolved. */
function apexLiterals(text) {
    const literals = [];
    for (const match of text.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) {
        const value = match[1].replace(/\\(.)/g, (_, char) => ({ n: '\n', t: '\t' })[char] ?? char);
        literals.push({ value, line: lineAt(text, match.index) });
    }
    return literals;
}

/** Prose a person reads: several words, not SOQL, not an API name or a format pattern. */
const isProse = (value) =>
    value.trim().length >= MIN_LENGTH && /\s\S+\s\S+\s/.test(value) && !/^\s*(SELECT|FROM|WHERE)\b/i.test(value);

const FROM_APEX = 'the workbench runs that Apex in local-org; take the text from its answer instead of copying it.';

const isTestClass = (text) => /@IsTest\b/i.test(text.slice(0, text.search(/\bclass\b/i) + 1));

function xmlTexts(text, element) {
    const texts = [];
    for (const match of text.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))) {
        const value = match[1]
            .replace(/&apos;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&');
        texts.push({ value, line: lineAt(text, match.index) });
    }
    return texts;
}

/** The labels of a CustomLabels file as texts, each saying how to read it instead. */
function labelTexts(file) {
    return readLabelFile(file).map(({ name, value, line }) => ({
        value,
        line,
        fix:
            `the Custom Label ${name}: read its value (labelValues of scripts/verify/lib/custom-labels.cjs) ` +
            'instead of copying it.'
    }));
}

/** The user-facing texts of the project, each with where it is written and what to do instead of copying it. */
export function userFacingTexts(root) {
    const texts = [];
    for (const file of projectFiles(root)) {
        const path = file.split('\\').join('/');
        let found = [];
        if (path.endsWith('.cls')) {
            const text = readFileSync(file, 'utf8');
            if (!isTestClass(text)) found = apexLiterals(text);
        } else if (path.endsWith('.validationRule-meta.xml')) {
            found = xmlTexts(readFileSync(file, 'utf8'), 'errorMessage');
        } else if (path.endsWith('.labels-meta.xml')) {
            found = labelTexts(file);
        }
        for (const { value, line, fix = FROM_APEX } of found) {
            const normalized = value.replace(/\s+/g, ' ').trim();
            if (isProse(normalized)) texts.push({ text: normalized, where: `${projectPath(root, file)}:${line}`, fix });
        }
    }
    return texts;
}

function workbenchFiles(dir) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((entry) => {
        if (SKIPPED_DIRS.has(entry) || entry.startsWith('.')) return [];
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) return workbenchFiles(path);
        return WORKBENCH_EXTENSIONS.has(extname(path)) ? [path] : [];
    });
}

export function check(root) {
    const texts = userFacingTexts(root);
    const problems = [];
    for (const file of workbenchFiles(join(root, 'workbench'))) {
        const content = readFileSync(file, 'utf8');
        const flat = content.replace(/\s+/g, ' ');
        for (const { text, where, fix } of texts) {
            const at = flat.indexOf(text);
            if (at < 0) continue;
            // Line of the match in the original text: count the newlines before the same word position.
            const before = flat.slice(0, at).split(' ').length - 1;
            const words = [...content.matchAll(/\S+/g)];
            const offset = words[before]?.index ?? 0;
            problems.push({
                file: projectPath(root, file),
                line: lineAt(content, offset),
                message: `repeats the text "${text.length > 70 ? `${text.slice(0, 67)}...` : text}" of ${where}: ${fix}`
            });
        }
    }
    return problems;
}
