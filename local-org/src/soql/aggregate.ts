// GROUP BY and aggregate functions: one AggregateResult per group, group fields under their field name, aggregates
// under their alias or expr0, expr1… in SELECT order.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions.htm
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import { compareKeys, keyOf, type Key } from './compare.ts';
import { readPath, type ParentLoader } from './paths.ts';
import type { Plan } from './plan.ts';

interface Group {
    values: FieldValue[];
    rows: SObject[];
}

export function aggregate(plan: Plan, rows: SObject[], parents: ParentLoader): SObject[] {
    const groups = new Map<string, Group>();
    for (const row of rows) {
        const values = plan.groupBy.map((path) => {
            const value = readPath(row, path, parents);
            return value === null && path.kind === 'boolean' ? false : value;
        });
        const id = values.map((value, index) => String(keyOf(value, plan.groupBy[index].kind))).join('\u0000');
        let group = groups.get(id);
        if (!group) {
            group = { values, rows: [] };
            groups.set(id, group);
        }
        group.rows.push(row);
    }
    if (plan.groupBy.length === 0 && groups.size === 0) groups.set('', { values: [], rows: [] });
    const results: SObject[] = [];
    for (const group of groups.values()) {
        const result = new SObject('AggregateResult');
        plan.groupBy.forEach((path, index) => result.set(path.field.name, group.values[index]));
        for (const item of plan.select) {
            if (item.kind !== 'aggregate') continue;
            result.set(
                item.name,
                compute(
                    item.fn,
                    group.rows.map((row) => readPath(row, item.path, parents)),
                    item.path.kind
                )
            );
        }
        results.push(result);
    }
    return results;
}

function compute(fn: string, values: FieldValue[], kind: Parameters<typeof keyOf>[1]): FieldValue {
    const present = values.filter((value) => value !== null);
    switch (fn) {
        case 'COUNT':
            return present.length;
        case 'COUNT_DISTINCT':
            return new Set(present.map((value) => keyOf(value, kind))).size;
        case 'SUM':
            return present.length === 0 ? null : present.reduce<number>((sum, value) => sum + Number(value), 0);
        case 'AVG':
            return present.length === 0
                ? null
                : present.reduce<number>((sum, value) => sum + Number(value), 0) / present.length;
        default: {
            let best: FieldValue = null;
            let bestKey: Key = null;
            for (const value of present) {
                const key = keyOf(value, kind);
                const order = bestKey === null ? 0 : compareKeys(key, bestKey);
                if (bestKey === null || (fn === 'MIN' ? order < 0 : order > 0)) {
                    best = value;
                    bestKey = key;
                }
            }
            return best;
        }
    }
}
