// COUNT(), COUNT(field), COUNT_DISTINCT, MIN, MAX, SUM, AVG with GROUP BY; aliases and expr0, expr1….
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_count.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlatformException } from '../../src/core/errors.ts';
import { SDatetime } from '../../src/core/values.ts';
import { testOrg } from './org.ts';

function org(): ReturnType<typeof testOrg> & { queueId: string } {
    const base = testOrg();
    const queueId = base.seeded.groupIds.get('Widget_Queue')!;
    const admin = base.seeded.admin.id;
    const at = (hour: number): SDatetime => new SDatetime(Date.UTC(2026, 11, 4, hour));
    base.insert('Lead', { LastName: 'a', Company: 'x', OwnerId: queueId, NumberOfEmployees: 10, CreatedDate: at(9) });
    base.insert('Lead', { LastName: 'b', Company: 'X', OwnerId: queueId, NumberOfEmployees: 30, CreatedDate: at(8) });
    base.insert('Lead', { LastName: 'c', Company: 'y', OwnerId: admin, NumberOfEmployees: null, CreatedDate: at(7) });
    return { ...base, queueId };
}

test('COUNT() returns a count, honouring WHERE', () => {
    const o = org();
    assert.deepEqual(o.query('SELECT COUNT() FROM Lead WHERE OwnerId = :q', { q: o.queueId }), {
        kind: 'count',
        count: 2
    });
    assert.equal(o.transaction.limits.queryRows, 1, 'COUNT() uses one query row');
});

test('query rows: COUNT(field) one per group, other aggregates every row aggregated (langCon_apex_SOQL_agg_fns)', () => {
    const o = org();
    o.query('SELECT OwnerId, COUNT(Id) FROM Lead GROUP BY OwnerId');
    assert.equal(o.transaction.limits.queryRows, 2);
    o.query('SELECT MIN(CreatedDate) FROM Lead');
    assert.equal(o.transaction.limits.queryRows, 5);
    o.query('SELECT Id FROM Lead LIMIT 1');
    assert.equal(o.transaction.limits.queryRows, 6, 'records: the rows returned');
});

test('GROUP BY with aliases; unaliased aggregates are expr0, expr1 …', () => {
    const o = org();
    const result = o.query(
        'SELECT OwnerId, COUNT(Id) leadCount, MIN(CreatedDate), MAX(NumberOfEmployees), SUM(NumberOfEmployees) total, AVG(NumberOfEmployees) FROM Lead GROUP BY OwnerId ORDER BY OwnerId DESC'
    );
    assert.equal(result.kind, 'aggregate');
    const rows = result.kind === 'aggregate' ? result.rows : [];
    assert.equal(rows[0].type, 'AggregateResult');
    assert.deepEqual(rows[0].fieldNames(), ['OwnerId', 'leadCount', 'expr0', 'expr1', 'total', 'expr2']);
    const queue = rows.find((row) => row.get('OwnerId') === o.queueId)!;
    assert.equal(queue.get('leadCount'), 2);
    assert.ok((queue.get('expr0') as SDatetime).equals(new SDatetime(Date.UTC(2026, 11, 4, 8))));
    assert.equal(queue.get('expr1'), 30);
    assert.equal(queue.get('total'), 40);
    assert.equal(queue.get('expr2'), 20);
    const admin = rows.find((row) => row.get('OwnerId') === o.seeded.admin.id)!;
    assert.deepEqual([admin.get('leadCount'), admin.get('expr1'), admin.get('total')], [1, null, null]);
});

test('text groups ignore case; COUNT(field) skips nulls; COUNT_DISTINCT', () => {
    const o = org();
    const result = o.query('SELECT Company, COUNT(NumberOfEmployees) n FROM Lead GROUP BY Company ORDER BY Company');
    const rows = result.kind === 'aggregate' ? result.rows : [];
    assert.deepEqual(
        rows.map((row) => [row.get('Company'), row.get('n')]),
        [
            ['x', 2],
            ['y', 0]
        ]
    );
    const distinct = o.query('SELECT COUNT_DISTINCT(Company) FROM Lead');
    assert.equal(distinct.kind === 'aggregate' && distinct.rows[0].get('expr0'), 2);
});

test('an aggregate without GROUP BY over no rows gives one row', () => {
    const o = org();
    const result = o.query("SELECT COUNT(Id) c FROM Lead WHERE Company = 'none'");
    assert.equal(result.kind === 'aggregate' && result.rows.length, 1);
    assert.equal(result.kind === 'aggregate' && result.rows[0].get('c'), 0);
});

test('a field neither grouped nor aggregated is refused', () => {
    const o = org();
    assert.throws(
        () => o.query('SELECT LastName, COUNT(Id) FROM Lead GROUP BY OwnerId'),
        (error: unknown) =>
            error instanceof PlatformException && /Field must be grouped or aggregated: LastName/.test(error.message)
    );
});
