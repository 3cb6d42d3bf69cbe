// Parse tree → ast.ts: class structure and statements (expressions in lower-expr.ts).
import type {
    BlockContext,
    ClassDeclarationContext,
    CompilationUnitContext,
    EnumDeclarationContext,
    InterfaceDeclarationContext,
    LocalVariableDeclarationContext,
    StatementContext,
    WhenControlContext,
    FormalParametersContext
} from '@apexdevtools/apex-parser';
import type { ClassDecl, Expr, Modifiers, ParameterDecl, Stmt, SwitchWhen } from './ast.ts';
import { lowerExpression, lowerExpressionList, unescape } from './lower-expr.ts';
import { lowerModifiers, lowerTypeRef, typeFromName } from './lower-types.ts';

export function lowerCompilationUnit(unit: CompilationUnitContext, file: string): ClassDecl {
    const declaration = unit.typeDeclaration();
    const modifiers = lowerModifiers(declaration.modifier_list());
    const cls = declaration.classDeclaration();
    if (cls) return lowerClass(cls, modifiers, file);
    const iface = declaration.interfaceDeclaration();
    if (iface) return lowerInterface(iface, modifiers, file);
    return lowerEnum(declaration.enumDeclaration(), modifiers, file);
}

/** A declaration with no members yet (the lowering fills it; standard classes stay empty). */
export function emptyClass(
    kind: ClassDecl['kind'],
    name: string,
    modifiers: Modifiers,
    file: string,
    line: number
): ClassDecl {
    return {
        kind,
        name,
        modifiers,
        extends: null,
        implements: [],
        fields: [],
        properties: [],
        methods: [],
        constructors: [],
        initializers: [],
        memberOrder: [],
        inner: [],
        enumValues: [],
        file,
        line
    };
}

function lowerClass(ctx: ClassDeclarationContext, modifiers: Modifiers, file: string): ClassDecl {
    const decl = emptyClass('class', ctx.id().getText(), modifiers, file, ctx.start.line);
    const superType = ctx.typeRef();
    if (superType) decl.extends = lowerTypeRef(superType);
    decl.implements = ctx.typeList()?.typeRef_list().map(lowerTypeRef) ?? [];
    for (const body of ctx.classBody().classBodyDeclaration_list()) {
        const block = body.block();
        if (block) {
            const isStatic = !!body.STATIC();
            decl.memberOrder.push({ kind: 'block', index: decl.initializers.length, isStatic });
            decl.initializers.push({ isStatic, body: lowerBlock(block), line: block.start.line });
            continue;
        }
        const member = body.memberDeclaration();
        if (!member) continue;
        const memberModifiers = lowerModifiers(body.modifier_list());
        const isStatic = memberModifiers.keywords.has('static');
        const method = member.methodDeclaration();
        if (method) {
            const returnType = method.typeRef();
            const methodBlock = method.block();
            decl.methods.push({
                name: method.id().getText(),
                modifiers: memberModifiers,
                returnType: returnType ? lowerTypeRef(returnType) : null,
                parameters: lowerParameters(method.formalParameters()),
                body: methodBlock ? lowerBlock(methodBlock) : null,
                line: method.start.line
            });
            continue;
        }
        const ctor = member.constructorDeclaration();
        if (ctor) {
            decl.constructors.push({
                name: decl.name,
                modifiers: memberModifiers,
                returnType: null,
                parameters: lowerParameters(ctor.formalParameters()),
                body: lowerBlock(ctor.block()),
                line: ctor.start.line
            });
            continue;
        }
        const field = member.fieldDeclaration();
        if (field) {
            const type = lowerTypeRef(field.typeRef());
            for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                const init = declarator.expression();
                decl.memberOrder.push({ kind: 'field', index: decl.fields.length, isStatic });
                decl.fields.push({
                    name: declarator.id().getText(),
                    modifiers: memberModifiers,
                    type,
                    init: init ? lowerExpression(init) : null,
                    line: declarator.start.line
                });
            }
            continue;
        }
        const property = member.propertyDeclaration();
        if (property) {
            let getter: Stmt[] | null | 'auto' = null;
            let setter: Stmt[] | null | 'auto' = null;
            for (const accessor of property.propertyBlock_list()) {
                const get = accessor.getter();
                const set = accessor.setter();
                if (get) getter = get.block() ? lowerBlock(get.block()) : 'auto';
                if (set) setter = set.block() ? lowerBlock(set.block()) : 'auto';
            }
            decl.memberOrder.push({ kind: 'property', index: decl.properties.length, isStatic });
            decl.properties.push({
                name: property.id().getText(),
                modifiers: memberModifiers,
                type: lowerTypeRef(property.typeRef()),
                getter,
                setter,
                line: property.start.line
            });
            continue;
        }
        const inner = member.classDeclaration();
        if (inner) decl.inner.push(lowerClass(inner, memberModifiers, file));
        const innerInterface = member.interfaceDeclaration();
        if (innerInterface) decl.inner.push(lowerInterface(innerInterface, memberModifiers, file));
        const innerEnum = member.enumDeclaration();
        if (innerEnum) decl.inner.push(lowerEnum(innerEnum, memberModifiers, file));
    }
    return decl;
}

function lowerInterface(ctx: InterfaceDeclarationContext, modifiers: Modifiers, file: string): ClassDecl {
    const decl = emptyClass('interface', ctx.id().getText(), modifiers, file, ctx.start.line);
    decl.implements = ctx.typeList()?.typeRef_list().map(lowerTypeRef) ?? [];
    for (const method of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
        const returnType = method.typeRef();
        decl.methods.push({
            name: method.id().getText(),
            modifiers: lowerModifiers(method.modifier_list()),
            returnType: returnType ? lowerTypeRef(returnType) : null,
            parameters: lowerParameters(method.formalParameters()),
            body: null,
            line: method.start.line
        });
    }
    return decl;
}

function lowerEnum(ctx: EnumDeclarationContext, modifiers: Modifiers, file: string): ClassDecl {
    const decl = emptyClass('enum', ctx.id().getText(), modifiers, file, ctx.start.line);
    decl.enumValues =
        ctx
            .enumConstants()
            ?.id_list()
            .map((id) => id.getText()) ?? [];
    return decl;
}

function lowerParameters(ctx: FormalParametersContext): ParameterDecl[] {
    return (ctx.formalParameterList()?.formalParameter_list() ?? []).map((parameter) => ({
        type: lowerTypeRef(parameter.typeRef()),
        name: parameter.id().getText()
    }));
}

export function lowerBlock(ctx: BlockContext): Stmt[] {
    return ctx.statement_list().map(lowerStatement);
}

function lowerLocal(ctx: LocalVariableDeclarationContext): Stmt {
    return {
        kind: 'local',
        type: lowerTypeRef(ctx.typeRef()),
        declarators: ctx
            .variableDeclarators()
            .variableDeclarator_list()
            .map((declarator) => {
                const init = declarator.expression();
                return {
                    name: declarator.id().getText(),
                    init: init ? lowerExpression(init) : null,
                    line: declarator.start.line
                };
            }),
        line: ctx.start.line
    };
}

function bodyOf(statement: StatementContext | null | undefined, line: number): Stmt {
    return statement ? lowerStatement(statement) : { kind: 'block', body: [], line };
}

export function lowerStatement(ctx: StatementContext): Stmt {
    const line = ctx.start.line;
    const block = ctx.block();
    if (block) return { kind: 'block', body: lowerBlock(block), line };
    const local = ctx.localVariableDeclarationStatement();
    if (local) return lowerLocal(local.localVariableDeclaration());
    const expression = ctx.expressionStatement();
    if (expression) return { kind: 'expr', expr: lowerExpression(expression.expression()), line };
    const ifs = ctx.ifStatement();
    if (ifs) {
        const otherwise = ifs.statement(1);
        return {
            kind: 'if',
            test: lowerExpression(ifs.parExpression().expression()),
            then: lowerStatement(ifs.statement(0)),
            else: otherwise ? lowerStatement(otherwise) : null,
            line
        };
    }
    const forStatement = ctx.forStatement();
    if (forStatement) {
        const control = forStatement.forControl();
        const body = bodyOf(forStatement.statement(), line);
        const enhanced = control.enhancedForControl();
        if (enhanced) {
            return {
                kind: 'forEach',
                type: lowerTypeRef(enhanced.typeRef()),
                name: enhanced.id().getText(),
                iterable: lowerExpression(enhanced.expression()),
                body,
                line
            };
        }
        const init = control.forInit();
        const initLocal = init?.localVariableDeclaration();
        const initStatements: Stmt[] = initLocal
            ? [lowerLocal(initLocal)]
            : lowerExpressionList(init?.expressionList()).map((expr) => ({ kind: 'expr', expr, line }));
        const test = control.expression();
        return {
            kind: 'for',
            init: initStatements,
            test: test ? lowerExpression(test) : null,
            update: lowerExpressionList(control.forUpdate()?.expressionList()),
            body,
            line
        };
    }
    const whileStatement = ctx.whileStatement();
    if (whileStatement) {
        return {
            kind: 'while',
            test: lowerExpression(whileStatement.parExpression().expression()),
            body: bodyOf(whileStatement.statement(), line),
            line
        };
    }
    const doWhile = ctx.doWhileStatement();
    if (doWhile) {
        return {
            kind: 'doWhile',
            test: lowerExpression(doWhile.parExpression().expression()),
            body: { kind: 'block', body: lowerBlock(doWhile.block()), line },
            line
        };
    }
    const tryStatement = ctx.tryStatement();
    if (tryStatement) {
        const finallyBlock = tryStatement.finallyBlock();
        return {
            kind: 'try',
            body: lowerBlock(tryStatement.block()),
            catches: tryStatement.catchClause_list().map((clause) => ({
                type: typeFromName(clause.qualifiedName().getText()),
                name: clause.id().getText(),
                body: lowerBlock(clause.block())
            })),
            finally: finallyBlock ? lowerBlock(finallyBlock.block()) : null,
            line
        };
    }
    const returnStatement = ctx.returnStatement();
    if (returnStatement) {
        const value = returnStatement.expression();
        return { kind: 'return', value: value ? lowerExpression(value) : null, line };
    }
    const throwStatement = ctx.throwStatement();
    if (throwStatement) return { kind: 'throw', value: lowerExpression(throwStatement.expression()), line };
    if (ctx.breakStatement()) return { kind: 'break', line };
    if (ctx.continueStatement()) return { kind: 'continue', line };
    const dml =
        ctx.insertStatement() ?? ctx.updateStatement() ?? ctx.deleteStatement() ?? ctx.undeleteStatement() ?? null;
    if (dml) {
        const operation = dml.getChild(0).getText().toLowerCase() as 'insert' | 'update' | 'delete' | 'undelete';
        const level = dml.accessLevel()?.getText().toLowerCase();
        return {
            kind: 'dml',
            operation,
            accessMode: level === 'asuser' ? 'user' : level === 'assystem' ? 'system' : null,
            target: lowerExpression(dml.expression()),
            line
        };
    }
    const runAs = ctx.runAsStatement();
    if (runAs)
        return {
            kind: 'runAs',
            args: lowerExpressionList(runAs.expressionList()),
            body: lowerBlock(runAs.block()),
            line
        };
    const switchStatement = ctx.switchStatement();
    if (switchStatement) {
        return {
            kind: 'switch',
            on: lowerExpression(switchStatement.expression()),
            whens: switchStatement.whenControl_list().map(lowerWhen),
            line
        };
    }
    if (ctx.upsertStatement()) return { kind: 'unsupported', construct: 'upsert statement', line };
    if (ctx.mergeStatement()) return { kind: 'unsupported', construct: 'merge statement', line };
    return { kind: 'unsupported', construct: `statement ${ctx.getText().slice(0, 40)}`, line };
}

function lowerWhen(ctx: WhenControlContext): SwitchWhen {
    const value = ctx.whenValue();
    const body = lowerBlock(ctx.block());
    if (value.ELSE()) return { values: null, body };
    const typeRef = value.typeRef();
    if (typeRef) return { values: [], typeBinding: { type: lowerTypeRef(typeRef), name: value.id().getText() }, body };
    const values: Expr[] = value.whenLiteral_list().map((literal) => {
        const text = literal.getText().replace(/[()]/g, '');
        const line = literal.start.line;
        if (/^[+-]*\d+[lL]?$/.test(text)) {
            const negative = (text.match(/-/g) ?? []).length % 2 === 1;
            const digits = text.replace(/[+-]/g, '');
            if (/[lL]$/.test(digits)) {
                const big = BigInt(digits.slice(0, -1));
                return { kind: 'literal', value: negative ? -big : big, literalType: 'long', line };
            }
            return {
                kind: 'literal',
                value: negative ? -Number(digits) : Number(digits),
                literalType: 'integer',
                line
            };
        }
        if (text.startsWith("'"))
            return { kind: 'literal', value: unescape(text.slice(1, -1)), literalType: 'string', line };
        if (text.toLowerCase() === 'null') return { kind: 'literal', value: null, literalType: 'null', line };
        return { kind: 'name', name: text, line };
    });
    return { values, body };
}
