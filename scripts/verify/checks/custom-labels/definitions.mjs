// The Custom Labels themselves: one CustomLabels file per feature folder (<package directory>/main/<feature>/labels/),
// each label named <App>_<Feature>_<What> with the feature's category, a short description that says where the text
// shows, unprotected, in the default language (en_US), a value within the platform's limit whose {n} placeholders
// count up from {0}. A deploy merges the files into one CustomLabels component, so a name may be defined only once.
// A sentence (a value that ends with . ! or ?, or has six words or more) is defined once: a second label with the same
// sentence is a copy that drifts; words and short phrases ("Reject", "Removed by the proposal") may repeat, because a
// translator needs each context (a column, a row, a button) apart.
import { basename, dirname } from 'node:path';

export const LABELS_FILE = 'CustomLabels.labels-meta.xml';
export const LANGUAGE = 'en_US';
// "Custom labels … can be up to 1,000 characters in length" and names follow the API name rules (letters, digits and
// single underscores, starting with a letter), up to 80 characters: Salesforce Help, "Custom Labels".
const MAX_VALUE = 1000;
const MAX_NAME = 80;
const SENTENCE_WORDS = 6;
const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/**
 * The feature folder of a labels file (a project path), or undefined when it is not at main/<feature>/labels/. main/default
 * is no feature: it is where a retrieve writes the labels it finds in no local file.
 */
export function featureOfLabelsFile(file) {
    const parts = file.split('/');
    const at = parts.length - 3;
    const placed = basename(file) === LABELS_FILE && parts[at + 1] === 'labels' && parts[at - 1] === 'main';
    return placed && parts[at] !== 'default' ? parts[at] : undefined;
}

/** sdr-inbox → SdrInbox: how a feature folder is spelt inside a label name. */
export const pascalCase = (folder) =>
    folder
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((part) => part[0].toUpperCase() + part.slice(1))
        .join('');

function mostCommon(values) {
    const counts = new Map();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0]?.[0];
}

function placeholderProblem(value) {
    const indexes = [...new Set([...value.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1])))].sort(
        (a, b) => a - b
    );
    const missing = indexes.length ? [...Array(indexes.at(-1) + 1).keys()].filter((i) => !indexes.includes(i)) : [];
    if (!missing.length) return undefined;
    return (
        `its value uses ${indexes.map((i) => `{${i}}`).join(', ')} but not ${missing.map((i) => `{${i}}`).join(', ')}: ` +
        'number the placeholders from {0}, in the order formatLabel (c/labelFormat) is given the values.'
    );
}

/**
 * Problems of the labels files and their labels: `labels` as readCustomLabels (scripts/verify/lib/custom-labels.cjs)
 * reads them and `files` the labels files, both with project paths; `report(file, line, message)`.
 */
export function checkDefinitions(labels, files, report) {
    for (const file of files) {
        if (featureOfLabelsFile(file)) continue;
        const retrieved = file.includes('/main/default/') ? ' (a retrieve writes labels new to the project here)' : '';
        report(
            file,
            1,
            `Custom Labels live in one file per feature folder, main/<feature>/labels/${LABELS_FILE}: move these labels${retrieved} ` +
                `to the labels file of the feature that shows them (a deploy merges every such file into one CustomLabels).`
        );
    }

    const prefix = mostCommon(labels.map((label) => label.name.split('_')[0]));
    const firstByName = new Map();
    const firstBySentence = new Map();
    const categoryByFile = new Map();
    for (const label of labels) {
        const feature = featureOfLabelsFile(label.file);
        const at = (message) =>
            report(label.file, label.line, `${label.name || '(a label without a name)'}: ${message}`);

        const first = firstByName.get(label.name);
        if (first) {
            at(`is defined twice (also at ${first.where}): a deploy merges the labels files, so a name is one label.`);
        } else {
            firstByName.set(label.name, { where: `${label.file}:${label.line}` });
        }

        if (!API_NAME.test(label.name) || label.name.length > MAX_NAME || label.name.endsWith('_')) {
            at(
                `is not a valid label name: letters, digits and single underscores, starting with a letter, ` +
                    `at most ${MAX_NAME} characters.`
            );
        } else if (feature) {
            const expected = `${prefix}_${pascalCase(feature)}_`;
            if (!label.name.startsWith(expected) || label.name.length === expected.length) {
                at(
                    `a label of ${feature} is named ${expected}<What>: the app, the feature folder (${feature}), ` +
                        'then what the text is (e.g. InboxEmpty), so the Setup list groups it and names its home.'
                );
            }
        }

        if (!label.categories) {
            at('has no <categories>: give it the category of its feature, as the other labels of this file.');
        } else if (!categoryByFile.has(label.file)) {
            categoryByFile.set(label.file, { category: label.categories, name: label.name });
        } else if (categoryByFile.get(label.file).category !== label.categories) {
            const { category, name } = categoryByFile.get(label.file);
            at(
                `has the category "${label.categories}" but ${name} in the same file has "${category}": one ` +
                    'category per feature, so an admin can list the texts of one feature.'
            );
        }

        if (label.language !== LANGUAGE) {
            at(`<language> must be ${LANGUAGE}, the project's default language (translations are separate files).`);
        }
        if (label.protected !== 'false') {
            at('<protected> must be false: a protected label cannot be overridden by the admins of an installing org.');
        }
        if (!label.shortDescription) {
            at('has no <shortDescription>: say where the text shows and what its {n} placeholders hold.');
        } else if (label.shortDescription.trim() === label.value.trim()) {
            at('its <shortDescription> repeats the value: say where the text shows and what its placeholders hold.');
        }
        if (!label.value.trim()) at('has an empty <value>.');
        const sentence = label.value.trim().replace(/\s+/g, ' ');
        if (/[.!?]$/.test(sentence) || sentence.split(' ').length >= SENTENCE_WORDS) {
            const same = firstBySentence.get(sentence);
            if (same) {
                at(
                    `has the same text as ${same.name} (${same.where}): a message has one definition; use ${same.name} ` +
                        'where this one is used, or move it to the shared folder when several features show it.'
                );
            } else {
                firstBySentence.set(sentence, { name: label.name, where: `${label.file}:${label.line}` });
            }
        }
        if (label.value.length > MAX_VALUE) at(`its value has ${label.value.length} characters; the limit is 1,000.`);
        const placeholders = placeholderProblem(label.value);
        if (placeholders) at(placeholders);
    }

    const categoryFiles = new Map();
    for (const [file, { category, name }] of categoryByFile) {
        const other = categoryFiles.get(category);
        if (other && dirname(other.file) !== dirname(file)) {
            report(
                file,
                labels.find((label) => label.name === name)?.line,
                `${name}: the category "${category}" is also the category of ${other.file}: give each feature's labels ` +
                    'their own category.'
            );
        } else {
            categoryFiles.set(category, { file });
        }
    }
}
