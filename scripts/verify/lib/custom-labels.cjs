// The project's Custom Labels, read from every CustomLabels file of the package directories (one per feature folder:
// force-app/main/<feature>/labels/CustomLabels.labels-meta.xml; a deploy merges them into one CustomLabels component).
// One reader for every tool that needs their values outside an org: the Jest setup (scripts/jest/custom-labels.js),
// the workbench bundle (workbench/server/virtual-modules.mjs), the build's typings and the custom-labels check.
// CommonJS, because Jest setup files cannot load an ES module; the .mjs scripts import it as well.
'use strict';

const { existsSync, readFileSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { XMLParser } = require('fast-xml-parser');

/** What an LWC imports a label from: `import X from '@salesforce/label/c.<Name>'`. */
const LABEL_MODULE_PREFIX = '@salesforce/label/c.';
const LABELS_SUFFIX = '.labels-meta.xml';
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', '.build']);

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'labels'
});

function walk(dir, found) {
    for (const name of readdirSync(dir)) {
        if (SKIPPED_DIRS.has(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path, found);
        else if (name.endsWith(LABELS_SUFFIX)) found.push(path);
    }
    return found;
}

/** Every *.labels-meta.xml under the package directories of sfdx-project.json (absolute paths, sorted). */
function labelFiles(root) {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    const files = [];
    for (const { path } of project.packageDirectories) {
        const dir = join(root, path);
        if (existsSync(dir)) walk(dir, files);
    }
    return files.sort();
}

function lineOf(text, offset) {
    return offset < 0 ? 1 : text.slice(0, offset).split('\n').length;
}

const field = (label, name) => (typeof label[name] === 'string' ? label[name].trim() : undefined);

/**
 * The labels of one file, each with its 1-based line: { name, value, categories, language, protected,
 * shortDescription, file, line }. Values keep their spaces; XML entities are decoded.
 */
function readLabelFile(file) {
    const text = readFileSync(file, 'utf8');
    let parsed;
    try {
        parsed = parser.parse(text, true);
    } catch (error) {
        throw new Error(`${file}: not well-formed XML (${error.message})`);
    }
    const labels = parsed.CustomLabels?.labels ?? [];
    return labels.map((label) => {
        const name = field(label, 'fullName') ?? '';
        return {
            name,
            value: typeof label.value === 'string' ? label.value : '',
            categories: field(label, 'categories'),
            language: field(label, 'language'),
            protected: field(label, 'protected'),
            shortDescription: field(label, 'shortDescription'),
            file,
            line: lineOf(text, text.indexOf(`<fullName>${name}</fullName>`))
        };
    });
}

/** Every label of the project, file by file. */
function readCustomLabels(root) {
    return labelFiles(root).flatMap(readLabelFile);
}

/** Label name → value (the first definition when a name is defined twice: the check reports that). */
function labelValues(root) {
    const values = new Map();
    for (const label of readCustomLabels(root)) if (!values.has(label.name)) values.set(label.name, label.value);
    return values;
}

module.exports = { LABEL_MODULE_PREFIX, labelFiles, readLabelFile, readCustomLabels, labelValues };
