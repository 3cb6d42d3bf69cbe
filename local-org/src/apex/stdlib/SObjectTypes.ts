// Static members of SObject type names: `Lead.SObjectType`, `Lead.Fit_Score__c` (a Schema.SObjectField token),
// and custom metadata's `X__mdt.getAll()` / `getInstance(name)` from the project's records, which a test may
// not change (an override keeps its own records: the project's HandoffPolicy-style `setRecords` is Apex code).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_custom_metadata_types.htm
import type { SObject } from '../../core/sobject.ts';
import { mapPut, newMap } from '../collections.ts';
import { typeRef } from '../types.ts';
import { NativeObject, type Value } from '../values.ts';
import type { Runtime } from './registry.ts';

export function objectName(rt: Runtime, name: string): string {
    const bare = name.replace(/^schema\./i, '');
    return rt.schema?.object(bare)?.name ?? bare;
}

export function sobjectTypeToken(rt: Runtime, name: string): NativeObject {
    const object = objectName(rt, name);
    return new NativeObject(
        'Schema.SObjectType',
        { name: object, display: object },
        'sobjecttype:' + object.toLowerCase()
    );
}

export function fieldToken(rt: Runtime, object: string, field: string): NativeObject {
    const describe = rt.schema?.field(object, field);
    const name = describe?.name ?? field;
    return new NativeObject(
        'Schema.SObjectField',
        { object, field: name, display: name },
        `sobjectfield:${object}.${name}`.toLowerCase()
    );
}

export function sobjectStatic(rt: Runtime, type: string, name: string): Value {
    const object = objectName(rt, type);
    if (name.toLowerCase() === 'sobjecttype') return sobjectTypeToken(rt, object);
    if (rt.schema?.object(object) && !rt.schema.field(object, name)) {
        return rt.unsupported(`${object}.${name} (no such field in the schema)`);
    }
    return fieldToken(rt, object, name);
}

function metadataRecords(rt: Runtime, object: string): SObject[] {
    return (rt.tx.metadata.customMetadata.get(object.toLowerCase()) ?? []).map((record) => record.clone(true));
}

export function sobjectStaticCall(rt: Runtime, type: string, name: string, args: Value[]): Value {
    const object = objectName(rt, type);
    const isMetadata = object.toLowerCase().endsWith('__mdt');
    switch (name.toLowerCase()) {
        case 'getall': {
            if (!isMetadata) break;
            const map = newMap(typeRef('Map', [typeRef('String'), typeRef(object)]));
            for (const record of metadataRecords(rt, object))
                mapPut(map, record.get('DeveloperName') as string, record);
            return map;
        }
        case 'getinstance': {
            if (!isMetadata) break;
            const wanted = String(args[0] ?? '').toLowerCase();
            return (
                metadataRecords(rt, object).find(
                    (record) => String(record.get('DeveloperName') ?? '').toLowerCase() === wanted
                ) ?? null
            );
        }
    }
    return rt.unsupported(`method ${object}.${name}`);
}
