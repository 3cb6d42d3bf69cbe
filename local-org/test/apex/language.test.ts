// The interpreter on small Apex snippets, each with the documentation it follows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedError } from '../../src/core/errors.ts';
import { AssertionFailure } from '../../src/apex/exceptions.ts';
import { run } from './harness.ts';

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_primitives.htm
test('Integer arithmetic wraps at 32 bits; Long at 64; Integer division truncates', () => {
    assert.equal(run('static Object run() { Integer i = 2147483647; return i + 1; }'), '-2147483648');
    assert.equal(run('static Object run() { Long l = 2147483647; return l + 1; }'), '2147483648');
    assert.equal(run('static Object run() { return 7 / 2; }'), '3');
});

// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_decimal.htm
test('Decimal keeps its scale; divide and setScale round with a RoundingMode', () => {
    assert.equal(run('static Object run() { Decimal d = 1.10; return d + 2; }'), '3.10');
    assert.equal(run('static Object run() { return (1.5 * 1.25); }'), '1.875');
    assert.equal(
        run('static Object run() { Decimal d = 2; return d.divide(3, 2, System.RoundingMode.HALF_UP); }'),
        '0.67'
    );
    assert.equal(
        run('static Object run() { Decimal d = 12.345; return d.setScale(2, RoundingMode.HALF_UP).scale(); }'),
        '2'
    );
    assert.equal(run('static Object run() { Decimal d = 4.6; return d.round(System.RoundingMode.FLOOR); }'), '4');
});

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_expressions_operators_understanding.htm
test('== on Strings ignores case; equals and Set membership do not', () => {
    assert.equal(run("static Object run() { return 'Lead' == 'LEAD'; }"), 'true');
    assert.equal(run("static Object run() { return 'Lead'.equals('LEAD'); }"), 'false');
    assert.equal(run("static Object run() { return new Set<String>{ 'Lead' }.contains('LEAD'); }"), 'false');
    assert.equal(run("static Object run() { return 'a' + 1 + 2; }"), 'a12');
});

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_exception_custom.htm
test('custom exceptions have the four standard constructors; catch by type; finally runs', () => {
    const body = `
        public class MyException extends Exception {}
        static Object run() {
            String log = '';
            try { throw new MyException('boom'); }
            catch (IllegalArgumentException e) { log += 'wrong'; }
            catch (MyException e) { log += e.getMessage() + ':' + e.getTypeName(); }
            finally { log += ':finally'; }
            return log;
        }`;
    assert.equal(run(body), 'boom:Spec.MyException:finally');
});

test('a failed assertion cannot be caught', () => {
    const body = `static Object run() { try { Assert.areEqual(1, 2, 'one is two'); } catch (Exception e) { return 'caught'; } return 'after'; }`;
    assert.throws(
        () => run(body),
        (error: unknown) => error instanceof AssertionFailure && /one is two/.test(error.message)
    );
});

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_properties.htm
test('properties with bodies, constructors chained with this(...), virtual dispatch and super', () => {
    const body = `
        public virtual class Base {
            public Integer size { get { return size == null ? 0 : size; } set { size = value * 2; } }
            public Base() { this(1); }
            public Base(Integer n) { size = n; }
            public virtual String name() { return 'base'; }
        }
        public class Child extends Base {
            public override String name() { return 'child/' + super.name(); }
        }
        static Object run() { Base b = new Child(); return b.name() + ' ' + b.size; }`;
    assert.equal(run(body), 'child/base 2');
});

test('overloads are chosen by the declared type of a null argument', () => {
    const body = `
        static String pick(Set<Id> ids) { return 'set'; }
        static String pick(Id id) { return 'id'; }
        static Object run() { Set<Id> none = null; return pick(none); }`;
    assert.equal(run(body), 'set');
});

test('Maps and Sets: literals, nested generics, keySet in insertion order', () => {
    const body = `static Object run() {
        Map<String, List<Integer>> m = new Map<String, List<Integer>>{ 'b' => new List<Integer>{ 1 } };
        m.put('a', new List<Integer>{ 2, 3 });
        return String.join(new List<String>(m.keySet()), ',') + ' ' + m.get('a').size();
    }`;
    assert.equal(run(body), 'b,a 2');
});

test('String.indexOf searches from an optional start index', () => {
    const body = `static Object run() {
        String s = '{0} and {1}';
        return s.indexOf('{') + ' ' + s.indexOf('{', 1) + ' ' + s.indexOf('{', 9) + ' ' + s.indexOf('}', 3);
    }`;
    assert.equal(run(body), '0 8 -1 10');
});

test('statics initialise on first use, in declaration order', () => {
    const body = `static List<String> log = new List<String>{ 'first' };
        static Integer count = log.size();
        static Object run() { return count; }`;
    assert.equal(run(body), '1');
});

test('an unsupported construct is reported with its position, never guessed', () => {
    assert.throws(
        () => run('static Object run() { return System.enqueueJob(null); }'),
        (error: unknown) => error instanceof UnsupportedError && /classes\/Spec\.cls:1/.test(error.message)
    );
});

// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_datetime.htm
test('Datetime.format uses the running user time zone', () => {
    const body = `static Object run() { return Datetime.newInstanceGmt(2026, 12, 4, 18, 30, 0).format('d MMM yyyy HH:mm z'); }`;
    assert.equal(run(body), '4 Dec 2026 13:30 EST');
});

// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_switch.htm
test('switch on values and on types; interfaces and instanceof', () => {
    const body = `
        public interface Shape { Decimal area(); }
        public class Square implements Shape { Decimal side; Square(Decimal s) { side = s; } public Decimal area() { return side * side; } }
        static String kind(Object o) {
            switch on o {
                when Square s { return 'square ' + s.area(); }
                when String text { return 'text'; }
                when else { return 'other'; }
            }
        }
        static String size(Integer n) {
            switch on n { when 1, 2 { return 'small'; } when null { return 'none'; } when else { return 'big'; } }
        }
        static Object run() {
            Shape s = new Square(1.5);
            return kind(s) + '|' + kind('x') + '|' + kind(3) + '|' + size(2) + '|' + size(null) + '|' + size(9) + '|' + (s instanceof Shape);
        }`;
    assert.equal(run(body), 'square 2.25|text|other|small|none|big|true');
});
