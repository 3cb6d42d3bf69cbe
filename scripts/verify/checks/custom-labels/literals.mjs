// User-facing text written into an LWC instead of read from a Custom Label. A heuristic, tuned to flag text and to let
// code through:
// - templates (parsed by the LWC template compiler, which @lwc/compiler brings): text between tags, and literal values
//   of attributes that carry text (label, title, alternative-text, placeholder, aria-label, message-when-…, any
//   *-text, *-label, *-message…) or that read as prose (two words or more); class, style, data-*, id, key, name, type
//   and the like never do, and the keys inside <kbd> are the keyboard shortcuts the code binds;
// - TypeScript/JavaScript (parsed by TypeScript): string and template literals that read as prose (a word beside
//   whitespace: "Unknown error.", `${count} selected`); any word where text goes: the value of a property, variable
//   or getter named like text (label, title, message, …Text, …Label), a property of an object held under such a name
//   (`STAGE_LABELS = { Lead: 'Lead' }`), an argument for a text-named parameter of a function of the file or of a
//   toast; a named list of capitalised words (month names). Not counted: import and mock specifiers, types, property
//   keys, operands of ===/!==, case labels, `as const` values, and arguments of DOM and collection lookups
//   (querySelector, includes, addEventListener, CustomEvent names…); CSS class lists and style declarations are not
//   prose.
// Known gaps: a single lower-case word or an acronym kept under a name that does not say text (`const when = 'today'`,
// `MQL: 'MQL'`), and words passed to a function of another module.
// What the heuristic gets wrong is silenced where it is written, with the reason: a comment holding
// "custom-labels: not user text" on the line or the line above (<!-- … --> in a template).
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { parse as parseTemplate } from '@lwc/template-compiler';
import { projectFiles, projectPath } from '../../lib/project.mjs';

export const MARKER = 'custom-labels: not user text';
const SUBSTITUTION = '\u0000';

const TEXT_ATTRIBUTE =
    /^(label|title|alt|alternative-text|placeholder|aria-label|aria-description|aria-placeholder|aria-roledescription|aria-valuetext|message|header|heading|caption|subject|help-text|field-level-help|message-when-[a-z-]+|[a-z-]+-(text|label|message|title|detail|heading|help|caption))$/;
const NEVER_TEXT_ATTRIBUTE =
    /^(class|style|id|key|name|type|role|variant|size|icon-name|src|href|slot|value|min|max|step|pattern|format|for:.*|lwc:.*|data-.*|aria-(labelledby|describedby|controls|owns|live|hidden|current|expanded|pressed|selected|busy|multiselectable|haspopup|level))$/;
const TEXT_NAME =
    /(label|title|message|text|heading|caption|word|hint|description|placeholder|subject|summary|tooltip|detail|noun|sentence|tense)s?$/i;
const LOOKUP_CALLS = new Set([
    'querySelector',
    'querySelectorAll',
    'closest',
    'matches',
    'getAttribute',
    'setAttribute',
    'removeAttribute',
    'hasAttribute',
    'addEventListener',
    'removeEventListener',
    'createElement',
    'execCommand',
    'includes',
    'has',
    'get',
    'indexOf',
    'startsWith',
    'endsWith',
    'split',
    'join',
    'replace',
    'padStart',
    'padEnd',
    'require',
    'mock',
    'subscribe'
]);
const EQUALITY = new Set([
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken
]);

const hasWord = (value) => /\p{L}/u.test(value);
const tokens = (value) => value.split(/\s+/).filter(Boolean);

/**
 * "slds-button slds-button_brand", "tile tile_red slds-box": lower-case class names, half of them at least with - or _
 * (so "is now a sales-qualified lead" stays prose).
 */
function isClassList(value) {
    const classes = tokens(value.replaceAll(SUBSTITUTION, ' '));
    return (
        classes.length > 0 &&
        classes.every((name) => /^[a-z][a-z0-9]*(?:[-_]+[a-z0-9]+)*[-_]?$/.test(name)) &&
        classes.filter((name) => /[-_]/.test(name)).length * 2 >= classes.length
    );
}

/** "left: 10%; width: 20%;": CSS declarations. */
const isStyle = (value) =>
    /:/.test(value) &&
    value
        .split(';')
        .filter((part) => part.trim())
        .every((part) => /^\s*[a-z-]+\s*:\s*[^:]*$/.test(part));

/** Two words, or a word and a filled-in value, side by side: text a person reads. */
function isProse(value) {
    const parts = tokens(value);
    if (parts.length < 2 || isClassList(value) || isStyle(value)) return false;
    return parts.some((part) => /\p{L}{2,}/u.test(part.replaceAll(SUBSTITUTION, '')));
}

/** An API or code name: one token joined by _ . : / or $, or written in capitals ("MQL", "ArrowDown" is caught by case). */
const isCodeName = (value) => /^[\w$.:/#-]+$/.test(value) && (/[_.:/#$]/.test(value) || !/^\p{Lu}\p{Ll}/u.test(value));

// ------------------------------------------------------------------------------------------------------- templates

function templateProblems(text, report) {
    let parsed;
    try {
        parsed = parseTemplate(text, {});
    } catch {
        return; // the build reports a template that does not compile
    }
    const lines = text.split('\n');
    const silenced = (line) => [line, line - 1].some((number) => lines[number - 1]?.includes(MARKER));
    const flag = (line, what, value) => {
        if (!silenced(line)) report(line, what, value.replace(/\s+/g, ' ').trim());
    };
    const visit = (node, inKbd) => {
        if (node.type === 'Text' && node.value?.type === 'Literal' && hasWord(node.value.value) && !inKbd) {
            const raw = node.raw ?? node.value.value;
            const offset = raw.length - raw.trimStart().length;
            const line = node.location.startLine + (raw.slice(0, offset).match(/\n/g)?.length ?? 0);
            flag(line, 'text in a template', node.value.value);
        }
        for (const attribute of [...(node.attributes ?? []), ...(node.properties ?? [])]) {
            if (attribute.value?.type !== 'Literal' || typeof attribute.value.value !== 'string') continue;
            const name = attribute.attributeName ?? attribute.name;
            const value = attribute.value.value;
            if (NEVER_TEXT_ATTRIBUTE.test(name) || !hasWord(value)) continue;
            if (TEXT_ATTRIBUTE.test(name) || isProse(value)) {
                flag(attribute.location?.startLine ?? node.location.startLine, `the ${name} attribute`, value);
            }
        }
        for (const child of node.children ?? []) visit(child, inKbd || node.name === 'kbd');
    };
    visit(parsed.root, false);
}

// ------------------------------------------------------------------------------------------------------ TypeScript

function calleeName(call) {
    const callee = call.expression;
    if (ts.isIdentifier(callee)) return callee.text;
    if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
    return undefined;
}

/**
 * Where a literal's value goes, past parentheses, conditionals, `??`/`||`/`&&`, `as` and the template literal it is
 * part of: the node that receives it.
 */
function destination(node) {
    let child = node;
    let parent = node.parent;
    while (
        parent &&
        (ts.isParenthesizedExpression(parent) ||
            ts.isConditionalExpression(parent) ||
            ts.isTemplateSpan(parent) ||
            ts.isTemplateExpression(parent) ||
            ts.isArrayLiteralExpression(parent) ||
            ts.isSpreadElement(parent) ||
            (ts.isBinaryExpression(parent) &&
                [
                    ts.SyntaxKind.QuestionQuestionToken,
                    ts.SyntaxKind.BarBarToken,
                    ts.SyntaxKind.AmpersandAmpersandToken
                ].includes(parent.operatorToken.kind)) ||
            (ts.isAsExpression(parent) && !isAsConst(parent)) ||
            ts.isSatisfiesExpression?.(parent))
    ) {
        child = parent;
        parent = parent.parent;
    }
    return { child, parent };
}

const isAsConst = (node) =>
    ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'const';

function enclosingFunctionName(node) {
    for (let current = node.parent; current; current = current.parent) {
        if (ts.isFunctionDeclaration(current) || ts.isMethodDeclaration(current) || ts.isGetAccessor(current)) {
            return current.name?.getText();
        }
        if (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) {
            const holder = current.parent;
            if (
                holder &&
                (ts.isVariableDeclaration(holder) ||
                    ts.isPropertyAssignment(holder) ||
                    ts.isPropertyDeclaration(holder))
            ) {
                return holder.name.getText();
            }
            return undefined;
        }
    }
    return undefined;
}

/** Why a literal is code, or undefined when it may be text. */
function codeContext(node) {
    for (let current = node.parent; current; current = current.parent) {
        if (ts.isTypeNode(current) || ts.isImportDeclaration(current) || ts.isExportDeclaration(current)) return 'code';
        if (isAsConst(current)) return 'code';
        if (ts.isBlock(current) || ts.isSourceFile(current)) break;
    }
    const { child, parent } = destination(node);
    if (!parent) return undefined;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name === child) return 'code';
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === child) return 'code';
    if (ts.isBinaryExpression(parent) && EQUALITY.has(parent.operatorToken.kind)) return 'code';
    if (ts.isCaseClause(parent)) return 'code';
    if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) return 'code';
    if (ts.isCallExpression(parent) && LOOKUP_CALLS.has(calleeName(parent))) return 'code';
    if (ts.isNewExpression(parent) && parent.arguments?.[0] === child && /Event$/.test(parent.expression.getText())) {
        // new CustomEvent('change'): an event name. ShowToastEvent takes an object, checked by its keys.
        return 'code';
    }
    return undefined;
}

/** The name an object literal is given to: `const STAGE_LABELS = { … }`, `texts: { … }`. */
function holderName(objectLiteral) {
    const { child, parent } = destination(objectLiteral);
    const named =
        parent &&
        (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isVariableDeclaration(parent));
    return named && parent.initializer === child ? parent.name.getText() : '';
}

/** The parameter names of the functions and methods a file declares, by name: where a call's arguments go. */
function declaredParameters(source) {
    const parameters = new Map();
    const visit = (node) => {
        if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) {
            parameters.set(
                node.name.getText(),
                node.parameters.map((parameter) => parameter.name.getText())
            );
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return parameters;
}

/**
 * Whether the literal goes where a text goes: a text-named property, variable, getter or parameter of a function of
 * the file (a property of an object held under a text name counts: `STAGE_LABELS = { Lead: 'Lead' }`), or a toast.
 */
function isTextDestination(node, parameters) {
    const { child, parent } = destination(node);
    if (!parent) return false;
    if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isVariableDeclaration(parent)) {
        if (parent.initializer !== child) return false;
        if (TEXT_NAME.test(parent.name.getText())) return true;
        return ts.isPropertyAssignment(parent) && TEXT_NAME.test(holderName(parent.parent));
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const target = parent.left;
        return TEXT_NAME.test(ts.isPropertyAccessExpression(target) ? target.name.text : target.getText());
    }
    if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) {
        return TEXT_NAME.test(enclosingFunctionName(child) ?? '');
    }
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
        const name = ts.isCallExpression(parent) ? calleeName(parent) : parent.expression.getText();
        const parameter = parameters.get(name ?? '')?.[parent.arguments?.indexOf(child) ?? -1];
        return /toast/i.test(name ?? '') || TEXT_NAME.test(parameter ?? '');
    }
    return false;
}

/**
 * `const months = ['Jan', 'Feb', …]`: a named list of capitalised words. Not `as const` (a list of API values would be)
 * nor the value of an object's property (`SQL: ['Opportunity', 'Recycled']`, stages a stage leads to).
 */
function isWordList(node) {
    const list = node.parent;
    if (!list || !ts.isArrayLiteralExpression(list) || list.elements.length < 2) return false;
    const { parent } = destination(list);
    if (!parent || !(ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent))) return false;
    return list.elements.every((element) => ts.isStringLiteral(element) && /^\p{Lu}\p{Ll}+\.?$/u.test(element.text));
}

function staticText(node) {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    return node.head.text + node.templateSpans.map((span) => SUBSTITUTION + span.literal.text).join('');
}

function scriptProblems(file, text, report) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const parameters = declaredParameters(source);
    const lines = text.split('\n');
    const visit = (node) => {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
            const value = staticText(node);
            const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            const silenced = [line, line - 1].some((number) => lines[number - 1]?.includes(MARKER));
            if (!silenced && hasWord(value) && !codeContext(node)) {
                const text =
                    isProse(value) ||
                    isWordList(node) ||
                    (isTextDestination(node, parameters) && !isClassList(value) && !isCodeName(value));
                if (text) report(line, ts.isStringLiteral(node) ? 'a string' : 'a template literal', value);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
}

// ---------------------------------------------------------------------------------------------------------- check

const shown = (value) => {
    const text = value.replaceAll(SUBSTITUTION, '${…}');
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Problems: user-facing text in the LWC sources and templates of the package directories (tests excluded). */
export function checkLiterals(root, report) {
    const files = projectFiles(root, (file) => file.includes('/lwc/') && !file.includes('/__tests__/'));
    const present = new Set(files);
    for (const file of files) {
        const path = projectPath(root, file);
        const at = (line, what, value) =>
            report(
                path,
                line,
                `${what} holds the user-facing text "${shown(value)}": make it a Custom Label in the labels file ` +
                    'of this feature (main/<feature>/labels/CustomLabels.labels-meta.xml), import it from ' +
                    `@salesforce/label/c.<Name>${path.endsWith('.html') ? ' and bind it ({labels.<name>})' : ''}, ` +
                    `with {0}, {1} where values go (formatLabel of c/labelFormat). Not text? Say so: "${MARKER}".`
            );
        if (file.endsWith('.html')) {
            templateProblems(readFileSync(file, 'utf8'), at);
        } else if (/\.(ts|js)$/.test(file) && !file.endsWith('.d.ts')) {
            // A .js beside a .ts is the build's output: the .ts is the source.
            if (file.endsWith('.js') && present.has(file.replace(/\.js$/, '.ts'))) continue;
            scriptProblems(file, readFileSync(file, 'utf8'), at);
        }
    }
}
