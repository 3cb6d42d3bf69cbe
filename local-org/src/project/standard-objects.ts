// The standard objects and fields the platform provides, as far as projects like this one use them. Hand-written
// from the Object Reference (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
// object_reference/sforce_api_objects_list.htm): for each field its type, whether it is required (not nillable
// and not defaulted on create), createable and updateable ("Create", "Update" in the reference's Properties).
// Key prefixes are the platform's. An object or field missing here is unknown to local-org (it fails loudly).
import type { FieldDescribe, FieldType, PicklistEntry, SObjectDescribe } from '../core/schema.ts';

type Access = 'rw' | 'ro' | 'c' | 'req';
interface Spec {
    type: FieldType;
    /** rw: create+update; ro: system field; c: create only; req: required, create+update. */
    access?: Access;
    refs?: string[];
    rel?: string;
    length?: number;
    values?: string[];
    defaultValue?: string;
    defaultChecked?: boolean;
    precision?: number;
    scale?: number;
}

const s = (length = 255, access: Access = 'rw'): Spec => ({ type: 'string', length, access });
const req = (length = 80): Spec => ({ type: 'string', length, access: 'req' });
const ro = (type: FieldType = 'string'): Spec => ({ type, access: 'ro' });
const bool = (access: Access = 'rw', defaultChecked = false): Spec => ({ type: 'boolean', access, defaultChecked });
const ref = (refs: string[], rel: string | undefined, access: Access = 'rw'): Spec => ({
    type: 'reference',
    refs,
    rel,
    access
});
const pick = (values: string[], access: Access = 'rw', defaultValue?: string): Spec => ({
    type: 'picklist',
    values,
    access,
    defaultValue
});
const time = (): Spec => ({ type: 'time', access: 'rw' });

/** Id and the audit fields every object has (system fields: not createable or updateable). */
function systemFields(): Record<string, Spec> {
    return {
        Id: ro('id'),
        IsDeleted: ro('boolean'),
        CreatedDate: ro('datetime'),
        CreatedById: ref(['User'], 'CreatedBy', 'ro'),
        LastModifiedDate: ro('datetime'),
        LastModifiedById: ref(['User'], 'LastModifiedBy', 'ro'),
        SystemModstamp: ro('datetime')
    };
}

const owner = (): Spec => ref(['Group', 'User'], 'Owner');
const userOwner = (): Spec => ref(['User'], 'Owner');

export const LEAD_STATUSES = [
    'Open - Not Contacted',
    'Working - Contacted',
    'Closed - Converted',
    'Closed - Not Converted'
];
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const INDUSTRIES = [
    'Agriculture',
    'Banking',
    'Technology',
    'Education',
    'Healthcare',
    'Manufacturing',
    'Retail',
    'Other'
];
const OPPORTUNITY_STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface ObjectSpec {
    name: string;
    prefix: string;
    plural: string;
    sharingModel?: string;
    createable?: boolean;
    fields: Record<string, Spec>;
    /** Only Id plus these (no audit fields): views such as Name. */
    noSystemFields?: boolean;
}

const OBJECTS: ObjectSpec[] = [
    {
        name: 'Lead',
        prefix: '00Q',
        plural: 'Leads',
        sharingModel: 'ReadWrite',
        fields: {
            Name: ro(),
            Salutation: pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
            FirstName: s(40),
            LastName: req(80),
            Company: req(255),
            Title: s(128),
            Email: { type: 'email', length: 80, access: 'rw' },
            Phone: { type: 'phone', length: 40, access: 'rw' },
            MobilePhone: { type: 'phone', length: 40, access: 'rw' },
            Website: { type: 'url', length: 255, access: 'rw' },
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            Industry: pick(INDUSTRIES),
            Rating: pick(['Hot', 'Warm', 'Cold']),
            NumberOfEmployees: { type: 'int', access: 'rw' },
            AnnualRevenue: { type: 'currency', precision: 18, scale: 0, access: 'rw' },
            Street: { type: 'textarea', length: 255, access: 'rw' },
            City: s(40),
            State: s(80),
            PostalCode: s(20),
            Country: s(80),
            LeadSource: pick(LEAD_SOURCES),
            Status: pick(LEAD_STATUSES, 'rw', 'Open - Not Contacted'),
            OwnerId: owner(),
            IsConverted: bool('c'),
            ConvertedDate: ro('date'),
            ConvertedAccountId: ref(['Account'], 'ConvertedAccount', 'ro'),
            ConvertedContactId: ref(['Contact'], 'ConvertedContact', 'ro'),
            ConvertedOpportunityId: ref(['Opportunity'], 'ConvertedOpportunity', 'ro'),
            IsUnreadByOwner: bool()
        }
    },
    {
        name: 'Account',
        prefix: '001',
        plural: 'Accounts',
        sharingModel: 'ReadWrite',
        fields: {
            Name: req(255),
            Type: pick(['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other']),
            Industry: pick(INDUSTRIES),
            Website: { type: 'url', length: 255, access: 'rw' },
            Phone: { type: 'phone', length: 40, access: 'rw' },
            NumberOfEmployees: { type: 'int', access: 'rw' },
            AnnualRevenue: { type: 'currency', precision: 18, scale: 0, access: 'rw' },
            BillingCountry: s(80),
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            OwnerId: userOwner()
        }
    },
    {
        name: 'Contact',
        prefix: '003',
        plural: 'Contacts',
        sharingModel: 'ControlledByParent',
        fields: {
            Name: ro(),
            FirstName: s(40),
            LastName: req(80),
            Salutation: pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
            AccountId: ref(['Account'], 'Account'),
            Title: s(128),
            Email: { type: 'email', length: 80, access: 'rw' },
            Phone: { type: 'phone', length: 40, access: 'rw' },
            LeadSource: pick(LEAD_SOURCES),
            OwnerId: userOwner()
        }
    },
    {
        name: 'Opportunity',
        prefix: '006',
        plural: 'Opportunities',
        sharingModel: 'ReadWrite',
        fields: {
            Name: req(120),
            AccountId: ref(['Account'], 'Account'),
            ContactId: ref(['Contact'], 'Contact'),
            Amount: { type: 'currency', precision: 18, scale: 2, access: 'rw' },
            CloseDate: { type: 'date', access: 'req' },
            StageName: { ...pick(OPPORTUNITY_STAGES), access: 'req' },
            Probability: { type: 'percent', precision: 3, scale: 0, access: 'rw' },
            Type: pick(['Existing Business', 'New Business']),
            LeadSource: pick(LEAD_SOURCES),
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            IsClosed: ro('boolean'),
            IsWon: ro('boolean'),
            OwnerId: userOwner()
        }
    },
    {
        name: 'User',
        prefix: '005',
        plural: 'Users',
        sharingModel: 'Read',
        fields: {
            Username: req(80),
            Name: ro(),
            FirstName: s(40),
            LastName: req(80),
            Alias: req(8),
            Email: { type: 'email', length: 128, access: 'req' },
            CommunityNickname: s(40),
            Title: s(80),
            Department: s(80),
            CompanyName: s(80),
            ProfileId: ref(['Profile'], 'Profile', 'req'),
            UserRoleId: ref(['UserRole'], 'UserRole'),
            ManagerId: ref(['User'], 'Manager'),
            IsActive: bool('rw', true),
            TimeZoneSidKey: { type: 'picklist', access: 'req' },
            LocaleSidKey: { type: 'picklist', access: 'req' },
            EmailEncodingKey: { type: 'picklist', access: 'req' },
            LanguageLocaleKey: { type: 'picklist', access: 'req' },
            UserType: ro('picklist')
        }
    },
    {
        name: 'UserRole',
        prefix: '00E',
        plural: 'Roles',
        fields: { Name: req(80), DeveloperName: s(80), ParentRoleId: ref(['UserRole'], undefined) }
    },
    {
        name: 'Profile',
        prefix: '00e',
        plural: 'Profiles',
        createable: false,
        fields: {
            Name: ro(),
            Description: ro(),
            UserType: ro('picklist'),
            UserLicenseId: ref(['UserLicense'], 'UserLicense', 'ro'),
            PermissionsModifyAllData: ro('boolean'),
            PermissionsViewAllData: ro('boolean'),
            PermissionsApiEnabled: ro('boolean'),
            PermissionsConvertLeads: ro('boolean'),
            PermissionsCustomizeApplication: ro('boolean')
        }
    },
    {
        name: 'UserLicense',
        prefix: '100',
        plural: 'User Licenses',
        createable: false,
        fields: { Name: ro(), LicenseDefinitionKey: ro(), Status: ro() }
    },
    {
        name: 'Group',
        prefix: '00G',
        plural: 'Groups',
        fields: {
            Name: s(40),
            DeveloperName: s(80),
            Type: pick(['Regular', 'Queue', 'Role', 'RoleAndSubordinates', 'Organization'], 'c'),
            DoesIncludeBosses: bool(),
            DoesSendEmailToMembers: bool(),
            Email: { type: 'email', length: 255, access: 'rw' },
            RelatedId: ref(['User', 'UserRole'], 'Related', 'ro'),
            OwnerId: ref(['User', 'Organization'], 'Owner', 'ro')
        }
    },
    {
        name: 'GroupMember',
        prefix: '011',
        plural: 'Group Members',
        noSystemFields: true,
        fields: {
            GroupId: ref(['Group'], 'Group', 'c'),
            UserOrGroupId: ref(['User', 'Group'], undefined, 'c'),
            SystemModstamp: ro('datetime')
        }
    },
    {
        name: 'QueueSobject',
        prefix: '03g',
        plural: 'Queue Sobjects',
        noSystemFields: true,
        fields: {
            QueueId: ref(['Group'], 'Queue', 'c'),
            SobjectType: pick(['Lead', 'Case'], 'c'),
            CreatedById: ref(['User'], 'CreatedBy', 'ro'),
            SystemModstamp: ro('datetime')
        }
    },
    {
        name: 'PermissionSet',
        prefix: '0PS',
        plural: 'Permission Sets',
        fields: {
            Name: req(80),
            Label: req(80),
            Description: s(255),
            IsCustom: ro('boolean'),
            IsOwnedByProfile: ro('boolean'),
            ProfileId: ref(['Profile'], 'Profile', 'ro'),
            PermissionsModifyAllData: bool(),
            PermissionsViewAllData: bool(),
            PermissionsConvertLeads: bool()
        }
    },
    {
        name: 'PermissionSetAssignment',
        prefix: '0Pa',
        plural: 'Permission Set Assignments',
        noSystemFields: true,
        fields: {
            AssigneeId: ref(['User'], 'Assignee', 'c'),
            PermissionSetId: ref(['PermissionSet'], 'PermissionSet', 'c'),
            PermissionSetGroupId: ref(['PermissionSetGroup'], 'PermissionSetGroup', 'c'),
            IsActive: ro('boolean'),
            ExpirationDate: { type: 'datetime', access: 'rw' },
            SystemModstamp: ro('datetime')
        }
    },
    {
        name: 'BusinessHours',
        prefix: '01m',
        plural: 'Business Hours',
        fields: {
            Name: req(80),
            IsActive: bool(),
            IsDefault: bool(),
            TimeZoneSidKey: { type: 'picklist', access: 'req' },
            ...Object.fromEntries(
                DAYS.flatMap((day) => [
                    [`${day}StartTime`, time()],
                    [`${day}EndTime`, time()]
                ])
            )
        }
    },
    {
        name: 'Holiday',
        prefix: '0C0',
        plural: 'Holidays',
        fields: {
            Name: req(80),
            Description: s(100),
            ActivityDate: { type: 'date', access: 'rw' },
            IsAllDay: bool('rw', true),
            IsRecurrence: bool(),
            StartTimeInMinutes: { type: 'int', access: 'rw' },
            EndTimeInMinutes: { type: 'int', access: 'rw' }
        }
    },
    {
        name: 'LeadStatus',
        prefix: '01J',
        plural: 'Lead Status Values',
        createable: false,
        fields: {
            MasterLabel: ro(),
            ApiName: ro(),
            SortOrder: ro('int'),
            IsDefault: ro('boolean'),
            IsConverted: ro('boolean')
        }
    },
    {
        name: 'StaticResource',
        prefix: '081',
        plural: 'Static Resources',
        fields: {
            Name: req(255),
            NamespacePrefix: ro(),
            Body: { type: 'base64', access: 'rw' },
            BodyLength: ro('int'),
            ContentType: s(120),
            CacheControl: pick(['Private', 'Public']),
            Description: s(255)
        }
    },
    {
        name: 'CustomNotificationType',
        prefix: '0ML',
        plural: 'Custom Notification Types',
        createable: false,
        fields: { DeveloperName: ro(), MasterLabel: ro(), CustomNotifTypeName: ro(), Description: ro() }
    },
    {
        name: 'Organization',
        prefix: '00D',
        plural: 'Organizations',
        createable: false,
        fields: {
            Name: ro(),
            OrganizationType: ro(),
            IsSandbox: ro('boolean'),
            TimeZoneSidKey: ro('picklist'),
            DefaultLocaleSidKey: ro('picklist'),
            LanguageLocaleKey: ro('picklist')
        }
    },
    {
        // The polymorphic view of record owners (User and Group/Queue): queryable, never stored. It has no key
        // prefix of its own; '000' is one no record Id starts with.
        name: 'Name',
        prefix: '000',
        plural: 'Names',
        createable: false,
        noSystemFields: true,
        fields: {
            Name: ro(),
            Type: ro(),
            Alias: ro(),
            FirstName: ro(),
            LastName: ro(),
            Email: ro('email'),
            Username: ro(),
            IsActive: ro('boolean'),
            ProfileId: ref(['Profile'], 'Profile', 'ro'),
            UserRoleId: ref(['UserRole'], 'UserRole', 'ro'),
            Title: ro()
        }
    }
];

function fieldOf(name: string, spec: Spec): FieldDescribe {
    const access = spec.access ?? 'rw';
    const field: FieldDescribe = {
        name,
        label: name.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        type: spec.type,
        custom: false,
        required: access === 'req',
        createable: access !== 'ro',
        updateable: access === 'rw' || access === 'req'
    };
    if (spec.length !== undefined) field.length = spec.length;
    if (spec.precision !== undefined) field.precision = spec.precision;
    if (spec.scale !== undefined) field.scale = spec.scale;
    if (spec.refs) field.referenceTo = spec.refs;
    if (spec.rel) field.relationshipName = spec.rel;
    if (spec.type === 'boolean') field.defaultChecked = spec.defaultChecked ?? false;
    if (spec.values) {
        field.picklistValues = spec.values.map((value): PicklistEntry => ({
            value,
            label: value,
            active: true,
            defaultValue: value === spec.defaultValue
        }));
    }
    if (spec.defaultValue !== undefined) field.defaultValueFormula = `'${spec.defaultValue}'`;
    return field;
}

/** A fresh describe of every standard object local-org knows (callers may add the project's custom fields). */
export function standardObjects(): SObjectDescribe[] {
    return OBJECTS.map((spec) => {
        const specs = spec.noSystemFields ? { Id: ro('id'), ...spec.fields } : { ...systemFields(), ...spec.fields };
        const fields = new Map<string, FieldDescribe>();
        for (const [name, fieldSpec] of Object.entries(specs)) fields.set(name.toLowerCase(), fieldOf(name, fieldSpec));
        const createable = spec.createable ?? true;
        return {
            name: spec.name,
            label: spec.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
            labelPlural: spec.plural,
            kind: 'standard',
            keyPrefix: spec.prefix,
            fields,
            sharingModel: spec.sharingModel,
            validationRules: [],
            queryable: true,
            createable,
            updateable: createable,
            deletable: createable
        };
    });
}
