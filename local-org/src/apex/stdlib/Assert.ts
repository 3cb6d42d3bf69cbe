// Assert and System.assert*: a failure ends the test method and cannot be caught by Apex code.
// Sources: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_Assert.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_system.htm
import { AssertionFailure } from '../exceptions.ts';
import { isInstance, typeNameOf } from '../types.ts';
import { TypeValue, type Value } from '../values.ts';
import type { Runtime, StaticMethod, StdlibClass } from './registry.ts';

function failWith(rt: Runtime, detail: string, message: Value): never {
    const text = message === null || message === undefined ? detail : `${rt.stringOf(message)}: ${detail}`;
    throw new AssertionFailure(`Assertion Failed: ${text}`, rt.stackTrace());
}

function areEqual(rt: Runtime, expected: Value, actual: Value, message: Value): Value {
    if (!rt.equals(expected, actual, false)) {
        failWith(rt, `Expected: ${rt.stringOf(expected)}, Actual: ${rt.stringOf(actual)}`, message);
    }
    return null;
}

function areNotEqual(rt: Runtime, notExpected: Value, actual: Value, message: Value): Value {
    if (rt.equals(notExpected, actual, false)) {
        failWith(rt, `Same value: ${rt.stringOf(actual)}`, message);
    }
    return null;
}

function check(rt: Runtime, condition: Value, message: Value, expected: boolean): Value {
    if (condition !== expected) failWith(rt, `Expected: ${expected}, Actual: ${rt.stringOf(condition)}`, message);
    return null;
}

export const assertStatics: Record<string, StaticMethod> = {
    areequal: (rt, [expected, actual, message]) => areEqual(rt, expected, actual, message ?? null),
    arenotequal: (rt, [expected, actual, message]) => areNotEqual(rt, expected, actual, message ?? null),
    istrue: (rt, [condition, message]) => check(rt, condition, message ?? null, true),
    isfalse: (rt, [condition, message]) => check(rt, condition, message ?? null, false),
    isnull: (rt, [value, message]) =>
        value === null ? null : failWith(rt, `Expected null, Actual: ${rt.stringOf(value)}`, message ?? null),
    isnotnull: (rt, [value, message]) =>
        value !== null ? null : failWith(rt, 'Expected a value, Actual: null', message ?? null),
    fail: (rt, [message]) =>
        failWith(rt, message === null || message === undefined ? 'Fail' : rt.stringOf(message), null),
    isinstanceoftype: (rt, [value, type, message]) => {
        if (!(type instanceof TypeValue)) return rt.unsupported('Assert.isInstanceOfType without a Type');
        if (!isInstance(value, type.type, rt as never))
            failWith(rt, `Expected instance of ${type.type.text}, Actual: ${typeNameOf(value)}`, message ?? null);
        return null;
    },
    isnotinstanceoftype: (rt, [value, type, message]) => {
        if (!(type instanceof TypeValue)) return rt.unsupported('Assert.isNotInstanceOfType without a Type');
        if (isInstance(value, type.type, rt as never))
            failWith(rt, `Not expected instance of ${type.type.text}`, message ?? null);
        return null;
    }
};

export const Assert: StdlibClass = { name: 'Assert', statics: assertStatics };

/** System.assert, System.assertEquals, System.assertNotEquals. */
export const systemAsserts: Record<string, StaticMethod> = {
    assert: (rt, [condition, message]) => check(rt, condition, message ?? null, true),
    assertequals: assertStatics.areequal,
    assertnotequals: assertStatics.arenotequal
};
