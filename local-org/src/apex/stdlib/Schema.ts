// Schema: SObjectType and SObjectField tokens, their describe results (from the loaded schema), access checks of
// the running user (src/security through Runtime.access), picklist values, the global describe.
// Sources: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_sobject_describe.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_fields_describe.htm
import { SObject } from '../../core/sobject.ts';
import type { FieldDescribe, SObjectDescribe } from '../../core/schema.ts';
import { mapPut, newList, newMap } from '../collections.ts';
import { typeRef } from '../types.ts';
import { EnumValue, NativeObject, type Value } from '../values.ts';
import { fieldToken, sobjectTypeToken } from './SObjectTypes.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

/** Modules of values only: registered as '<type> value' so that the type's own name stays free for statics. */
function native(typeName: string, instance: Record<string, InstanceMethod<NativeObject>>): StdlibClass {
    return {
        name: `${typeName} value`,
        owns: (value) => value instanceof NativeObject && value.typeName === typeName,
        instance: instance as Record<string, InstanceMethod<never>>
    };
}

function objectDescribe(rt: Runtime, name: string): SObjectDescribe {
    return rt.schema?.object(name) ?? rt.unsupported(`describe of ${name} (not in the schema)`);
}

function fieldDescribe(rt: Runtime, object: string, field: string): FieldDescribe {
    return rt.schema?.field(object, field) ?? rt.unsupported(`describe of ${object}.${field} (not in the schema)`);
}

function access(rt: Runtime) {
    return rt.access ?? rt.unsupported('describe access checks (no access model wired)');
}

function describeResult(rt: Runtime, name: string): NativeObject {
    const describe = objectDescribe(rt, name);
    return new NativeObject('Schema.DescribeSObjectResult', { name: describe.name, display: describe.name });
}

function fieldResult(rt: Runtime, object: string, field: string): NativeObject {
    const describe = fieldDescribe(rt, object, field);
    return new NativeObject('Schema.DescribeFieldResult', { object, field: describe.name, display: describe.name });
}

const objectName = (self: NativeObject) => self.data.name as string;

const SObjectTypeToken = native('Schema.SObjectType', {
    getdescribe: (rt, self) => describeResult(rt, objectName(self)),
    newsobject: (_rt, self) => new SObject(objectName(self)),
    tostring: (_rt, self) => objectName(self)
});

const SObjectFieldToken = native('Schema.SObjectField', {
    getdescribe: (rt, self) => fieldResult(rt, self.data.object as string, self.data.field as string),
    tostring: (_rt, self) => self.data.field as string
});

const DescribeSObjectResult = native('Schema.DescribeSObjectResult', {
    getname: (_rt, self) => objectName(self),
    getlabel: (rt, self) => objectDescribe(rt, objectName(self)).label,
    getlabelplural: (rt, self) => objectDescribe(rt, objectName(self)).labelPlural,
    getkeyprefix: (rt, self) => objectDescribe(rt, objectName(self)).keyPrefix,
    iscustom: (rt, self) => objectDescribe(rt, objectName(self)).kind !== 'standard',
    isaccessible: (rt, self) => access(rt).object(rt.tx.user, rt.tx.store, objectName(self)).read,
    isqueryable: (rt, self) => access(rt).object(rt.tx.user, rt.tx.store, objectName(self)).read,
    iscreateable: (rt, self) => access(rt).object(rt.tx.user, rt.tx.store, objectName(self)).create,
    isupdateable: (rt, self) => access(rt).object(rt.tx.user, rt.tx.store, objectName(self)).edit,
    isdeletable: (rt, self) => access(rt).object(rt.tx.user, rt.tx.store, objectName(self)).delete,
    getsobjecttype: (rt, self) => sobjectTypeToken(rt, objectName(self)),
    '.fields': (_rt, self) => new NativeObject('Schema.FieldSet', { name: objectName(self) })
});

const FieldSet = native('Schema.FieldSet', {
    getmap: (rt, self) => {
        const map = newMap(typeRef('Map', [typeRef('String'), typeRef('Schema.SObjectField')]));
        map.foldCase = true;
        for (const field of objectDescribe(rt, objectName(self)).fields.values()) {
            mapPut(map, field.name.toLowerCase(), fieldToken(rt, objectName(self), field.name));
        }
        return map;
    },
    '.*': (rt, self, [field]) => fieldResult(rt, objectName(self), String(field))
});

const fieldOf = (rt: Runtime, self: NativeObject) =>
    fieldDescribe(rt, self.data.object as string, self.data.field as string);
const fieldAccess = (rt: Runtime, self: NativeObject) =>
    access(rt).field(rt.tx.user, rt.tx.store, self.data.object as string, self.data.field as string);

const DescribeFieldResult = native('Schema.DescribeFieldResult', {
    getname: (rt, self) => fieldOf(rt, self).name,
    getlabel: (rt, self) => fieldOf(rt, self).label,
    getlength: (rt, self) => fieldOf(rt, self).length ?? 0,
    getscale: (rt, self) => fieldOf(rt, self).scale ?? 0,
    getprecision: (rt, self) => fieldOf(rt, self).precision ?? 0,
    iscustom: (rt, self) => fieldOf(rt, self).custom,
    isnillable: (rt, self) => !fieldOf(rt, self).required,
    iscalculated: (rt, self) => fieldOf(rt, self).calculatedFormula !== undefined,
    gettype: (rt, self) => displayType(fieldOf(rt, self).type),
    getsobjectfield: (rt, self) => fieldToken(rt, self.data.object as string, self.data.field as string),
    getreferenceto: (rt, self) =>
        newList(
            typeRef('List', [typeRef('Schema.SObjectType')]),
            (fieldOf(rt, self).referenceTo ?? []).map((name) => sobjectTypeToken(rt, name))
        ),
    getrelationshipname: (rt, self) => fieldOf(rt, self).relationshipName ?? null,
    isaccessible: (rt, self) => fieldAccess(rt, self).readable,
    isupdateable: (rt, self) => fieldOf(rt, self).updateable && fieldAccess(rt, self).editable,
    iscreateable: (rt, self) => fieldOf(rt, self).createable && fieldAccess(rt, self).editable,
    getpicklistvalues: (rt, self) =>
        newList(
            typeRef('List', [typeRef('Schema.PicklistEntry')]),
            (fieldOf(rt, self).picklistValues ?? []).map(
                (entry) => new NativeObject('Schema.PicklistEntry', { ...entry, display: entry.value })
            )
        )
});

const PicklistEntry = native('Schema.PicklistEntry', {
    getvalue: (_rt, self) => self.data.value as string,
    getlabel: (_rt, self) => self.data.label as string,
    isactive: (_rt, self) => self.data.active as boolean,
    isdefaultvalue: (_rt, self) => self.data.defaultValue as boolean
});

const SchemaStatics: StdlibClass = {
    name: 'Schema',
    statics: {
        getglobaldescribe: (rt) => {
            const map = newMap(typeRef('Map', [typeRef('String'), typeRef('Schema.SObjectType')]));
            map.foldCase = true;
            for (const object of rt.schema?.objects() ?? []) {
                mapPut(map, object.name.toLowerCase(), sobjectTypeToken(rt, object.name));
            }
            return map;
        },
        describesobjects: (rt) => rt.unsupported('Schema.describeSObjects')
    }
};

/** `Schema.SObjectType.Lead` is the describe result of Lead. */
const SchemaSObjectType: StdlibClass = {
    name: 'Schema.SObjectType',
    property: (rt, name): Value | undefined => (rt.schema?.object(name) ? describeResult(rt, name) : undefined)
};

function displayType(type: string): EnumValue {
    const name = type === 'int' ? 'INTEGER' : type.toUpperCase();
    return new EnumValue('Schema.DisplayType', name, 0);
}

const DisplayType: StdlibClass = {
    name: 'Schema.DisplayType',
    property: (_rt, name) => (/^[A-Za-z]+$/.test(name) ? displayType(name.toLowerCase()) : undefined)
};

const SObjectDescribeOptions: StdlibClass = {
    name: 'SObjectDescribeOptions',
    property: (_rt, name) => {
        const values = ['DEFAULT', 'DEFERRED', 'FULL'];
        const index = values.indexOf(name.toUpperCase());
        return index >= 0 ? new EnumValue('SObjectDescribeOptions', values[index], index) : undefined;
    }
};

export const SCHEMA_MODULES: StdlibClass[] = [
    SchemaStatics,
    SchemaSObjectType,
    { ...SchemaSObjectType, name: 'SObjectType' },
    SObjectDescribeOptions,
    DisplayType,
    { ...DisplayType, name: 'DisplayType' },
    SObjectTypeToken,
    SObjectFieldToken,
    DescribeSObjectResult,
    FieldSet,
    DescribeFieldResult,
    PicklistEntry
];
