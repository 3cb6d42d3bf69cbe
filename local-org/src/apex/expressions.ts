// Expressions. Names resolve in order: local variables, instance members, static members of the class and its
// outer classes, then types (a class, an SObject type, a standard class or namespace) as a TypeName until a
// member access turns them into a value.
import { SObject } from '../core/sobject.ts';
import type { Expr, TypeRef } from './ast.ts';
import { itemsOf, mapFromRecords, mapPut, newList, newMap, newSet } from './collections.ts';
import type { Frame } from './env.ts';
import type { Interpreter } from './interpreter.ts';
import { assignTo, readName, readMember } from './members.ts';
import { callMethod } from './calls.ts';
import { arithmetic, compare, negate } from './operators.ts';
import { runSoql } from './soql.ts';
import { sobjectStatic } from './stdlib/SObjectTypes.ts';
import { coerce, formatType, typeNameOf, typeRef } from './types.ts';
import {
    ApexDecimal,
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    isNumber,
    TypeName,
    TypeValue,
    type Value
} from './values.ts';

export function truthy(ip: Interpreter, value: Value): boolean {
    if (value === null) ip.fail('NullPointerException', 'Attempt to de-reference a null object');
    return value === true;
}

export function evaluate(ip: Interpreter, expr: Expr, frame: Frame): Value {
    const value = evaluateOrType(ip, expr, frame);
    if (value instanceof TypeName) return ip.unsupported(`name ${value.path.join('.')} (not a variable)`);
    return value;
}

function literal(expr: Extract<Expr, { kind: 'literal' }>): Value {
    switch (expr.literalType) {
        case 'decimal':
            return ApexDecimal.of(expr.value as string);
        case 'double':
            return new ApexDouble(Number(expr.value));
        default:
            return expr.value as Value;
    }
}

export function evaluateOrType(ip: Interpreter, expr: Expr, frame: Frame): Value | TypeName {
    switch (expr.kind) {
        case 'literal':
            return literal(expr);
        case 'name':
            return readName(ip, frame, expr.name);
        case 'this':
        case 'super':
            return frame.self;
        case 'field': {
            const target = evaluateOrType(ip, expr.target, frame);
            if (target === null && expr.safe) return null;
            return readMember(ip, frame, target, expr.name);
        }
        case 'call':
            // Stack traces name the line of the call, not of the statement it starts on.
            frame.line = expr.line;
            return callMethod(ip, expr, frame);
        case 'thisCall':
        case 'superCall':
            return ip.unsupported('this(...)/super(...) outside the first statement of a constructor');
        case 'index': {
            const target = evaluate(ip, expr.target, frame);
            const index = evaluate(ip, expr.index, frame);
            if (target === null) return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
            if (!(target instanceof ApexList) || typeof index !== 'number') return ip.unsupported('index expression');
            if (index < 0 || index >= target.items.length) {
                return ip.fail('ListException', `List index out of bounds: ${index}`);
            }
            return target.items[index];
        }
        case 'new':
            frame.line = expr.line;
            return construct(ip, expr.type, expr.args, frame);
        case 'newSObject': {
            if (!ip.isSObjectType(expr.type.name))
                return ip.unsupported(`new ${expr.type.text}(name = value) of a class`);
            const record = new SObject(sobjectName(ip, expr.type));
            for (const field of expr.fields) {
                assignTo(ip, frame, record, field.name, evaluate(ip, field.value, frame));
            }
            return record;
        }
        case 'newCollection': {
            const tokens = /^(schema\.)?sobjectfield$/.test(expr.type.args[0]?.name ?? '');
            const items = expr.items.map((item) =>
                tokens ? fieldTokenOrValue(ip, item, frame) : evaluate(ip, item, frame)
            );
            if (expr.type.name === 'list') return newList(expr.type, items);
            if (expr.type.name === 'set') return newSet(expr.type, items);
            return ip.unsupported(`new ${expr.type.text}{…}`);
        }
        case 'newMap': {
            const map = newMap(expr.type);
            for (const entry of expr.entries)
                mapPut(map, evaluate(ip, entry.key, frame), evaluate(ip, entry.value, frame));
            return map;
        }
        case 'newArray': {
            const size = evaluate(ip, expr.size, frame);
            if (typeof size !== 'number') return ip.unsupported('array size');
            return newList(expr.type, new Array<Value>(size).fill(null));
        }
        case 'cast':
            return cast(ip, evaluate(ip, expr.expr, frame), expr.type);
        case 'instanceof':
            return ip.isInstance(evaluate(ip, expr.expr, frame), expr.type);
        case 'unary': {
            const value = evaluate(ip, expr.expr, frame);
            if (expr.op === '!') return !truthy(ip, value);
            if (value === null) return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
            if (!isNumber(value)) return ip.unsupported(`unary ${expr.op} on ${typeNameOf(value)}`);
            if (expr.op === '-') return negate(value);
            if (expr.op === '+') return value;
            return ip.unsupported('operator ~');
        }
        case 'incdec': {
            const old = evaluate(ip, expr.target, frame);
            if (!isNumber(old)) return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
            const updated = arithmetic(expr.op === '++' ? '+' : '-', old, 1);
            store(ip, frame, expr.target, updated);
            return expr.prefix ? updated : old;
        }
        case 'binary':
            return binary(ip, expr, frame);
        case 'conditional':
            return truthy(ip, evaluate(ip, expr.test, frame))
                ? evaluate(ip, expr.then, frame)
                : evaluate(ip, expr.else, frame);
        case 'assign': {
            let value = evaluate(ip, expr.value, frame);
            if (expr.op !== '=') {
                const current = evaluate(ip, expr.target, frame);
                value = applyBinary(ip, expr.op.slice(0, -1), current, value);
            }
            return store(ip, frame, expr.target, value);
        }
        case 'typeLiteral':
            return new TypeValue(expr.type);
        case 'soql':
            return runSoql(ip, expr, frame);
        case 'unsupported':
            return ip.unsupported(expr.construct);
    }
}

/**
 * `new List<SObjectField>{ Lead.Lifecycle_Stage__c }` in a method with a variable `lead`: only the field token
 * compiles there, so the SObject type wins over the variable (see ledger/apex.md, uncertain in general).
 */
function fieldTokenOrValue(ip: Interpreter, item: Expr, frame: Frame): Value {
    if (item.kind === 'field' && item.target.kind === 'name' && ip.isSObjectType(item.target.name)) {
        return sobjectStatic(ip, item.target.name, item.name);
    }
    return evaluate(ip, item, frame);
}

function store(ip: Interpreter, frame: Frame, target: Expr, value: Value): Value {
    if (target.kind === 'name') return assignTo(ip, frame, undefined, target.name, value);
    if (target.kind === 'field') {
        const owner = evaluateOrType(ip, target.target, frame);
        return assignTo(ip, frame, owner, target.name, value);
    }
    if (target.kind === 'index') {
        const list = evaluate(ip, target.target, frame);
        const index = evaluate(ip, target.index, frame);
        if (!(list instanceof ApexList) || typeof index !== 'number') return ip.unsupported('index assignment');
        if (index < 0 || index >= list.items.length)
            return ip.fail('ListException', `List index out of bounds: ${index}`);
        list.items[index] = coerce(value, list.elementType);
        return list.items[index];
    }
    return ip.unsupported(`assignment to ${target.kind}`);
}

function sobjectName(ip: Interpreter, type: TypeRef): string {
    const name = type.text.replace(/^Schema\./i, '');
    return ip.schema?.object(name)?.name ?? name;
}

function construct(ip: Interpreter, type: TypeRef, argExprs: Expr[], frame: Frame): Value {
    const args = argExprs.map((arg) => evaluate(ip, arg, frame));
    const base = type.name.replace(/^system\./, '');
    if (base === 'list') {
        if (args.length === 0) return newList(type, []);
        const items = itemsOf(args[0]);
        if (items) return newList(type, items);
        if (typeof args[0] === 'number') return newList(type, []);
        return ip.unsupported(`new ${type.text}(${typeNameOf(args[0])})`);
    }
    if (base === 'set')
        return newSet(type, args.length ? (itemsOf(args[0]) ?? ip.unsupported(`new ${type.text}(…)`)) : []);
    if (base === 'map') {
        const map = newMap(type);
        if (args.length === 0) return map;
        const source = args[0];
        if (source instanceof ApexMap) {
            for (const entry of source.entries.values()) mapPut(map, entry.key, entry.value);
            return map;
        }
        const items = itemsOf(source);
        if (items) return mapFromRecords(type, items);
        return ip.unsupported(`new ${type.text}(${typeNameOf(source)})`);
    }
    const cls = ip.classes.resolve(type.name, frame.cls);
    if (cls) return ip.construct(cls, args, argExprs, frame);
    if (ip.isSObjectType(type.name)) {
        if (args.length > 0) return ip.unsupported(`new ${type.text}(…) with positional arguments`);
        return new SObject(sobjectName(ip, type));
    }
    const module = ip.registry.get(type.name);
    const constructor = module?.statics?.['<new>'];
    if (constructor) return constructor(ip, args);
    return ip.unsupported(`new ${type.text}`);
}

export function cast(ip: Interpreter, value: Value, type: TypeRef): Value {
    if (value === null) return null;
    const name = type.name.replace(/^system\./, '');
    if (['decimal', 'double', 'long'].includes(name) && isNumber(value)) return coerce(value, type);
    if (name === 'integer' && isNumber(value) && typeof value === 'number') return value;
    if (name === 'id' && typeof value === 'string') {
        const id = coerce(value, type);
        if (id === value && value.length !== 18) ip.fail('StringException', `Invalid id: ${value}`);
        return id;
    }
    if (ip.isInstance(value, type)) return value;
    if (
        (value instanceof ApexObject || value instanceof SObject) &&
        !ip.resolveClass(type.name) &&
        !ip.isSObjectType(type.name)
    ) {
        return ip.unsupported(`cast to ${type.text}`);
    }
    return ip.fail('TypeException', `Invalid conversion from runtime type ${typeNameOf(value)} to ${formatType(type)}`);
}

function binary(ip: Interpreter, expr: Extract<Expr, { kind: 'binary' }>, frame: Frame): Value {
    if (expr.op === '&&')
        return truthy(ip, evaluate(ip, expr.left, frame)) && truthy(ip, evaluate(ip, expr.right, frame));
    if (expr.op === '||')
        return truthy(ip, evaluate(ip, expr.left, frame)) || truthy(ip, evaluate(ip, expr.right, frame));
    if (expr.op === '??') {
        const left = evaluate(ip, expr.left, frame);
        return left !== null ? left : evaluate(ip, expr.right, frame);
    }
    return applyBinary(ip, expr.op, evaluate(ip, expr.left, frame), evaluate(ip, expr.right, frame));
}

export function applyBinary(ip: Interpreter, op: string, left: Value, right: Value): Value {
    switch (op) {
        case '==':
            return ip.equals(left, right, true);
        case '!=':
        case '<>':
            return !ip.equals(left, right, true);
        case '===':
            return left === right || (left !== null && typeof left !== 'object' && left === right);
        case '!==':
            return left !== right;
        case '<':
        case '>':
        case '<=':
        case '>=': {
            const order = compare(left, right);
            if (order === null) {
                if (left === null || right === null) return false;
                return ip.unsupported(`comparison of ${typeNameOf(left)} and ${typeNameOf(right)}`);
            }
            return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0;
        }
    }
    if (op === '+' && (typeof left === 'string' || typeof right === 'string')) {
        return ip.stringOf(left) + ip.stringOf(right);
    }
    if (op === '+' || op === '-' || op === '*' || op === '/') {
        if (left === null || right === null)
            return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
        if (isNumber(left) && isNumber(right)) return arithmetic(op, left, right);
        return ip.unsupported(`${typeNameOf(left)} ${op} ${typeNameOf(right)}`);
    }
    if (op === '&' || op === '|' || op === '^') {
        if (typeof left === 'boolean' && typeof right === 'boolean') {
            return op === '&' ? left && right : op === '|' ? left || right : left !== right;
        }
    }
    return ip.unsupported(`operator ${op}`);
}

/** The declared type of an expression when it is evident (a variable, a cast, a literal, `new`). */
export function staticTypeOf(_ip: Interpreter, expr: Expr, frame: Frame): TypeRef | null {
    switch (expr.kind) {
        case 'name': {
            const slot = frame.env.lookup(expr.name);
            if (slot) return slot.type;
            const owner = (frame.self?.cls ?? frame.cls).owner(expr.name);
            const key = expr.name.toLowerCase();
            return owner ? (owner.fields.get(key)?.type ?? owner.properties.get(key)?.type ?? null) : null;
        }
        case 'cast':
        case 'new':
        case 'newCollection':
        case 'newMap':
            return expr.type;
        case 'literal':
            return typeRef(expr.literalType === 'null' ? 'null' : expr.literalType);
        default:
            return null;
    }
}
