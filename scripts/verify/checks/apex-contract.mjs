// Apex contract: every `@salesforce/apex/<Class>.<method>` that an LWC imports has an exact TypeScript declaration in
// types/apex/, and every declaration there equals the Apex it names: a static @AuraEnabled method (cacheable when
// wired) with the same parameter names and compatible types, and DTO interfaces whose properties are exactly the
// @AuraEnabled fields and properties of the Apex classes of the same qualified names. (The workbench answers each of
// these calls by running the Apex method itself in local-org, so it needs no list of its own to check.)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apexClassLookup, hasAnnotation } from '../lib/apex-classes.mjs';
import { lwcSources } from '../lib/lwc-sources.mjs';
import { projectPath } from '../lib/project.mjs';
import { STANDARD_OBJECTS, isCustomName } from '../lib/schema.mjs';

// require, not import: an ESM import of the 9 MB CommonJS typescript.js scans it for named exports (~0.6 s).
const ts = createRequire(import.meta.url)('typescript');

const APEX_MODULE = '@salesforce/apex/';
const TYPES_DIR = 'types/apex';

const APEX_PRIMITIVES = new Map([
    ...['string', 'id', 'date', 'datetime', 'time', 'blob'].map((name) => [name, 'string']),
    ...['integer', 'long', 'decimal', 'double'].map((name) => [name, 'number']),
    ['boolean', 'boolean'],
    ['object', 'any'],
    ['void', 'void']
]);

const lineOf = (node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
const oneLine = (text) =>
    text
        .replace(/\s+/g, ' ')
        .replace(/([<{[(]) /g, '$1')
        .replace(/ ([>}\])])/g, '$1');
const sameName = (a, b) => a.toLowerCase() === b.toLowerCase();

// ---------------------------------------------------------------------------------------------------------- TypeScript

/** TypeScript type node → { kind: string|number|boolean|void|any|null|list|map|object|literal|other, text, … }. */
function tsShape(node, checker, depth = 0) {
    if (!node) return { kind: 'other', text: 'untyped' };
    const text = oneLine(node.getText());
    const K = ts.SyntaxKind;
    switch (node.kind) {
        case K.StringKeyword:
            return { kind: 'string', text };
        case K.NumberKeyword:
            return { kind: 'number', text };
        case K.BooleanKeyword:
            return { kind: 'boolean', text };
        case K.VoidKeyword:
        case K.UndefinedKeyword:
            return { kind: 'void', text };
        case K.UnknownKeyword:
        case K.AnyKeyword:
            return { kind: 'any', text };
        case K.NullKeyword:
            return { kind: 'null', text };
        case K.LiteralType: {
            const literal = node.literal.kind;
            if (literal === K.StringLiteral || literal === K.NoSubstitutionTemplateLiteral)
                return { kind: 'string', text };
            if (literal === K.NumericLiteral) return { kind: 'number', text };
            if (literal === K.TrueKeyword || literal === K.FalseKeyword) return { kind: 'boolean', text };
            if (literal === K.NullKeyword) return { kind: 'null', text };
            return { kind: 'other', text };
        }
        case K.ParenthesizedType:
            return { ...tsShape(node.type, checker, depth), text };
        case K.TypeOperator:
            return { ...tsShape(node.type, checker, depth), text };
        case K.ArrayType:
            return { kind: 'list', of: tsShape(node.elementType, checker, depth), text };
        case K.UnionType:
            return { ...unionShape(node.types.map((member) => tsShape(member, checker, depth))), text };
        case K.TypeLiteral: {
            const index = node.members.find(ts.isIndexSignatureDeclaration);
            if (index && node.members.length === 1) {
                const key = tsShape(index.parameters[0]?.type, checker, depth);
                return { kind: 'map', key, of: tsShape(index.type, checker, depth), text };
            }
            return { kind: 'literal', text };
        }
        case K.TypeReference:
            return { ...referenceShape(node, checker, depth), text };
        default:
            return { kind: 'other', text };
    }
}

/** `X | null | undefined` is X (Apex values are nullable); a union of string literals is a string. */
function unionShape(members) {
    const values = members.filter((member) => member.kind !== 'null' && member.kind !== 'void');
    if (values.length === 0) return members.some((member) => member.kind === 'void') ? { kind: 'void' } : members[0];
    if (values.length === 1) return values[0];
    const kinds = new Set(values.map((member) => member.kind));
    if (kinds.size === 1 && ['string', 'number', 'boolean'].includes(values[0].kind)) return { kind: values[0].kind };
    return { kind: 'other' };
}

function referenceShape(node, checker, depth) {
    const name = node.typeName.getText();
    const [first, second] = node.typeArguments ?? [];
    if ((name === 'Array' || name === 'ReadonlyArray') && first) return { kind: 'list', of: tsShape(first, checker) };
    if (name === 'Record' && second) {
        return { kind: 'map', key: tsShape(first, checker), of: tsShape(second, checker) };
    }
    let symbol = checker.getSymbolAtLocation(node.typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (declaration && ts.isInterfaceDeclaration(declaration)) {
        return { kind: 'object', name: checker.getFullyQualifiedName(symbol), symbol };
    }
    if (declaration && ts.isTypeAliasDeclaration(declaration) && depth < 10) {
        return tsShape(declaration.type, checker, depth + 1);
    }
    return { kind: 'other', unresolved: !symbol };
}

/** Members of an interface (inherited ones included) or an object type literal: [{ name, node, typeNode }]. */
function tsProperties(checker, symbolOrLiteral) {
    if (ts.isTypeLiteralNode(symbolOrLiteral)) {
        return symbolOrLiteral.members
            .filter((member) => member.name)
            .map((member) => ({ name: member.name.getText(), node: member, typeNode: member.type }));
    }
    return checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbolOrLiteral)).map((property) => {
        const node = property.valueDeclaration ?? property.declarations[0];
        return { name: property.getName(), node, typeNode: node.type };
    });
}

/** Every `declare module '@salesforce/apex/…'` in types/apex/: { program, checker, declarations }. */
function readDeclarations(root) {
    const dir = join(root, TYPES_DIR);
    const files = existsSync(dir)
        ? readdirSync(dir, { recursive: true })
              .filter((name) => name.endsWith('.d.ts'))
              .map((name) => join(dir, name))
              .sort()
        : [];
    const program = ts.createProgram(files, { noLib: true, types: [], noResolve: true, skipLibCheck: true });
    // Binding (done by creating the checker) sets the parent links that node positions and names rely on.
    const checker = program.getTypeChecker();
    const declarations = [];
    for (const sourceFile of program.getSourceFiles()) {
        for (const statement of sourceFile.statements) {
            if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) continue;
            const moduleName = statement.name.text;
            if (!moduleName.startsWith(APEX_MODULE) || moduleName.includes('*')) continue;
            const variable = (statement.body?.statements ?? [])
                .filter(ts.isVariableStatement)
                .flatMap((variableStatement) => variableStatement.declarationList.declarations)
                .find((declaration) => declaration.type);
            declarations.push({
                moduleName,
                reference: moduleName.slice(APEX_MODULE.length),
                file: projectPath(root, sourceFile.fileName),
                line: lineOf(statement),
                node: statement,
                type: variable?.type
            });
        }
    }
    return { checker, declarations };
}

// ---------------------------------------------------------------------------------------------------------- Apex

/** `Map<String,List<Foo.Bar>>` → { name: 'Map', args: [{ name: 'String' }, …], arrays: 0 }. */
function parseApexType(text) {
    let position = 0;
    const parse = () => {
        const name = text.slice(position).match(/^[\w.]+/)?.[0] ?? '';
        position += name.length;
        const args = [];
        if (text[position] === '<') {
            do {
                position++;
                args.push(parse());
            } while (text[position] === ',');
            position++;
        }
        let arrays = 0;
        while (text.startsWith('[]', position)) {
            arrays++;
            position += 2;
        }
        return { name, args, arrays };
    };
    return parse();
}

const apexTypeText = ({ name, args, arrays }) =>
    `${name}${args.length ? `<${args.map(apexTypeText).join(', ')}>` : ''}${'[]'.repeat(arrays)}`;

/**
 * Resolves Apex class names like Apex does: an inner class of the class being read first, then a top-level class;
 * `Outer.Inner` names an inner class of a top-level one. Returns { model, outer, qualifiedName } or undefined.
 */
function resolveApexClass(findClass, name, outer) {
    const parts = name.split('.');
    const innerOf = (top, innerName) => {
        const inner = top?.innerClasses?.find((item) => sameName(item.name, innerName));
        return inner && { model: inner, outer: top, qualifiedName: `${top.name}.${inner.name}` };
    };
    if (parts.length === 2) return innerOf(findClass(parts[0]), parts[1]);
    if (parts.length !== 1) return undefined;
    const inner = innerOf(outer, name);
    if (inner) return inner;
    const top = outer && sameName(outer.name, name) ? outer : findClass(name);
    return top && top.kind !== 'trigger' ? { model: top, outer: top, qualifiedName: top.name } : undefined;
}

/** Apex type text → shape in the terms of tsShape (object: an Apex class; sobject; unresolved). */
function apexShape(findClass, parsed, outer) {
    const text = apexTypeText(parsed);
    if (parsed.arrays) {
        return { kind: 'list', of: apexShape(findClass, { ...parsed, arrays: parsed.arrays - 1 }, outer), text };
    }
    const lower = parsed.name.toLowerCase();
    const [first, second] = parsed.args;
    if ((lower === 'list' || lower === 'set') && first) {
        return { kind: 'list', of: apexShape(findClass, first, outer), text };
    }
    if (lower === 'map' && second) {
        return {
            kind: 'map',
            key: apexShape(findClass, first, outer),
            of: apexShape(findClass, second, outer),
            text
        };
    }
    if (APEX_PRIMITIVES.has(lower)) return { kind: APEX_PRIMITIVES.get(lower), text };
    const resolved = resolveApexClass(findClass, parsed.name, outer);
    if (resolved?.model.errors?.length) return { kind: 'unparsed', text, file: resolved.model.file };
    if (resolved?.model.kind === 'enum') return { kind: 'string', text };
    if (resolved?.model.kind === 'class') return { kind: 'object', ...resolved, text };
    if (lower === 'sobject' || STANDARD_OBJECTS.has(lower) || isCustomName(parsed.name)) {
        return { kind: 'sobject', text };
    }
    return { kind: 'unresolved', text };
}

/** The TypeScript a component should declare for an Apex shape. */
function suggestedTypeScript(apex) {
    switch (apex.kind) {
        case 'list': {
            const element = suggestedTypeScript(apex.of);
            return /[ |]/.test(element) ? `Array<${element}>` : `${element}[]`;
        }
        case 'map': {
            const record = `Record<string, ${suggestedTypeScript(apex.of)}>`;
            return apex.key.kind === 'string' ? record : `${record}, with String keys in Apex (JSON keys are strings)`;
        }
        case 'object':
            return apex.qualifiedName;
        case 'sobject':
            return 'an interface of its field API names';
        case 'any':
            return 'unknown';
        default:
            return apex.kind;
    }
}

/** Whether a TypeScript shape may hold what Apex sends or accepts; `onObjects` receives every interface ↔ class pair. */
function compatible(typescript, apex, onObjects) {
    switch (apex.kind) {
        case 'string':
        case 'number':
        case 'boolean':
        case 'void':
        case 'any':
            return typescript.kind === apex.kind;
        case 'list':
            return typescript.kind === 'list' && compatible(typescript.of, apex.of, onObjects);
        case 'map':
            return (
                typescript.kind === 'map' &&
                typescript.key.kind === 'string' &&
                apex.key.kind === 'string' &&
                compatible(typescript.of, apex.of, onObjects)
            );
        case 'object':
            if (typescript.kind !== 'object' || !sameName(typescript.name, apex.qualifiedName)) return false;
            onObjects(typescript, apex);
            return true;
        case 'sobject':
            return ['object', 'literal', 'map'].includes(typescript.kind);
        default:
            return false;
    }
}

// ---------------------------------------------------------------------------------------------------------- checks

class ContractChecker {
    constructor(root, checker, findClass) {
        this.root = root;
        this.checker = checker;
        this.findClass = findClass;
        this.problems = [];
        this.objectPairs = [];
        this.checkedPairs = new Set();
    }

    report(node, message) {
        this.problems.push({
            file: projectPath(this.root, node.getSourceFile().fileName),
            line: lineOf(node),
            message
        });
    }

    /** Compares one TypeScript type node with one Apex type; reports `what` on a mismatch. */
    compareType(what, typeNode, apexType, outer, where, apexLocation) {
        const typescript = tsShape(typeNode, this.checker);
        const apex = apexShape(this.findClass, parseApexType(apexType), outer);
        if (apex.kind === 'unresolved' || apex.kind === 'unparsed') {
            const why =
                apex.kind === 'unparsed'
                    ? `${apex.file} does not parse`
                    : 'it is no primitive, collection, SObject or Apex class of this project';
            this.report(where, `${what}: Apex type ${apex.text} (${apexLocation}) cannot be mapped because ${why}.`);
            return;
        }
        const pairs = [];
        if (compatible(typescript, apex, (tsObject, apexObject) => pairs.push([tsObject, apexObject]))) {
            this.objectPairs.push(...pairs);
            return;
        }
        const unresolved = typescript.unresolved ? ` (TypeScript type ${typescript.text} is not declared)` : '';
        this.report(
            where,
            `${what} is ${typescript.text} in TypeScript but ${apex.text} in Apex (${apexLocation})${unresolved}: ` +
                `declare it as ${suggestedTypeScript(apex)}.`
        );
    }

    checkDeclaration(declaration, declaredIn) {
        const { reference, node } = declaration;
        const [className, methodName, ...rest] = reference.split('.');
        if (!methodName || rest.length) {
            this.report(
                node,
                `${declaration.moduleName} is not an Apex method module: name it '${APEX_MODULE}<Class>.<method>'.`
            );
            return;
        }
        const expectedFile = `${TYPES_DIR}/${className}.d.ts`;
        if (declaration.file !== expectedFile) {
            this.report(
                node,
                `${reference} is declared in ${declaration.file}: move the declaration to ${expectedFile}.`
            );
        }
        const earlier = declaredIn.get(reference);
        if (earlier) {
            this.report(
                node,
                `${reference} is declared twice (also ${earlier.file}:${earlier.line}): keep one declaration.`
            );
            return;
        }
        declaredIn.set(reference, declaration);
        const stale = `Remove the stale declaration, or fix its name to match the Apex method.`;
        const apexClass = this.findClass(className);
        if (!apexClass) {
            this.report(node, `${reference} is declared, but no Apex class ${className} exists. ${stale}`);
            return;
        }
        if (apexClass.errors.length) {
            this.report(node, `${reference} cannot be checked: ${apexClass.file} does not parse. Fix the Apex syntax.`);
            return;
        }
        const method = apexClass.methods.find((item) => item.name === methodName);
        if (!method) {
            const other = apexClass.methods.find((item) => sameName(item.name, methodName));
            const hint = other ? ` (Apex spells it ${other.name}, line ${other.line})` : '';
            this.report(
                node,
                `${reference} is declared, but ${apexClass.file} has no method ${methodName}${hint}. ${stale}`
            );
            return;
        }
        const apexLocation = `${apexClass.file}:${method.line}`;
        if (!method.isStatic || !hasAnnotation(method, 'AuraEnabled')) {
            this.report(
                node,
                `${reference} is declared, but the Apex method (${apexLocation}) is not static and @AuraEnabled, so ` +
                    `components cannot call it. Make it static @AuraEnabled, or remove the declaration.`
            );
            return;
        }
        this.checkSignature(declaration, apexClass, method, apexLocation);
    }

    checkSignature({ reference, node, type }, apexClass, method, apexLocation) {
        const wrapper = type && ts.isTypeReferenceNode(type) ? type.typeName.getText() : undefined;
        const typeArguments = type?.typeArguments ?? [];
        const apexSignature = `${method.name}(${method.parameters.map((p) => `${p.type} ${p.name}`).join(', ')})`;
        const expectedParameters = this.suggestedParameters(apexClass, method);
        let resultNode;
        let parameters;
        if (wrapper === 'ApexMethod' && typeArguments.length === 2) {
            parameters = this.declaredParameters(typeArguments[0]);
            resultNode = typeArguments[1];
        } else if (wrapper === 'ApexMethodWithoutParams' && typeArguments.length === 1) {
            parameters = [];
            resultNode = typeArguments[0];
        } else {
            this.report(
                type ?? node,
                `${reference} must be declared as ApexMethod<Params, Result> or ApexMethodWithoutParams<Result> ` +
                    `(types/salesforce-platform.d.ts): \`const ${method.name}: ${this.suggestedMethodType(apexClass, method)}\`.`
            );
            return;
        }
        if (!parameters) {
            this.report(
                typeArguments[0],
                `${reference}: declare the parameters as an object type, e.g. ${expectedParameters ?? 'Record<string, never>'}.`
            );
        } else {
            this.checkParameters(reference, parameters, apexClass, method, {
                node: typeArguments[0] ?? type,
                apexLocation,
                apexSignature,
                expectedParameters
            });
        }
        this.compareType(`${reference} result`, resultNode, method.returnType, apexClass, resultNode, apexLocation);
    }

    /** `{ name: string; size: number }` for the parameters of an Apex method, undefined when it takes none. */
    suggestedParameters(apexClass, method) {
        if (!method.parameters.length) return undefined;
        const typeOf = (type) => suggestedTypeScript(apexShape(this.findClass, parseApexType(type), apexClass));
        return `{ ${method.parameters.map((parameter) => `${parameter.name}: ${typeOf(parameter.type)}`).join('; ')} }`;
    }

    /** The ApexMethod type that declares an Apex method exactly. */
    suggestedMethodType(apexClass, method) {
        const parameters = this.suggestedParameters(apexClass, method);
        const result = suggestedTypeScript(apexShape(this.findClass, parseApexType(method.returnType), apexClass));
        return parameters ? `ApexMethod<${parameters}, ${result}>` : `ApexMethodWithoutParams<${result}>`;
    }

    /** Parameter members of the Params type argument, or undefined when it is no object type. */
    declaredParameters(typeNode) {
        if (ts.isTypeLiteralNode(typeNode)) return tsProperties(this.checker, typeNode);
        const shape = tsShape(typeNode, this.checker);
        if (shape.kind === 'object') return tsProperties(this.checker, shape.symbol);
        if (shape.kind === 'map' && /\bnever\b/.test(typeNode.getText())) return [];
        return undefined;
    }

    checkParameters(
        reference,
        parameters,
        apexClass,
        method,
        { node, apexLocation, apexSignature, expectedParameters }
    ) {
        const apexNames = method.parameters.map((parameter) => parameter.name);
        const declaredNames = parameters.map((parameter) => parameter.name);
        const extra = declaredNames.filter((name) => !apexNames.includes(name));
        const missing = apexNames.filter((name) => !declaredNames.includes(name));
        if (extra.length || missing.length) {
            const parts = [
                extra.length && `TypeScript declares ${extra.join(', ')}, which Apex does not take`,
                missing.length && `Apex takes ${missing.join(', ')}, which TypeScript does not declare`
            ].filter(Boolean);
            const fix = expectedParameters
                ? `declare the parameters as ${expectedParameters}`
                : 'declare it as ApexMethodWithoutParams<Result>';
            this.report(
                node,
                `${reference} parameters do not match Apex ${apexSignature} (${apexLocation}): ${parts.join('; ')}. ` +
                    `Parameter names must equal the Apex names: ${fix}.`
            );
        }
        for (const parameter of parameters) {
            const apexParameter = method.parameters.find((item) => item.name === parameter.name);
            if (!apexParameter) continue;
            this.compareType(
                `${reference} parameter ${parameter.name}`,
                parameter.typeNode,
                apexParameter.type,
                apexClass,
                parameter.node,
                apexLocation
            );
        }
    }

    /** Every interface reached from a declaration, against the Apex class of its name (recursively, each pair once). */
    checkObjects() {
        while (this.objectPairs.length) {
            const [typescript, apex] = this.objectPairs.shift();
            const key = `${typescript.name}\n${apex.qualifiedName}`;
            if (this.checkedPairs.has(key)) continue;
            this.checkedPairs.add(key);
            this.checkObject(typescript, apex);
        }
    }

    checkObject(typescript, apex) {
        const interfaceNode = typescript.symbol.declarations.find(ts.isInterfaceDeclaration);
        const properties = tsProperties(this.checker, typescript.symbol);
        const model = apex.model;
        const auraEnabled = model.fields.filter(
            (field) => hasAnnotation(field, 'AuraEnabled') && !field.modifiers.includes('static')
        );
        const at = (field) => `${model.file}:${field.line}`;
        for (const property of properties) {
            const what = `${typescript.name}.${property.name}`;
            const field = auraEnabled.find((item) => item.name === property.name);
            if (field) {
                this.compareType(what, property.typeNode, field.type, apex.outer, property.node, at(field));
                continue;
            }
            const other = model.fields.find((item) => sameName(item.name, property.name));
            let hint = '';
            if (other && other.name !== property.name && auraEnabled.includes(other)) {
                hint = ` (Apex spells it ${other.name}: names are case-sensitive in JSON)`;
            } else if (other) {
                hint = ` (${other.name} at ${at(other)} is ${other.modifiers.includes('static') ? 'static' : 'not @AuraEnabled'}, so it never reaches the component)`;
            }
            this.report(
                property.node,
                `${what} is declared in TypeScript, but Apex ${apex.qualifiedName} (${model.file}:${model.line}) has ` +
                    `no @AuraEnabled field or property ${property.name}${hint}. Rename or remove it in TypeScript, ` +
                    `or add it to Apex.`
            );
        }
        for (const field of auraEnabled) {
            if (properties.some((property) => sameName(property.name, field.name))) continue;
            const type = suggestedTypeScript(apexShape(this.findClass, parseApexType(field.type), apex.outer));
            this.report(
                interfaceNode ?? typescript.symbol.declarations[0],
                `${typescript.name} lacks ${field.name}, which Apex ${apex.qualifiedName} declares @AuraEnabled ` +
                    `(${at(field)}) as ${field.type}: add \`${field.name}: ${type} | null;\` to the interface.`
            );
        }
    }
}

/** Default imports of `@salesforce/apex/C.m` in one LWC source, with whether each is used by a @wire. */
function apexImports(file) {
    const text = readFileSync(file, 'utf8');
    const kind = file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const imports = new Map();
    for (const statement of sourceFile.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const moduleName = statement.moduleSpecifier.text;
        const local = statement.importClause?.name?.text;
        if (!moduleName.startsWith(APEX_MODULE) || !local) continue;
        imports.set(local, { moduleName, reference: moduleName.slice(APEX_MODULE.length), node: statement, wires: [] });
    }
    const visit = (node) => {
        if (ts.isDecorator(node) && ts.isCallExpression(node.expression)) {
            const { expression, arguments: [adapter] = [] } = node.expression;
            if (ts.isIdentifier(expression) && expression.text === 'wire' && adapter && ts.isIdentifier(adapter)) {
                imports.get(adapter.text)?.wires.push(node);
            }
        }
        ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return [...imports.values()];
}

function checkImports(root, declaredIn, contract) {
    for (const file of lwcSources(root)) {
        for (const imported of apexImports(file)) {
            const [className, methodName] = imported.reference.split('.');
            const apexClass = contract.findClass(className);
            const method = apexClass?.methods.find((item) => item.name === methodName);
            if (!declaredIn.has(imported.reference)) {
                const type = method ? contract.suggestedMethodType(apexClass, method) : 'ApexMethod<Params, Result>';
                contract.report(
                    imported.node,
                    `imports ${imported.moduleName}, which has no exact declaration in ${TYPES_DIR}/ (the ` +
                        `${APEX_MODULE}* wildcard types it loosely): add a declaration to ${TYPES_DIR}/${className}.d.ts, ` +
                        `\`declare module '${imported.moduleName}' { const ${methodName}: ${type}; ` +
                        `export default ${methodName}; }\`.`
                );
            }
            const auraEnabled = method?.annotations.find((annotation) => sameName(annotation.name, 'AuraEnabled'));
            if (!auraEnabled) continue;
            const cacheable = Object.entries(auraEnabled.parameters).some(
                ([key, value]) => sameName(key, 'cacheable') && sameName(value, 'true')
            );
            for (const wire of imported.wires) {
                if (cacheable) continue;
                contract.report(
                    wire,
                    `@wire(${wire.expression.arguments[0].getText()}) needs a cacheable Apex method, but ` +
                        `${imported.reference} (${apexClass.file}:${method.line}) is not ` +
                        `@AuraEnabled(cacheable=true): make it cacheable, or call it imperatively.`
                );
            }
        }
    }
}

export async function check(root) {
    const { checker, declarations } = readDeclarations(root);
    const contract = new ContractChecker(root, checker, apexClassLookup(root, { membersOnly: true }));
    const declaredIn = new Map();
    for (const declaration of declarations) contract.checkDeclaration(declaration, declaredIn);
    contract.checkObjects();
    checkImports(root, declaredIn, contract);
    return contract.problems;
}
