// WHERE, prepared once per execution (binds resolved, literals turned into comparison keys), then applied per row.
import { PlatformException } from '../core/errors.ts';
import type { BindResolver } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import type { ValueNode } from './ast.ts';
import { BadValueError, compareKeys, keyOf, likePattern, type Key } from './compare.ts';
import { readPath, type ParentLoader, type ResolvedPath } from './paths.ts';
import type { CompareCondition, PlannedCondition } from './plan.ts';

export type RowPredicate = (row: SObject, parents: ParentLoader) => boolean;

/** Runs a semi-join subquery and returns its single column's keys. */
export type SemiJoinRunner = (condition: CompareCondition) => Set<Key>;

export function bindValue(node: ValueNode, binds: BindResolver): unknown {
    if (node.kind === 'literal') return node.value;
    if (node.kind === 'bind') return binds({ name: node.name, node: node.node });
    if (node.kind === 'list') return node.items.map((item) => bindValue(item, binds));
    throw new Error('a semi-join has no single value');
}

function isIterable(value: unknown): value is Iterable<unknown> {
    return (
        typeof value === 'object' &&
        value !== null &&
        !(value instanceof SObject) &&
        typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
    );
}

function queryException(error: unknown): never {
    if (error instanceof BadValueError) throw new PlatformException('QueryException', error.message);
    throw error;
}

export function prepare(condition: PlannedCondition, binds: BindResolver, semiJoin: SemiJoinRunner): RowPredicate {
    if (condition.kind === 'and' || condition.kind === 'or') {
        const items = condition.items.map((item) => prepare(item, binds, semiJoin));
        if (condition.kind === 'and') return (row, parents) => items.every((item) => item(row, parents));
        return (row, parents) => items.some((item) => item(row, parents));
    }
    if (condition.kind === 'not') {
        const item = prepare(condition.item, binds, semiJoin);
        return (row, parents) => !item(row, parents);
    }
    try {
        return compare(condition, binds, semiJoin);
    } catch (error) {
        return queryException(error);
    }
}

const RANGE: Record<string, (order: number) => boolean> = {
    '<': (order) => order < 0,
    '<=': (order) => order <= 0,
    '>': (order) => order > 0,
    '>=': (order) => order >= 0
};

function compare(condition: CompareCondition, binds: BindResolver, semiJoin: SemiJoinRunner): RowPredicate {
    const path = condition.path;
    const kind = path.kind;
    const key = (row: SObject, parents: ParentLoader): Key => keyOf(readPath(row, path, parents), kind);
    const operator = condition.operator;
    if (operator === 'IN' || operator === 'NOT IN') {
        const keys = condition.semiJoin ? semiJoin(condition) : listKeys(bindValue(condition.value, binds), path);
        if (operator === 'IN') return (row, parents) => keys.has(key(row, parents));
        // NOT IN leaves out rows whose value is null (uncertain: ledger), unlike != (which keeps them).
        return (row, parents) => {
            const value = key(row, parents);
            return value !== null && !keys.has(value);
        };
    }
    const raw = bindValue(condition.value, binds);
    if (operator === 'LIKE') {
        if (raw === null || raw === undefined) return () => false;
        const pattern = likePattern(String(raw));
        return (row, parents) => {
            const value = readPath(row, path, parents);
            return value !== null && pattern.test(String(value));
        };
    }
    if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
        const wanted = (Array.isArray(raw) ? raw : [raw]).map((entry) =>
            String(entry)
                .split(';')
                .map((part) => part.trim().toLowerCase())
        );
        const includes = (row: SObject, parents: ParentLoader): boolean => {
            const value = readPath(row, path, parents);
            if (value === null) return false;
            const selected = new Set(
                String(value)
                    .split(';')
                    .map((part) => part.trim().toLowerCase())
            );
            return wanted.some((all) => all.every((part) => selected.has(part)));
        };
        return operator === 'INCLUDES' ? includes : (row, parents) => !includes(row, parents);
    }
    if (isIterable(raw)) throw new PlatformException('QueryException', `a collection bound with ${operator}: use IN`);
    const target = keyOf(raw, kind);
    switch (operator) {
        case '=':
            return (row, parents) => key(row, parents) === target;
        case '!=':
            return (row, parents) => key(row, parents) !== target;
        default: {
            if (target === null) return () => false;
            const test = RANGE[operator];
            return (row, parents) => {
                const value = key(row, parents);
                return value !== null && test(compareKeys(value, target));
            };
        }
    }
}

function listKeys(value: unknown, path: ResolvedPath): Set<Key> {
    const keys = new Set<Key>();
    const items = isIterable(value) ? value : [value];
    for (const item of items) keys.add(keyOf(item, path.kind));
    return keys;
}
