// Every *-meta.xml is well-formed and matches its Metadata API type (from @salesforce/types): known element names,
// valid enum values, true/false booleans, numeric numbers, dates; every .cls/.trigger has its -meta.xml.
// Scratch org definitions' settings are checked against the same *Settings types.
// Element order and required elements are not checked (source format splits required children into other files).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { XMLValidator } from 'fast-xml-parser';
import { projectFiles, projectPath } from '../lib/project.mjs';
import { metadataTypes } from '../lib/metadata-types.mjs';
import { TARGET_CONFIGS } from '../lib/metadata-types-lwc.mjs';

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
// `sf` generators and Tooling API retrieves write this namespace and/or a `fqn` root attribute; deploys accept both.
const TOOLING_NAMESPACE = 'urn:metadata.tooling.soap.sforce.com';
const APEX_SOURCE = /\.(cls|trigger)$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const BOOLEAN = new Set(['true', 'false']);
// xsi:type values a CustomMetadata <value> may carry, with the text each accepts.
const CUSTOM_METADATA_VALUE_TYPES = {
    'xsd:string': () => true,
    'xsd:boolean': (text) => BOOLEAN.has(text),
    'xsd:double': (text) => NUMBER.test(text),
    'xsd:int': (text) => /^[+-]?\d+$/.test(text),
    'xsd:long': (text) => /^[+-]?\d+$/.test(text),
    'xsd:decimal': (text) => NUMBER.test(text),
    'xsd:date': (text) => /^\d{4}-\d{2}-\d{2}$/.test(text),
    'xsd:dateTime': (text) => DATE.test(text),
    'xsd:time': (text) => /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/.test(text)
};

// ---- XML with line numbers (fast-xml-parser keeps none) ----

const TOKEN =
    /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, code) => {
        if (code[0] !== '#') return ENTITIES[code] ?? entity;
        return String.fromCodePoint(code[1] === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    });
}

/** Element tree of a document already known to be well-formed: { name, attributes, children, text, line }. */
function elementTree(text) {
    const document = { children: [] };
    const open = [document];
    let line = 1;
    let counted = 0;
    for (const match of text.matchAll(TOKEN)) {
        for (let i = counted; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
        counted = match.index;
        const [, cdata, closing, name, attributeText, selfClosing, chars] = match;
        const current = open[open.length - 1];
        if (name) {
            const attributes = {};
            for (const [, key, double, single] of attributeText.matchAll(ATTRIBUTE)) {
                attributes[key] = decode(double ?? single);
            }
            const element = { name, attributes, children: [], text: '', line };
            current.children.push(element);
            if (!selfClosing) open.push(element);
        } else if (closing) {
            const element = open.pop();
            element.text = element.text.trim();
        } else if (cdata !== undefined) {
            current.text += cdata;
        } else if (chars !== undefined && current !== document) {
            current.text += decode(chars);
        }
    }
    return document.children[0];
}

// ---- Suggestions ----

function editDistance(a, b) {
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return previous[b.length];
}

/** "a, b, c" of the known names closest to `wrong` — all of them when there are few. */
function closeMatches(wrong, known) {
    if (known.length <= 12) return known.join(', ');
    const lower = wrong.toLowerCase();
    const scored = known
        .map((name) => {
            const candidate = name.toLowerCase();
            const contains = candidate.includes(lower) || lower.includes(candidate);
            return { name, distance: contains ? 0.5 : editDistance(lower, candidate) };
        })
        .filter(({ name, distance }) => distance <= Math.max(2, Math.floor(name.length / 3)))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 6)
        .map(({ name }) => name);
    return `${scored.length ? `${scored.join(', ')}, ` : ''}… ${known.length} in all`;
}

// ---- Suffix → expected root type, from the source-deploy-retrieve registry ----

function rootTypesBySuffix() {
    const require = createRequire(import.meta.url);
    const registry = require('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json');
    const bySuffix = new Map();
    const add = (type) => {
        if (type.suffix) {
            if (!bySuffix.has(type.suffix)) bySuffix.set(type.suffix, new Set());
            bySuffix.get(type.suffix).add(type.name);
        }
        for (const child of Object.values(type.children?.types ?? {})) add(child);
    };
    Object.values(registry.types).forEach(add);
    return bySuffix;
}

function suffixAccepts(expected, rootName) {
    // *.settings-meta.xml holds one of the many <XxxSettings> types, registered as "Settings".
    return expected.has(rootName) || (expected.has('Settings') && rootName.endsWith('Settings'));
}

// Text limits the Metadata API types do not carry but deploys enforce (Salesforce field reference for each type:
// "Description: up to 255 characters" for permission sets, 40-character field and object labels, 510-character
// help text, 255-character validation messages). Path → maximum length.
const TEXT_LIMITS = new Map([
    ['PermissionSet.description', 255],
    ['PermissionSet.label', 80],
    ['CustomPermission.label', 80],
    ['CustomObject.label', 40],
    ['CustomObject.pluralLabel', 40],
    ['CustomObject.description', 1000],
    ['CustomField.label', 40],
    ['CustomField.description', 1000],
    ['CustomField.inlineHelpText', 510],
    ['ValidationRule.errorMessage', 255]
]);

// ---- Validation against the type model ----

class FileValidator {
    constructor(types, file, problems) {
        this.types = types;
        this.file = file;
        this.problems = problems;
    }

    report(line, message) {
        this.problems.push({ file: this.file, line, message });
    }

    validateRoot(root) {
        if (!this.types.isObjectType(root.name)) {
            const known = this.types.objectTypeNames();
            this.report(
                root.line,
                `unknown metadata type <${root.name}> as root element (close: ${closeMatches(root.name, known)}). ` +
                    'Use the Metadata API type name the file suffix stands for.'
            );
            return;
        }
        const namespace = root.attributes.xmlns;
        if (namespace !== METADATA_NAMESPACE && namespace !== TOOLING_NAMESPACE) {
            this.report(root.line, `<${root.name}> must declare xmlns="${METADATA_NAMESPACE}" or deploy rejects it.`);
        }
        const extra = Object.keys(root.attributes).filter(
            (name) => name !== 'xmlns' && !name.startsWith('xmlns:') && name !== 'fqn'
        );
        if (extra.length) this.unexpectedAttribute(root, root.name, extra);
        this.validateChildren(root, root.name, root.name);
    }

    validateChildren(element, typeName, path) {
        const properties = this.types.properties(typeName);
        const seen = new Map();
        for (const child of element.children) {
            const property = properties.get(child.name);
            if (!property) {
                this.report(
                    child.line,
                    `${path}: unknown element <${child.name}> (known: ${closeMatches(child.name, [...properties.keys()])}). ` +
                        `Fix the name or remove it: the Metadata API type ${typeName} has no such element.`
                );
                continue;
            }
            const count = (seen.get(child.name) ?? 0) + 1;
            seen.set(child.name, count);
            if (!property.array && count === 2) {
                this.report(child.line, `${path}.${child.name} appears more than once but takes a single value.`);
            }
            this.validateValue(child, property.type, `${path}.${child.name}`);
        }
    }

    validateValue(element, type, path) {
        if (element.attributes['xsi:nil'] === 'true') {
            if (element.children.length || element.text) {
                this.report(element.line, `${path} has xsi:nil="true" and content; keep one of them.`);
            }
            return;
        }
        if (type.kind === 'scalar' && type.scalar === 'any') {
            if (path === 'CustomMetadata.values.value') this.validateCustomMetadataValue(element, path);
            return;
        }
        const unexpected = Object.keys(element.attributes).filter((name) => name !== 'xsi:nil');
        if (unexpected.length) this.unexpectedAttribute(element, path, unexpected);
        if (type.kind === 'object') {
            if (element.text) {
                this.report(
                    element.line,
                    `${path} takes nested elements (type ${type.name}), not the text "${element.text}".`
                );
            }
            this.validateChildren(element, type.name, path);
            return;
        }
        if (path === 'LightningComponentBundle.targetConfigs') {
            this.validateShape(element, TARGET_CONFIGS, path);
            return;
        }
        if (element.children.length) {
            const child = element.children[0];
            this.report(child.line, `${path} takes a value, not nested elements: unknown element <${child.name}>.`);
            return;
        }
        this.validateText(element, type, path);
    }

    validateText(element, type, path) {
        const text = element.text;
        const limit = TEXT_LIMITS.get(path);
        if (limit && text.length > limit) {
            this.report(
                element.line,
                `${path} has ${text.length} characters; Salesforce accepts at most ${limit}. Shorten it.`
            );
        }
        if (type.kind === 'enum') {
            if (!type.values.includes(text)) {
                this.report(
                    element.line,
                    `invalid value "${text}" for ${path}; expected one of ${closeMatches(text, type.values)} (${type.name}).`
                );
            }
        } else if (type.scalar === 'boolean' && !BOOLEAN.has(text)) {
            this.report(element.line, `invalid value "${text}" for ${path}; expected true or false.`);
        } else if (type.scalar === 'number' && !NUMBER.test(text)) {
            this.report(element.line, `invalid value "${text}" for ${path}; expected a number.`);
        } else if (type.scalar === 'date' && !DATE.test(text) && !TIME.test(text)) {
            // metadata.d.ts types xsd:date, xsd:dateTime and xsd:time alike as Date.
            this.report(
                element.line,
                `invalid value "${text}" for ${path}; expected an ISO 8601 date, date-time or time.`
            );
        }
    }

    validateCustomMetadataValue(element, path) {
        const unexpected = Object.keys(element.attributes).filter((name) => name !== 'xsi:type');
        if (unexpected.length) this.unexpectedAttribute(element, path, unexpected);
        const xsiType = element.attributes['xsi:type'];
        const accepts = CUSTOM_METADATA_VALUE_TYPES[xsiType];
        if (!accepts) {
            const known = Object.keys(CUSTOM_METADATA_VALUE_TYPES).join(', ');
            this.report(
                element.line,
                xsiType
                    ? `${path} has xsi:type="${xsiType}"; expected one of ${known}.`
                    : `${path} needs xsi:type (one of ${known}) or xsi:nil="true".`
            );
        } else if (element.children.length) {
            this.report(element.line, `${path} takes a ${xsiType} value, not nested elements.`);
        } else if (!accepts(element.text)) {
            this.report(element.line, `invalid value "${element.text}" for ${path}; expected ${xsiType}.`);
        }
    }

    validateCustomMetadataRecord(root) {
        for (const values of root.children.filter((child) => child.name === 'values')) {
            for (const required of ['field', 'value']) {
                if (!values.children.some((child) => child.name === required)) {
                    this.report(
                        values.line,
                        `CustomMetadata.values lacks <${required}>: each <values> names a <field> and holds its <value> ` +
                            '(<value xsi:nil="true"/> when empty).'
                    );
                }
            }
        }
    }

    validateShape(element, shape, path) {
        for (const [name, value] of Object.entries(element.attributes)) {
            const kind = shape.attributes?.[name];
            if (!kind) {
                this.unexpectedAttribute(element, path, [name], Object.keys(shape.attributes ?? {}));
            } else if (Array.isArray(kind) && !kind.includes(value)) {
                this.report(
                    element.line,
                    `invalid value "${value}" for ${path}@${name}; expected one of ${kind.join(', ')}.`
                );
            } else if (kind === 'boolean' && !BOOLEAN.has(value)) {
                this.report(element.line, `invalid value "${value}" for ${path}@${name}; expected true or false.`);
            } else if (kind === 'number' && !NUMBER.test(value)) {
                this.report(element.line, `invalid value "${value}" for ${path}@${name}; expected a number.`);
            }
        }
        for (const child of element.children) {
            const childShape = shape.children?.[child.name];
            if (!childShape) {
                const known = Object.keys(shape.children ?? {});
                this.report(
                    child.line,
                    `${path}: unknown element <${child.name}> (known: ${known.join(', ') || 'none'}). Fix the name or remove it.`
                );
                continue;
            }
            this.validateShape(child, childShape, `${path}.${child.name}`);
        }
        if (Array.isArray(shape.text) && !shape.text.includes(element.text)) {
            this.report(
                element.line,
                `invalid value "${element.text}" for ${path}; expected one of ${shape.text.join(', ')}.`
            );
        }
    }

    validateTargetConfigTargets(root) {
        const listed = new Set(
            root.children
                .filter((child) => child.name === 'targets')
                .flatMap((targets) => targets.children.map((target) => target.text))
        );
        for (const configs of root.children.filter((child) => child.name === 'targetConfigs')) {
            for (const config of configs.children.filter((child) => child.name === 'targetConfig')) {
                for (const target of (config.attributes.targets ?? '').split(',').map((name) => name.trim())) {
                    if (target && !listed.has(target)) {
                        this.report(
                            config.line,
                            `targetConfig targets "${target}", which is not listed under <targets>; list it there or remove it.`
                        );
                    }
                }
            }
        }
    }

    unexpectedAttribute(element, path, names, known) {
        this.report(
            element.line,
            `${path}: unexpected attribute ${names.join(', ')} on <${element.name}>` +
                (known ? ` (known: ${known.join(', ') || 'none'})` : '') +
                '; remove it.'
        );
    }
}

function checkMetadataFile(root, file, types, suffixes, problems) {
    const relativePath = projectPath(root, file);
    const text = readFileSync(file, 'utf8');
    const wellFormed = XMLValidator.validate(text);
    if (wellFormed !== true) {
        problems.push({
            file: relativePath,
            line: wellFormed.err.line,
            message: `malformed XML: ${wellFormed.err.msg} Fix the tag so the file parses.`
        });
        return;
    }
    const rootElement = elementTree(text);
    if (!rootElement) {
        problems.push({ file: relativePath, line: 1, message: 'malformed XML: no root element.' });
        return;
    }
    const validator = new FileValidator(types, relativePath, problems);
    const suffix = basename(file)
        .replace(/-meta\.xml$/, '')
        .split('.')
        .pop();
    const expected = suffixes.get(suffix);
    if (expected && !suffixAccepts(expected, rootElement.name)) {
        validator.report(
            rootElement.line,
            `a .${suffix}-meta.xml file holds ${[...expected].join(' or ')}, not <${rootElement.name}>; ` +
                'fix the root element or the file name.'
        );
        return;
    }
    validator.validateRoot(rootElement);
    if (rootElement.name === 'CustomMetadata') validator.validateCustomMetadataRecord(rootElement);
    if (rootElement.name === 'LightningComponentBundle') validator.validateTargetConfigTargets(rootElement);
}

function checkApexMetaFiles(root, files, problems) {
    const present = new Set(files);
    for (const file of files) {
        if (APEX_SOURCE.test(file) && !present.has(`${file}-meta.xml`)) {
            problems.push({
                file: projectPath(root, file),
                message:
                    `has no ${basename(file)}-meta.xml beside it, so sf project convert source silently drops it. ` +
                    'Add one with <apiVersion> and <status>Active</status>.'
            });
        }
        const source = file.replace(/-meta\.xml$/, '');
        if (file.endsWith('-meta.xml') && APEX_SOURCE.test(source) && !existsSync(source)) {
            problems.push({
                file: projectPath(root, file),
                message: `describes ${basename(source)}, which does not exist; add the source or delete this file.`
            });
        }
    }
}

// ---- Scratch org definitions: each `settings` entry is a Metadata API *Settings type written in JSON ----

/** A JSON value as the element tree the XML validator walks; lines are those of the key in the file. */
function jsonElement(name, value, lineOf) {
    const line = lineOf(name);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const children = Object.entries(value).flatMap(([key, child]) =>
            (Array.isArray(child) ? child : [child]).map((item) => jsonElement(key, item, lineOf))
        );
        return { name, attributes: {}, children, text: '', line };
    }
    return { name, attributes: {}, children: [], text: String(value), line };
}

function checkScratchDefinitions(root, types, problems) {
    const configDir = join(root, 'config');
    if (!existsSync(configDir)) return;
    for (const name of readdirSync(configDir).filter((file) => /scratch-def.*\.json$/.test(file))) {
        const file = join(configDir, name);
        const text = readFileSync(file, 'utf8');
        const lines = text.split('\n');
        const lineOf = (key) => lines.findIndex((line) => line.includes(`"${key}"`)) + 1 || undefined;
        const relativePath = projectPath(root, file);
        let definition;
        try {
            definition = JSON.parse(text);
        } catch (error) {
            problems.push({ file: relativePath, message: `invalid JSON: ${error.message}` });
            continue;
        }
        const validator = new FileValidator(types, relativePath, problems);
        for (const [key, value] of Object.entries(definition.settings ?? {})) {
            const typeName = key.charAt(0).toUpperCase() + key.slice(1);
            if (!typeName.endsWith('Settings') || !types.isObjectType(typeName)) {
                validator.report(
                    lineOf(key),
                    `settings.${key}: no Metadata API settings type ${typeName}; use the camelCase name of a *Settings type.`
                );
                continue;
            }
            validator.validateChildren(jsonElement(key, value, lineOf), typeName, `settings.${key}`);
        }
    }
}

export async function check(root) {
    const problems = [];
    const files = projectFiles(root);
    checkApexMetaFiles(root, files, problems);
    const types = await metadataTypes();
    const suffixes = rootTypesBySuffix();
    for (const file of files.filter((path) => path.endsWith('-meta.xml'))) {
        checkMetadataFile(root, file, types, suffixes, problems);
    }
    checkScratchDefinitions(root, types, problems);
    return problems;
}
