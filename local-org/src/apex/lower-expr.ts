// Expressions: apex-parser's labelled alternatives → ast.ts Expr.
import {
    ArrayExpressionContext,
    AssignExpressionContext,
    CastExpressionContext,
    CondExpressionContext,
    DotExpressionContext,
    ExpressionContext,
    IdPrimaryContext,
    InstanceOfExpressionContext,
    LiteralPrimaryContext,
    MethodCallExpressionContext,
    NegExpressionContext,
    NewExpressionContext,
    PostOpExpressionContext,
    PreOpExpressionContext,
    PrimaryExpressionContext,
    SoqlPrimaryContext,
    SubExpressionContext,
    SuperPrimaryContext,
    ThisPrimaryContext,
    TypeRefPrimaryContext
} from '@apexdevtools/apex-parser';
import type { CreatorContext, ExpressionListContext, LiteralContext, ApexParseTree } from '@apexdevtools/apex-parser';
import type { BinaryOperator, Expr } from './ast.ts';
import { lowerCreatedName, lowerTypeRef } from './lower-types.ts';

type Located<T> = T & { line: number };

export function lowerExpressionList(ctx: ExpressionListContext | null | undefined): Expr[] {
    return ctx ? ctx.expression_list().map(lowerExpression) : [];
}

export function lowerExpression(ctx: ExpressionContext): Expr {
    const line = ctx.start.line;
    const at = <T extends object>(node: T): Located<T> => ({ ...node, line });
    if (ctx instanceof PrimaryExpressionContext) return lowerPrimary(ctx, line);
    if (ctx instanceof DotExpressionContext) {
        const target = lowerExpression(ctx.expression());
        const safe = !!ctx.QUESTIONDOT();
        const call = ctx.dotMethodCall();
        if (call) {
            const args = lowerExpressionList(call.expressionList());
            return at({ kind: 'call', target, name: call.anyId().getText(), args, safe });
        }
        return at({ kind: 'field', target, name: ctx.anyId().getText(), safe });
    }
    if (ctx instanceof ArrayExpressionContext) {
        return at({
            kind: 'index',
            target: lowerExpression(ctx.expression(0)),
            index: lowerExpression(ctx.expression(1))
        });
    }
    if (ctx instanceof MethodCallExpressionContext) {
        const call = ctx.methodCall();
        const args = lowerExpressionList(call.expressionList());
        if (call.THIS()) return at({ kind: 'thisCall', args });
        if (call.SUPER()) return at({ kind: 'superCall', args });
        return at({ kind: 'call', target: null, name: call.id().getText(), args, safe: false });
    }
    if (ctx instanceof NewExpressionContext) return lowerCreator(ctx.creator(), line);
    if (ctx instanceof CastExpressionContext) {
        return at({ kind: 'cast', type: lowerTypeRef(ctx.typeRef()), expr: lowerExpression(ctx.expression()) });
    }
    if (ctx instanceof SubExpressionContext) return lowerExpression(ctx.expression());
    if (ctx instanceof PostOpExpressionContext) {
        const op = ctx.getChild(1).getText() as '++' | '--';
        return at({ kind: 'incdec', op, prefix: false, target: lowerExpression(ctx.expression()) });
    }
    if (ctx instanceof PreOpExpressionContext) {
        const op = ctx.getChild(0).getText();
        const expr = lowerExpression(ctx.expression());
        if (op === '++' || op === '--') return at({ kind: 'incdec', op, prefix: true, target: expr });
        return at({ kind: 'unary', op: op as '-' | '+', expr });
    }
    if (ctx instanceof NegExpressionContext) {
        return at({
            kind: 'unary',
            op: ctx.getChild(0).getText() as '!' | '~',
            expr: lowerExpression(ctx.expression())
        });
    }
    if (ctx instanceof InstanceOfExpressionContext) {
        return at({ kind: 'instanceof', expr: lowerExpression(ctx.expression()), type: lowerTypeRef(ctx.typeRef()) });
    }
    if (ctx instanceof CondExpressionContext) {
        return at({
            kind: 'conditional',
            test: lowerExpression(ctx.expression(0)),
            then: lowerExpression(ctx.expression(1)),
            else: lowerExpression(ctx.expression(2))
        });
    }
    if (ctx instanceof AssignExpressionContext) {
        return at({
            kind: 'assign',
            op: ctx.getChild(1).getText(),
            target: lowerExpression(ctx.expression(0)),
            value: lowerExpression(ctx.expression(1))
        });
    }
    return lowerBinary(ctx, line);
}

/** Every remaining alternative is `expression <operator tokens> expression` (`>=` arrives as two tokens). */
function lowerBinary(ctx: ExpressionContext, line: number): Expr {
    const children: ApexParseTree[] = ctx.children ?? [];
    const operands = children.filter(isExpression);
    if (operands.length !== 2) return { kind: 'unsupported', construct: `expression ${ctx.getText()}`, line };
    const op = children
        .filter((child) => !isExpression(child))
        .map((child) => child.getText())
        .join('') as BinaryOperator;
    return { kind: 'binary', op, left: lowerExpression(operands[0]), right: lowerExpression(operands[1]), line };
}

function isExpression(node: ApexParseTree): node is ExpressionContext {
    return node instanceof ExpressionContext;
}

function lowerPrimary(ctx: PrimaryExpressionContext, line: number): Expr {
    const primary = ctx.primary();
    if (primary instanceof ThisPrimaryContext) return { kind: 'this', line };
    if (primary instanceof SuperPrimaryContext) return { kind: 'super', line };
    if (primary instanceof IdPrimaryContext) return { kind: 'name', name: primary.id().getText(), line };
    if (primary instanceof LiteralPrimaryContext) return lowerLiteral(primary.literal(), line);
    if (primary instanceof TypeRefPrimaryContext)
        return { kind: 'typeLiteral', type: lowerTypeRef(primary.typeRef()), line };
    if (primary instanceof SoqlPrimaryContext) {
        const query = primary.soqlLiteral().query();
        return { kind: 'soql', query, text: query.getText(), line };
    }
    return { kind: 'unsupported', construct: `expression ${primary.getText().slice(0, 40)}`, line };
}

function lowerLiteral(ctx: LiteralContext, line: number): Expr {
    const text = ctx.getText();
    if (ctx.IntegerLiteral()) return { kind: 'literal', value: Number(text), literalType: 'integer', line };
    if (ctx.LongLiteral()) return { kind: 'literal', value: BigInt(text.slice(0, -1)), literalType: 'long', line };
    if (ctx.NumberLiteral()) {
        if (/[dD]$/.test(text)) return { kind: 'literal', value: text.slice(0, -1), literalType: 'double', line };
        return { kind: 'literal', value: text, literalType: 'decimal', line };
    }
    if (ctx.StringLiteral())
        return { kind: 'literal', value: unescape(text.slice(1, -1)), literalType: 'string', line };
    if (ctx.BooleanLiteral())
        return { kind: 'literal', value: text.toLowerCase() === 'true', literalType: 'boolean', line };
    if (ctx.NULL()) return { kind: 'literal', value: null, literalType: 'null', line };
    return { kind: 'unsupported', construct: `literal ${text}`, line };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\' };

export function unescape(text: string): string {
    return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, code: string) =>
        code.length === 5 ? String.fromCharCode(parseInt(code.slice(1), 16)) : (ESCAPES[code] ?? code)
    );
}

function lowerCreator(ctx: CreatorContext, line: number): Expr {
    const type = lowerCreatedName(ctx.createdName().idCreatedNamePair_list(), ctx.createdName().getText());
    const classRest = ctx.classCreatorRest();
    if (classRest) {
        const args = classRest.arguments().expressionList()?.expression_list() ?? [];
        const named =
            args.length > 0 && args.every((arg) => arg instanceof AssignExpressionContext && isNameAssign(arg));
        if (named) {
            const fields = args.map((arg) => {
                const assign = arg as AssignExpressionContext;
                return { name: assign.expression(0).getText(), value: lowerExpression(assign.expression(1)) };
            });
            return { kind: 'newSObject', type, fields, line };
        }
        return { kind: 'new', type, args: args.map(lowerExpression), line };
    }
    if (ctx.noRest()) return { kind: 'newCollection', type, items: [], line };
    const setRest = ctx.setCreatorRest();
    if (setRest) return { kind: 'newCollection', type, items: setRest.expression_list().map(lowerExpression), line };
    const mapRest = ctx.mapCreatorRest();
    if (mapRest) {
        const entries = mapRest.mapCreatorRestPair_list().map((pair) => ({
            key: lowerExpression(pair.expression(0)),
            value: lowerExpression(pair.expression(1))
        }));
        return { kind: 'newMap', type, entries, line };
    }
    const arrayRest = ctx.arrayCreatorRest();
    if (arrayRest) {
        const listType = { name: 'list', text: `List<${type.text}>`, args: [type] };
        const size = arrayRest.expression();
        if (size) return { kind: 'newArray', type: listType, size: lowerExpression(size), line };
        const items = arrayRest.arrayInitializer()?.expression_list() ?? [];
        return { kind: 'newCollection', type: listType, items: items.map(lowerExpression), line };
    }
    return { kind: 'unsupported', construct: `new ${ctx.getText().slice(0, 40)}`, line };
}

function isNameAssign(ctx: AssignExpressionContext): boolean {
    return ctx.getChild(1).getText() === '=' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(ctx.expression(0).getText());
}
