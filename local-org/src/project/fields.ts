// A custom field's metadata (objects/<Obj>/fields/<Field>.field-meta.xml) as the describe the platform gives.
// Field types: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm
import { ProjectError, UnsupportedError } from '../core/errors.ts';
import type { FieldDescribe, FieldType, PicklistEntry } from '../core/schema.ts';
import { bool, list, num, text, type XmlNode } from './xml.ts';

/** Metadata field type → describe type (Schema.DisplayType). */
const TYPES: Record<string, FieldType> = {
    Text: 'string',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Html: 'textarea',
    EncryptedText: 'encryptedstring',
    Checkbox: 'boolean',
    Number: 'double',
    Currency: 'currency',
    Percent: 'percent',
    Date: 'date',
    DateTime: 'datetime',
    Time: 'time',
    Email: 'email',
    Phone: 'phone',
    Url: 'url',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Lookup: 'reference',
    MasterDetail: 'reference',
    MetadataRelationship: 'string',
    AutoNumber: 'string'
};

/** Global value sets by API name (lower case): their values in order. */
export type GlobalValueSets = Map<string, PicklistEntry[]>;

export function picklistEntries(values: XmlNode[]): PicklistEntry[] {
    return values.map((value) => {
        const name = text(value, 'fullName') ?? '';
        return {
            value: decodeURIComponent(name),
            label: text(value, 'label') ?? name,
            active: bool(value, 'isActive', true),
            defaultValue: bool(value, 'default')
        };
    });
}

export function fieldDescribe(xml: XmlNode, file: string, valueSets: GlobalValueSets): FieldDescribe {
    const name = text(xml, 'fullName');
    if (!name) throw new ProjectError('a field without <fullName>', { file });
    const metadataType = text(xml, 'type') ?? '';
    const formula = text(xml, 'formula');
    const type = TYPES[metadataType];
    if (!type) throw new UnsupportedError(`field type ${metadataType} (${name})`, { file });
    const isSystemComputed = metadataType === 'AutoNumber' || formula !== undefined;
    const field: FieldDescribe = {
        name,
        label: text(xml, 'label') ?? name,
        type,
        custom: name.endsWith('__c'),
        required: bool(xml, 'required') || metadataType === 'MasterDetail',
        createable: !isSystemComputed,
        updateable: !isSystemComputed && !(metadataType === 'MasterDetail' && !bool(xml, 'reparentableMasterDetail'))
    };
    if (metadataType === 'MasterDetail') field.updateable = bool(xml, 'reparentableMasterDetail');
    if (metadataType === 'AutoNumber') field.autoNumberFormat = text(xml, 'displayFormat') ?? '{0}';
    const length = num(xml, 'length');
    if (length !== undefined) field.length = length;
    else if (metadataType === 'Email' || metadataType === 'Phone' || metadataType === 'Url') field.length = 255;
    else if (metadataType === 'TextArea') field.length = 255;
    const precision = num(xml, 'precision');
    if (precision !== undefined) field.precision = precision;
    const scale = num(xml, 'scale');
    if (scale !== undefined) field.scale = scale;
    const referenceTo = text(xml, 'referenceTo');
    if (referenceTo) {
        field.referenceTo = [referenceTo];
        field.relationshipName = name.replace(/__c$/i, '__r');
    }
    if (formula !== undefined) field.calculatedFormula = formula;
    const defaultValue = text(xml, 'defaultValue');
    if (metadataType === 'Checkbox') field.defaultChecked = defaultValue?.toLowerCase() === 'true';
    else if (defaultValue !== undefined && defaultValue !== '') field.defaultValueFormula = defaultValue;
    if (bool(xml, 'externalId')) field.externalId = true;
    if (bool(xml, 'unique')) field.unique = true;
    if (type === 'picklist' || type === 'multipicklist') readValueSet(field, xml, file, valueSets);
    return field;
}

function readValueSet(field: FieldDescribe, xml: XmlNode, file: string, valueSets: GlobalValueSets): void {
    const valueSet = xml['valueSet'] as XmlNode | undefined;
    if (!valueSet) throw new ProjectError(`picklist ${field.name} has no <valueSet>`, { file });
    field.restrictedPicklist = bool(valueSet, 'restricted');
    const globalName = text(valueSet, 'valueSetName');
    if (globalName) {
        const values = valueSets.get(globalName.toLowerCase());
        if (!values) throw new ProjectError(`global value set ${globalName} is not in the project`, { file });
        field.picklistValues = values.map((entry) => ({ ...entry }));
        // A field on a global value set is always restricted (Help: "Create a Global Picklist Value Set").
        field.restrictedPicklist = true;
        return;
    }
    const definition = valueSet['valueSetDefinition'] as XmlNode | undefined;
    field.picklistValues = picklistEntries(list(definition?.['value']));
}
