// What the cross-reference checkers share: reading parsed metadata XML, finding the line a name is on, collecting
// problems once each, and the one question most of them ask: does this object and field path exist?
import { projectPath } from '../../lib/project.mjs';
import { fieldPathProblem, objectExists, unknownObjectMessage } from '../../lib/schema.mjs';

export const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
export const textOf = (value) => {
    const item = asArray(value)[0];
    if (item === undefined || item === null) return undefined;
    return typeof item === 'object' ? item['#text'] : String(item);
};
const XML_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
export const escapeXml = (value) =>
    value.replace(/[<>&"']/g, (char) => `&${Object.keys(XML_ENTITIES).find((key) => XML_ENTITIES[key] === char)};`);

/** Finds the line of successive occurrences of a text in a file, so repeated references point at their own line. */
export function createLocator(text) {
    const cursors = new Map();
    return (...needles) => {
        for (const needle of needles) {
            if (!needle) continue;
            const from = cursors.get(needle) ?? 0;
            let index = text.indexOf(needle, from);
            if (index < 0) index = text.indexOf(needle);
            if (index < 0) continue;
            cursors.set(needle, index + 1);
            return text.slice(0, index).split('\n').length;
        }
        return undefined;
    };
}

export class Report {
    constructor(root) {
        this.root = root;
        this.problems = [];
        this.seen = new Set();
    }
    add(file, line, message) {
        const relative = file.startsWith('/') ? projectPath(this.root, file) : file;
        const key = `${relative}:${line}:${message}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.problems.push({ file: relative, line, message });
    }
}

/** Message for `object` + field path, or undefined when everything custom in it exists. */
export function referenceProblem(schema, object, path) {
    if (!object) return undefined;
    if (!objectExists(schema, object)) return unknownObjectMessage(schema, object);
    return fieldPathProblem(schema, object, path);
}

/** Every string under `node` found at a key in `keys`, with the key. */
export function valuesAt(node, keys, found = []) {
    if (node === null || typeof node !== 'object') return found;
    for (const [key, values] of Object.entries(node)) {
        for (const value of asArray(values)) {
            if (value !== null && typeof value === 'object') valuesAt(value, keys, found);
            else if (keys.has(key)) found.push({ key, value: String(value) });
        }
    }
    return found;
}

/** Values under `node` at a path of element names, such as ['filter', 'criteriaItems', 'column']. */
export function valuesAtPath(node, [key, ...rest]) {
    const values = asArray(node?.[key]);
    return rest.length ? values.flatMap((child) => valuesAtPath(child, rest)) : values.map(textOf).filter(Boolean);
}

// A merge field in flows and FlexiPages: {!$Record.Field__c}, {!Record.Field__c}.
export const MERGE_FIELD = /\{!([^}]+)\}/g;
