// Which SObjects and fields an Apex file names: in SOQL/SOSL, field tokens (Lead.X__c, SObjectType.Lead.fields.X__c),
// `new Lead(X__c = ...)`, and `record.X__c` where the record's static type is known. A small static typer follows
// locals, parameters, class fields, for-loop variables, list/map elements, Trigger.new and CMDT getInstance/getAll.
import { childRule, descendants, ruleChildren, ruleOf } from './apex-classes.mjs';
import { STANDARD_OBJECTS, isCustomName, objectAtPath, objectOf } from './schema.mjs';

/**
 * References found in one parsed Apex file (`apexClass` from apexClasses()):
 * { kind: 'object', name, line } | { kind: 'field', object, path: string[], line }
 * | { kind: 'child', parent, relationship, line } (a sub-query over a child relationship);
 * each also has `where`: 'SOQL', 'SOSL' or 'Apex'.
 * Paths are relative to `object`; the caller decides which names must exist.
 */
export function apexSchemaReferences(apexClass, schema, classes) {
    const references = [];
    const typer = new ApexTyper(schema, classes, apexClass, references);
    typer.walk(apexClass.tree, new Scope());
    return references;
}

class Scope {
    constructor(parent) {
        this.parent = parent;
        this.variables = new Map();
    }
    define(name, type) {
        this.variables.set(name.toLowerCase(), type);
    }
    has(name) {
        const key = name.toLowerCase();
        for (let scope = this; scope; scope = scope.parent) if (scope.variables.has(key)) return true;
        return false;
    }
    lookup(name) {
        const key = name.toLowerCase();
        for (let scope = this; scope; scope = scope.parent) {
            if (scope.variables.has(key)) return scope.variables.get(key);
        }
        return undefined;
    }
}

const line = (node) => node.start.line;
const idText = (node) => childRule(node, 'Id')?.getText() ?? childRule(node, 'AnyId')?.getText();

/** Splits `Map<Id,List<Lead>>` into its outer name and top-level type arguments. */
function splitType(type) {
    const clean = type.replace(/\s+/g, '');
    if (clean.endsWith('[]')) return { name: 'list', args: [clean.slice(0, -2)] };
    const open = clean.indexOf('<');
    if (open < 0) return { name: clean.toLowerCase(), args: [] };
    const args = [];
    let depth = 0;
    let start = open + 1;
    for (let i = start; i < clean.length - 1; i++) {
        if (clean[i] === '<') depth++;
        else if (clean[i] === '>') depth--;
        else if (clean[i] === ',' && depth === 0) {
            args.push(clean.slice(start, i));
            start = i + 1;
        }
    }
    args.push(clean.slice(start, clean.length - 1));
    return { name: clean.slice(0, open).toLowerCase(), args };
}

class ApexTyper {
    constructor(schema, classes, apexClass, references) {
        this.schema = schema;
        this.classes = classes;
        this.apexClass = apexClass;
        this.references = references;
        this.handled = new Set();
        this.triggerObject = undefined;
    }

    /** An SObject name the code can use as a type: declared in objects/, a common standard object, or custom. */
    isSObjectName(name) {
        const bare = name.replace(/^Schema\./i, '');
        return Boolean(objectOf(this.schema, bare)) || STANDARD_OBJECTS.has(bare.toLowerCase()) || isCustomName(bare);
    }

    classModel(name) {
        const lower = name.toLowerCase().split('.');
        let model = this.classes.get(lower[0]);
        if (!model) model = this.apexClass.innerClasses?.find((inner) => inner.name.toLowerCase() === lower[0]);
        for (const innerName of lower.slice(1)) {
            model = model?.innerClasses?.find((inner) => inner.name.toLowerCase() === innerName);
        }
        return model;
    }

    /** A type descriptor from Apex type text: { sobject } | { list } | { map } | { apexClass } | undefined. */
    describe(type) {
        if (!type) return undefined;
        const { name, args } = splitType(type);
        if (name === 'list' || name === 'set') return args[0] ? { list: this.describe(args[0]) } : undefined;
        if (name === 'map') return args[1] ? { map: this.describe(args[1]) } : undefined;
        const original = type.replace(/\s+/g, '').replace(/^Schema\./i, '');
        if (this.isSObjectName(original)) return { sobject: original };
        const model = this.classModel(original);
        return model ? { apexClass: model } : undefined;
    }

    reference(reference) {
        this.references.push({ where: this.where ?? 'Apex', ...reference });
    }

    walk(node, scope) {
        const rule = ruleOf(node);
        const handler = this[`visit${rule}`];
        if (handler) {
            const result = handler.call(this, node, scope);
            if (result === 'done') return;
            if (result instanceof Scope) scope = result;
        }
        for (const child of ruleChildren(node)) this.walk(child, scope);
    }

    visitTriggerUnit(node, scope) {
        const [, object] = ruleChildren(node).filter((child) => ruleOf(child) === 'Id');
        this.triggerObject = object.getText();
        if (isCustomName(this.triggerObject))
            this.reference({ kind: 'object', name: this.triggerObject, line: line(object) });
        return new Scope(scope);
    }

    visitClassBody(node, scope) {
        const classScope = new Scope(scope);
        for (const member of ruleChildren(node)) {
            const declaration = childRule(childRule(member, 'MemberDeclaration') ?? member, 'FieldDeclaration');
            const property = childRule(childRule(member, 'MemberDeclaration') ?? member, 'PropertyDeclaration');
            if (declaration) this.defineDeclarators(declaration, classScope);
            if (property) classScope.define(idText(property), this.describe(childRule(property, 'TypeRef').getText()));
        }
        classScope.methods = new Map();
        for (const member of ruleChildren(node)) {
            const method = childRule(childRule(member, 'MemberDeclaration') ?? member, 'MethodDeclaration');
            const returnType = method && childRule(method, 'TypeRef');
            if (returnType) classScope.methods.set(idText(method).toLowerCase(), this.describe(returnType.getText()));
        }
        return classScope;
    }

    defineDeclarators(declaration, scope) {
        const type = this.describe(childRule(declaration, 'TypeRef').getText());
        const declarators = childRule(declaration, 'VariableDeclarators');
        for (const declarator of ruleChildren(declarators)) scope.define(idText(declarator), type);
    }

    visitMethodDeclaration(node, scope) {
        const methodScope = new Scope(scope);
        const parameters = descendants(childRule(node, 'FormalParameters'), (n) => ruleOf(n) === 'FormalParameter');
        for (const parameter of parameters) {
            methodScope.define(idText(parameter), this.describe(childRule(parameter, 'TypeRef').getText()));
        }
        return methodScope;
    }

    visitConstructorDeclaration(node, scope) {
        return this.visitMethodDeclaration(node, scope);
    }

    visitBlock(_node, scope) {
        return new Scope(scope);
    }

    visitForStatement(_node, scope) {
        return new Scope(scope);
    }

    visitLocalVariableDeclaration(node, scope) {
        this.defineDeclarators(node, scope);
    }

    visitEnhancedForControl(node, scope) {
        scope.define(idText(node), this.describe(childRule(node, 'TypeRef').getText()));
    }

    visitCatchClause(node, scope) {
        const catchScope = new Scope(scope);
        catchScope.define(idText(node), undefined);
        return catchScope;
    }

    visitWhenValue(node, scope) {
        const typeRef = childRule(node, 'TypeRef');
        if (typeRef) scope.define(idText(node), this.describe(typeRef.getText()));
    }

    visitTypeName(node) {
        const name = idText(node);
        if (name && isCustomName(name)) this.reference({ kind: 'object', name, line: line(node) });
    }

    visitIdCreatedNamePair(node) {
        const name = childRule(node, 'AnyId').getText();
        if (isCustomName(name)) this.reference({ kind: 'object', name, line: line(node) });
    }

    visitIdPrimary(node, scope) {
        if (this.handled.has(node)) return;
        const name = node.getText();
        if (isCustomName(name) && !scope.has(name)) {
            this.reference({ kind: 'object', name, line: line(node) });
        }
    }

    visitNewExpression(node) {
        const creator = childRule(node, 'Creator');
        const pairs = ruleChildren(childRule(creator, 'CreatedName'));
        const rest = childRule(creator, 'ClassCreatorRest');
        if (pairs.length !== 1 || !rest) return;
        const object = childRule(pairs[0], 'AnyId').getText();
        if (!this.isSObjectName(object) || this.classModel(object)) return;
        const expressions = ruleChildren(childRule(childRule(rest, 'Arguments'), 'ExpressionList') ?? rest);
        for (const expression of expressions) {
            if (ruleOf(expression) !== 'AssignExpression') continue;
            const target = ruleChildren(expression)[0];
            const primary = childRule(target, 'IdPrimary');
            if (!primary) continue;
            this.handled.add(primary);
            this.reference({ kind: 'field', object, path: [primary.getText()], line: line(primary) });
        }
    }

    visitDotExpression(node, scope) {
        const [base] = ruleChildren(node);
        const member = childRule(node, 'AnyId');
        if (!member) return;
        const baseType = this.typeOf(base, scope);
        const name = member.getText();
        if (baseType?.sobject) {
            this.reference({ kind: 'field', object: baseType.sobject, path: [name], line: line(member) });
        } else if (baseType?.token && !/^(sobjecttype|fields|class)$/i.test(name)) {
            this.reference({ kind: 'field', object: baseType.token, path: [name], line: line(member) });
        } else if (baseType?.fieldsOf) {
            this.reference({ kind: 'field', object: baseType.fieldsOf, path: [name], line: line(member) });
        }
    }

    /** Static type of an expression, as far as it matters for field references. */
    typeOf(expression, scope) {
        const rule = ruleOf(expression);
        const children = ruleChildren(expression);
        if (rule === 'PrimaryExpression') return this.typeOf(children[0], scope);
        if (rule === 'SubExpression') return this.typeOf(children[0], scope);
        if (rule === 'CastExpression') return this.describe(childRule(expression, 'TypeRef').getText());
        if (rule === 'ThisPrimary') return { self: true };
        if (rule === 'IdPrimary') {
            const name = expression.getText();
            if (scope.has(name)) return scope.lookup(name);
            if (/^trigger$/i.test(name) && this.triggerObject) return { trigger: this.triggerObject };
            if (/^(schema|sobjecttype)$/i.test(name)) return { namespace: name.toLowerCase() };
            if (this.isSObjectName(name) && !this.classModel(name)) return { token: name };
            return undefined;
        }
        if (rule === 'SoqlPrimary') {
            const query = childRule(childRule(expression, 'SoqlLiteral'), 'Query');
            const from = childRule(childRule(query, 'FromNameList'), 'FieldName').getText();
            return { list: { sobject: from } };
        }
        if (rule === 'NewExpression') {
            const creator = childRule(expression, 'Creator');
            return this.describe(childRule(creator, 'CreatedName').getText());
        }
        if (rule === 'ArrayExpression') return this.elementOf(this.typeOf(children[0], scope));
        if (rule === 'MethodCallExpression') {
            const call = childRule(expression, 'MethodCall');
            const name = idText(call);
            for (let current = scope; name && current; current = current.parent) {
                if (current.methods?.has(name.toLowerCase())) return current.methods.get(name.toLowerCase());
            }
            return undefined;
        }
        if (rule === 'DotExpression') return this.typeOfDot(expression, scope);
        return undefined;
    }

    elementOf(type) {
        if (type?.list) return type.list;
        if (type?.map) return type.map;
        return undefined;
    }

    typeOfDot(expression, scope) {
        const [base] = ruleChildren(expression);
        const baseType = this.typeOf(base, scope);
        if (!baseType) return undefined;
        const call = childRule(expression, 'DotMethodCall');
        if (call) {
            const method = childRule(call, 'AnyId').getText().toLowerCase();
            if (baseType.token && method === 'getinstance') return { sobject: baseType.token };
            if (baseType.token && method === 'getall') return { map: { sobject: baseType.token } };
            if (baseType.map && method === 'values') return { list: baseType.map };
            if ((baseType.map || baseType.list) && method === 'get') return this.elementOf(baseType);
            if (method === 'clone') return baseType;
            return undefined;
        }
        const member = childRule(expression, 'AnyId').getText();
        const lower = member.toLowerCase();
        if (baseType.namespace === 'schema') {
            if (lower === 'sobjecttype') return { namespace: 'sobjecttype' };
            return this.isSObjectName(member) ? { token: member } : undefined;
        }
        if (baseType.namespace === 'sobjecttype')
            return this.isSObjectName(member) ? { describeOf: member } : undefined;
        if (baseType.describeOf && lower === 'fields') return { fieldsOf: baseType.describeOf };
        if (baseType.trigger) {
            if (lower === 'new' || lower === 'old') return { list: { sobject: baseType.trigger } };
            if (lower === 'newmap' || lower === 'oldmap') return { map: { sobject: baseType.trigger } };
            return undefined;
        }
        if (baseType.sobject && lower.endsWith('__r')) {
            const target = objectAtPath(this.schema, baseType.sobject, [member]);
            return target ? { sobject: target } : undefined;
        }
        if (baseType.sobject) {
            const child = objectOf(this.schema, baseType.sobject)?.children.get(lower);
            return child ? { list: { sobject: child.object } } : undefined;
        }
        const model = baseType.apexClass ?? (baseType.self ? this.enclosingModel() : undefined);
        if (model) {
            const field = model.fields?.find((item) => item.name.toLowerCase() === lower);
            return field ? this.describe(field.type) : undefined;
        }
        return undefined;
    }

    enclosingModel() {
        return this.apexClass.kind === 'class' ? this.apexClass : undefined;
    }

    visitSoqlLiteral(node) {
        this.where = 'SOQL';
        this.queryReferences(childRule(node, 'Query'), { object: undefined });
        this.where = undefined;
    }

    /** Field references of one (sub-)query. `outer.object` is the parent object for child-relationship sub-queries. */
    queryReferences(query, outer) {
        const fromName = childRule(childRule(query, 'FromNameList'), 'FieldName');
        const aliasNode = childRule(childRule(query, 'FromNameList'), 'SoqlId');
        const from = fromName.getText();
        let object = from;
        if (outer.object !== undefined || outer.child) {
            if (!outer.object) return;
            object = outer.child ? this.childOf(outer.object, from, fromName) : from;
            if (!object) return;
        }
        if (!outer.child && isCustomName(object))
            this.reference({ kind: 'object', name: object, line: line(fromName) });
        const prefixes = new Set([object.toLowerCase(), aliasNode?.getText().toLowerCase()].filter(Boolean));
        const visit = (node) => {
            const rule = ruleOf(node);
            if (rule === 'FromNameList' || rule === 'BoundExpression') return;
            if (rule === 'SubQuery') {
                const parent = ruleOf(node.parentCtx);
                const child = parent === 'SelectEntry' || parent === 'SubFieldEntry';
                this.queryReferences(node, { object: child ? object : undefined, child });
                return;
            }
            if (rule === 'TypeOf') {
                this.typeOfReferences(node, object);
                return;
            }
            if (rule === 'FieldName') {
                const path = ruleChildren(node).map((segment) => segment.getText());
                if (path.length > 1 && prefixes.has(path[0].toLowerCase())) path.shift();
                this.reference({ kind: 'field', object, path, line: line(node) });
                return;
            }
            for (const child of ruleChildren(node)) visit(child);
        };
        for (const child of ruleChildren(query)) visit(child);
    }

    childOf(parent, relationship, node) {
        const child = objectOf(this.schema, parent)?.children.get(relationship.toLowerCase());
        if (child) return child.object;
        if (isCustomName(relationship)) {
            this.reference({ kind: 'child', parent, relationship, line: line(node) });
        }
        return undefined;
    }

    typeOfReferences(node, object) {
        const [polymorphic] = ruleChildren(node);
        this.reference({
            kind: 'field',
            object,
            path: ruleChildren(polymorphic).map((segment) => segment.getText()),
            line: line(polymorphic)
        });
        for (const when of ruleChildren(node).filter((child) => ruleOf(child) === 'WhenClause')) {
            const [typeName, fields] = ruleChildren(when);
            const type = typeName.getText();
            if (isCustomName(type)) this.reference({ kind: 'object', name: type, line: line(typeName) });
            for (const field of ruleChildren(fields)) {
                const path = ruleChildren(field).map((segment) => segment.getText());
                this.reference({ kind: 'field', object: type, path, line: line(field) });
            }
        }
    }

    visitSoslLiteral(node) {
        this.where = 'SOSL';
        this.soslReferences(node);
        this.where = undefined;
    }

    soslReferences(node) {
        for (const spec of descendants(node, (n) => ruleOf(n) === 'FieldSpec')) {
            const [objectNode] = ruleChildren(spec);
            const object = objectNode.getText();
            if (isCustomName(object)) this.reference({ kind: 'object', name: object, line: line(objectNode) });
            const fieldLists = descendants(spec, (n) => ruleOf(n) === 'FieldList');
            for (const list of fieldLists) {
                const field = childRule(list, 'SoslId');
                if (field)
                    this.reference({ kind: 'field', object, path: field.getText().split('.'), line: line(field) });
            }
            for (const fieldName of descendants(spec, (n) => ruleOf(n) === 'FieldName')) {
                const path = ruleChildren(fieldName).map((segment) => segment.getText());
                this.reference({ kind: 'field', object, path, line: line(fieldName) });
            }
        }
    }
}
