// Custom metadata records (customMetadata/<Type>.<Record>.md-meta.xml) as SObjects of type <Type>__mdt. Each
// <value> is typed by its xsi:type; xsi:nil and absent fields are null.
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/custommetadata.htm
import { ProjectError } from '../core/errors.ts';
import { IdGenerator } from '../core/ids.ts';
import type { Schema } from '../core/schema.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, type FieldValue } from '../core/values.ts';
import { bySuffix, type SourceFile } from './files.ts';
import { list, readXml, text, type XmlNode } from './xml.ts';

function typedValue(node: unknown, file: string): FieldValue {
    if (node === undefined || node === null || node === '') return null;
    if (typeof node !== 'object') return String(node);
    const element = node as XmlNode;
    if (element['@_xsi:nil'] === 'true') return null;
    const raw = element['#text'] === undefined ? '' : String(element['#text']);
    const type = String(element['@_xsi:type'] ?? 'xsd:string');
    if (raw === '' && type !== 'xsd:string') return null;
    switch (type) {
        case 'xsd:string':
            return raw === '' ? null : raw;
        case 'xsd:double':
        case 'xsd:int':
        case 'xsd:long':
            return Number(raw);
        case 'xsd:boolean':
            return raw.toLowerCase() === 'true';
        case 'xsd:date':
            return SDate.parse(raw);
        case 'xsd:dateTime':
            return SDatetime.parse(raw);
        default:
            throw new ProjectError(`unknown value type ${type}`, { file });
    }
}

export function loadCustomMetadata(files: SourceFile[], schema: Schema): Map<string, SObject[]> {
    const records = new Map<string, SObject[]>();
    const ids = new IdGenerator();
    for (const file of bySuffix(files, '.md-meta.xml')) {
        const dot = file.name.indexOf('.');
        const typeName = file.name.substring(0, dot) + '__mdt';
        const developerName = file.name.substring(dot + 1);
        const describe = schema.object(typeName);
        if (dot < 0 || !describe) throw new ProjectError(`no custom metadata type ${typeName}`, { file: file.file });
        const xml = readXml(file.path, 'CustomMetadata', file.file);
        const label = text(xml, 'label') ?? developerName;
        const record = new SObject(describe.name, {
            Id: ids.next(describe.keyPrefix),
            DeveloperName: developerName,
            MasterLabel: label,
            Label: label,
            QualifiedApiName: developerName,
            NamespacePrefix: null,
            Language: 'en_US'
        });
        for (const field of describe.fields.values()) if (field.custom) record.set(field.name, null);
        for (const value of list(xml['values'])) {
            const fieldName = text(value, 'field') ?? '';
            const field = describe.fields.get(fieldName.toLowerCase());
            if (!field) throw new ProjectError(`${typeName} has no field ${fieldName}`, { file: file.file });
            record.set(field.name, typedValue(value['value'], file.file));
        }
        const key = describe.name.toLowerCase();
        if (!records.has(key)) records.set(key, []);
        records.get(key)!.push(record);
    }
    for (const describe of schema.objects()) {
        if (describe.kind === 'customMetadata' && !records.has(describe.name.toLowerCase())) {
            records.set(describe.name.toLowerCase(), []);
        }
    }
    return records;
}
