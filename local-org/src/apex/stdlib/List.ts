// List methods. sort() orders Integers/Decimals/Strings/Dates naturally, enums by ordinal, and instances of a
// Comparable class with their compareTo (a stable sort).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_list.htm
import { SObject } from '../../core/sobject.ts';
import { itemsOf } from '../collections.ts';
import { compare } from '../operators.ts';
import { coerce } from '../types.ts';
import { ApexList, ApexObject, EnumValue, type Value } from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

function index(rt: Runtime, list: ApexList, value: Value, size = list.items.length): number {
    if (typeof value !== 'number' || value < 0 || value >= size) {
        return rt.fail('ListException', `List index out of bounds: ${rt.stringOf(value)}`);
    }
    return value;
}

export function naturalOrder(rt: Runtime, a: Value, b: Value): number {
    if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
    if (a instanceof ApexObject) return rt.compareObjects(a, b);
    if (a instanceof EnumValue && b instanceof EnumValue) return a.ordinal - b.ordinal;
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    if (a instanceof SObject) return rt.unsupported('List.sort of SObjects');
    const order = compare(a, b);
    if (order === null) return rt.unsupported('List.sort of these values');
    return order;
}

const instance: Record<string, InstanceMethod<ApexList>> = {
    add: (rt, list, args) => {
        if (args.length === 2) {
            const at = index(rt, list, args[0], list.items.length + 1);
            list.items.splice(at, 0, coerce(args[1], list.elementType));
        } else list.items.push(coerce(args[0], list.elementType));
        return null;
    },
    addall: (rt, list, [other]) => {
        const items = itemsOf(other);
        if (!items) return rt.fail('NullPointerException', 'Argument cannot be null');
        for (const item of items) list.items.push(coerce(item, list.elementType));
        return null;
    },
    get: (rt, list, [at]) => list.items[index(rt, list, at)],
    set: (rt, list, [at, value]) => {
        list.items[index(rt, list, at)] = coerce(value, list.elementType);
        return null;
    },
    size: (_rt, list) => list.items.length,
    isempty: (_rt, list) => list.items.length === 0,
    clear: (_rt, list) => {
        list.items.length = 0;
        return null;
    },
    remove: (rt, list, [at]) => list.items.splice(index(rt, list, at), 1)[0],
    contains: (rt, list, [value]) => list.items.some((item) => rt.equals(item, value, false)),
    indexof: (rt, list, [value]) => list.items.findIndex((item) => rt.equals(item, value, false)),
    sort: (rt, list, args) => {
        if (args.length > 0) return rt.unsupported('List.sort(Comparator)');
        list.items.sort((a, b) => naturalOrder(rt, a, b));
        return null;
    },
    clone: (_rt, list) => new ApexList(list.elementType, [...list.items]),
    deepclone: (_rt, list) =>
        new ApexList(
            list.elementType,
            list.items.map((item) => (item instanceof SObject ? item.clone(true) : item))
        ),
    equals: (rt, list, [other]) => rt.equals(list, other, false),
    tostring: (rt, list) => rt.stringOf(list)
};

export const ListClass: StdlibClass = {
    name: 'List',
    owns: (value) => value instanceof ApexList,
    instance
};
