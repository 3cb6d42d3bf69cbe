// Feature boundaries: the app is one folder per feature under <package directory>/main/ (force-app/main/sdr-inbox,
// force-app/main/manager-insights, …). A feature's code may use its own folder, the shared folder, and the feature
// folders that config/feature-boundaries.json lets it use; a reference to any other feature's code or texts fails,
// naming both ends and what to do (move what several features need to the shared folder, or declare the dependency).
//
// Counted: Apex class names in Apex code (not in comments or strings, not members after a dot, not the names of
// variables, properties or methods being declared); in LWC sources, imports of `c/<module>`,
// `@salesforce/apex/<Class>.<method>` and `@salesforce/label/c.<Label>` (jest.mock too; a label belongs to the feature
// whose labels/ folder defines it) and `<c-…>` tags in templates; Flow Apex actions and subflows.
// Not counted: custom objects and fields (the data model is every feature's), permission sets, apps and pages (they
// compose the features), and test-only package directories (another's `unpackagedMetadata`, like force-app-tests),
// whose tests may use several features.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { ApexLexer, ApexParserFactory } from '@apexdevtools/apex-parser';
import { lineAt, projectPath, readMetadataXml } from '../lib/project.mjs';
import { readLabelFile } from '../lib/custom-labels.cjs';

export const CONFIG_FILE = 'config/feature-boundaries.json';
const DEFAULT_SHARED = 'shared';

/** The package directories that make the app (not test-only ones), as absolute paths. */
function appDirectories(root) {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    const testOnly = new Set(project.packageDirectories.map((dir) => dir.unpackagedMetadata?.path).filter(Boolean));
    return project.packageDirectories.filter((dir) => !testOnly.has(dir.path)).map((dir) => join(root, dir.path));
}

function filesUnder(dir) {
    return readdirSync(dir).flatMap((name) => {
        if (name === 'node_modules' || name.startsWith('.')) return [];
        const path = join(dir, name);
        return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Every feature folder of the app: [{ name, dir, files }]. */
function featureFolders(root) {
    const features = [];
    for (const appDir of appDirectories(root)) {
        const main = join(appDir, 'main');
        if (!existsSync(main)) continue;
        for (const name of readdirSync(main).sort()) {
            const dir = join(main, name);
            if (statSync(dir).isDirectory()) features.push({ name, dir, files: filesUnder(dir).sort() });
        }
    }
    return features;
}

/** Reads the config; problems for a config that does not parse or names folders that do not exist. */
function readConfig(root, featureNames) {
    const file = join(root, CONFIG_FILE);
    const config = { shared: DEFAULT_SHARED, mayUse: new Map(), problems: [] };
    if (!existsSync(file)) return config;
    const text = readFileSync(file, 'utf8');
    let parsed;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        config.problems.push({ file: CONFIG_FILE, message: `is not valid JSON (${error.message}).` });
        return config;
    }
    config.shared = parsed.shared ?? DEFAULT_SHARED;
    for (const [feature, uses] of Object.entries(parsed.mayUse ?? {})) {
        if (!Array.isArray(uses)) {
            config.problems.push({
                file: CONFIG_FILE,
                line: lineAt(text, Math.max(0, text.indexOf(`"${feature}"`))),
                message: `mayUse.${feature} must be a list of feature folder names, like ["handoff-policy"].`
            });
            continue;
        }
        config.mayUse.set(feature, new Set(uses));
        for (const name of [feature, ...uses]) {
            if (featureNames.has(name)) continue;
            config.problems.push({
                file: CONFIG_FILE,
                line: lineAt(text, Math.max(0, text.indexOf(`"${name}"`))),
                message: `names the feature folder ${name}, which no package directory has under main/: fix the name or remove it.`
            });
        }
    }
    return config;
}

/** The folder of the LWC bundle a file belongs to (…/lwc/<module>), or undefined outside lwc folders. */
function lwcBundleOf(file) {
    const parts = file.split(sep);
    const index = parts.lastIndexOf('lwc');
    return index >= 0 && index < parts.length - 2 ? parts.slice(0, index + 2).join(sep) : undefined;
}

/** What each feature owns, by lower-case name: Apex classes, LWC modules, flows, Custom Labels. */
function owners(features) {
    const classes = new Map();
    const modules = new Map();
    const flows = new Map();
    const labels = new Map();
    for (const feature of features) {
        for (const file of feature.files) {
            if (file.endsWith('.cls')) classes.set(basename(file, '.cls').toLowerCase(), { feature, file });
            if (file.endsWith('.labels-meta.xml')) {
                for (const label of readLabelFile(file)) labels.set(label.name.toLowerCase(), { feature, file });
            }
            if (file.endsWith('.flow-meta.xml')) {
                flows.set(basename(file, '.flow-meta.xml').toLowerCase(), { feature, file });
            }
            const bundle = lwcBundleOf(file);
            if (bundle) modules.set(basename(bundle).toLowerCase(), { feature, file: bundle });
        }
    }
    return { classes, modules, flows, labels };
}

// ---------------------------------------------------------------------------------------------------------- sources

// A name between a type and one of these is one being declared (`Type name;`, `Type name = …`, parameters, for-each
// variables, properties, methods), even when it is spelt like a class.
const DECLARED_NAME_FOLLOWERS = new Set(
    ['SEMI', 'ASSIGN', 'COMMA', 'RPAREN', 'COLON', 'LBRACE', 'LPAREN'].map((name) => ApexLexer[name])
);
const TYPE_ENDINGS = new Set(['Identifier', 'GT', 'RBRACK'].map((name) => ApexLexer[name]));

/** Apex: the names the code uses (not in comments or strings, not members after a dot, not declared names). */
function apexReferences(source) {
    const tokens = ApexParserFactory.createLexer(source)
        .getAllTokens()
        .filter((token) => token.channel === 0);
    const references = [];
    tokens.forEach((token, index) => {
        if (token.type === ApexLexer.StringLiteral) return;
        const before = tokens[index - 1];
        const after = tokens[index + 1];
        if (before?.type === ApexLexer.DOT) return;
        if (TYPE_ENDINGS.has(before?.type) && DECLARED_NAME_FOLLOWERS.has(after?.type)) return;
        references.push({ kind: 'class', name: token.text, line: token.line });
    });
    return references;
}

const LWC_IMPORT = /\b(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1|\bjest\.mock\(\s*(['"])([^'"\n]+)\3/g;
const APEX_MODULE = /^@salesforce\/apex(?:Continuation)?\/(\w+)\./;
const C_MODULE = /^c\/(\w+)$/;
const LABEL_MODULE = /^@salesforce\/label\/c\.(\w+)$/;

/** LWC JavaScript or TypeScript: `c/<module>`, `@salesforce/apex/<Class>.<method>` and label imports and mocks. */
function lwcScriptReferences(text) {
    const references = [];
    for (const match of text.matchAll(LWC_IMPORT)) {
        const specifier = match[2] ?? match[4];
        const line = lineAt(text, match.index);
        const apexClass = specifier.match(APEX_MODULE)?.[1];
        const module = specifier.match(C_MODULE)?.[1];
        const label = specifier.match(LABEL_MODULE)?.[1];
        if (apexClass) references.push({ kind: 'class', name: apexClass, line });
        if (module) references.push({ kind: 'module', name: module, line });
        if (label) references.push({ kind: 'label', name: label, line });
    }
    return references;
}

const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** LWC templates: `<c-child-name>` tags, resolved to module names through `modulesByTag`. */
function lwcTemplateReferences(text, modulesByTag) {
    const references = [];
    for (const match of text.matchAll(/<c-([a-z0-9-]+)/g)) {
        const module = modulesByTag.get(match[1]);
        if (module) references.push({ kind: 'module', name: module, line: lineAt(text, match.index) });
    }
    return references;
}

const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const textOf = (value) => String(asArray(value)[0] ?? '').trim();

/** Flows: Apex actions and subflows. */
function flowReferences(file) {
    const text = readFileSync(file, 'utf8');
    const flow = readMetadataXml(file).Flow ?? {};
    const lineOf = (tag, value) => lineAt(text, Math.max(0, text.indexOf(`<${tag}>${value}</${tag}>`)));
    const references = [];
    for (const action of asArray(flow.actionCalls)) {
        if (textOf(action.actionType) !== 'apex') continue;
        const name = textOf(action.actionName);
        references.push({ kind: 'class', name, line: lineOf('actionName', name) });
    }
    for (const subflow of asArray(flow.subflows)) {
        const name = textOf(subflow.flowName);
        references.push({ kind: 'flow', name, line: lineOf('flowName', name) });
    }
    return references;
}

function referencesOf(file, modulesByTag) {
    if (file.endsWith('.cls') || file.endsWith('.trigger')) return apexReferences(readFileSync(file, 'utf8'));
    if (file.endsWith('.flow-meta.xml')) return flowReferences(file);
    if (!lwcBundleOf(file)) return [];
    if (/\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')) {
        // A .js beside a .ts is the build's output: the .ts is the source.
        if (file.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts'))) return [];
        return lwcScriptReferences(readFileSync(file, 'utf8'));
    }
    if (file.endsWith('.html')) return lwcTemplateReferences(readFileSync(file, 'utf8'), modulesByTag);
    return [];
}

// ---------------------------------------------------------------------------------------------------------- check

const KIND_NAMES = { class: 'Apex class', module: 'LWC module', flow: 'flow', label: 'Custom Label' };

function allowedText(feature, config) {
    const others = [config.shared, ...(config.mayUse.get(feature) ?? [])].filter((name) => name !== feature);
    const names = ['its own folder', ...others];
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
}

export function check(root) {
    const features = featureFolders(root);
    const config = readConfig(root, new Set(features.map((feature) => feature.name)));
    const owned = owners(features);
    const modulesByTag = new Map(
        [...owned.modules.values()].map(({ file }) => [kebab(basename(file)), basename(file)])
    );
    const ownersOf = { class: owned.classes, module: owned.modules, flow: owned.flows, label: owned.labels };
    const problems = [...config.problems];

    for (const feature of features) {
        const allowed = new Set([feature.name, config.shared, ...(config.mayUse.get(feature.name) ?? [])]);
        for (const file of feature.files) {
            const found = new Map();
            for (const reference of referencesOf(file, modulesByTag)) {
                const owner = ownersOf[reference.kind].get(reference.name.toLowerCase());
                if (!owner || allowed.has(owner.feature.name)) continue;
                const key = `${reference.kind}:${reference.name.toLowerCase()}`;
                if (found.has(key)) found.get(key).uses++;
                else found.set(key, { ...reference, owner, uses: 1 });
            }
            for (const { kind, name, line, owner, uses } of found.values()) {
                const more = uses > 1 ? ` (and ${uses - 1} more use${uses > 2 ? 's' : ''} in this file)` : '';
                const ownerPath = projectPath(root, owner.file);
                problems.push({
                    file: projectPath(root, file),
                    line,
                    message:
                        `${feature.name} uses the ${KIND_NAMES[kind]} ${name} of ${owner.feature.name} (${ownerPath})${more}, ` +
                        `but ${feature.name} may use only ${allowedText(feature.name, config)}. Move ${name} to the ` +
                        `${config.shared} folder if several features need it, or let ${feature.name} use ` +
                        `${owner.feature.name} in ${CONFIG_FILE}.`
                });
            }
        }
    }
    return problems;
}
