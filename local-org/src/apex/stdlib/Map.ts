// Map methods: keys are case-sensitive for Strings; iteration follows insertion order (keySet, values).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_map.htm
import { SObject } from '../../core/sobject.ts';
import { mapGet, mapHas, mapPut, newList, newSet } from '../collections.ts';
import { keyOf } from '../values.ts';
import { coerce, typeRef } from '../types.ts';
import { ApexMap } from '../values.ts';
import type { InstanceMethod, StdlibClass } from './registry.ts';

const instance: Record<string, InstanceMethod<ApexMap>> = {
    put: (_rt, map, [key, value]) => mapPut(map, key, value),
    get: (_rt, map, [key]) => mapGet(map, key),
    containskey: (_rt, map, [key]) => mapHas(map, key),
    remove: (_rt, map, [key]) => {
        const id = keyOf(coerce(key, map.keyType));
        const entry = map.entries.get(id);
        map.entries.delete(id);
        return entry ? entry.value : null;
    },
    keyset: (_rt, map) =>
        newSet(
            typeRef('Set', map.keyType ? [map.keyType] : []),
            [...map.entries.values()].map((e) => e.key)
        ),
    values: (_rt, map) =>
        newList(
            typeRef('List', map.valueType ? [map.valueType] : []),
            [...map.entries.values()].map((e) => e.value)
        ),
    size: (_rt, map) => map.entries.size,
    isempty: (_rt, map) => map.entries.size === 0,
    clear: (_rt, map) => {
        map.entries.clear();
        return null;
    },
    putall: (rt, map, [other]) => {
        if (other instanceof ApexMap) for (const entry of other.entries.values()) mapPut(map, entry.key, entry.value);
        else return rt.unsupported('Map.putAll of a list');
        return null;
    },
    clone: (_rt, map) => {
        const copy = new ApexMap(map.keyType, map.valueType);
        for (const [key, entry] of map.entries) copy.entries.set(key, { ...entry });
        return copy;
    },
    deepclone: (_rt, map) => {
        const copy = new ApexMap(map.keyType, map.valueType);
        for (const [key, entry] of map.entries) {
            copy.entries.set(key, {
                key: entry.key,
                value: entry.value instanceof SObject ? entry.value.clone(true) : entry.value
            });
        }
        return copy;
    },
    equals: (rt, map, [other]) => rt.equals(map, other, false),
    tostring: (rt, map) => rt.stringOf(map)
};

export const MapClass: StdlibClass = { name: 'Map', owns: (value) => value instanceof ApexMap, instance };
