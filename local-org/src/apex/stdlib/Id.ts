// Id: valueOf and getSObjectType (from the key prefix, through the schema).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_id.htm
import { toId18 } from '../../core/ids.ts';
import { sobjectTypeToken } from './SObjectTypes.ts';
import type { StdlibClass } from './registry.ts';

export const IdClass: StdlibClass = {
    name: 'Id',
    statics: {
        valueof: (rt, [value]) => {
            if (value === null) return null;
            const id = toId18(String(value));
            return id ?? rt.fail('StringException', `Invalid id: ${rt.stringOf(value)}`);
        }
    }
};

/** Id methods on String values that hold an Id (the interpreter keeps Ids as Strings). */
export const idInstanceMethods = {
    getsobjecttype: (rt: Parameters<NonNullable<typeof IdClass.statics>['valueof']>[0], self: string) => {
        const describe = rt.schema?.objectForId(self);
        if (!describe) return rt.unsupported(`Id.getSObjectType of prefix ${self.substring(0, 3)}`);
        return sobjectTypeToken(rt, describe.name);
    },
    to15: (_rt: unknown, self: string) => self.substring(0, 15)
};
