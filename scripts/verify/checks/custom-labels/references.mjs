// Where the Custom Labels are used: LWC imports of `@salesforce/label/c.<Name>` (and jest.mock of one), Apex
// `Label.<Name>` and `System.Label.<Name>`, and `$Label.<Name>` in metadata (flows, validation rules, formula fields).
// Every reference must name a label that exists; every label must be used by the app. A use in a test does not count
// (tests: __tests__ folders, @IsTest classes and test-only package directories): the app would never show the text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineAt, projectFiles, projectPath } from '../../lib/project.mjs';

const LWC_LABEL = /\b(?:from|import|jest\.mock\()\s*\(?\s*(['"])@salesforce\/label\/([^'"\n]+)\1/g;
// Apex spells the class `Label` (or `System.Label`); a lower-case `label` is far more often a variable or a field.
const APEX_LABEL = /(?<![\w.])(?:System\s*\.\s*)?Label\s*\.\s*([A-Za-z]\w*)/g;
const METADATA_LABEL = /\$Label\.(?:c\.)?([A-Za-z]\w*)/g;

/** Package directories that only deploy for tests (another's unpackagedMetadata, like force-app-tests). */
function testOnlyDirectories(root) {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    return project.packageDirectories.map((dir) => dir.unpackagedMetadata?.path).filter(Boolean);
}

/** Apex with comments and string literals blanked (same length, same lines), so only code is searched. */
function apexCode(text) {
    return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'/g, (match) => match.replace(/[^\n]/g, ' '));
}

const isTestClass = (text) => /@IsTest\b/i.test(text.slice(0, Math.max(0, text.search(/\bclass\b/i)) + 1));

/** Every reference to a Custom Label: [{ name, file (project path), line, test, kind: 'lwc' | 'apex' | 'metadata' }]. */
export function labelReferences(root) {
    const testDirs = testOnlyDirectories(root);
    const references = [];
    for (const file of projectFiles(root)) {
        const path = projectPath(root, file);
        const inTestDirectory = testDirs.some((dir) => path.startsWith(`${dir}/`));
        const add = (kind, name, text, index, test) =>
            references.push({ kind, name, file: path, line: lineAt(text, index), test: inTestDirectory || test });
        if (path.includes('/lwc/') && /\.(ts|js)$/.test(path)) {
            // A .js beside a .ts is the build's output of it: the .ts is the source.
            if (path.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts'))) continue;
            const text = readFileSync(file, 'utf8');
            for (const match of text.matchAll(LWC_LABEL)) {
                const [namespace, ...rest] = match[2].split('.');
                if (namespace === 'c' && rest.length === 1)
                    add('lwc', rest[0], text, match.index, path.includes('/__tests__/'));
            }
        } else if (/\.(cls|trigger)$/.test(path)) {
            const text = readFileSync(file, 'utf8');
            const test = isTestClass(text);
            for (const match of apexCode(text).matchAll(APEX_LABEL)) add('apex', match[1], text, match.index, test);
        } else if (path.endsWith('-meta.xml') && !path.endsWith('.labels-meta.xml')) {
            const text = readFileSync(file, 'utf8');
            for (const match of text.matchAll(METADATA_LABEL)) add('metadata', match[1], text, match.index, false);
        }
    }
    return references;
}

const HOW = {
    lwc: (name) => `imports the Custom Label ${name}`,
    apex: (name) => `reads the Custom Label ${name}`,
    metadata: (name) => `names the Custom Label $Label.${name}`
};

/** Problems: references to labels that do not exist, labels the app never uses. */
export function checkReferences(labels, references, report) {
    const defined = new Set(labels.map((label) => label.name));
    for (const reference of references) {
        if (defined.has(reference.name)) continue;
        report(
            reference.file,
            reference.line,
            `${HOW[reference.kind](reference.name)}, which no labels file defines: add it to the labels file of the ` +
                'feature (main/<feature>/labels/CustomLabels.labels-meta.xml) or fix the name.'
        );
    }
    const uses = new Map();
    for (const reference of references) {
        const entry = uses.get(reference.name) ?? { app: 0, tests: 0 };
        if (reference.test) entry.tests++;
        else entry.app++;
        uses.set(reference.name, entry);
    }
    for (const label of labels) {
        const use = uses.get(label.name);
        if (use?.app) continue;
        report(
            label.file,
            label.line,
            `${label.name} is used ${use?.tests ? 'only by tests' : 'nowhere'}: the app never shows it. Use it ` +
                `(import NAME from '@salesforce/label/c.${label.name}', or System.Label.${label.name} in Apex) ` +
                'or remove it.'
        );
    }
}
