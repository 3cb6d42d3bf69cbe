// Everything local-org reads from an SFDX project, as plain data. src/project/ builds it from the package
// directories of sfdx-project.json (and the scratch definition for org settings such as business hours).
import type { Schema } from './schema.ts';
import type { SObject } from './sobject.ts';

export interface ObjectPermission {
    object: string;
    read: boolean;
    create: boolean;
    edit: boolean;
    delete: boolean;
    viewAll: boolean;
    modifyAll: boolean;
}

export interface FieldPermission {
    /** 'Account.Rating__c' */
    field: string;
    readable: boolean;
    editable: boolean;
}

export interface PermissionSetDefinition {
    name: string;
    label: string;
    objectPermissions: ObjectPermission[];
    fieldPermissions: FieldPermission[];
    /** Enabled user permissions ('ConvertLeads', 'ViewSetup'). */
    userPermissions: string[];
    /** Enabled custom permissions. */
    customPermissions: string[];
    /** Apex classes the set grants access to. */
    classAccesses: string[];
    file: string;
}

export interface QueueDefinition {
    /** DeveloperName */
    name: string;
    label: string;
    /** Objects the queue can own ('Lead'). */
    sobjectTypes: string[];
    /** Public groups (DeveloperName) and users (username) that are members. */
    memberGroups: string[];
    memberUsers: string[];
    memberRoles: string[];
    file: string;
}

export interface GroupDefinition {
    name: string;
    label: string;
    doesIncludeBosses: boolean;
    file: string;
}

export interface BusinessHoursDefinition {
    name: string;
    active: boolean;
    isDefault: boolean;
    /** IANA zone ('America/New_York'). */
    timeZoneId: string;
    /** Per weekday (monday … sunday): start and end as 'HH:mm:ss.SSS' local time; both null when closed. */
    days: Record<
        'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday',
        { start: string | null; end: string | null }
    >;
}

export interface HolidayDefinition {
    name: string;
    description?: string;
    /** 'YYYY-MM-DD' */
    activityDate: string;
    isRecurring: boolean;
    /** An all-day holiday unless start/end times are given (minutes after midnight). */
    startTimeInMinutes?: number;
    endTimeInMinutes?: number;
    businessHours: string[];
}

export interface ApexSource {
    /** Class name as the file is named ('InvoiceService'). */
    name: string;
    /** Relative to the project root. */
    file: string;
    text: string;
}

export interface FlowSource {
    /** API name ('Invoice_Approve'). */
    name: string;
    file: string;
    xml: string;
}

export interface StaticResourceDefinition {
    name: string;
    contentType: string;
    content: Buffer;
    file: string;
}

export interface ProjectMetadata {
    /** The project root (where sfdx-project.json is). */
    root: string;
    /** Package directories, relative to the root, in sfdx-project.json order. */
    packageDirectories: string[];
    schema: Schema;
    /** Custom metadata records by type API name (lower-case key), each an SObject of that type. */
    customMetadata: Map<string, SObject[]>;
    permissionSets: Map<string, PermissionSetDefinition>;
    /** Custom permission API names. */
    customPermissions: Set<string>;
    queues: Map<string, QueueDefinition>;
    groups: Map<string, GroupDefinition>;
    /** Custom labels: name → value (default language). */
    labels: Map<string, string>;
    staticResources: Map<string, StaticResourceDefinition>;
    apexClasses: ApexSource[];
    apexTriggers: ApexSource[];
    flows: FlowSource[];
    businessHours: BusinessHoursDefinition[];
    holidays: HolidayDefinition[];
    /** Scratch definition settings (raw JSON) for anything else an emulated feature reads. */
    orgSettings: Record<string, unknown>;
}
