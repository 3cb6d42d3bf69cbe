// Database: dynamic SOQL (query, queryWithBinds, countQuery), DML with allOrNone and AccessLevel returning
// SaveResult/DeleteResult/UndeleteResult with Database.Error, savepoints, and convertLead with LeadConvert.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_database.htm
import { PlatformException, type SourcePosition } from '../../core/errors.ts';
import type { AccessMode, DmlOperation, DmlRecordResult, QueryOptions } from '../../core/runtime.ts';
import { SObject } from '../../core/sobject.ts';
import { newList } from '../collections.ts';
import { performDml, recordsOf } from '../dml.ts';
import type { Interpreter } from '../interpreter.ts';
import { bindValue, resultToApex } from '../soql.ts';
import { typeRef } from '../types.ts';
import { ApexList, ApexMap, EnumValue, NativeObject, type Value } from '../values.ts';
import type { InstanceMethod, Runtime, StdlibClass } from './registry.ts';

function accessOf(value: Value | undefined): AccessMode {
    return value instanceof EnumValue && value.name === 'USER_MODE' ? 'user' : 'system';
}

function errorValue(error: { statusCode: string; message: string; fields: string[] }): NativeObject {
    return new NativeObject('Database.Error', { ...error });
}

const RESULT_TYPES: Record<string, string> = {
    insert: 'Database.SaveResult',
    update: 'Database.SaveResult',
    upsert: 'Database.UpsertResult',
    delete: 'Database.DeleteResult',
    undelete: 'Database.UndeleteResult'
};

function dml(rt: Runtime, operation: DmlOperation, [target, allOrNone, level]: Value[]): Value {
    const ip = rt as Interpreter;
    if (allOrNone instanceof NativeObject) return rt.unsupported('Database DML with Database.DMLOptions');
    const records = recordsOf(ip, target);
    const mode = accessOf(allOrNone instanceof EnumValue ? allOrNone : level);
    const results: DmlRecordResult[] = performDml(ip, operation, records, allOrNone !== false, mode);
    const type = RESULT_TYPES[operation];
    const values = results.map(
        (result) =>
            new NativeObject(type, { id: result.id, success: result.success, errors: result.errors.map(errorValue) })
    );
    return target instanceof SObject ? values[0] : newList(typeRef('List', [typeRef(type)]), values);
}

function dynamicQuery(rt: Runtime, soql: Value, binds: Map<string, Value>, level: Value | undefined): Value {
    const ip = rt as Interpreter;
    if (!ip.queryEngine) return rt.unsupported('Database.query (no query engine wired)');
    const text = String(soql);
    const lower = new Map([...binds].map(([key, value]) => [key.toLowerCase(), value]));
    const options: QueryOptions & { source: SourcePosition } = {
        source: rt.position(),
        accessMode: accessOf(level) === 'user' || /\bWITH\s+USER_MODE\b/i.test(text) ? 'user' : 'system',
        enforceSharing: ip.frame?.cls.sharing === 'with',
        binds: ({ name }) => {
            const value = binds.has(name) ? binds.get(name)! : lower.get(name.toLowerCase());
            if (value === undefined) return rt.fail('QueryException', `Key '${name}' does not exist in the bindMap`);
            return bindValue(value);
        }
    };
    const result = ip.queryEngine.query(ip.tx, text, options);
    const from = /\bFROM\s+([A-Za-z0-9_]+)/i.exec(text)?.[1] ?? 'SObject';
    const list = resultToApex(ip, result, rt.schema?.object(from)?.name ?? from);
    if (list instanceof ApexList) list.soql = false;
    return list;
}

function bindMap(rt: Runtime, value: Value): Map<string, Value> {
    if (!(value instanceof ApexMap)) return rt.fail('NullPointerException', 'Argument cannot be null');
    return new Map([...value.entries.values()].map((entry) => [String(entry.key), entry.value]));
}

const resultInstance: Record<string, InstanceMethod<NativeObject>> = {
    issuccess: (_rt, self) => self.data.success as boolean,
    getid: (_rt, self) => (self.data.id as string | null) ?? null,
    geterrors: (_rt, self) => newList(typeRef('List', [typeRef('Database.Error')]), self.data.errors as NativeObject[]),
    getleadid: (_rt, self) => self.data.leadId as string,
    getaccountid: (_rt, self) => (self.data.accountId as string | null) ?? null,
    getcontactid: (_rt, self) => (self.data.contactId as string | null) ?? null,
    getopportunityid: (_rt, self) => (self.data.opportunityId as string | null) ?? null
};

function valuesOf(typeName: string, instance: Record<string, InstanceMethod<NativeObject>>): StdlibClass {
    return {
        name: `${typeName} value`,
        owns: (value) => value instanceof NativeObject && value.typeName === typeName,
        instance: instance as Record<string, InstanceMethod<never>>
    };
}

const errorInstance: Record<string, InstanceMethod<NativeObject>> = {
    getmessage: (_rt, self) => self.data.message as string,
    getstatuscode: (_rt, self) => new EnumValue('StatusCode', self.data.statusCode as string, 0),
    getfields: (_rt, self) => newList(typeRef('List', [typeRef('String')]), self.data.fields as string[])
};

const LEAD_CONVERT_FIELDS = [
    'LeadId',
    'ConvertedStatus',
    'AccountId',
    'ContactId',
    'OpportunityName',
    'OwnerId',
    'DoNotCreateOpportunity'
];
const leadConvertInstance: Record<string, InstanceMethod<NativeObject>> = {};
for (const field of LEAD_CONVERT_FIELDS) {
    const key = field.charAt(0).toLowerCase() + field.substring(1);
    leadConvertInstance['set' + field.toLowerCase()] = (_rt, self, [value]) => {
        self.data[key] = value;
        return null;
    };
    leadConvertInstance['get' + field.toLowerCase()] = (_rt, self) => (self.data[key] as Value) ?? null;
}
leadConvertInstance['isdonotcreateopportunity'] = (_rt, self) => self.data.doNotCreateOpportunity === true;

interface ConvertingEngine {
    convertLead(
        tx: unknown,
        requests: Record<string, unknown>[],
        options: { allOrNone: boolean; accessMode: AccessMode }
    ): {
        leadId: string;
        accountId: string | null;
        contactId: string | null;
        opportunityId: string | null;
        success: boolean;
        errors: { statusCode: string; message: string; fields: string[] }[];
    }[];
}

function convertLead(rt: Runtime, [target, allOrNone, level]: Value[]): Value {
    const engine = rt.saveEngine as unknown as Partial<ConvertingEngine> | null;
    if (!engine?.convertLead) return rt.unsupported('Database.convertLead (no save engine with convertLead wired)');
    const single = target instanceof NativeObject;
    const items = single ? [target] : target instanceof ApexList ? (target.items as NativeObject[]) : [];
    const mode = accessOf(allOrNone instanceof EnumValue ? allOrNone : level);
    const all = allOrNone !== false;
    const results = engine.convertLead(
        rt.tx,
        items.map((item) => ({ ...item.data })),
        { allOrNone: all, accessMode: mode }
    );
    if (all && results.some((result) => !result.success)) {
        const index = results.findIndex((result) => !result.success);
        const error = results[index].errors[0];
        // A DmlException carries its failed rows (getDmlMessage, getDmlType, ...), the conversion's too.
        throw new PlatformException(
            'DmlException',
            `ConvertLead failed. First exception on row ${index}; first error: ${error?.statusCode}, ${error?.message}: []`,
            results
                .map((result, row) => ({ index: row, id: result.leadId, errors: result.errors }))
                .filter((entry) => entry.errors.length > 0)
        );
    }
    const values = results.map(
        (result) => new NativeObject('Database.LeadConvertResult', { ...result, errors: result.errors.map(errorValue) })
    );
    return single ? values[0] : newList(typeRef('List', [typeRef('Database.LeadConvertResult')]), values);
}

export const DATABASE_MODULES: StdlibClass[] = [
    {
        name: 'Database',
        statics: {
            insert: (rt, args) => dml(rt, 'insert', args),
            update: (rt, args) => dml(rt, 'update', args),
            delete: (rt, args) => dml(rt, 'delete', args),
            undelete: (rt, args) => dml(rt, 'undelete', args),
            upsert: (rt) => rt.unsupported('Database.upsert'),
            query: (rt, [soql, level]) => dynamicQuery(rt, soql, new Map(), level),
            querywithbinds: (rt, [soql, binds, level]) => dynamicQuery(rt, soql, bindMap(rt, binds), level),
            countquery: (rt, [soql, level]) => dynamicQuery(rt, soql, new Map(), level),
            setsavepoint: (rt) => {
                rt.tx.limits.dmlStatements++;
                return new NativeObject('Savepoint', { savepoint: rt.tx.store.savepoint() });
            },
            rollback: (rt, [savepoint]) => {
                if (!(savepoint instanceof NativeObject))
                    return rt.fail('NullPointerException', 'Argument cannot be null');
                rt.tx.limits.dmlStatements++;
                rt.tx.store.rollback(savepoint.data.savepoint as number);
                return null;
            },
            convertlead: (rt, args) => convertLead(rt, args)
        }
    },
    { name: 'Database.LeadConvert', statics: { '<new>': () => new NativeObject('Database.LeadConvert', {}) } },
    valuesOf('Database.LeadConvert', leadConvertInstance),
    valuesOf('Database.SaveResult', resultInstance),
    valuesOf('Database.DeleteResult', resultInstance),
    valuesOf('Database.UndeleteResult', resultInstance),
    valuesOf('Database.LeadConvertResult', resultInstance),
    valuesOf('Database.Error', errorInstance)
];
