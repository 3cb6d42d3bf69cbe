// A SOQL statement as local-org evaluates it: built once from apex-parser's `query` tree, then cached.
import type { FieldValue } from '../core/values.ts';

/** A field reference: 'Owner.Name' → ['Owner', 'Name']. */
export interface FieldPath {
    path: string[];
    text: string;
    line: number;
}

export type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'MIN' | 'MAX' | 'SUM' | 'AVG';

export type SelectItem =
    | { kind: 'field'; field: FieldPath }
    | { kind: 'aggregate'; fn: AggregateFunction; field: FieldPath; alias: string | null }
    /** COUNT() */
    | { kind: 'countAll' };

export type ValueNode =
    | { kind: 'literal'; value: FieldValue; text: string }
    | { kind: 'bind'; name: string; node: unknown }
    | { kind: 'list'; items: ValueNode[] }
    /** `Id IN (SELECT QueueId FROM QueueSobject WHERE …)`: a semi-join. */
    | { kind: 'semiJoin'; query: Query };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
    | { kind: 'and' | 'or'; items: Condition[] }
    | { kind: 'not'; item: Condition }
    | { kind: 'compare'; field: FieldPath; operator: Operator; value: ValueNode };

export interface OrderItem {
    field: FieldPath;
    descending: boolean;
    nullsLast: boolean;
}

export type QueryMode = 'user' | 'system' | 'securityEnforced' | null;

export interface Query {
    object: string;
    select: SelectItem[];
    where: Condition | null;
    groupBy: FieldPath[];
    orderBy: OrderItem[];
    limit: ValueNode | null;
    offset: ValueNode | null;
    mode: QueryMode;
    forUpdate: boolean;
    /** 1-based line of SELECT within the text or tree it came from. */
    line: number;
    /** Where the statement is (for UnsupportedError positions): the file, and what to add to a node's line. */
    file: string | undefined;
    lineOffset: number;
}
