// ApexInvoker: a flow's Apex action calls the class's @InvocableMethod once with a List of the request class
// (one per interview), built from the inputs by @InvocableVariable name; the returned List is mapped back.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_annotation_InvocableMethod.htm
import { UnsupportedError } from '../core/errors.ts';
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import { newList } from './collections.ts';
import { apexToField, fieldToApex } from './fields.ts';
import type { Interpreter } from './interpreter.ts';
import { hasAnnotation } from './lower-types.ts';
import { coerce } from './types.ts';
import { ApexDecimal, ApexList, ApexObject, isNumber, type Value } from './values.ts';

function toApex(value: unknown): Value {
    if (value === undefined) return null;
    if (Array.isArray(value)) return newList(null, value.map(toApex));
    if (typeof value === 'number') return fieldToApex(value, null, '', '');
    return value as Value;
}

function fromApex(value: Value): unknown {
    if (value instanceof ApexList) return value.items.map(fromApex);
    if (value instanceof ApexDecimal || isNumber(value)) return apexToField(value);
    if (value instanceof ApexObject) return value;
    return value as FieldValue;
}

export function invokeInvocable(
    ip: Interpreter,
    className: string,
    inputs: Record<string, unknown>[]
): Record<string, unknown>[] {
    const cls = ip.classes.resolve(className, null);
    if (!cls) throw new UnsupportedError(`invocable class ${className} (not in the project)`);
    const method = cls.decl.methods.find((m) => hasAnnotation(m.modifiers, 'invocablemethod'));
    if (!method) throw new UnsupportedError(`invocable class ${className} without an @InvocableMethod`);
    const parameter = method.parameters[0];
    const elementType = parameter?.type.args[0] ?? null;
    const requestClass = elementType ? ip.classes.resolve(elementType.name, cls) : null;
    const requests = inputs.map((input) => {
        if (!requestClass) {
            const [only] = Object.values(input);
            return coerce(toApex(only), elementType);
        }
        const request = ip.construct(requestClass, [], null, null);
        for (const [name, value] of Object.entries(input)) {
            const owner = requestClass.owner(name);
            if (!owner) throw new UnsupportedError(`invocable variable ${requestClass.name}.${name}`);
            const key = name.toLowerCase();
            const type = owner.fields.get(key)?.type ?? owner.properties.get(key)?.type ?? null;
            request.fields.set(key, coerce(toApex(value), type));
        }
        return request;
    });
    const result = ip.runStatic(cls, method.name, parameter ? [newList(parameter.type, requests)] : []);
    if (!(result instanceof ApexList)) return inputs.map(() => ({}));
    return result.items.map((item) => {
        if (item instanceof ApexObject) {
            const output: Record<string, unknown> = {};
            for (const [key, value] of item.fields) {
                const owner = item.cls.owner(key);
                const declared = owner?.fields.get(key)?.name ?? owner?.properties.get(key)?.name ?? key;
                output[declared] = fromApex(value);
            }
            return output;
        }
        if (item instanceof SObject) return { record: item };
        return { value: fromApex(item) };
    });
}
