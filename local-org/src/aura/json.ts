// Values between an Lightning component's JSON and Apex, the way the Aura framework converts them for an
// @AuraEnabled method: parameters are deserialized to their declared Apex types (a class of the project gets its
// properties set by name, ignoring case), and the return value is serialized: the @AuraEnabled members of an object,
// an SObject as a map of its fields (relationships nested), Date as 'YYYY-MM-DD', Datetime as ISO 8601 in UTC,
// numbers as JSON numbers, enums by name.
// Sources: https://developer.salesforce.com/docs/platform/lwc/guide/apex-call-imperative.html
//          https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_AuraEnabled.htm
import { UnsupportedError } from '../core/errors.ts';
import { toId18 } from '../core/ids.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime, type FieldValue } from '../core/values.ts';
import type { TypeRef } from '../apex/ast.ts';
import type { ClassInfo } from '../apex/classes.ts';
import { mapPut, newList, newMap, newSet } from '../apex/collections.ts';
import type { Interpreter } from '../apex/interpreter.ts';
import { hasAnnotation } from '../apex/lower-types.ts';
import { readMember } from '../apex/members.ts';
import { baseName } from '../apex/types.ts';
import {
    ApexDecimal,
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    EnumValue,
    TypeName,
    type Value
} from '../apex/values.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function datetimeOf(value: unknown): SDatetime {
    if (typeof value === 'number') return new SDatetime(value);
    return SDatetime.parse(String(value));
}

/** A JSON value as the Apex value of the declared type; `from` resolves inner class names. */
export function fromAuraJson(ip: Interpreter, value: unknown, type: TypeRef | null, from: ClassInfo | null): Value {
    if (value === null || value === undefined) return null;
    if (!type) return untyped(ip, value);
    const name = baseName(type.name);
    switch (name) {
        case 'string':
            return typeof value === 'string' ? value : JSON.stringify(value);
        case 'id':
            return toId18(String(value)) ?? String(value);
        case 'boolean':
            return value === true || value === 'true';
        case 'integer':
            return Math.trunc(Number(value));
        case 'long':
            return BigInt(Math.trunc(Number(value)));
        case 'decimal':
            return new ApexDecimal(String(value));
        case 'double':
            return new ApexDouble(Number(value));
        case 'date':
            return SDate.parse(String(value).slice(0, 10));
        case 'datetime':
            return datetimeOf(value);
        case 'time':
            return STime.parse(String(value));
        case 'object':
            return untyped(ip, value);
        case 'list':
        case 'set': {
            if (!Array.isArray(value)) throw new TypeError(`expected a list for ${type.text}`);
            const element = type.args[0] ?? null;
            const items = value.map((item) => fromAuraJson(ip, item, element, from));
            return name === 'list' ? newList(element, items) : newSet(element, items);
        }
        case 'map': {
            const map = newMap(type);
            for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
                mapPut(
                    map,
                    fromAuraJson(ip, key, type.args[0] ?? null, from),
                    fromAuraJson(ip, item, type.args[1] ?? null, from)
                );
            }
            return map;
        }
    }
    if (ip.isSObjectType(type.text)) return recordOf(ip, type.text, value as Record<string, unknown>);
    const cls = ip.classes.resolve(type.name, from);
    if (!cls) throw new UnsupportedError(`@AuraEnabled parameter of type ${type.text}`);
    if (cls.decl.kind === 'enum') {
        const index = cls.decl.enumValues.findIndex(
            (candidate) => candidate.toLowerCase() === String(value).toLowerCase()
        );
        if (index < 0) throw new TypeError(`${String(value)} is not a value of ${cls.name}`);
        return new EnumValue(cls.name, cls.decl.enumValues[index], index);
    }
    const object = ip.construct(cls, [], null, null);
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const lower = key.toLowerCase();
        const owner = cls.owner(lower);
        if (!owner) continue; // Aura ignores properties the class does not declare
        const declared = owner.properties.get(lower)?.type ?? owner.fields.get(lower)?.type ?? null;
        object.fields.set(lower, fromAuraJson(ip, item, declared, cls));
    }
    return object;
}

function untyped(ip: Interpreter, value: unknown): Value {
    if (Array.isArray(value))
        return newList(
            null,
            value.map((item) => untyped(ip, item))
        );
    if (value && typeof value === 'object') {
        const map = newMap({ name: 'map', text: 'Map', args: [] });
        for (const [key, item] of Object.entries(value)) mapPut(map, key, untyped(ip, item));
        return map;
    }
    if (typeof value === 'number' && !Number.isInteger(value)) return new ApexDecimal(String(value));
    return value as Value;
}

function recordOf(ip: Interpreter, objectName: string, value: Record<string, unknown>): SObject {
    const describe = ip.schema?.object(objectName);
    const record = new SObject(describe?.name ?? objectName);
    for (const [key, item] of Object.entries(value)) {
        if (key === 'attributes') continue;
        const field = describe?.fields.get(key.toLowerCase());
        const type = field?.type?.toLowerCase();
        let converted: FieldValue = item as FieldValue;
        if (item !== null && type === 'date') converted = SDate.parse(String(item).slice(0, 10));
        else if (item !== null && type === 'datetime') converted = datetimeOf(item);
        record.set(field?.name ?? key, converted);
    }
    return record;
}

/** An Apex value as the JSON an LWC receives. */
export function toAuraJson(ip: Interpreter, value: Value | TypeName): Json {
    if (value === null || value === undefined || value instanceof TypeName) return null;
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
    if (typeof value === 'bigint') return Number(value);
    if (value instanceof ApexDecimal) return Number(value.value.toString());
    if (value instanceof ApexDouble) return value.value;
    if (value instanceof SDate) return value.toString();
    if (value instanceof SDatetime) return new Date(value.ms).toISOString();
    if (value instanceof STime) return value.toString();
    if (value instanceof EnumValue) return value.name;
    if (value instanceof ApexList) return value.items.map((item) => toAuraJson(ip, item));
    if (value instanceof ApexSet) return [...value.entries.values()].map((item) => toAuraJson(ip, item));
    if (value instanceof ApexMap) {
        const out: Record<string, Json> = {};
        for (const { key, value: item } of value.entries.values())
            out[String(toAuraJson(ip, key))] = toAuraJson(ip, item);
        return out;
    }
    if (value instanceof SObject) {
        const out: Record<string, Json> = {};
        for (const field of value.fieldNames()) out[field] = toAuraJson(ip, value.get(field) ?? null);
        return out;
    }
    if (value instanceof ApexObject) return objectJson(ip, value);
    throw new UnsupportedError(`@AuraEnabled return value ${ip.stringOf(value).slice(0, 40)}`);
}

/** The @AuraEnabled fields and properties of an object, superclasses first; getters run as in Apex. */
function objectJson(ip: Interpreter, object: ApexObject): Json {
    const out: Record<string, Json> = {};
    const chain: ClassInfo[] = [];
    for (let cls: ClassInfo | null = object.cls; cls; cls = cls.superclass) chain.unshift(cls);
    const frame = ip.pushFrame(object.cls, object, '<aura serialize>', 0);
    try {
        for (const cls of chain) {
            const members = [...cls.decl.fields, ...cls.decl.properties];
            for (const member of members) {
                if (!hasAnnotation(member.modifiers, 'auraenabled') || member.modifiers.keywords.has('static'))
                    continue;
                out[member.name] = toAuraJson(ip, readMember(ip, frame, object, member.name));
            }
        }
    } finally {
        ip.stack.pop();
    }
    return out;
}
