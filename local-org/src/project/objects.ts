// Objects from the project's metadata: custom objects (__c), custom metadata types (__mdt), platform events (__e),
// and custom fields and validation rules added to standard objects.
// Object metadata: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customobject.htm
import { ProjectError, UnsupportedError } from '../core/errors.ts';
import type { FieldDescribe, ObjectKind, Schema, SObjectDescribe } from '../core/schema.ts';
import { fieldDescribe, type GlobalValueSets } from './fields.ts';
import type { SourceFile } from './files.ts';
import { bySuffix } from './files.ts';
import { standardObjects } from './standard-objects.ts';
import { bool, readXml, text, type XmlNode } from './xml.ts';

function kindOf(name: string): ObjectKind {
    if (/__mdt$/i.test(name)) return 'customMetadata';
    if (/__e$/i.test(name)) return 'platformEvent';
    return 'custom';
}

const PREFIX_LETTER: Record<string, string> = { custom: 'a', customMetadata: 'm', platformEvent: 'e' };
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function systemField(name: string, type: FieldDescribe['type'], extra: Partial<FieldDescribe> = {}): FieldDescribe {
    return { name, label: name, type, custom: false, required: false, createable: false, updateable: false, ...extra };
}

/** The standard fields of a custom object, custom metadata type or platform event (Object Reference). */
function builtInFields(kind: ObjectKind, xml: XmlNode): FieldDescribe[] {
    const audit = [
        systemField('CreatedDate', 'datetime'),
        systemField('CreatedById', 'reference', { referenceTo: ['User'], relationshipName: 'CreatedBy' })
    ];
    if (kind === 'platformEvent') {
        return [
            systemField('Id', 'id'),
            systemField('ReplayId', 'string'),
            systemField('EventUuid', 'string'),
            ...audit
        ];
    }
    if (kind === 'customMetadata') {
        return [
            systemField('Id', 'id'),
            systemField('DeveloperName', 'string', { length: 40 }),
            systemField('MasterLabel', 'string', { length: 40 }),
            systemField('Label', 'string', { length: 40 }),
            systemField('QualifiedApiName', 'string'),
            systemField('NamespacePrefix', 'string'),
            systemField('Language', 'picklist')
        ];
    }
    const nameField = xml['nameField'] as XmlNode | undefined;
    const autoNumber = text(nameField, 'type') === 'AutoNumber';
    const fields = [
        systemField('Id', 'id'),
        systemField('Name', 'string', {
            length: 80,
            label: text(nameField, 'label') ?? 'Name',
            createable: !autoNumber,
            updateable: !autoNumber,
            ...(autoNumber ? { autoNumberFormat: text(nameField, 'displayFormat') ?? '{0}' } : {})
        }),
        systemField('IsDeleted', 'boolean'),
        ...audit,
        systemField('LastModifiedDate', 'datetime'),
        systemField('LastModifiedById', 'reference', { referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
        systemField('SystemModstamp', 'datetime')
    ];
    if (text(xml, 'sharingModel') !== 'ControlledByParent') {
        fields.push(
            systemField('OwnerId', 'reference', {
                referenceTo: ['Group', 'User'],
                relationshipName: 'Owner',
                createable: true,
                updateable: true
            })
        );
    }
    return fields;
}

export function loadObjects(files: SourceFile[], valueSets: GlobalValueSets, schema: Schema): void {
    const standard = new Map(standardObjects().map((describe) => [describe.name.toLowerCase(), describe]));
    const objectFiles = new Map<string, SourceFile>();
    for (const file of bySuffix(files, '.object-meta.xml')) objectFiles.set(file.name, file);
    const fieldFiles = bySuffix(files, '.field-meta.xml').filter((file) => file.parent === 'fields');
    const ruleFiles = bySuffix(files, '.validationRule-meta.xml');

    const names = new Set<string>([...objectFiles.keys(), ...fieldFiles.map((file) => file.grandparent)]);
    for (const file of ruleFiles) names.add(file.grandparent);
    const custom = [...names].filter((name) => name.includes('__')).sort();
    const counters: Record<string, number> = { custom: 0, customMetadata: 0, platformEvent: 0 };

    for (const describe of standard.values()) schema.add(describe);
    for (const name of custom) {
        const file = objectFiles.get(name);
        if (!file) throw new ProjectError(`object ${name} has fields but no ${name}.object-meta.xml`);
        const xml = readXml(file.path, 'CustomObject', file.file);
        const kind = kindOf(name);
        const number = counters[kind]++;
        const describe: SObjectDescribe = {
            name,
            label: text(xml, 'label') ?? name,
            labelPlural: text(xml, 'pluralLabel') ?? name,
            kind,
            keyPrefix: PREFIX_LETTER[kind] + BASE36[Math.floor(number / 36)] + BASE36[number % 36],
            fields: new Map(),
            sharingModel: kind === 'custom' ? (text(xml, 'sharingModel') ?? 'ReadWrite') : undefined,
            validationRules: [],
            queryable: true,
            createable: kind !== 'customMetadata',
            updateable: kind === 'custom',
            deletable: kind === 'custom'
        };
        for (const field of builtInFields(kind, xml)) describe.fields.set(field.name.toLowerCase(), field);
        schema.add(describe);
    }
    for (const name of names) {
        if (!name.includes('__') && !standard.has(name.toLowerCase())) {
            throw new UnsupportedError(`standard object ${name} (not described in src/project/standard-objects.ts)`, {
                file: (objectFiles.get(name) ?? fieldFiles.find((file) => file.grandparent === name))?.file ?? name
            });
        }
    }
    for (const file of fieldFiles) {
        const describe = schema.object(file.grandparent)!;
        const field = fieldDescribe(readXml(file.path, 'CustomField', file.file), file.file, valueSets);
        if (describe.kind === 'customMetadata' || describe.kind === 'platformEvent') {
            field.createable = describe.kind === 'platformEvent';
            field.updateable = false;
        }
        describe.fields.set(field.name.toLowerCase(), field);
    }
    for (const file of ruleFiles) {
        const xml = readXml(file.path, 'ValidationRule', file.file);
        const displayField = text(xml, 'errorDisplayField');
        schema.object(file.grandparent)!.validationRules.push({
            name: text(xml, 'fullName') ?? file.name,
            active: bool(xml, 'active'),
            errorConditionFormula: text(xml, 'errorConditionFormula') ?? '',
            errorMessage: text(xml, 'errorMessage') ?? '',
            ...(displayField ? { errorDisplayField: displayField } : {}),
            file: file.file
        });
    }
}
