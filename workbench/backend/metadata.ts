// Reads the project's metadata source files, so the workbench runs on the same policy, queues, permission sets,
// validation rules and business hours that deploy: nothing here is a copy of them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type FieldValue = string | number | boolean | null;

/** One Custom Metadata record: `<Type>.<DeveloperName>.md-meta.xml`. */
export interface MetadataRecord {
    type: string;
    developerName: string;
    label: string;
    values: Record<string, FieldValue>;
}

export interface QueueDefinition {
    developerName: string;
    name: string;
    memberGroups: string[];
    sobjectTypes: string[];
}

export interface GroupDefinition {
    developerName: string;
    name: string;
}

export interface PermissionSetDefinition {
    name: string;
    customPermissions: string[];
    /** `Object.Field` → access */
    fields: Record<string, { readable: boolean; editable: boolean }>;
}

export interface ValidationRuleDefinition {
    name: string;
    active: boolean;
    errorMessage: string;
    errorDisplayField: string | null;
}

export interface BusinessHoursDefinition {
    name: string;
    active: boolean;
    isDefault: boolean;
    timeZone: string;
    /** index 0 = Sunday; minutes after local midnight, or null when closed */
    week: ({ start: number; end: number } | null)[];
    holidays: { date: string; recurring: boolean }[];
}

export interface ProjectMetadata {
    customMetadata: MetadataRecord[];
    queues: QueueDefinition[];
    groups: GroupDefinition[];
    permissionSets: PermissionSetDefinition[];
    leadValidationRules: ValidationRuleDefinition[];
    /** Lead custom field API name → field type (e.g. Checkbox) */
    leadFieldTypes: Record<string, string>;
    /** Lead custom picklist API name → value → label */
    leadPicklistLabels: Record<string, Record<string, string>>;
    businessHours: BusinessHoursDefinition[];
}

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => ['values', 'fieldPermissions', 'customPermissions', 'publicGroup', 'queueSobject'].includes(name)
});

function parseXml(path: string): Record<string, unknown> {
    return parser.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function filesUnder(dir: string): string[] {
    const found: string[] = [];
    for (const name of readdirSync(dir)) {
        if (name.startsWith('.') || name === 'node_modules' || name === 'lwc') continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) found.push(...filesUnder(path));
        else found.push(path);
    }
    return found;
}

/** The app's source folder: the default package directory (the test-only one deploys nothing the app reads). */
function appSourceDir(root: string): string {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
        packageDirectories: { path: string; default?: boolean }[];
    };
    const app = project.packageDirectories.find((dir) => dir.default) ?? project.packageDirectories[0];
    return join(root, app.path);
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const bool = (value: unknown): boolean => text(value) === 'true';

function typedValue(value: unknown): FieldValue {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'object') return String(value);
    const node = value as Record<string, unknown>;
    if (node['@_xsi:nil'] === 'true') return null;
    const raw = text(node['#text']);
    switch (node['@_xsi:type']) {
        case 'xsd:double':
        case 'xsd:int':
            return raw === '' ? null : Number(raw);
        case 'xsd:boolean':
            return raw === 'true';
        default:
            return raw === '' ? null : raw;
    }
}

function customMetadataRecord(path: string): MetadataRecord {
    const [type, developerName] = basename(path, '.md-meta.xml').split('.');
    const root = parseXml(path).CustomMetadata as Record<string, unknown>;
    const values: Record<string, FieldValue> = {};
    for (const entry of (root.values as Record<string, unknown>[] | undefined) ?? []) {
        values[text(entry.field)] = typedValue(entry.value);
    }
    return { type, developerName, label: text(root.label) || developerName, values };
}

function queueDefinition(path: string): QueueDefinition {
    const queue = parseXml(path).Queue as Record<string, unknown>;
    const members = (queue.queueMembers ?? {}) as Record<string, unknown>;
    const publicGroups = (members.publicGroups ?? {}) as Record<string, unknown>;
    return {
        developerName: basename(path, '.queue-meta.xml'),
        name: text(queue.name),
        memberGroups: ((publicGroups.publicGroup as unknown[] | undefined) ?? []).map(text),
        sobjectTypes: ((queue.queueSobject as Record<string, unknown>[] | undefined) ?? []).map((entry) =>
            text(entry.sobjectType)
        )
    };
}

function permissionSetDefinition(path: string): PermissionSetDefinition {
    const permissionSet = parseXml(path).PermissionSet as Record<string, unknown>;
    const fields: PermissionSetDefinition['fields'] = {};
    for (const entry of (permissionSet.fieldPermissions as Record<string, unknown>[] | undefined) ?? []) {
        fields[text(entry.field)] = { readable: bool(entry.readable), editable: bool(entry.editable) };
    }
    return {
        name: basename(path, '.permissionset-meta.xml'),
        customPermissions: ((permissionSet.customPermissions as Record<string, unknown>[] | undefined) ?? [])
            .filter((entry) => bool(entry.enabled))
            .map((entry) => text(entry.name)),
        fields
    };
}

function validationRule(path: string): ValidationRuleDefinition {
    const rule = parseXml(path).ValidationRule as Record<string, unknown>;
    return {
        name: text(rule.fullName) || basename(path, '.validationRule-meta.xml'),
        active: bool(rule.active),
        errorMessage: text(rule.errorMessage),
        errorDisplayField: text(rule.errorDisplayField) || null
    };
}

/** "09:00:00.000Z" → 540. Business hours times are wall-clock times in the record's time zone despite the Z. */
function minutesOfDay(value: unknown): number | null {
    const match = /^(\d{2}):(\d{2})/.exec(text(value));
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function businessHoursFromScratchDefinition(root: string): BusinessHoursDefinition[] {
    const definition = JSON.parse(readFileSync(join(root, 'config', 'project-scratch-def.json'), 'utf8')) as {
        settings?: { businessHoursSettings?: { businessHours?: unknown[]; holidays?: unknown[] } };
    };
    const settings = definition.settings?.businessHoursSettings ?? {};
    const holidays = (settings.holidays ?? []) as Record<string, unknown>[];
    return ((settings.businessHours ?? []) as Record<string, unknown>[]).map((hours) => ({
        name: text(hours.name),
        active: hours.active !== false,
        isDefault: hours.default === true,
        timeZone: text(hours.timeZoneId) || 'America/New_York',
        week: WEEKDAYS.map((day) => {
            const start = minutesOfDay(hours[`${day}StartTime`]);
            const end = minutesOfDay(hours[`${day}EndTime`]);
            return start === null || end === null ? null : { start, end: end === 0 ? 24 * 60 : end };
        }),
        holidays: holidays
            .filter((holiday) => ((holiday.businessHours as unknown[]) ?? []).map(text).includes(text(hours.name)))
            .map((holiday) => ({ date: text(holiday.activityDate), recurring: holiday.isRecurring === true }))
    }));
}

export function loadProjectMetadata(root: string): ProjectMetadata {
    const files = filesUnder(appSourceDir(root));
    const matching = (pattern: RegExp) => files.filter((path) => pattern.test(path.split('\\').join('/')));
    const leadFieldTypes: Record<string, string> = {};
    const leadPicklistLabels: Record<string, Record<string, string>> = {};
    for (const path of matching(/\/objects\/Lead\/fields\/[^/]+\.field-meta\.xml$/)) {
        const field = parseXml(path).CustomField as Record<string, unknown>;
        const name = text(field.fullName) || basename(path, '.field-meta.xml');
        leadFieldTypes[name] = text(field.type);
        const definition = ((field.valueSet ?? {}) as Record<string, unknown>).valueSetDefinition as
            Record<string, unknown> | undefined;
        const values = (definition?.value as Record<string, unknown>[] | undefined) ?? [];
        leadPicklistLabels[name] = Object.fromEntries(
            values.map((value) => [text(value.fullName), text(value.label) || text(value.fullName)])
        );
    }
    return {
        customMetadata: matching(/\/customMetadata\/[^/]+\.md-meta\.xml$/).map(customMetadataRecord),
        queues: matching(/\/queues\/[^/]+\.queue-meta\.xml$/).map(queueDefinition),
        groups: matching(/\/groups\/[^/]+\.group-meta\.xml$/).map((path) => ({
            developerName: basename(path, '.group-meta.xml'),
            name: text((parseXml(path).Group as Record<string, unknown>).name)
        })),
        permissionSets: matching(/\/permissionsets\/[^/]+\.permissionset-meta\.xml$/).map(permissionSetDefinition),
        leadValidationRules: matching(/\/objects\/Lead\/validationRules\/[^/]+\.validationRule-meta\.xml$/).map(
            validationRule
        ),
        leadFieldTypes,
        leadPicklistLabels,
        businessHours: businessHoursFromScratchDefinition(root)
    };
}
