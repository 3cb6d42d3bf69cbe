// Building and filling List, Set and Map with the declared element types (Set/Map keys are case-sensitive;
// Id keys are normalised to 18 characters by coerce, so a 15-character Id finds its 18-character key).
import { SObject } from '../core/sobject.ts';
import type { TypeRef } from './ast.ts';
import { coerce } from './types.ts';
import { ApexList, ApexMap, ApexSet, keyOf, type Value } from './values.ts';

export function setAdd(set: ApexSet, value: Value): boolean {
    const item = coerce(value, set.elementType);
    const key = keyOf(item);
    if (set.entries.has(key)) return false;
    set.entries.set(key, item);
    return true;
}

export function setHas(set: ApexSet, value: Value): boolean {
    return set.entries.has(keyOf(coerce(value, set.elementType)));
}

export function setRemove(set: ApexSet, value: Value): boolean {
    return set.entries.delete(keyOf(coerce(value, set.elementType)));
}

function mapKey(map: ApexMap, key: Value): Value {
    const k = coerce(key, map.keyType);
    return map.foldCase && typeof k === 'string' ? k.toLowerCase() : k;
}

export function mapPut(map: ApexMap, key: Value, value: Value): Value {
    const k = mapKey(map, key);
    const id = keyOf(k);
    const previous = map.entries.get(id);
    map.entries.set(id, { key: previous ? previous.key : k, value: coerce(value, map.valueType) });
    return previous ? previous.value : null;
}

export function mapGet(map: ApexMap, key: Value): Value {
    return map.entries.get(keyOf(mapKey(map, key)))?.value ?? null;
}

export function mapHas(map: ApexMap, key: Value): boolean {
    return map.entries.has(keyOf(mapKey(map, key)));
}

export function newList(type: TypeRef | null, items: Value[]): ApexList {
    const elementType = type?.args[0] ?? null;
    return new ApexList(
        elementType,
        items.map((item) => coerce(item, elementType))
    );
}

export function newSet(type: TypeRef | null, items: Iterable<Value>): ApexSet {
    const set = new ApexSet(type?.args[0] ?? null);
    for (const item of items) setAdd(set, item);
    return set;
}

export function newMap(type: TypeRef | null): ApexMap {
    return new ApexMap(type?.args[0] ?? null, type?.args[1] ?? null);
}

/** `new Map<Id, Lead>(records)`: records by Id. */
export function mapFromRecords(type: TypeRef | null, records: Value[]): ApexMap {
    const map = newMap(type);
    for (const record of records) {
        if (record instanceof SObject) mapPut(map, record.id, record);
    }
    return map;
}

export function itemsOf(value: Value): Value[] | null {
    if (value instanceof ApexList) return value.items;
    if (value instanceof ApexSet) return [...value.entries.values()];
    return null;
}
