// Calling an @AuraEnabled method as a Lightning component does: parameters arrive as JSON and are converted to the
// declared parameter types; the result goes back as JSON with only the @AuraEnabled members of class instances.
// An uncaught AuraHandledException reaches the component with its message.
// Source: https://developer.salesforce.com/docs/platform/lwc/guide/apex-call-imperative.html
//         https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_AuraEnabled.htm
import { UnsupportedError } from '../core/errors.ts';
import { toId18 } from '../core/ids.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime } from '../core/values.ts';
import type { TypeRef } from './ast.ts';
import type { ClassInfo } from './classes.ts';
import { mapPut, newList, newMap, newSet } from './collections.ts';
import { apexToField } from './fields.ts';
import type { Interpreter } from './interpreter.ts';
import { hasAnnotation } from './lower-types.ts';
import { baseName, coerce } from './types.ts';
import {
    ApexDecimal,
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    EnumValue,
    NativeObject,
    type Value
} from './values.ts';

const OBJECT: TypeRef = { name: 'object', text: 'Object', args: [] };

/** JSON → the declared Apex type (class names resolved from `scope`). */
export function fromJson(ip: Interpreter, json: unknown, type: TypeRef, scope: ClassInfo): Value {
    if (json === null || json === undefined) return null;
    const name = baseName(type.name);
    switch (name) {
        case 'string':
        case 'object':
            return typeof json === 'object'
                ? ip.unsupported(`a JSON object as ${type.text}`)
                : (coerce(json as Value, type) as Value);
        case 'id':
            return toId18(String(json)) ?? ip.fail('StringException', `Invalid id: ${String(json)}`);
        case 'boolean':
            return json === true || json === 'true';
        case 'integer':
            return Math.trunc(Number(json)) | 0;
        case 'long':
            return BigInt(Math.trunc(Number(json)));
        case 'decimal':
            return ApexDecimal.of(String(json));
        case 'double':
            return new ApexDouble(Number(json));
        case 'date':
            return SDate.parse(String(json).substring(0, 10));
        case 'datetime':
            return SDatetime.parse(String(json));
        case 'list':
        case 'set': {
            if (!Array.isArray(json)) return ip.fail('TypeException', `Expected a list for ${type.text}`);
            const items = json.map((item) => fromJson(ip, item, type.args[0] ?? OBJECT, scope));
            return name === 'list' ? newList(type, items) : newSet(type, items);
        }
        case 'map': {
            const map = newMap(type);
            for (const [key, item] of Object.entries(json as Record<string, unknown>)) {
                mapPut(map, key, fromJson(ip, item, type.args[1] ?? OBJECT, scope));
            }
            return map;
        }
    }
    if (ip.isSObjectType(type.name)) {
        const record = new SObject(ip.schema?.object(type.text)?.name ?? type.text);
        for (const [field, value] of Object.entries(json as Record<string, unknown>)) {
            if (field !== 'attributes') record.set(field, value as never);
        }
        return record;
    }
    const cls = ip.classes.resolve(type.name, scope);
    if (!cls) return ip.unsupported(`Aura parameter of type ${type.text}`);
    const object = ip.construct(cls, [], null, null);
    for (const [member, value] of Object.entries(json as Record<string, unknown>)) {
        const owner = cls.owner(member);
        if (!owner) continue;
        const key = member.toLowerCase();
        const memberType = owner.fields.get(key)?.type ?? owner.properties.get(key)?.type;
        object.fields.set(key, fromJson(ip, value, memberType!, cls));
    }
    return object;
}

/** An Apex value → what the component receives. */
export function toJson(ip: Interpreter, value: Value): unknown {
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
        return value;
    if (typeof value === 'bigint') return Number(value);
    if (value instanceof ApexDecimal || value instanceof ApexDouble) return apexToField(value);
    if (value instanceof SDate || value instanceof SDatetime) return value.toString();
    if (value instanceof EnumValue) return value.name;
    if (value instanceof ApexList) return value.items.map((item) => toJson(ip, item));
    if (value instanceof ApexSet) return [...value.entries.values()].map((item) => toJson(ip, item));
    if (value instanceof ApexMap) {
        const out: Record<string, unknown> = {};
        for (const entry of value.entries.values()) out[ip.stringOf(entry.key)] = toJson(ip, entry.value);
        return out;
    }
    if (value instanceof SObject) {
        const out: Record<string, unknown> = {};
        for (const [name, field] of Object.entries(value.toRecord())) out[name] = toJson(ip, field as Value);
        return out;
    }
    if (value instanceof ApexObject) {
        const out: Record<string, unknown> = {};
        for (const cls of value.cls.lineage()) {
            for (const member of [...cls.decl.fields, ...cls.decl.properties]) {
                if (!hasAnnotation(member.modifiers, 'auraenabled') || member.modifiers.keywords.has('static'))
                    continue;
                if (!(member.name in out))
                    out[member.name] = toJson(ip, value.fields.get(member.name.toLowerCase()) ?? null);
            }
        }
        return out;
    }
    if (value instanceof NativeObject && typeof value.data.display === 'string') return value.data.display;
    throw new UnsupportedError(`Aura result of type ${value.constructor.name}`);
}

/** Calls `Class.method` with named JSON parameters; returns its JSON result. */
export function callAuraEnabled(
    ip: Interpreter,
    className: string,
    methodName: string,
    params: Record<string, unknown>
): unknown {
    const cls = ip.classes.resolve(className, null);
    const method = cls?.decl.methods.find(
        (m) => m.name.toLowerCase() === methodName.toLowerCase() && hasAnnotation(m.modifiers, 'auraenabled')
    );
    if (!cls || !method)
        throw new UnsupportedError(`@AuraEnabled method ${className}.${methodName} (not in the project)`);
    const lower = new Map(Object.entries(params).map(([key, value]) => [key.toLowerCase(), value]));
    const args = method.parameters.map((parameter) =>
        fromJson(ip, lower.get(parameter.name.toLowerCase()), parameter.type, cls)
    );
    return toJson(ip, ip.runStatic(cls, method.name, args));
}
