// The Metadata API type model, derived from @salesforce/types lib/metadata.d.ts with the TypeScript parser (no type
// checker), so it follows the installed package and is never a hand-kept copy. Loading TypeScript costs more than
// the rest of the check, so the derived model is cached as JSON in node_modules/.cache (git-ignored), keyed by the
// .d.ts file and this file: updating either rebuilds it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * @typedef {{ kind: 'scalar', scalar: 'string' | 'boolean' | 'number' | 'date' | 'any' }
 *   | { kind: 'enum', name: string, values: string[] }
 *   | { kind: 'object', name: string }} ValueType
 * @typedef {{ type: ValueType, array: boolean }} Property
 * Cached model: { objects: { [type]: { [property]: [typeName, isArray] } }, enums: { [type]: string[] } }, where
 * typeName is an object or enum type, or one of the scalars below.
 */

const SCALAR_NAMES = new Set(['string', 'boolean', 'number', 'date', 'any']);

// Elements the Metadata API documents and deploys but metadata.d.ts 1.9.0 leaves out. Keep this list to what a
// real, deployable file proved missing, with where it is documented.
const MISSING_FROM_DECLARATIONS = {
    // CustomField reference: "displayLocationInDecimal — Indicates how the value of a Geolocation field appears".
    CustomField: { displayLocationInDecimal: ['boolean', false] },
    // FlowActionCall reference: "versionSegment — The version of the action"; Flow Builder writes it on every action.
    FlowActionCall: { versionSegment: ['number', false] }
};

function declarationsFile() {
    // The package exports only its .js entry points; the declarations sit beside them.
    return join(dirname(require.resolve('@salesforce/types/metadata')), 'metadata.d.ts');
}

/** Reads metadata.d.ts into the cached model shape. */
async function deriveModel(file) {
    const { default: ts } = await import('typescript');
    const scalarOf = (node) =>
        ({
            [ts.SyntaxKind.StringKeyword]: 'string',
            [ts.SyntaxKind.BooleanKeyword]: 'boolean',
            [ts.SyntaxKind.NumberKeyword]: 'number',
            [ts.SyntaxKind.AnyKeyword]: 'any',
            [ts.SyntaxKind.UnknownKeyword]: 'any'
        })[node.kind];
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const declarations = new Map();
    for (const statement of source.statements) {
        if (ts.isTypeAliasDeclaration(statement)) declarations.set(statement.name.text, statement.type);
    }

    // A type name → a scalar name, or the name of the enum/object type it stands for (aliases followed).
    const resolve = (name) => {
        if (name === 'Date') return 'date';
        const node = declarations.get(name);
        if (!node) throw new Error(`metadata.d.ts: unknown type ${name}`);
        if (scalarOf(node)) return scalarOf(node);
        if (ts.isTypeReferenceNode(node)) return resolve(node.typeName.text);
        return name;
    };
    const model = { objects: {}, enums: {} };
    const collect = (node, properties) => {
        if (ts.isIntersectionTypeNode(node)) {
            for (const part of node.types) collect(part, properties);
        } else if (ts.isTypeReferenceNode(node)) {
            collect(declarations.get(resolve(node.typeName.text)), properties);
        } else if (ts.isTypeLiteralNode(node)) {
            for (const member of node.members) {
                if (!ts.isPropertySignature(member) || !member.type) continue;
                const array = ts.isArrayTypeNode(member.type);
                const element = array ? member.type.elementType : member.type;
                const type = scalarOf(element) ?? (ts.isTypeReferenceNode(element) && resolve(element.typeName.text));
                if (!type) throw new Error(`metadata.d.ts: unexpected type of ${member.name.text}`);
                properties[member.name.text] = [type, array];
            }
        }
    };
    for (const [name, node] of declarations) {
        if (ts.isUnionTypeNode(node) && node.types.every((part) => ts.isLiteralTypeNode(part))) {
            model.enums[name] = node.types.map((part) => part.literal.text);
        } else if (ts.isLiteralTypeNode(node)) {
            model.enums[name] = [node.literal.text];
        } else if (ts.isTypeLiteralNode(node) || ts.isIntersectionTypeNode(node)) {
            const properties = {};
            collect(node, properties);
            model.objects[name] = properties;
        } else if (!scalarOf(node) && !ts.isTypeReferenceNode(node)) {
            throw new Error(`metadata.d.ts: unexpected declaration of ${name}: ${ts.SyntaxKind[node.kind]}`);
        }
    }
    // Aliases such as `ReportFolder = Folder` name root elements too.
    for (const [name, node] of declarations) {
        if (!ts.isTypeReferenceNode(node)) continue;
        const target = resolve(name);
        if (model.objects[target]) model.objects[name] = model.objects[target];
        if (model.enums[target]) model.enums[name] = model.enums[target];
    }
    return model;
}

async function loadModel() {
    const file = declarationsFile();
    const { size, mtimeMs } = statSync(file);
    const key = createHash('sha1')
        .update(`${file}:${size}:${mtimeMs}:`)
        .update(readFileSync(fileURLToPath(import.meta.url)))
        .digest('hex')
        .slice(0, 16);
    const cacheDir = join(dirname(dirname(dirname(file))), '..', '.cache', 'verify-metadata-types');
    const cacheFile = join(cacheDir, `model-${key}.json`);
    if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8'));
    const model = await deriveModel(file);
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so that a check running at the same time never reads half a file.
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(model));
    renameSync(partial, cacheFile);
    return model;
}

export class MetadataTypes {
    constructor(model) {
        this.model = model;
        this.propertiesCache = new Map();
    }

    /** Every object type name (a root element must be one). */
    objectTypeNames() {
        return Object.keys(this.model.objects);
    }

    isObjectType(name) {
        return Object.hasOwn(this.model.objects, name);
    }

    /** @returns {ValueType} */
    valueType(name) {
        if (SCALAR_NAMES.has(name)) return { kind: 'scalar', scalar: name };
        if (Object.hasOwn(this.model.enums, name)) return { kind: 'enum', name, values: this.model.enums[name] };
        if (this.isObjectType(name)) return { kind: 'object', name };
        throw new Error(`metadata type model: ${name} is neither a scalar, an enum nor an object type`);
    }

    /** Every property of an object type, inherited ones (`Metadata & {...}`) included. @returns {Map<string, Property>} */
    properties(name) {
        let properties = this.propertiesCache.get(name);
        if (!properties) {
            const declared = { ...this.model.objects[name], ...MISSING_FROM_DECLARATIONS[name] };
            properties = new Map(
                Object.entries(declared).map(([key, [type, array]]) => [key, { type: this.valueType(type), array }])
            );
            this.propertiesCache.set(name, properties);
        }
        return properties;
    }
}

let shared;
/** The model of the installed @salesforce/types, derived once and cached. */
export async function metadataTypes() {
    shared ??= new MetadataTypes(await loadModel());
    return shared;
}
