// Docs: the names a README or a page under docs/ gives in backticks exist in the project, so that a renamed rule, flow,
// class or method cannot live on in the docs. Checked: metadata developer names (`Words_Like_This`: validation rules,
// flows, permission sets, queues, custom metadata records...), custom objects and fields, Apex classes named by the
// project's class suffixes, `Class.member` of a project class, `@salesforce/apex/Class.method`, and the parameters of
// a `declare module '@salesforce/apex/...'` example. A page that names something on purpose that the project does not
// have (a former name in migration notes, a placeholder, a deliberately wrong value) lists it once, anywhere in the
// page: <!-- cross-references: not in the project: Old_Name, X__r -->.
import { readFileSync } from 'node:fs';
import { classIndex } from '../../lib/apex-classes.mjs';
import { lineAt } from '../../lib/project.mjs';
import { closest, fieldPathProblem, isCustomName, objectExists, unknownObjectMessage } from '../../lib/schema.mjs';
import { declaredNames, markdownDocs, markdownParts } from './docs-sources.mjs';

// Developer names as metadata spells them; ALL_CAPS names are constants and environment variables, not metadata.
const DEVELOPER_NAME = /^[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)+$/;
// The project's Apex class names end in their role (README, naming); other CamelCase words are left alone.
const APEX_CLASS_NAME = /^[A-Z][A-Za-z0-9]*(Controller|Service|Selector|Action|Test|TestData|TestSupport|Scenario)$/;
const APEX_IMPORT = '@salesforce/apex/';
const APEX_DECLARATION = /declare module '@salesforce\/apex\/(\w+)\.(\w+)'\s*\{([\s\S]*?)\n\s*\}/g;
const NOT_IN_PROJECT = /<!--\s*cross-references:\s*not in the project:([\s\S]*?)-->/g;

const didYouMean = (name, candidates) => {
    const suggestion = closest(name, candidates);
    return suggestion ? ` (did you mean ${suggestion}?)` : '';
};

/** The names a page says are not in the project, by lower case. */
function namesNotInProject(text) {
    const names = new Set();
    for (const [, list] of text.matchAll(NOT_IN_PROJECT)) {
        for (const name of list.split(/[\s,]+/).filter(Boolean)) names.add(name.toLowerCase());
    }
    return names;
}

/** `Class`, `Class.member`, `Class.member(args)`, `Class.cls` → ['Class', 'member'], or undefined when not a path. */
function dottedPath(code) {
    const path = code.replace(/\(.*\)$/, '').replace(/\.cls$/, '');
    return /^[A-Za-z]\w*(\.\w+)*$/.test(path) ? path.split('.') : undefined;
}

function memberProblem(apexClass, path) {
    let current = apexClass;
    for (const [index, name] of path.entries()) {
        if (current.kind === 'enum' || current.errors?.length) return undefined; // values and broken files: not modelled
        const lower = name.toLowerCase();
        const inner = current.innerClasses.find((item) => item.name.toLowerCase() === lower);
        if (inner) {
            current = inner;
            continue;
        }
        const members = [...current.methods, ...current.fields];
        if (index === path.length - 1 && members.some((item) => item.name.toLowerCase() === lower)) return undefined;
        const candidates = [...members, ...current.innerClasses].map((item) => item.name);
        return (
            `${current.name} has no method, property or inner class ${name}${didYouMean(name, candidates)} ` +
            `(${apexClass.file})`
        );
    }
    return undefined;
}

function apexProblem(classes, path, { claimed = false } = {}) {
    const apexClass = classes.get(path[0].toLowerCase());
    if (apexClass) return path.length > 1 ? memberProblem(apexClass, path.slice(1)) : undefined;
    if (!claimed && !APEX_CLASS_NAME.test(path[0])) return undefined;
    const names = [...classes.values()].map((item) => item.name);
    return `no Apex class ${path[0]}${didYouMean(path[0], names)}: no classes/${path[0]}.cls in any package directory`;
}

function schemaProblem(schema, path) {
    const [first, ...rest] = path;
    if (rest.length) return objectExists(schema, first) ? fieldPathProblem(schema, first, rest) : undefined;
    if (/__(mdt|e)$/i.test(first)) return unknownObjectMessage(schema, first);
    const lower = first.toLowerCase();
    const objects = [...schema.objects.values()];
    if (objects.some((object) => object.declared && object.name.toLowerCase() === lower)) return undefined;
    if (objects.some((object) => object.fields.has(lower) || object.relationships.has(lower))) return undefined;
    if (objects.some((object) => object.children.has(lower))) return undefined;
    const names = objects.flatMap((object) => [object.name, ...[...object.fields.values()].map((field) => field.name)]);
    return (
        `no object, field or relationship ${first}${didYouMean(first, names)} in any objects/ folder ` +
        '(see docs/data-model.md)'
    );
}

function nameProblem(names, name) {
    if (names.has(name.toLowerCase())) return undefined;
    return (
        `no validation rule, flow, permission set, queue, group, custom metadata record or other metadata is named ` +
        `${name}${didYouMean(name, [...names.values()])}`
    );
}

/** Problem of one inline code span, or undefined when it names nothing checkable or only what exists. */
function codeProblem({ schema, classes, names }, code) {
    if (code.startsWith(APEX_IMPORT)) {
        const path = dottedPath(code.slice(APEX_IMPORT.length));
        return path && apexProblem(classes, path, { claimed: true });
    }
    const path = dottedPath(code);
    if (!path) return undefined;
    if (path.some((part) => part.includes('__'))) {
        // Object.Field__c, Field__c, Relationship__r.Field__c; not Class.CONSTANT__X or other dotted code.
        return path.slice(1).every((part) => isCustomName(part) || !part.includes('__'))
            ? schemaProblem(schema, path)
            : undefined;
    }
    if (path.length === 1 && DEVELOPER_NAME.test(path[0]) && /[a-z]/.test(path[0])) return nameProblem(names, path[0]);
    return apexProblem(classes, path);
}

/** The top-level keys of the `{ ... }` parameter object of `ApexMethod<{ ... }, Result>`; [] without parameters. */
function declaredParameters(body) {
    const open = body.search(/ApexMethod<\s*\{/);
    if (open < 0) return [];
    let inner = '';
    let depth = 0;
    for (const char of body.slice(body.indexOf('{', open))) {
        if (char === '{') depth++;
        else if (char === '}') depth--;
        else if (depth === 1) inner += char; // deeper: the properties of a parameter's own object type
        if (depth === 0) break;
    }
    return [...inner.matchAll(/(\w+)\??\s*:/g)].map((match) => match[1]);
}

const nameSet = (names) =>
    names
        .map((name) => name.toLowerCase())
        .sort()
        .join();

/** Problems of `declare module '@salesforce/apex/C.m'` examples whose parameters differ from the Apex method's. */
function declarationProblems(classes, block) {
    const problems = [];
    for (const match of block.text.matchAll(APEX_DECLARATION)) {
        const [, className, methodName, body] = match;
        const method = classes
            .get(className.toLowerCase())
            ?.methods.find((item) => item.name.toLowerCase() === methodName.toLowerCase());
        if (!method) continue; // the import itself is reported
        const declared = declaredParameters(body);
        if (nameSet(declared) === nameSet(method.parameters.map((parameter) => parameter.name))) continue;
        const signature = method.parameters.map((parameter) => `${parameter.type} ${parameter.name}`).join(', ');
        problems.push({
            line: block.line + lineAt(block.text, match.index) - 1,
            message:
                `Doc example declares ${className}.${methodName} with parameters {${declared.join(', ')}}, but the ` +
                `Apex method is ${methodName}(${signature}). Copy the declaration from types/apex/${className}.d.ts.`
        });
    }
    return problems;
}

export function checkDocs(schema, classes, root, report) {
    const context = { schema, classes: classIndex(classes), names: declaredNames(root) };
    for (const file of markdownDocs(root)) {
        const text = readFileSync(file, 'utf8');
        const notInProject = namesNotInProject(text);
        const { spans, blocks } = markdownParts(text);
        const references = [
            ...spans,
            ...blocks.flatMap((block) =>
                [...block.text.matchAll(/'(@salesforce\/apex\/[\w.]+)'/g)].map((match) => ({
                    code: match[1],
                    line: block.line + lineAt(block.text, match.index) - 1
                }))
            )
        ];
        for (const { code, line } of references) {
            if (notInProject.has(code.toLowerCase())) continue;
            const message = codeProblem(context, code);
            if (!message) continue;
            report.add(
                file,
                line,
                `Doc names \`${code}\`: ${message.replace(/\.$/, '')}. Fix the name in the doc; if the page names it on purpose (a former ` +
                    `name, a placeholder, a deliberately wrong value), list it in the page: ` +
                    `<!-- cross-references: not in the project: ${code} -->.`
            );
        }
        for (const { line, message } of blocks.flatMap((block) => declarationProblems(context.classes, block))) {
            report.add(file, line, message);
        }
    }
}
