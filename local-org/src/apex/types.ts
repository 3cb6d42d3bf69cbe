// Declared types at run time: converting a value to the declared type of the variable, parameter, field or
// collection it is stored in (Integer → Long/Decimal/Double widening, Id normalised to 18 characters), the type
// name of a value (getTypeName, messages) and instanceof/cast checks.
import { PlatformException } from '../core/errors.ts';
import { toId18 } from '../core/ids.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime } from '../core/values.ts';
import type { TypeRef } from './ast.ts';
import {
    ApexDecimal,
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    EnumValue,
    NativeObject,
    TypeValue,
    toDecimal,
    toNumber,
    type Value
} from './values.ts';
import type { ClassInfo } from './classes.ts';

export const OBJECT_TYPE: TypeRef = { name: 'object', text: 'Object', args: [] };

export function typeRef(text: string, args: TypeRef[] = []): TypeRef {
    return { name: text.toLowerCase(), text, args };
}

/** Strips `System.` and `Schema.` from standard names: `System.Exception` is `Exception`. */
export function baseName(name: string): string {
    return name.replace(/^(system|schema)\./, '');
}

export function formatType(type: TypeRef | null): string {
    if (!type) return 'Object';
    if (type.args.length === 0) return type.text.replace(/<.*$/, '');
    const name = type.name === 'list' ? 'List' : type.name === 'set' ? 'Set' : type.name === 'map' ? 'Map' : type.text;
    return `${name.replace(/<.*$/, '')}<${type.args.map(formatType).join(',')}>`;
}

/** Converts a value stored into a slot of the declared type; anything else is kept as is. */
export function coerce(value: Value, type: TypeRef | null): Value {
    if (value === null || !type) return value;
    if (value instanceof ApexList && value.soql && !['list', 'object', 'iterable'].includes(baseName(type.name))) {
        return singleRow(value);
    }
    switch (baseName(type.name)) {
        case 'long':
            if (typeof value === 'number') return BigInt(value);
            return value;
        case 'decimal':
            if (typeof value === 'number' || typeof value === 'bigint' || value instanceof ApexDouble)
                return toDecimal(value);
            return value;
        case 'double':
            if (typeof value === 'number' || typeof value === 'bigint' || value instanceof ApexDecimal) {
                return new ApexDouble(toNumber(value));
            }
            return value;
        case 'id':
            if (typeof value === 'string') return toId18(value) ?? value;
            return value;
        default:
            return value;
    }
}

/** `Lead l = [SELECT …]`: exactly one row, else QueryException. */
export function singleRow(list: ApexList): Value {
    if (list.items.length === 0)
        throw new PlatformException('QueryException', 'List has no rows for assignment to SObject');
    if (list.items.length > 1) {
        throw new PlatformException('QueryException', 'List has more than 1 row for assignment to SObject');
    }
    return list.items[0];
}

/** The Apex type name of a value, as `String.valueOf` of a Type and exception messages write it. */
export function typeNameOf(value: Value): string {
    if (value === null) return 'null';
    if (typeof value === 'string') return 'String';
    if (typeof value === 'boolean') return 'Boolean';
    if (typeof value === 'number') return 'Integer';
    if (typeof value === 'bigint') return 'Long';
    if (value instanceof ApexDecimal) return 'Decimal';
    if (value instanceof ApexDouble) return 'Double';
    if (value instanceof SDate) return 'Date';
    if (value instanceof SDatetime) return 'Datetime';
    if (value instanceof STime) return 'Time';
    if (value instanceof SObject) return value.type;
    if (value instanceof ApexList) return `List<${formatType(value.elementType)}>`;
    if (value instanceof ApexSet) return `Set<${formatType(value.elementType)}>`;
    if (value instanceof ApexMap) return `Map<${formatType(value.keyType)},${formatType(value.valueType)}>`;
    if (value instanceof ApexObject) return value.cls.name;
    if (value instanceof EnumValue) return value.type;
    if (value instanceof TypeValue) return 'System.Type';
    if (value instanceof NativeObject) return value.typeName;
    return 'Object';
}

export interface TypeResolver {
    resolveClass(name: string): ClassInfo | null;
    isSObjectType(name: string): boolean;
}

/** `value instanceof type` (false for null). Generic arguments of collections are not checked (erased here). */
export function isInstance(value: Value, type: TypeRef, resolver: TypeResolver): boolean {
    if (value === null) return false;
    const name = baseName(type.name);
    switch (name) {
        case 'object':
            return true;
        case 'string':
            return typeof value === 'string';
        case 'id':
            return typeof value === 'string' && toId18(value) !== null;
        case 'boolean':
            return typeof value === 'boolean';
        case 'integer':
            return typeof value === 'number';
        case 'long':
            return typeof value === 'bigint' || typeof value === 'number';
        case 'decimal':
        case 'double':
            return value instanceof ApexDecimal || value instanceof ApexDouble || typeof value === 'number';
        case 'date':
            return value instanceof SDate;
        case 'datetime':
            return value instanceof SDatetime;
        case 'time':
            return value instanceof STime;
        case 'list':
            return value instanceof ApexList;
        case 'set':
            return value instanceof ApexSet;
        case 'map':
            return value instanceof ApexMap;
        case 'sobject':
            return value instanceof SObject;
        case 'type':
            return value instanceof TypeValue;
    }
    if (value instanceof SObject) return value.type.toLowerCase() === name;
    if (value instanceof ApexObject) {
        const cls = resolver.resolveClass(type.name);
        return cls !== null && value.cls.isSubclassOf(cls);
    }
    if (value instanceof EnumValue)
        return value.type.toLowerCase() === name || value.type.toLowerCase().endsWith('.' + name);
    if (value instanceof NativeObject) {
        const own = value.typeName.toLowerCase();
        return own === name || own.endsWith('.' + name) || name.endsWith('.' + own);
    }
    return false;
}
