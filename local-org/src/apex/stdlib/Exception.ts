// Exception methods (every exception class): getMessage, getTypeName, getLineNumber, getStackTraceString,
// getCause, setMessage, and DmlException's per-row accessors.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_exception.htm
import { newList } from '../collections.ts';
import { typeRef } from '../types.ts';
import type { ApexObject, Value } from '../values.ts';
import type { Runtime } from './registry.ts';

export function exceptionMethod(rt: Runtime, target: ApexObject, name: string, args: Value[]): Value {
    const state = target.exception!;
    const row = (index: Value) => {
        const entry = state.dml?.[typeof index === 'number' ? index : -1];
        if (!entry) return rt.fail('ListException', `List index out of bounds: ${rt.stringOf(index)}`);
        return entry;
    };
    switch (name.toLowerCase()) {
        case 'getmessage':
            return state.message;
        case 'setmessage':
            state.message = args[0] as string | null;
            return null;
        case 'gettypename':
            return target.cls.standard ? `System.${target.cls.name}` : target.cls.name;
        case 'getlinenumber':
            return state.line;
        case 'getstacktracestring':
            return state.stack;
        case 'getcause':
            return state.cause;
        case 'initcause':
            state.cause = args[0] as ApexObject | null;
            return null;
        case 'getnumdml':
            return state.dml?.length ?? 0;
        case 'getdmlindex':
            return row(args[0]).index;
        case 'getdmlmessage':
            return row(args[0]).errors[0]?.message ?? null;
        case 'getdmlid':
            return row(args[0]).id;
        case 'getdmltype': {
            const code = row(args[0]).errors[0]?.statusCode ?? null;
            return code;
        }
        case 'getdmlfieldnames':
            return newList(typeRef('List', [typeRef('String')]), row(args[0]).errors[0]?.fields ?? []);
        case 'getdmlfields':
            return rt.unsupported('DmlException.getDmlFields');
    }
    return rt.unsupported(`method ${target.cls.name}.${name}`);
}
