// SOQL text or an Apex `[SELECT …]` tree → Query. apex-parser's `query` rule reads the text (it accepts
// `LIMIT :bind`); an Apex literal already holds a QueryContext (soqlLiteral → query()). Anything this module does not
// turn into a Query node is refused with UnsupportedError and its line: emulating it by guess would be worse.
// Syntax: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm
import {
    ApexErrorListener,
    ApexParserFactory,
    QueryContext,
    type SubQueryContext,
    type ComparisonOperatorContext,
    type FieldNameContext,
    type LimitClauseContext,
    type OffsetClauseContext,
    type SoqlFunctionContext,
    type ValueContext,
    type WhereLogicalExpressionContext
} from '@apexdevtools/apex-parser';
import { UnsupportedError, type SourcePosition } from '../core/errors.ts';
import { SDate, SDatetime } from '../core/values.ts';
import type { Condition, FieldPath, Operator, Query, SelectItem, ValueNode } from './ast.ts';

interface Context {
    source: SourcePosition | undefined;
    lineOffset: number;
}

interface Located {
    start: { line: number };
}

function unsupported(construct: string, node: Located, context: Context): UnsupportedError {
    const line = context.lineOffset + node.start.line;
    return new UnsupportedError(`SOQL ${construct}`, { file: context.source?.file ?? '<SOQL>', line });
}

/** Malformed SOQL text (dynamic SOQL): the platform raises QueryException. */
export class SyntaxQueryError extends Error {}

const textCache = new Map<string, Query>();
const treeCache = new WeakMap<object, Query>();

/** The Query of a SOQL text (cached by text) or of an apex-parser QueryContext (cached by node). */
export function parseQuery(query: string | unknown, source?: SourcePosition): Query {
    if (typeof query === 'string') {
        const cached = textCache.get(query);
        if (cached) return cached;
        const errors: string[] = [];
        const listener = new (class extends ApexErrorListener {
            apexSyntaxError(line: number, column: number, message: string): void {
                errors.push(`${message} at ${line}:${column}`);
            }
        })();
        const { parser } = ApexParserFactory.createLexerAndParser(query, listener);
        const tree = parser.query();
        if (errors.length === 0 && parser.getTokenStream().LA(1) !== -1) errors.push('unexpected text after the query');
        if (errors.length > 0) throw new SyntaxQueryError(`malformed SOQL: ${errors[0]}`);
        // A text's lines count from the line its statement is on; an Apex tree's lines are the file's already.
        const parsed = build(tree, { source, lineOffset: (source?.line ?? 1) - 1 });
        textCache.set(query, parsed);
        return parsed;
    }
    if (query instanceof QueryContext) {
        const cached = treeCache.get(query);
        if (cached) return cached;
        const parsed = build(query, { source, lineOffset: 0 });
        treeCache.set(query, parsed);
        return parsed;
    }
    throw new TypeError('a SOQL query is its text or an apex-parser QueryContext');
}

function fieldPath(node: FieldNameContext): FieldPath {
    return {
        path: node.soqlId_list().map((id) => id.getText()),
        text: node.getText(),
        line: node.start.line
    };
}

const AGGREGATES = ['COUNT', 'COUNT_DISTINCT', 'MIN', 'MAX', 'SUM', 'AVG'] as const;

function selectFunction(node: SoqlFunctionContext, alias: string | null, context: Context): SelectItem {
    const name = node.start.text.toUpperCase();
    const field = node.fieldName();
    if (name === 'COUNT' && !field) {
        if (alias) throw unsupported('alias on COUNT()', node, context);
        return { kind: 'countAll' };
    }
    const fn = AGGREGATES.find((candidate) => candidate === name);
    if (!fn || !field || node.soqlFunction()) throw unsupported(`function ${name}()`, node, context);
    return { kind: 'aggregate', fn, field: fieldPath(field), alias };
}

function build(tree: QueryContext | SubQueryContext, context: Context): Query {
    const query = tree as QueryContext;
    const from = tree.fromNameList();
    if (from.fieldName_list().length !== 1 || from.soqlId_list().length > 0) {
        throw unsupported('FROM with several objects or an alias', from, context);
    }
    if (tree.UPDATE() || (tree instanceof QueryContext && (query.usingScope() || query.allRowsClause()))) {
        throw unsupported('USING SCOPE / ALL ROWS / UPDATE TRACKING', tree, context);
    }
    const select: SelectItem[] = [];
    const entries =
        tree instanceof QueryContext ? query.selectList().selectEntry_list() : tree.subFieldList().subFieldEntry_list();
    for (const entry of entries) {
        if (entry.subQuery()) throw unsupported('relationship subquery', entry, context);
        if (entry.typeOf()) throw unsupported('TYPEOF', entry, context);
        const alias = entry.soqlId()?.getText() ?? null;
        const fn = entry.soqlFunction();
        if (fn) select.push(selectFunction(fn, alias, context));
        else {
            if (alias) throw unsupported('alias on a field', entry, context);
            select.push({ kind: 'field', field: fieldPath(entry.fieldName()) });
        }
    }
    const forClauses = tree.forClauses();
    const forUpdate = forClauses ? forClauses.UPDATE_list().length > 0 : false;
    if (forClauses && (forClauses.VIEW_list().length > 0 || forClauses.REFERENCE_list().length > 0)) {
        throw unsupported('FOR VIEW / FOR REFERENCE', forClauses, context);
    }
    const where = tree.whereClause();
    return {
        object: from.fieldName(0).getText(),
        select,
        where: where ? logical(where.whereLogicalExpression(), context) : null,
        groupBy: tree instanceof QueryContext ? groupBy(query, context) : [],
        orderBy: (tree.orderByClause()?.fieldOrderList().fieldOrder_list() ?? []).map((order) => {
            if (order.soqlFunction() || !order.fieldName()) throw unsupported('ORDER BY a function', order, context);
            const descending = Boolean(order.DESC());
            return {
                field: fieldPath(order.fieldName()),
                descending,
                nullsLast: order.NULLS() ? Boolean(order.LAST()) : descending
            };
        }),
        limit: limitValue(tree.limitClause()),
        offset: tree instanceof QueryContext ? limitValue(query.offsetClause()) : null,
        mode: tree instanceof QueryContext ? mode(query, context) : null,
        forUpdate,
        line: tree.start.line,
        file: context.source?.file,
        lineOffset: context.lineOffset
    };
}

function groupBy(query: QueryContext, context: Context): FieldPath[] {
    const clause = query.groupByClause();
    if (!clause) return [];
    if (clause.ROLLUP() || clause.CUBE() || clause.HAVING())
        throw unsupported('GROUP BY ROLLUP/CUBE/HAVING', clause, context);
    return clause
        .fieldGroupByList()
        .fieldGroupBy_list()
        .map((entry) => {
            if (entry.soqlFunction() || !entry.fieldName()) throw unsupported('GROUP BY a function', entry, context);
            return fieldPath(entry.fieldName());
        });
}

function mode(query: QueryContext, context: Context): Query['mode'] {
    const clause = query.withClause();
    if (!clause) return null;
    if (clause.USER_MODE()) return 'user';
    if (clause.SYSTEM_MODE()) return 'system';
    if (clause.SECURITY_ENFORCED()) return 'securityEnforced';
    throw unsupported('WITH clause', clause, context);
}

function limitValue(clause: LimitClauseContext | OffsetClauseContext | null): ValueNode | null {
    if (!clause) return null;
    const literal = clause.IntegerLiteral();
    if (literal) return { kind: 'literal', value: Number(literal.getText()), text: literal.getText() };
    const bound = clause.boundExpression();
    return { kind: 'bind', name: bound.expression().getText(), node: bound.expression() };
}

function logical(node: WhereLogicalExpressionContext, context: Context): Condition {
    const items = node.whereConditionalExpression_list().map((conditional): Condition => {
        const nested = conditional.whereLogicalExpression();
        if (nested) return logical(nested, context);
        const expression = conditional.whereFieldExpression();
        const field = expression.fieldExpression();
        if (!field || !field.fieldName()) throw unsupported('a function or FORMULA in WHERE', expression, context);
        return {
            kind: 'compare',
            field: fieldPath(field.fieldName()),
            operator: operator(field.comparisonOperator(), context),
            value: value(field.value(), context)
        };
    });
    let condition: Condition =
        items.length === 1 ? items[0] : { kind: node.SOQLOR_list().length > 0 ? 'or' : 'and', items };
    if (node.NOT()) condition = { kind: 'not', item: condition };
    return condition;
}

const OPERATORS: Record<string, Operator> = {
    '=': '=',
    '!=': '!=',
    '<>': '!=',
    '<': '<',
    '<=': '<=',
    '>': '>',
    '>=': '>=',
    LIKE: 'LIKE',
    IN: 'IN',
    NOTIN: 'NOT IN',
    INCLUDES: 'INCLUDES',
    EXCLUDES: 'EXCLUDES'
};

function operator(node: ComparisonOperatorContext, context: Context): Operator {
    const found = OPERATORS[node.getText().toUpperCase()];
    if (!found) throw unsupported(`operator ${node.getText()}`, node, context);
    return found;
}

/** A SOQL string literal's value: backslash escapes as the SOQL reference lists them. */
function unquote(text: string): string {
    const ESCAPES: Record<string, string> = {
        n: '\n',
        r: '\r',
        t: '\t',
        b: '\b',
        f: '\f',
        '"': '"',
        "'": "'",
        '\\': '\\'
    };
    return text
        .substring(1, text.length - 1)
        .replace(/\\(.)/g, (_all, character: string) => ESCAPES[character] ?? '\\' + character);
}

function value(node: ValueContext, context: Context): ValueNode {
    const text = node.getText();
    if (node.NULL()) return { kind: 'literal', value: null, text };
    if (node.BooleanLiteral()) return { kind: 'literal', value: text.toLowerCase() === 'true', text };
    if (node.StringLiteral()) return { kind: 'literal', value: unquote(text), text };
    if (node.signedNumber()) return { kind: 'literal', value: Number(text), text };
    if (node.DateLiteral()) return { kind: 'literal', value: SDate.parse(text), text };
    if (node.DateTimeLiteral()) return { kind: 'literal', value: SDatetime.parse(text), text };
    const bound = node.boundExpression();
    if (bound) return { kind: 'bind', name: bound.expression().getText(), node: bound.expression() };
    const list = node.valueList();
    if (list) return { kind: 'list', items: list.value_list().map((item) => value(item, context)) };
    const subQuery = node.subQuery();
    if (subQuery) return { kind: 'semiJoin', query: build(subQuery, context) };
    if (node.dateFormula()) throw unsupported(`date literal ${text}`, node, context);
    throw unsupported(`value ${text}`, node, context);
}
