// JSON.serialize and JSON.deserializeUntyped (Map<String, Object>, List<Object>, Integer/Long/Decimal, String,
// Boolean, null); typed deserialize is not emulated. StaticResource.Body is a Blob whose toString() is its text.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_Json.htm
import { SObject } from '../../core/sobject.ts';
import { SDate, SDatetime, STime } from '../../core/values.ts';
import { mapPut, newList, newMap } from '../collections.ts';
import { typeRef } from '../types.ts';
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
} from '../values.ts';
import type { Runtime, StdlibClass } from './registry.ts';

const OBJECT_MAP = typeRef('Map', [typeRef('String'), typeRef('Object')]);
const OBJECT_LIST = typeRef('List', [typeRef('Object')]);

function untyped(value: unknown, source: string): Value {
    if (value === null) return null;
    if (Array.isArray(value))
        return newList(
            OBJECT_LIST,
            value.map((item) => untyped(item, source))
        );
    if (typeof value === 'object') {
        const map = newMap(OBJECT_MAP);
        for (const [key, item] of Object.entries(value as Record<string, unknown>))
            mapPut(map, key, untyped(item, source));
        return map;
    }
    if (typeof value === 'number') {
        if (Number.isInteger(value)) return Math.abs(value) <= 2147483647 ? value : BigInt(value);
        return ApexDecimal.of(String(value));
    }
    return value as Value;
}

function toJson(rt: Runtime, value: Value): unknown {
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
        return value;
    if (typeof value === 'bigint') return Number(value);
    if (value instanceof ApexDecimal) return Number(value.toString());
    if (value instanceof ApexDouble) return value.value;
    if (value instanceof SDate) return value.toString();
    if (value instanceof SDatetime) return value.toString();
    if (value instanceof STime) return value.toString();
    if (value instanceof EnumValue) return value.name;
    if (value instanceof ApexList) return value.items.map((item) => toJson(rt, item));
    if (value instanceof ApexSet) return [...value.entries.values()].map((item) => toJson(rt, item));
    if (value instanceof ApexMap) {
        const out: Record<string, unknown> = {};
        for (const entry of value.entries.values()) out[rt.stringOf(entry.key)] = toJson(rt, entry.value);
        return out;
    }
    if (value instanceof SObject) {
        const out: Record<string, unknown> = { attributes: { type: value.type } };
        for (const [name, field] of Object.entries(value.toRecord())) out[name] = toJson(rt, field as Value);
        return out;
    }
    if (value instanceof ApexObject) {
        const out: Record<string, unknown> = {};
        for (const [key, field] of value.fields) {
            const owner = value.cls.owner(key);
            const name = owner?.fields.get(key)?.name ?? owner?.properties.get(key)?.name ?? key;
            out[name] = toJson(rt, field);
        }
        return out;
    }
    if (value instanceof NativeObject && typeof value.data.display === 'string') return value.data.display;
    return rt.unsupported(`JSON.serialize of ${rt.stringOf(value)}`);
}

export const JSONClass: StdlibClass = {
    name: 'JSON',
    statics: {
        serialize: (rt, [value, suppressNulls]) => {
            const json = toJson(rt, value);
            const replacer =
                suppressNulls === true
                    ? (_key: string, item: unknown) => (item === null ? undefined : item)
                    : undefined;
            return JSON.stringify(json, replacer);
        },
        serializepretty: (rt, [value]) => JSON.stringify(toJson(rt, value), null, 2),
        deserializeuntyped: (rt, [text]) => {
            if (typeof text !== 'string') return rt.fail('NullPointerException', 'Argument cannot be null');
            try {
                return untyped(JSON.parse(text), text);
            } catch (error) {
                return rt.fail('JSONException', (error as Error).message);
            }
        },
        deserialize: (rt) => rt.unsupported('JSON.deserialize (typed)'),
        deserializestrict: (rt) => rt.unsupported('JSON.deserializeStrict')
    }
};

/** Blob: what StaticResource.Body holds; toString() gives its text (UTF-8). */
export const BlobClass: StdlibClass = {
    name: 'Blob value',
    owns: (value) => value instanceof NativeObject && value.typeName === 'Blob',
    instance: {
        tostring: ((_rt: Runtime, self: NativeObject) => String(self.data.text)) as never,
        size: ((_rt: Runtime, self: NativeObject) => String(self.data.text).length) as never
    }
};

export const BlobStatics: StdlibClass = {
    name: 'Blob',
    statics: { valueof: (_rt, [text]) => new NativeObject('Blob', { text: String(text) }) }
};
