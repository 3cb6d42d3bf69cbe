// Metadata XML as plain objects. Values stay text (parseTagValue off): the loader types them from the schema, so
// '09' stays '09' and 'true' becomes a boolean only where the metadata type says so.
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { ProjectError } from '../core/errors.ts';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true
});

/** The document's root element (the one named `rootName`, e.g. 'CustomObject'). */
export function readXml(path: string, rootName: string, relativeFile: string): XmlNode {
    let parsed: XmlNode;
    try {
        parsed = parser.parse(readFileSync(path, 'utf8')) as XmlNode;
    } catch (error) {
        throw new ProjectError(`not well-formed XML: ${(error as Error).message}`, { file: relativeFile });
    }
    const root = parsed[rootName];
    if (root === undefined) throw new ProjectError(`expected a <${rootName}> document`, { file: relativeFile });
    return root === '' ? {} : (root as XmlNode);
}

/** A repeated element as an array (fast-xml-parser gives one element as itself). */
export function list(value: unknown): XmlNode[] {
    if (value === undefined || value === null || value === '') return [];
    return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

export function text(node: XmlNode | undefined, name: string): string | undefined {
    const value = node?.[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object') {
        const inner = (value as XmlNode)['#text'];
        return inner === undefined ? '' : String(inner);
    }
    return String(value);
}

export function bool(node: XmlNode | undefined, name: string, fallback = false): boolean {
    const value = text(node, name);
    return value === undefined ? fallback : value.toLowerCase() === 'true';
}

export function num(node: XmlNode | undefined, name: string): number | undefined {
    const value = text(node, name);
    return value === undefined || value === '' ? undefined : Number(value);
}
