// Apex source as data: parse trees from @apexdevtools/apex-parser and a model of every class (methods, annotations,
// parameters, fields, inner classes) for checks that compare Apex with Flows, LWC imports or TypeScript types.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { apexMemberSkeleton } from './apex-skeleton.mjs';
import { projectFiles, projectPath } from './project.mjs';

class CollectingErrorListener extends ApexErrorListener {
    errors = [];
    apexSyntaxError(line, column, message) {
        this.errors.push({ line, column, message });
    }
}

/** Parses a .cls (compilation unit) or .trigger (trigger unit). Returns { tree, errors: [{ line, message }] }. */
export function parseApex(source, kind = 'class') {
    const listener = new CollectingErrorListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const tree = kind === 'trigger' ? parser.triggerUnit() : parser.compilationUnit();
    return { tree, errors: listener.errors };
}

/** Rule name of a parse tree node: `DotExpression` for DotExpressionContext. */
export const ruleOf = (node) => node.constructor.name.replace(/Context$/, '');

/** Child nodes that are rules (not tokens). */
export const ruleChildren = (node) => (node.children ?? []).filter((child) => child.children !== undefined);

/** First child rule of a given name. */
export const childRule = (node, name) => ruleChildren(node).find((child) => ruleOf(child) === name);

/** Every descendant rule (depth first, node included) for which `accept` holds. */
export function descendants(node, accept, found = []) {
    if (accept(node)) found.push(node);
    for (const child of ruleChildren(node)) descendants(child, accept, found);
    return found;
}

/** Source text of a type reference without spaces: `List<Lead>`, `Map<Id,Lead>`. */
export const typeText = (typeRef) => typeRef?.getText();

function annotationsOf(modifiers) {
    return modifiers
        .map((modifier) => childRule(modifier, 'Annotation'))
        .filter(Boolean)
        .map((annotation) => {
            const pairs = descendants(annotation, (node) => ruleOf(node) === 'ElementValuePair');
            return {
                name: (childRule(annotation, 'QualifiedName') ?? childRule(annotation, 'Id')).getText(),
                parameters: Object.fromEntries(
                    pairs.map((pair) => [childRule(pair, 'Id').getText(), childRule(pair, 'ElementValue').getText()])
                )
            };
        });
}

function keywordsOf(modifiers) {
    return modifiers.filter((modifier) => !childRule(modifier, 'Annotation')).map((m) => m.getText().toLowerCase());
}

function parametersOf(formalParameters) {
    return descendants(formalParameters, (node) => ruleOf(node) === 'FormalParameter').map((parameter) => ({
        name: childRule(parameter, 'Id').getText(),
        type: typeText(childRule(parameter, 'TypeRef'))
    }));
}

function classModel(declaration, modifiers, file) {
    const model = {
        name: childRule(declaration, 'Id').getText(),
        file,
        line: declaration.start.line,
        kind: ruleOf(declaration)
            .replace(/Declaration$/, '')
            .toLowerCase(),
        modifiers: keywordsOf(modifiers),
        annotations: annotationsOf(modifiers),
        methods: [],
        fields: [],
        innerClasses: []
    };
    const body = childRule(declaration, 'ClassBody') ?? childRule(declaration, 'InterfaceBody');
    for (const member of ruleChildren(body ?? declaration)) {
        const memberModifiers = ruleChildren(member).filter((child) => ruleOf(child) === 'Modifier');
        const declared =
            ruleOf(member) === 'InterfaceMethodDeclaration' ? member : childRule(member, 'MemberDeclaration');
        const inner =
            declared && ruleOf(declared) !== 'InterfaceMethodDeclaration' ? ruleChildren(declared)[0] : declared;
        if (!inner) continue;
        const common = {
            modifiers: keywordsOf(memberModifiers),
            annotations: annotationsOf(memberModifiers),
            line: inner.start.line
        };
        const rule = ruleOf(inner);
        if (rule === 'MethodDeclaration' || rule === 'InterfaceMethodDeclaration') {
            model.methods.push({
                name: childRule(inner, 'Id').getText(),
                returnType: typeText(childRule(inner, 'TypeRef')) ?? 'void',
                parameters: parametersOf(childRule(inner, 'FormalParameters')),
                isStatic: common.modifiers.includes('static'),
                ...common
            });
        } else if (rule === 'FieldDeclaration') {
            const type = typeText(childRule(inner, 'TypeRef'));
            for (const variable of descendants(childRule(inner, 'VariableDeclarators'), (node) =>
                ['VariableDeclarator'].includes(ruleOf(node))
            )) {
                model.fields.push({ name: childRule(variable, 'Id').getText(), type, property: false, ...common });
            }
        } else if (rule === 'PropertyDeclaration') {
            model.fields.push({
                name: childRule(inner, 'Id').getText(),
                type: typeText(childRule(inner, 'TypeRef')),
                property: true,
                ...common
            });
        } else if (['ClassDeclaration', 'InterfaceDeclaration', 'EnumDeclaration'].includes(rule)) {
            model.innerClasses.push(classModel(inner, memberModifiers, file));
        }
    }
    return model;
}

const hasAnnotation = (member, name) =>
    member.annotations.some((annotation) => annotation.name.toLowerCase() === name.toLowerCase());
export { hasAnnotation };

/**
 * Every Apex class and trigger in the package directories, parsed once per call:
 * [{ name, file, kind: 'class'|'interface'|'enum'|'trigger', tree, errors, source, modifiers, annotations,
 *    methods: [{ name, returnType, parameters: [{ name, type }], isStatic, modifiers, annotations, line }],
 *    fields: [{ name, type, property, modifiers, annotations, line }], innerClasses: [same shape] }].
 * Files that do not parse still appear, with `errors` and no members.
 */
export function apexClasses(root) {
    return projectFiles(root, (file) => file.endsWith('.cls') || file.endsWith('.trigger')).map((path) =>
        readApexFile(root, path)
    );
}

/**
 * The model of one .cls or .trigger file (absolute path), in the shape apexClasses() returns. With `membersOnly`,
 * method bodies are not parsed (much faster; `tree` then holds empty bodies), unless the skeleton does not parse.
 */
export function readApexFile(root, path, { membersOnly = false } = {}) {
    const source = readFileSync(path, 'utf8');
    const kind = path.endsWith('.trigger') ? 'trigger' : 'class';
    const file = projectPath(root, path);
    let parsed = membersOnly && kind === 'class' ? parseApex(apexMemberSkeleton(source), kind) : undefined;
    if (!parsed || parsed.errors.length) parsed = parseApex(source, kind);
    const { tree, errors } = parsed;
    const name = basename(path).replace(/\.(cls|trigger)$/, '');
    const base = { name, file, source, tree, errors, modifiers: [], annotations: [], methods: [], fields: [] };
    if (kind === 'trigger' || errors.length) return { ...base, kind, innerClasses: [] };
    const typeDeclaration = childRule(tree, 'TypeDeclaration');
    const modifiers = ruleChildren(typeDeclaration).filter((child) => ruleOf(child) === 'Modifier');
    const declaration = ruleChildren(typeDeclaration).find((child) => ruleOf(child) !== 'Modifier');
    return { ...base, ...classModel(declaration, modifiers, file), name, source, tree, errors };
}

/**
 * A lookup of top-level classes by name (case-insensitive) that parses each .cls only when first asked for:
 * parsing is the slow part, and a check that needs a few classes should not pay for all of them.
 * `membersOnly` as for readApexFile.
 */
export function apexClassLookup(root, { membersOnly = false } = {}) {
    const paths = new Map(
        projectFiles(root, (file) => file.endsWith('.cls')).map((path) => [basename(path, '.cls').toLowerCase(), path])
    );
    const parsed = new Map();
    return (name) => {
        const key = name.toLowerCase();
        if (!paths.has(key)) return undefined;
        if (!parsed.has(key)) parsed.set(key, readApexFile(root, paths.get(key), { membersOnly }));
        return parsed.get(key);
    };
}

/** Index of top-level classes by lower-case name. */
export function classIndex(classes) {
    return new Map(classes.filter((item) => item.kind !== 'trigger').map((item) => [item.name.toLowerCase(), item]));
}
