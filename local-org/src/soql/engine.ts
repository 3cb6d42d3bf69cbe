// createQueryEngine: runs SOQL against the store (or the project's custom metadata records) for one transaction:
// filter, sharing, aggregate or order, offset, limit, then project the selected fields. Counts the query and its
// rows in the transaction's limits (a query of a custom metadata type counts its rows but not as a query).
import { PlatformException, type SourcePosition } from '../core/errors.ts';
import type { ProjectMetadata } from '../core/metadata.ts';
import type { BindResolver, QueryEngine, QueryOptions, QueryResult, Transaction } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import type { AccessModel, UserAccess } from '../security/index.ts';
import type { Query } from './ast.ts';
import { aggregate } from './aggregate.ts';
import { compareKeys, keyOf, type Key } from './compare.ts';
import { bindValue, prepare } from './filter.ts';
import { checkAccess } from './access-check.ts';
import { nameView, ParentLoader, readPath, writePath, type FormulaEvaluator, type ResolvedPath } from './paths.ts';
import { parseQuery, SyntaxQueryError } from './parse.ts';
import { plan as makePlan, type CompareCondition, type Plan } from './plan.ts';

/** Apex per-transaction limits (synchronous): https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_gov_limits.htm */
export const QUERY_LIMIT = 100;
export const QUERY_ROW_LIMIT = 50_000;

/** QueryOptions plus where the statement is (for UnsupportedError positions). */
export interface EngineQueryOptions extends QueryOptions {
    source?: SourcePosition;
}

export interface SoqlEngine extends QueryEngine {
    query(transaction: Transaction, query: string | unknown, options: EngineQueryOptions): QueryResult;
    /**
     * Database.queryWithBinds(text, bindMap, accessLevel): binds by name from the map. `enforceSharing` is the calling
     * class's sharing (user mode applies sharing anyway).
     */
    queryWithBinds(
        transaction: Transaction,
        text: string,
        binds: Map<string, unknown> | Record<string, unknown>,
        accessMode: QueryOptions['accessMode'],
        enforceSharing?: boolean
    ): QueryResult;
}

/** A BindResolver for Database.queryWithBinds: binds by name from the map (exact key, then any case). */
export function bindsFromMap(binds: Map<string, unknown> | Record<string, unknown>): BindResolver {
    const entries = binds instanceof Map ? [...binds.entries()] : Object.entries(binds);
    const exact = new Map(entries);
    const folded = new Map(entries.map(([key, value]) => [key.toLowerCase(), value]));
    return ({ name }) => {
        if (exact.has(name)) return exact.get(name);
        if (folded.has(name.toLowerCase())) return folded.get(name.toLowerCase());
        throw new PlatformException('QueryException', `Key '${name}' does not exist in the bindMap`);
    };
}

export interface QueryEngineOptions {
    /** Computes formula fields on read; without it, a query reading a formula field raises UnsupportedError. */
    formula?: FormulaEvaluator;
}

export function createQueryEngine(
    metadata: ProjectMetadata,
    access: AccessModel,
    engineOptions: QueryEngineOptions = {}
): SoqlEngine {
    const plans = new WeakMap<Query, Plan>();
    const planOf = (query: Query, dynamic: boolean): Plan => {
        let planned = plans.get(query);
        if (!planned) {
            planned = makePlan(metadata.schema, query, dynamic, engineOptions.formula !== undefined);
            plans.set(query, planned);
        }
        return planned;
    };

    const source = (transaction: Transaction, planned: Plan): SObject[] => {
        const object = planned.object;
        if (object.kind === 'customMetadata') {
            return (metadata.customMetadata.get(object.name.toLowerCase()) ?? []).map((record) => record.clone());
        }
        if (object.name === 'Name') {
            return [...transaction.store.all('User'), ...transaction.store.all('Group')].map(nameView);
        }
        return transaction.store.all(object.name);
    };

    const run = (
        transaction: Transaction,
        planned: Plan,
        binds: BindResolver,
        userAccess: UserAccess | null,
        parents: ParentLoader
    ): SObject[] => {
        const semiJoin = (condition: CompareCondition): Set<Key> => {
            const inner = condition.semiJoin!;
            const column = inner.select[0];
            if (inner.select.length !== 1 || column.kind !== 'field') {
                throw new PlatformException('QueryException', 'a semi-join subquery selects exactly one field');
            }
            const rows = run(transaction, inner, binds, userAccess, parents);
            return new Set(rows.map((row) => keyOf(readPath(row, column.path, parents), condition.path.kind)));
        };
        const predicate = planned.where ? prepare(planned.where, binds, semiJoin) : null;
        const rows: SObject[] = [];
        for (const row of source(transaction, planned)) {
            if (predicate && !predicate(row, parents)) continue;
            if (userAccess && !userAccess.canSee(row)) continue;
            rows.push(row);
        }
        return rows;
    };

    const engine: SoqlEngine = {
        queryWithBinds(transaction, text, binds, accessMode, enforceSharing = false) {
            return engine.query(transaction, text, { accessMode, enforceSharing, binds: bindsFromMap(binds) });
        },
        query(transaction, query, options) {
            const dynamic = typeof query === 'string';
            let parsed: Query;
            try {
                parsed = parseQuery(query, options.source);
            } catch (error) {
                if (error instanceof SyntaxQueryError) throw new PlatformException('QueryException', error.message);
                throw error;
            }
            const planned = planOf(parsed, dynamic);
            const mode = parsed.mode === 'user' ? 'user' : parsed.mode === 'system' ? 'system' : options.accessMode;
            const userAccess =
                mode === 'user' || options.enforceSharing || parsed.mode === 'securityEnforced'
                    ? access.forUser(transaction.user, transaction.store)
                    : null;
            if (userAccess && mode === 'user') checkAccess(planned, userAccess, 'user');
            if (userAccess && parsed.mode === 'securityEnforced') checkAccess(planned, userAccess, 'securityEnforced');
            const sharing = mode === 'user' || options.enforceSharing ? userAccess : null;

            // Custom metadata: unlimited SOQL queries, except queries with a long text area field (Help: Custom
            // Metadata Limits); their rows still count (uncertain: ledger).
            const counted = planned.object.kind !== 'customMetadata' || planned.paths.some(isLongText);
            if (counted) {
                transaction.limits.queries++;
                if (transaction.limits.queries > QUERY_LIMIT) {
                    throw new PlatformException(
                        'LimitException',
                        `Too many SOQL queries: ${transaction.limits.queries}`
                    );
                }
            }
            const parents = new ParentLoader((id) => transaction.store.get(id), engineOptions.formula);
            const rows = run(transaction, planned, options.binds, sharing, parents);
            const offset = count(planned.query.offset, options.binds, 'OFFSET');
            const limit = count(planned.query.limit, options.binds, 'LIMIT');
            let result: QueryResult;
            let rowsUsed: number;
            if (planned.isCount) {
                const total = Math.max(0, rows.length - (offset ?? 0));
                result = { kind: 'count', count: limit === null ? total : Math.min(limit, total) };
                rowsUsed = 1;
            } else if (planned.isAggregate) {
                const groups = order(aggregate(planned, rows, parents), planned, parents, true);
                result = { kind: 'aggregate', rows: page(groups, offset, limit) };
                rowsUsed = onlyCounts(planned) ? result.rows.length : rows.length;
            } else {
                const records = page(order(rows, planned, parents, false), offset, limit);
                result = { kind: 'records', records: records.map((row) => project(row, planned, parents)) };
                rowsUsed = records.length;
            }
            {
                transaction.limits.queryRows += rowsUsed;
                if (transaction.limits.queryRows > QUERY_ROW_LIMIT) {
                    throw new PlatformException(
                        'LimitException',
                        `Too many query rows: ${transaction.limits.queryRows}`
                    );
                }
            }
            return result;
        }
    };
    return engine;
}

/**
 * COUNT() and COUNT(field) queries use one query row (one per group with GROUP BY); other aggregate functions use
 * every row aggregated (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_agg_fns.htm).
 */
function isLongText(path: ResolvedPath): boolean {
    return path.field.type === 'textarea' && (path.field.length ?? 0) > 255;
}

function onlyCounts(planned: Plan): boolean {
    return planned.select.every((item) => item.kind !== 'aggregate' || item.fn === 'COUNT');
}

function count(node: Query['limit'], binds: BindResolver, clause: string): number | null {
    if (!node) return null;
    const value = bindValue(node, binds);
    const number =
        typeof value === 'number' ? value : Number((value as { toNumber?: () => number })?.toNumber?.() ?? NaN);
    if (!Number.isInteger(number) || number < 0) {
        throw new PlatformException('QueryException', `${clause} must be a non-negative integer, not ${String(value)}`);
    }
    return number;
}

function page<T>(rows: T[], offset: number | null, limit: number | null): T[] {
    const start = offset ?? 0;
    return rows.slice(start, limit === null ? undefined : start + limit);
}

/** ORDER BY: nulls first ascending and last descending unless NULLS FIRST/LAST says otherwise; stable. */
function order(rows: SObject[], planned: Plan, parents: ParentLoader, aggregated: boolean): SObject[] {
    if (planned.orderBy.length === 0) return rows;
    const sortKeys = planned.orderBy.map((item) => sortKey(item.path));
    const keyed = rows.map((row, index) => ({
        row,
        index,
        keys: planned.orderBy.map((item, position) =>
            sortKeys[position](aggregated ? (row.get(item.path.field.name) ?? null) : readPath(row, item.path, parents))
        )
    }));
    keyed.sort((left, right) => {
        for (let index = 0; index < planned.orderBy.length; index++) {
            const item = planned.orderBy[index];
            const a = left.keys[index];
            const b = right.keys[index];
            if (a === b) continue;
            if (a === null) return item.nullsLast ? 1 : -1;
            if (b === null) return item.nullsLast ? -1 : 1;
            const result = compareKeys(a, b);
            return item.descending ? -result : result;
        }
        return left.index - right.index;
    });
    return keyed.map((entry) => entry.row);
}

/** A picklist sorts in the order of its values as defined in setup, not alphabetically (ORDER BY reference). */
function sortKey(path: ResolvedPath): (value: FieldValue) => Key {
    const values = path.field.type === 'picklist' ? path.field.picklistValues : undefined;
    if (!values || values.length === 0) return (value) => keyOf(value, path.kind);
    const positions = new Map(values.map((entry, index) => [entry.value.toLowerCase(), index]));
    return (value) => (value === null ? null : (positions.get(String(value).toLowerCase()) ?? values.length));
}

function project(row: SObject, planned: Plan, parents: ParentLoader): SObject {
    const output = new SObject(planned.object.name, { Id: row.id });
    for (const item of planned.select) {
        if (item.kind === 'field') writePath(output, row, item.path, parents);
    }
    return output;
}
