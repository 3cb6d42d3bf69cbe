// WHERE: comparison operators, null semantics, IN with binds, LIKE, case, Ids 15/18, date and datetime literals.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_logicaloperators.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlatformException } from '../../src/core/errors.ts';
import { SDate, SDatetime } from '../../src/core/values.ts';
import { testOrg } from './org.ts';

function org(): ReturnType<typeof testOrg> & { ids: string[] } {
    const base = testOrg();
    const ids = [
        base.insert('Lead', {
            LastName: 'Ada',
            Company: 'Acme',
            NumberOfEmployees: 10,
            IsConverted: false,
            ConvertedDate: new SDate(2026, 12, 4),
            CreatedDate: new SDatetime(Date.UTC(2026, 11, 4, 10))
        }),
        base.insert('Lead', {
            LastName: 'Bob',
            Company: 'acme corp',
            NumberOfEmployees: 50,
            IsConverted: true,
            ConvertedDate: null,
            CreatedDate: new SDatetime(Date.UTC(2026, 11, 4, 11))
        }),
        base.insert('Lead', { LastName: 'Cy', Company: null, NumberOfEmployees: null, CreatedDate: null })
    ];
    return { ...base, ids };
}

const names = (rows: { get(field: string): unknown }[]): unknown[] => rows.map((row) => row.get('LastName'));

test('= and != ignore case on text; != includes null values', () => {
    const o = org();
    assert.deepEqual(names(o.records("SELECT LastName FROM Lead WHERE Company = 'ACME'")), ['Ada']);
    assert.deepEqual(names(o.records("SELECT LastName FROM Lead WHERE Company != 'acme' ORDER BY LastName")), [
        'Bob',
        'Cy'
    ]);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE Company = null')), ['Cy']);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE Company != null ORDER BY LastName')), [
        'Ada',
        'Bob'
    ]);
});

test('range operators never match null', () => {
    const o = org();
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE NumberOfEmployees < 100 ORDER BY LastName')), [
        'Ada',
        'Bob'
    ]);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE NumberOfEmployees >= 50')), ['Bob']);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE NumberOfEmployees <= :n', { n: null })), []);
});

test('AND, OR, NOT and parentheses', () => {
    const o = org();
    assert.deepEqual(
        names(
            o.records("SELECT LastName FROM Lead WHERE (Company = 'acme' OR Company = null) AND (NOT LastName = 'Cy')")
        ),
        ['Ada']
    );
    assert.deepEqual(
        names(
            o.records(
                "SELECT LastName FROM Lead WHERE Company = 'acme' OR (NumberOfEmployees > 20 AND IsConverted = TRUE) ORDER BY LastName"
            )
        ),
        ['Ada', 'Bob']
    );
});

test('booleans: a checkbox is never null (unset reads false)', () => {
    const o = org();
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE IsConverted = false ORDER BY LastName')), [
        'Ada',
        'Cy'
    ]);
});

test('IN and NOT IN take any iterable bind, literal lists, 15- and 18-character Ids', () => {
    const o = org();
    const id15 = o.ids[0].substring(0, 15);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE Id IN :ids', { ids: new Set([id15]) })), ['Ada']);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE Id = :id', { id: id15 })), ['Ada']);
    assert.deepEqual(
        names(
            o.records('SELECT LastName FROM Lead WHERE LastName NOT IN :names ORDER BY LastName', { names: ['ADA'] })
        ),
        ['Bob', 'Cy']
    );
    assert.deepEqual(
        names(o.records("SELECT LastName FROM Lead WHERE Company NOT IN ('acme')")),
        ['Bob'],
        'null left out'
    );
    assert.deepEqual(names(o.records("SELECT LastName FROM Lead WHERE LastName IN ('bob', 'cy') ORDER BY LastName")), [
        'Bob',
        'Cy'
    ]);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE Id IN :ids', { ids: [] })), []);
});

test('an Id that is not an Id is a QueryException', () => {
    const o = org();
    assert.throws(
        () => o.query('SELECT Id FROM Lead WHERE Id = :id', { id: 'nope' }),
        (error: unknown) => error instanceof PlatformException && error.message === 'invalid ID field: nope'
    );
});

test('LIKE: case-insensitive, % and _ wildcards, escapes', () => {
    const o = org();
    assert.deepEqual(names(o.records("SELECT LastName FROM Lead WHERE Company LIKE 'ACME%' ORDER BY LastName")), [
        'Ada',
        'Bob'
    ]);
    assert.deepEqual(names(o.records("SELECT LastName FROM Lead WHERE LastName LIKE '_o_'")), ['Bob']);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE Company LIKE :p', { p: '%corp' })), ['Bob']);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE Company LIKE :p', { p: 'acme\\%' })), []);
});

test('date and datetime literals and binds', () => {
    const o = org();
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE ConvertedDate = 2026-12-04')), ['Ada']);
    assert.deepEqual(names(o.records('SELECT LastName FROM Lead WHERE CreatedDate > 2026-12-04T10:30:00Z')), ['Bob']);
    assert.deepEqual(
        names(
            o.records('SELECT LastName FROM Lead WHERE CreatedDate <= :at', {
                at: new SDatetime(Date.UTC(2026, 11, 4, 10))
            })
        ),
        ['Ada']
    );
    assert.deepEqual(
        names(
            o.records('SELECT LastName FROM Lead WHERE CreatedDate IN :times', {
                times: [new SDatetime(Date.UTC(2026, 11, 4, 11))]
            })
        ),
        ['Bob']
    );
});
