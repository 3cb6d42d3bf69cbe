// Set methods: keys are case-sensitive for Strings; Ids are kept in their 18-character form (Set<Id>).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_set.htm
import { itemsOf, setAdd, setHas, setRemove } from '../collections.ts';
import { ApexSet, type Value } from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

function items(rt: Runtime, value: Value): Value[] {
    return itemsOf(value) ?? rt.fail('NullPointerException', 'Argument cannot be null');
}

const instance: Record<string, InstanceMethod<ApexSet>> = {
    add: (_rt, set, [value]) => setAdd(set, value),
    addall: (rt, set, [other]) =>
        items(rt, other)
            .map((item) => setAdd(set, item))
            .some(Boolean),
    contains: (_rt, set, [value]) => setHas(set, value),
    containsall: (rt, set, [other]) => items(rt, other).every((item) => setHas(set, item)),
    remove: (_rt, set, [value]) => setRemove(set, value),
    removeall: (rt, set, [other]) =>
        items(rt, other)
            .map((item) => setRemove(set, item))
            .some(Boolean),
    retainall: (rt, set, [other]) => {
        const keep = new ApexSet(set.elementType);
        for (const item of items(rt, other)) setAdd(keep, item);
        let changed = false;
        for (const key of [...set.entries.keys()]) {
            if (!keep.entries.has(key)) {
                set.entries.delete(key);
                changed = true;
            }
        }
        return changed;
    },
    size: (_rt, set) => set.entries.size,
    isempty: (_rt, set) => set.entries.size === 0,
    clear: (_rt, set) => {
        set.entries.clear();
        return null;
    },
    clone: (_rt, set) => {
        const copy = new ApexSet(set.elementType);
        for (const [key, value] of set.entries) copy.entries.set(key, value);
        return copy;
    },
    equals: (rt, set, [other]) => rt.equals(set, other, false),
    tostring: (rt, set) => rt.stringOf(set)
};

export const SetClass: StdlibClass = { name: 'Set', owns: (value) => value instanceof ApexSet, instance };
