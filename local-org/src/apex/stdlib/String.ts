// String: static helpers and instance methods the project uses (grep). Comparison with == ignores case
// (operators.ts); equals and Set/Map keys do not.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_string.htm
import { newList } from '../collections.ts';
import { itemsOf } from '../collections.ts';
import { typeRef } from '../types.ts';
import type { Value } from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

const STRING_LIST = typeRef('List', [typeRef('String')]);

function str(rt: Runtime, value: Value): string {
    if (typeof value !== 'string') return rt.fail('NullPointerException', 'Attempt to de-reference a null object');
    return value;
}

function blank(value: Value): boolean {
    return value === null || (typeof value === 'string' && value.trim() === '');
}

function javaRegex(pattern: string): RegExp {
    return new RegExp(pattern);
}

const instance: Record<string, InstanceMethod<string>> = {
    length: (_rt, s) => s.length,
    trim: (_rt, s) => s.trim(),
    tolowercase: (_rt, s) => s.toLowerCase(),
    touppercase: (_rt, s) => s.toUpperCase(),
    contains: (rt, s, [part]) => s.includes(str(rt, part)),
    containsignorecase: (rt, s, [part]) => s.toLowerCase().includes(str(rt, part).toLowerCase()),
    startswith: (rt, s, [prefix]) => s.startsWith(str(rt, prefix)),
    endswith: (rt, s, [suffix]) => s.endsWith(str(rt, suffix)),
    startswithignorecase: (rt, s, [prefix]) => s.toLowerCase().startsWith(str(rt, prefix).toLowerCase()),
    equals: (_rt, s, [other]) => s === other,
    equalsignorecase: (_rt, s, [other]) => typeof other === 'string' && s.toLowerCase() === other.toLowerCase(),
    compareto: (rt, s, [other]) => {
        const o = str(rt, other);
        // Java compareTo: difference of the first differing UTF-16 units, else of the lengths.
        for (let i = 0; i < Math.min(s.length, o.length); i++) {
            if (s.charCodeAt(i) !== o.charCodeAt(i)) return s.charCodeAt(i) - o.charCodeAt(i);
        }
        return s.length - o.length;
    },
    indexof: (rt, s, [part, from]) => s.indexOf(str(rt, part), from === undefined ? 0 : (from as number)),
    left: (_rt, s, [length]) => s.substring(0, Math.max(0, length as number)),
    right: (_rt, s, [length]) => s.substring(Math.max(0, s.length - (length as number))),
    leftpad: (_rt, s, [length, pad]) =>
        s.length >= (length as number) ? s : s.padStart(length as number, (pad as string | undefined) ?? ' '),
    rightpad: (_rt, s, [length, pad]) => s.padEnd(length as number, (pad as string | undefined) ?? ' '),
    substring: (rt, s, [start, end]) => {
        const from = start as number;
        const to = end === undefined ? s.length : (end as number);
        if (from < 0 || to > s.length || from > to) rt.fail('StringException', `Ending position out of bounds: ${to}`);
        return s.substring(from, to);
    },
    substringafter: (rt, s, [separator]) => {
        const sep = str(rt, separator);
        const index = s.indexOf(sep);
        return index < 0 ? '' : s.substring(index + sep.length);
    },
    substringbefore: (rt, s, [separator]) => {
        const sep = str(rt, separator);
        const index = s.indexOf(sep);
        return index < 0 ? s : s.substring(0, index);
    },
    replace: (rt, s, [target, replacement]) => s.split(str(rt, target)).join(str(rt, replacement)),
    replaceall: (rt, s, [regex, replacement]) =>
        s.replace(new RegExp(str(rt, regex), 'g'), str(rt, replacement).replace(/\$(\d)/g, '$$$1')),
    split: (rt, s, [regex, limit]) => {
        let parts = s.split(javaRegex(str(rt, regex)));
        if (limit === undefined || limit === 0) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
        if (typeof limit === 'number' && limit > 0 && parts.length > limit)
            parts = [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(str(rt, regex))];
        return newList(STRING_LIST, s === '' ? [''] : parts);
    },
    isblank: (_rt, s) => blank(s),
    isnotblank: (_rt, s) => !blank(s),
    capitalize: (_rt, s) => s.charAt(0).toUpperCase() + s.substring(1),
    abbreviate: (_rt, s, [max]) => (s.length <= (max as number) ? s : s.substring(0, (max as number) - 3) + '...'),
    remove: (rt, s, [part]) => s.split(str(rt, part)).join(''),
    repeat: (_rt, s, [times]) => s.repeat(times as number),
    deletewhitespace: (_rt, s) => s.replace(/\s+/g, ''),
    normalizespace: (_rt, s) => s.trim().replace(/\s+/g, ' '),
    isnumeric: (_rt, s) => /^[0-9]+$/.test(s),
    escapesinglequotes: (_rt, s) => s.replace(/'/g, "\\'"),
    hashcode: (_rt, s) => {
        let hash = 0;
        for (let i = 0; i < s.length; i++) hash = (Math.imul(hash, 31) + s.charCodeAt(i)) | 0;
        return hash;
    }
};

export const StringClass: StdlibClass = {
    name: 'String',
    owns: (value) => typeof value === 'string',
    instance,
    statics: {
        isblank: (_rt, [value]) => blank(value),
        isnotblank: (_rt, [value]) => !blank(value),
        isempty: (_rt, [value]) => value === null || value === '',
        isnotempty: (_rt, [value]) => !(value === null || value === ''),
        // String.valueOf(null): the reference does not say what a null argument gives (docs/local-org.md).
        valueof: (rt, [value]) => (value === null ? rt.unsupported('String.valueOf(null)') : rt.stringOf(value)),
        join: (rt, [items, separator]) => {
            const list = itemsOf(items);
            if (!list) return rt.unsupported('String.join of a non-collection');
            return list.map((item) => rt.stringOf(item)).join(str(rt, separator));
        },
        format: (rt, [template, args]) => {
            const list = itemsOf(args) ?? [];
            return str(rt, template).replace(/\{(\d+)\}/g, (_m, index: string) =>
                rt.stringOf(list[Number(index)] ?? null)
            );
        },
        escapesinglequotes: (rt, [value]) => str(rt, value).replace(/'/g, "\\'")
    }
};
