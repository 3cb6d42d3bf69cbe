// SOQL literals from the interpreter's side, with a fake QueryEngine: binds are evaluated in the current scope,
// single-row assignment, and reading a field the query did not select.
// Sources: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_variables.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_single_row.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_sobject.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QueryEngine } from '../../src/core/runtime.ts';
import { SObject } from '../../src/core/sobject.ts';
import { run } from './harness.ts';

function engineReturning(count: number, seen?: unknown[]): QueryEngine {
    return {
        query: (_tx, _query, options) => {
            if (seen) seen.push(options.binds({ name: 'names' }));
            const records = Array.from(
                { length: count },
                (_, i) => new SObject('Lead', { Id: `00Q00000000000${i}AAA`, Company: `C${i}` })
            );
            return { kind: 'records', records };
        }
    };
}

test('a bind is the value of the Apex expression in scope, collections as arrays', () => {
    const seen: unknown[] = [];
    const body = `static Object run() { Set<String> names = new Set<String>{ 'a', 'b' }; return [SELECT Id FROM Lead WHERE Company IN :names].size(); }`;
    assert.equal(run(body, {}, undefined, engineReturning(2, seen)), '2');
    assert.deepEqual(seen, [['a', 'b']]);
});

test('assigning a query to one SObject needs exactly one row (a QueryException Apex can catch)', () => {
    const body = `static Object run() {
        try { Lead l = [SELECT Id, Company FROM Lead]; return l.Company; }
        catch (QueryException e) { return e.getMessage(); }
    }`;
    assert.equal(run(body, {}, undefined, engineReturning(1)), 'C0');
    assert.equal(run(body, {}, undefined, engineReturning(0)), 'List has no rows for assignment to SObject');
    assert.equal(run(body, {}, undefined, engineReturning(2)), 'List has more than 1 row for assignment to SObject');
});

test('reading a field the query did not select is an SObjectException', () => {
    const body = `static Object run() {
        Lead l = [SELECT Id, Company FROM Lead];
        try { return l.Status; } catch (SObjectException e) { return e.getMessage(); }
    }`;
    assert.equal(
        run(body, {}, undefined, engineReturning(1)),
        'SObject row was retrieved via SOQL without querying the requested field: Lead.Status'
    );
});
