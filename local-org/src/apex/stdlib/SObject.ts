// SObject instance methods: get/put (also through relationship paths), clone, getSObjectType, Id, addError.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_sobject.htm
import { SObject } from '../../core/sobject.ts';
import { apexToField } from '../fields.ts';
import type { Interpreter } from '../interpreter.ts';
import { readRecordField } from '../members.ts';
import { NativeObject, type Value } from '../values.ts';
import { sobjectTypeToken } from './SObjectTypes.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

function fieldName(rt: Runtime, value: Value): string {
    if (typeof value === 'string') return value;
    if (value instanceof NativeObject && value.typeName === 'Schema.SObjectField') return value.data.field as string;
    return rt.fail('NullPointerException', 'Argument cannot be null');
}

const instance: Record<string, InstanceMethod<SObject>> = {
    get: (rt, record, [field]) => {
        const name = fieldName(rt, field);
        return readRecordField(rt as Interpreter, record, name);
    },
    put: (rt, record, [field, value]) => {
        const name = fieldName(rt, field);
        const previous = record.has(name) ? rt.readField(record, name) : null;
        record.set(rt.schema?.field(record.type, name)?.name ?? name, apexToField(value));
        return previous;
    },
    getsobject: (rt, record, [field]) => {
        const value = record.get(fieldName(rt, field));
        return value instanceof SObject ? value : null;
    },
    clone: (rt, record, [preserveId, deep]) => {
        const copy = record.clone(deep === true);
        if (preserveId !== true) copy.unset('Id');
        void rt;
        return copy;
    },
    getsobjecttype: (rt, record) => sobjectTypeToken(rt, record.type),
    adderror: (rt) => rt.unsupported('SObject.addError (triggers)'),
    getpopulatedfieldsasmap: (rt) => rt.unsupported('SObject.getPopulatedFieldsAsMap'),
    isset: (rt, record, [field]) => record.has(fieldName(rt, field))
};

export const SObjectClass: StdlibClass = { name: 'SObject', owns: (value) => value instanceof SObject, instance };
