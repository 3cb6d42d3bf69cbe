// A Query resolved against the schema once (cached per Query): the object, every field path, and what is selected.
// Unknown objects, fields and relationships are errors the platform reports when the Apex is compiled (inline SOQL:
// a ProjectError here) or when dynamic SOQL runs (QueryException).
import { ProjectError, UnsupportedError } from '../core/errors.ts';
import { PlatformException } from '../core/errors.ts';
import type { Schema, SObjectDescribe } from '../core/schema.ts';
import type { Condition, FieldPath, Query, SelectItem, ValueNode } from './ast.ts';
import { PathError, resolvePath, type ResolvedPath } from './paths.ts';

export type PlannedSelect =
    | { kind: 'field'; path: ResolvedPath }
    | { kind: 'aggregate'; fn: string; path: ResolvedPath; name: string }
    | { kind: 'countAll' };

export interface CompareCondition {
    kind: 'compare';
    path: ResolvedPath;
    operator: string;
    value: ValueNode;
    semiJoin: Plan | null;
}

export type PlannedCondition =
    | { kind: 'and'; items: PlannedCondition[] }
    | { kind: 'or'; items: PlannedCondition[] }
    | { kind: 'not'; item: PlannedCondition }
    | CompareCondition;

export interface Plan {
    query: Query;
    object: SObjectDescribe;
    select: PlannedSelect[];
    where: PlannedCondition | null;
    groupBy: ResolvedPath[];
    orderBy: { path: ResolvedPath; descending: boolean; nullsLast: boolean }[];
    isAggregate: boolean;
    isCount: boolean;
    /** Every path the statement reads (for user-mode access checks). */
    paths: ResolvedPath[];
    /** Paths in SELECT (WITH SECURITY_ENFORCED checks only these). */
    selectPaths: ResolvedPath[];
}

export function plan(schema: Schema, query: Query, dynamic: boolean, formulas = false): Plan {
    const fail = (message: string): Error =>
        dynamic ? new PlatformException('QueryException', message) : new ProjectError(`SOQL: ${message}`);
    // Locking statements: "You can't use the ORDER BY keywords in any SOQL query that uses locking."
    if (query.forUpdate && query.orderBy.length > 0) {
        throw fail('ORDER BY cannot be used in a query that locks rows with FOR UPDATE');
    }
    const object = schema.object(query.object);
    if (!object || !object.queryable) {
        throw fail(
            `sObject type '${query.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
        );
    }
    const paths: ResolvedPath[] = [];
    const resolve = (field: FieldPath): ResolvedPath => {
        try {
            const resolved = resolvePath(schema, object, field);
            if (resolved.field.calculatedFormula !== undefined && !formulas) {
                throw new UnsupportedError(`formula field ${resolved.object.name}.${resolved.field.name} in SOQL`, {
                    file: query.file ?? '<SOQL>',
                    line: query.lineOffset + field.line
                });
            }
            paths.push(resolved);
            return resolved;
        } catch (error) {
            if (error instanceof PathError) throw fail(error.message);
            throw error;
        }
    };
    let expression = 0;
    const select = query.select.map((item: SelectItem): PlannedSelect => {
        if (item.kind === 'countAll') return item;
        if (item.kind === 'field') return { kind: 'field', path: resolve(item.field) };
        return { kind: 'aggregate', fn: item.fn, path: resolve(item.field), name: item.alias ?? `expr${expression++}` };
    });
    const selectPaths = [...paths];
    const isCount = select.some((item) => item.kind === 'countAll');
    if (isCount && select.length > 1) throw fail('COUNT() must be the only element in the SELECT list.');
    const groupBy = query.groupBy.map(resolve);
    const isAggregate = !isCount && (groupBy.length > 0 || select.some((item) => item.kind === 'aggregate'));
    if (isAggregate) {
        for (const item of select) {
            if (
                item.kind === 'field' &&
                !groupBy.some((group) => group.text.toLowerCase() === item.path.text.toLowerCase())
            ) {
                throw fail(`Field must be grouped or aggregated: ${item.path.field.name}`);
            }
        }
    }
    const condition = (node: Condition): PlannedCondition => {
        if (node.kind === 'compare') {
            const semiJoin = node.value.kind === 'semiJoin' ? plan(schema, node.value.query, dynamic, formulas) : null;
            return { kind: 'compare', path: resolve(node.field), operator: node.operator, value: node.value, semiJoin };
        }
        if (node.kind === 'not') return { kind: 'not', item: condition(node.item) };
        const items = node.items.map(condition);
        return node.kind === 'and' ? { kind: 'and', items } : { kind: 'or', items };
    };
    return {
        query,
        object,
        select,
        where: query.where ? condition(query.where) : null,
        groupBy,
        orderBy: query.orderBy.map((order) => ({
            path: resolve(order.field),
            descending: order.descending,
            nullsLast: order.nullsLast
        })),
        isAggregate,
        isCount,
        paths,
        selectPaths
    };
}
