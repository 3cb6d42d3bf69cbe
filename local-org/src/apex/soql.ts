// SOQL literals: the parse tree goes to the QueryEngine with a BindResolver that evaluates each `:bind` in the
// current scope. Rows come back as a List<SObject> marked as queried (reading a field not selected is an
// SObjectException); `COUNT()` gives an Integer.
import type { SourcePosition } from '../core/errors.ts';
import type { QueryOptions, QueryResult } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import type { Expr } from './ast.ts';
import type { Frame } from './env.ts';
import { evaluate } from './expressions.ts';
import type { Interpreter } from './interpreter.ts';
import { lowerExpression } from './lower-expr.ts';
import { apexToField } from './fields.ts';
import { typeRef } from './types.ts';
import { ApexList, ApexMap, ApexSet, type Value } from './values.ts';
import { ExpressionContext } from '@apexdevtools/apex-parser';

const lowered = new WeakMap<object, Expr>();

function bindExpression(node: unknown): Expr | null {
    if (!node || typeof node !== 'object') return null;
    let expr = lowered.get(node);
    if (!expr) {
        const context =
            node instanceof ExpressionContext ? node : (node as { expression(): ExpressionContext }).expression();
        expr = lowerExpression(context);
        lowered.set(node, expr);
    }
    return expr;
}

/** Binds are handed over as field values when they are scalars; collections as arrays of field values. */
export function bindValue(value: Value): unknown {
    if (value instanceof ApexList) return value.items.map(bindValue);
    if (value instanceof ApexSet) return [...value.entries.values()].map(bindValue);
    if (value instanceof ApexMap) return [...value.entries.values()].map((entry) => bindValue(entry.key));
    if (value instanceof SObject) return value;
    try {
        return apexToField(value);
    } catch {
        return value;
    }
}

export function markQueried(ip: Interpreter, record: SObject): void {
    ip.queried.add(record);
    for (const name of record.fieldNames()) {
        const value = record.get(name);
        if (value instanceof SObject) markQueried(ip, value);
    }
}

export function resultToApex(ip: Interpreter, result: QueryResult, objectName: string): Value {
    if (result.kind === 'count') return result.count;
    const type = result.kind === 'aggregate' ? typeRef('AggregateResult') : typeRef(objectName);
    const list = new ApexList(type, result.kind === 'records' ? result.records : result.rows);
    for (const record of list.items as SObject[]) if (result.kind === 'records') markQueried(ip, record);
    list.soql = true;
    return list;
}

export function runSoql(ip: Interpreter, expr: Extract<Expr, { kind: 'soql' }>, frame: Frame): Value {
    if (!ip.queryEngine) return ip.unsupported('SOQL query (no query engine wired)');
    const accessMode = /WITHUSER_MODE/i.test(expr.text) ? 'user' : 'system';
    const sharing = frame.cls.sharing;
    const options: QueryOptions & { source: SourcePosition } = {
        // Where the statement is, for the engine's UnsupportedError positions (src/soql EngineQueryOptions).
        source: { file: frame.cls.file, line: expr.line },
        accessMode,
        enforceSharing: sharing === 'with' || sharing === 'inherited',
        binds: ({ name, node }) => {
            const bound = bindExpression(node);
            const value = bound
                ? evaluate(ip, bound, frame)
                : evaluate(ip, { kind: 'name', name, line: frame.line }, frame);
            return bindValue(value);
        }
    };
    const result = ip.queryEngine.query(ip.tx, expr.query, options);
    const from = /FROM([A-Za-z0-9_]+)/i.exec(expr.text)?.[1] ?? 'SObject';
    return resultToApex(ip, result, ip.schema?.object(from)?.name ?? from);
}
