// The Apex test runner on a tiny project: isolation per method, outcomes and the report's last line.
// Sources: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_testing_unit_tests.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_testing_testsetup_using.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReport, runTests, type OrgSetup } from '../../src/testing/index.ts';
import { metadataWith } from '../apex/harness.ts';

const counter = `public class Counter { public static Integer count = 0; public static Integer next() { count++; return count; } }`;
const spec = `@IsTest
private class CounterTest {
    @IsTest static void firstCallGivesOne() { Assert.areEqual(1, Counter.next(), 'statics start fresh'); }
    @IsTest static void againFirstCallGivesOne() { Assert.areEqual(1, Counter.next(), 'statics start fresh'); }
    @IsTest static void wrongExpectationFails() { Assert.areEqual(2, Counter.next(), 'deliberately wrong'); }
    @IsTest static void uncaughtExceptionFails() { Integer i = null; i++; }
    @IsTest static void unsupportedIsNotRun() { System.enqueueJob(null); }
}`;

function setup(): OrgSetup {
    const metadata = metadataWith({ Counter: counter, CounterTest: spec });
    return {
        metadata,
        seed: () => ({
            id: '005000000000001AAA',
            username: 'admin@example.com',
            profileId: '00e000000000001AAA',
            timeZone: 'America/New_York',
            locale: 'en_US',
            permissionSets: []
        }),
        engines: () => ({ queryEngine: null, saveEngine: null, access: null })
    };
}

test('each method has fresh statics; failures carry the Apex stack; unsupported constructs are not run', () => {
    const results = runTests(setup());
    const outcome = Object.fromEntries(results.map((r) => [r.methodName, r.outcome]));
    assert.deepEqual(outcome, {
        firstCallGivesOne: 'pass',
        againFirstCallGivesOne: 'pass',
        wrongExpectationFails: 'fail',
        uncaughtExceptionFails: 'fail',
        unsupportedIsNotRun: 'not run'
    });
    const wrong = results.find((r) => r.methodName === 'wrongExpectationFails')!;
    assert.match(wrong.message!, /deliberately wrong: Expected: 2, Actual: 1/);
    assert.match(wrong.stack!, /^Class\.CounterTest\.wrongExpectationFails: line 5, column 1$/);
    const npe = results.find((r) => r.methodName === 'uncaughtExceptionFails')!;
    assert.match(npe.message!, /^System\.NullPointerException/);
    const notRun = results.find((r) => r.methodName === 'unsupportedIsNotRun')!;
    assert.match(notRun.message!, /unsupported System\.enqueueJob \(async Apex\) at classes\/CounterTest\.cls:7/);
    assert.equal(formatReport(results).split('\n').pop(), '2 passed, 2 failed, 1 not run');
});

test('a filter runs one class or one method', () => {
    const results = runTests(setup(), { filter: ['CounterTest.firstCallGivesOne'] });
    assert.deepEqual(
        results.map((r) => r.methodName),
        ['firstCallGivesOne']
    );
});
