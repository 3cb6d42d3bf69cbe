// Reading and writing names and members: variables, fields and properties (auto or with accessor bodies; inside
// its own accessor a property's name is its storage), static members, record fields, and the members of types
// (static fields, inner classes, enum values, standard-library properties).
import { SObject } from '../core/sobject.ts';
import type { PropertyDecl, Stmt } from './ast.ts';
import type { ClassInfo } from './classes.ts';
import type { Frame } from './env.ts';
import { apexToField } from './fields.ts';
import type { Interpreter } from './interpreter.ts';
import { sobjectStatic } from './stdlib/SObjectTypes.ts';
import { coerce, singleRow } from './types.ts';
import { ApexList, ApexObject, EnumValue, TypeName, type Value } from './values.ts';

function isStatic(cls: ClassInfo, key: string): boolean {
    const member = cls.fields.get(key) ?? cls.properties.get(key);
    return !!member && member.modifiers.keywords.has('static');
}

function inOwnAccessor(frame: Frame, key: string, self: ApexObject | null): boolean {
    return (frame.method === 'get:' + key || frame.method === 'set:' + key) && frame.self === self;
}

function readSlot(ip: Interpreter, frame: Frame, cls: ClassInfo, self: ApexObject | null, key: string): Value {
    const storage = self ? self.fields : ip.staticsOf(cls);
    const property = cls.properties.get(key);
    if (property && Array.isArray(property.getter) && !inOwnAccessor(frame, key, self)) {
        return runAccessor(ip, cls, self, property, 'get', null);
    }
    return storage.get(key) ?? null;
}

function writeSlot(
    ip: Interpreter,
    frame: Frame,
    cls: ClassInfo,
    self: ApexObject | null,
    key: string,
    value: Value
): Value {
    const storage = self ? self.fields : ip.staticsOf(cls);
    const property = cls.properties.get(key);
    const type = property?.type ?? cls.fields.get(key)?.type ?? null;
    const converted = coerce(value, type);
    if (property && Array.isArray(property.setter) && !inOwnAccessor(frame, key, self)) {
        runAccessor(ip, cls, self, property, 'set', converted);
        return converted;
    }
    storage.set(key, converted);
    return converted;
}

function runAccessor(
    ip: Interpreter,
    cls: ClassInfo,
    self: ApexObject | null,
    property: PropertyDecl,
    kind: 'get' | 'set',
    value: Value
): Value {
    const body = (kind === 'get' ? property.getter : property.setter) as Stmt[];
    const accessorFrame = ip.pushFrame(cls, self, `${kind}:${property.name.toLowerCase()}`, property.line);
    try {
        if (kind === 'set') accessorFrame.env.define('value', property.type, value);
        ip.execBody(body, accessorFrame);
        return coerce(accessorFrame.returnValue, property.type);
    } finally {
        ip.stack.pop();
    }
}

export function readName(ip: Interpreter, frame: Frame, name: string): Value | TypeName {
    const slot = frame.env.lookup(name);
    if (slot) return slot.value;
    const key = name.toLowerCase();
    if (frame.self) {
        const owner = frame.self.cls.owner(key);
        if (owner && !isStatic(owner, key)) return readSlot(ip, frame, owner, frame.self, key);
    }
    for (let scope: ClassInfo | null = frame.cls; scope; scope = scope.outer) {
        const owner = scope.owner(key);
        if (owner && isStatic(owner, key)) return readSlot(ip, frame, owner, null, key);
    }
    return new TypeName([name]);
}

export function readMember(ip: Interpreter, frame: Frame, target: Value | TypeName, name: string): Value | TypeName {
    const key = name.toLowerCase();
    if (target === null) return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
    if (target instanceof TypeName) return readTypeMember(ip, frame, target, name);
    if (target instanceof SObject) return readRecordField(ip, target, name);
    if (target instanceof ApexList && target.soql) return readMember(ip, frame, singleRow(target), name);
    if (target instanceof ApexObject) {
        const owner = target.cls.owner(key);
        if (owner) return readSlot(ip, frame, owner, isStatic(owner, key) ? null : target, key);
        return ip.unsupported(`field ${target.cls.name}.${name}`);
    }
    const module = ip.registry.ownerOf(target);
    type Getter = (rt: Interpreter, self: Value, args: Value[]) => Value;
    const getter = module?.instance?.['.' + key] as unknown as Getter | undefined;
    if (getter) return getter(ip, target, []);
    const anyName = module?.instance?.['.*'] as unknown as Getter | undefined;
    if (anyName) return anyName(ip, target, [name]);
    return ip.unsupported(`field ${name} of ${ip.stringOf(target).slice(0, 40)}`);
}

export function readRecordField(ip: Interpreter, record: SObject, name: string): Value {
    if (record.has(name)) return ip.readField(record, name);
    if (ip.queried.has(record) && name.toLowerCase() !== 'id') {
        // A relationship the query did not select is as absent as a field (a selected one is set, null or not).
        return ip.fail(
            'SObjectException',
            `SObject row was retrieved via SOQL without querying the requested field: ${record.type}.${name}`
        );
    }
    return null;
}

function readTypeMember(ip: Interpreter, frame: Frame, target: TypeName, name: string): Value | TypeName {
    const key = name.toLowerCase();
    const cls = ip.classes.resolve(target.path.join('.'), frame.cls);
    if (cls) {
        if (cls.decl.kind === 'enum') {
            const index = cls.decl.enumValues.findIndex((value) => value.toLowerCase() === key);
            if (index >= 0) return new EnumValue(cls.name, cls.decl.enumValues[index], index);
        }
        const owner = cls.owner(key);
        if (owner) return readSlot(ip, frame, owner, null, key);
        if (cls.inner.has(key)) return new TypeName([...target.path, name]);
        return ip.unsupported(`static member ${cls.name}.${name}`);
    }
    const path = target.path.join('.');
    if (ip.isSObjectType(path)) return sobjectStatic(ip, path, name);
    const module = ip.registry.get(path);
    if (module) {
        const property = module.properties?.[key];
        if (property) return property(ip);
        const dynamic = module.property?.(ip, name);
        if (dynamic !== undefined) return dynamic;
    }
    return new TypeName([...target.path, name]);
}

/** `target` undefined: a bare name (variable, member of this class). */
export function assignTo(
    ip: Interpreter,
    frame: Frame,
    target: Value | TypeName | undefined,
    name: string,
    value: Value
): Value {
    const key = name.toLowerCase();
    if (target === null) return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
    if (target === undefined) {
        const slot = frame.env.lookup(name);
        if (slot) {
            slot.value = coerce(value, slot.type);
            return slot.value;
        }
        if (frame.self) {
            const owner = frame.self.cls.owner(key);
            if (owner && !isStatic(owner, key)) return writeSlot(ip, frame, owner, frame.self, key, value);
        }
        for (let scope: ClassInfo | null = frame.cls; scope; scope = scope.outer) {
            const owner = scope.owner(key);
            if (owner && isStatic(owner, key)) return writeSlot(ip, frame, owner, null, key, value);
        }
        return ip.unsupported(`assignment to unknown variable ${name}`);
    }
    if (target instanceof SObject) {
        target.set(ip.schema?.field(target.type, name)?.name ?? name, apexToField(value));
        return value;
    }
    if (target instanceof ApexObject) {
        const owner = target.cls.owner(key);
        if (!owner) return ip.unsupported(`field ${target.cls.name}.${name}`);
        return writeSlot(ip, frame, owner, isStatic(owner, key) ? null : target, key, value);
    }
    if (target instanceof TypeName) {
        const cls = ip.classes.resolve(target.path.join('.'), frame.cls);
        const owner = cls?.owner(key);
        if (owner) return writeSlot(ip, frame, owner, null, key, value);
    }
    return ip.unsupported(`assignment to ${name}`);
}
