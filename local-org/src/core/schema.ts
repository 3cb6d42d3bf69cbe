// The shape of the org's data: objects and fields, as `Schema.describeSObjects` would describe them. Built from the
// project's object metadata plus hand-written descriptions of the standard objects the source uses
// (src/project/standard-objects.ts). Names are looked up case-insensitively.

export type FieldType =
    | 'id'
    | 'string'
    | 'textarea'
    | 'email'
    | 'phone'
    | 'url'
    | 'picklist'
    | 'multipicklist'
    | 'boolean'
    | 'int'
    | 'double'
    | 'currency'
    | 'percent'
    | 'date'
    | 'datetime'
    | 'time'
    | 'reference'
    | 'base64'
    | 'address'
    | 'location'
    | 'encryptedstring'
    | 'combobox';

export interface PicklistEntry {
    value: string;
    label: string;
    active: boolean;
    defaultValue: boolean;
}

export interface FieldDescribe {
    /** API name as the schema spells it ('Example__c', 'OwnerId'). */
    name: string;
    label: string;
    type: FieldType;
    custom: boolean;
    /** Text length (string types). */
    length?: number;
    /** Number precision and scale (double, currency, percent). */
    precision?: number;
    scale?: number;
    /** Reference fields: target objects (several for polymorphic fields such as OwnerId → Group, User). */
    referenceTo?: string[];
    /** Reference fields: the relationship name used in SOQL paths ('Owner', 'Lead__r'). */
    relationshipName?: string;
    picklistValues?: PicklistEntry[];
    /** A restricted picklist rejects values not in the list on save. */
    restrictedPicklist?: boolean;
    /** Required on save (a required custom field, or a standard field such as Lead.LastName). */
    required: boolean;
    /** Formula fields: read-only, computed on read. */
    calculatedFormula?: string;
    /** Default value formula applied on new records (`new X()` in Apex and insert). */
    defaultValueFormula?: string;
    /** Checkbox default. */
    defaultChecked?: boolean;
    /** Auto-number fields (an AutoNumber Name or custom field): the display format, e.g. 'INV-{0000}'. */
    autoNumberFormat?: string;
    createable: boolean;
    updateable: boolean;
    /** Whether an Id-typed field; relationship field handling. */
    externalId?: boolean;
    unique?: boolean;
}

export type ObjectKind = 'standard' | 'custom' | 'customMetadata' | 'platformEvent' | 'customSetting';

export interface ValidationRuleDefinition {
    /** 'Stage_Needs_Reason' */
    name: string;
    active: boolean;
    /** The formula: a record is refused when it evaluates to true. */
    errorConditionFormula: string;
    errorMessage: string;
    /** The field the error is shown on, or undefined for the top of the page. */
    errorDisplayField?: string;
    /** Source file, relative to the project root. */
    file: string;
}

export interface SObjectDescribe {
    name: string;
    label: string;
    labelPlural: string;
    kind: ObjectKind;
    /** The 3-character Id prefix. */
    keyPrefix: string;
    /** Field by lower-case name. */
    fields: Map<string, FieldDescribe>;
    /** OWD from the object metadata: 'Private', 'Read', 'ReadWrite', 'ControlledByParent', 'Public' ... */
    sharingModel?: string;
    validationRules: ValidationRuleDefinition[];
    queryable: boolean;
    createable: boolean;
    updateable: boolean;
    deletable: boolean;
}

export class Schema {
    private readonly byName = new Map<string, SObjectDescribe>();
    private readonly byPrefix = new Map<string, SObjectDescribe>();

    add(describe: SObjectDescribe): void {
        this.byName.set(describe.name.toLowerCase(), describe);
        this.byPrefix.set(describe.keyPrefix, describe);
    }

    object(name: string): SObjectDescribe | undefined {
        return this.byName.get(name.toLowerCase());
    }

    objectForId(id: string): SObjectDescribe | undefined {
        return this.byPrefix.get(id.substring(0, 3));
    }

    field(objectName: string, fieldName: string): FieldDescribe | undefined {
        return this.object(objectName)?.fields.get(fieldName.toLowerCase());
    }

    /** The reference field whose relationship name is `relationshipName` ('Owner' → OwnerId). */
    relationship(objectName: string, relationshipName: string): FieldDescribe | undefined {
        const wanted = relationshipName.toLowerCase();
        for (const field of this.object(objectName)?.fields.values() ?? []) {
            if (field.relationshipName?.toLowerCase() === wanted) return field;
        }
        return undefined;
    }

    objects(): SObjectDescribe[] {
        return [...this.byName.values()];
    }
}
