// loadProject: everything local-org reads from an SFDX project, from sfdx-project.json's package directories (all
// of them, in order) and the scratch definition (config/project-scratch-def.json) for org settings.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectError } from '../core/errors.ts';
import type {
    ApexSource,
    BusinessHoursDefinition,
    FlowSource,
    HolidayDefinition,
    ProjectMetadata,
    StaticResourceDefinition
} from '../core/metadata.ts';
import { Schema } from '../core/schema.ts';
import { loadCustomMetadata } from './custom-metadata.ts';
import { picklistEntries, type GlobalValueSets } from './fields.ts';
import { bySuffix, listFiles, type SourceFile } from './files.ts';
import { loadAccess } from './access.ts';
import { loadObjects } from './objects.ts';
import { list, readXml, text } from './xml.ts';

export interface NotificationTypeDefinition {
    name: string;
    label: string;
    file: string;
}

/** ProjectMetadata plus what this loader reads beyond it (optional for other producers of ProjectMetadata). */
export interface LoadedProject extends ProjectMetadata {
    notificationTypes: NotificationTypeDefinition[];
}

export function loadProject(root: string, scratchDefinition = 'config/project-scratch-def.json'): LoadedProject {
    const projectFile = join(root, 'sfdx-project.json');
    if (!existsSync(projectFile)) throw new ProjectError(`no sfdx-project.json in ${root}`);
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as { packageDirectories?: { path: string }[] };
    const packageDirectories = (project.packageDirectories ?? []).map((directory) => directory.path);
    const files = listFiles(root, packageDirectories);

    const valueSets: GlobalValueSets = new Map();
    for (const file of bySuffix(files, '.globalValueSet-meta.xml')) {
        const xml = readXml(file.path, 'GlobalValueSet', file.file);
        valueSets.set(file.name.toLowerCase(), picklistEntries(list(xml['customValue'])));
    }
    const schema = new Schema();
    loadObjects(files, valueSets, schema);

    const settingsPath = join(root, scratchDefinition);
    const scratch = existsSync(settingsPath)
        ? (JSON.parse(readFileSync(settingsPath, 'utf8')) as { settings?: Record<string, unknown> })
        : {};
    const orgSettings = scratch.settings ?? {};
    const { businessHours, holidays } = readBusinessHours(orgSettings);

    return {
        root,
        packageDirectories,
        schema,
        customMetadata: loadCustomMetadata(files, schema),
        ...loadAccess(files),
        labels: readLabels(files),
        staticResources: readStaticResources(files),
        apexClasses: readSources(bySuffix(files, '.cls')),
        apexTriggers: readSources(bySuffix(files, '.trigger')),
        flows: bySuffix(files, '.flow-meta.xml').map((file): FlowSource => ({
            name: file.name,
            file: file.file,
            xml: readFileSync(file.path, 'utf8')
        })),
        businessHours,
        holidays,
        orgSettings,
        notificationTypes: bySuffix(files, '.notiftype-meta.xml').map((file) => {
            const xml = readXml(file.path, 'CustomNotificationType', file.file);
            return { name: file.name, label: text(xml, 'masterLabel') ?? file.name, file: file.file };
        })
    };
}

function readSources(files: SourceFile[]): ApexSource[] {
    return files.map((file) => ({ name: file.name, file: file.file, text: readFileSync(file.path, 'utf8') }));
}

function readLabels(files: SourceFile[]): Map<string, string> {
    const labels = new Map<string, string>();
    for (const file of bySuffix(files, '.labels-meta.xml')) {
        for (const label of list(readXml(file.path, 'CustomLabels', file.file)['labels'])) {
            labels.set(text(label, 'fullName') ?? '', text(label, 'value') ?? '');
        }
    }
    return labels;
}

function readStaticResources(files: SourceFile[]): Map<string, StaticResourceDefinition> {
    const resources = new Map<string, StaticResourceDefinition>();
    for (const meta of bySuffix(files, '.resource-meta.xml')) {
        const xml = readXml(meta.path, 'StaticResource', meta.file);
        const directory = meta.file.substring(0, meta.file.lastIndexOf('/'));
        const content = files.find(
            (file) =>
                file.file.startsWith(directory + '/' + meta.name + '.') &&
                file.file.substring(directory.length + 1).split('/').length === 1 &&
                !file.name.endsWith('.resource-meta.xml')
        );
        if (!content) throw new ProjectError(`static resource ${meta.name} has no content file`, { file: meta.file });
        resources.set(meta.name, {
            name: meta.name,
            contentType: text(xml, 'contentType') ?? 'application/octet-stream',
            content: readFileSync(content.path),
            file: content.file
        });
    }
    return resources;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Scratch definition businessHoursSettings. Times such as "09:00:00.000Z" are local times of the hours' zone. */
function readBusinessHours(settings: Record<string, unknown>): {
    businessHours: BusinessHoursDefinition[];
    holidays: HolidayDefinition[];
} {
    const section = (settings['businessHoursSettings'] ?? {}) as {
        businessHours?: Record<string, unknown>[];
        holidays?: Record<string, unknown>[];
    };
    const time = (value: unknown): string | null => (typeof value === 'string' ? value.replace(/Z$/, '') : null);
    const businessHours = (section.businessHours ?? []).map((hours): BusinessHoursDefinition => {
        const days = {} as BusinessHoursDefinition['days'];
        for (const day of DAYS)
            days[day] = { start: time(hours[`${day}StartTime`]), end: time(hours[`${day}EndTime`]) };
        return {
            name: String(hours['name']),
            active: hours['active'] === true,
            isDefault: hours['default'] === true,
            timeZoneId: String(hours['timeZoneId'] ?? 'America/Los_Angeles'),
            days
        };
    });
    const holidays = (section.holidays ?? []).map((holiday): HolidayDefinition => ({
        name: String(holiday['name']),
        ...(typeof holiday['description'] === 'string' ? { description: holiday['description'] } : {}),
        activityDate: String(holiday['activityDate']),
        isRecurring: holiday['isRecurring'] === true,
        ...(typeof holiday['startTimeInMinutes'] === 'number'
            ? { startTimeInMinutes: holiday['startTimeInMinutes'] }
            : {}),
        ...(typeof holiday['endTimeInMinutes'] === 'number' ? { endTimeInMinutes: holiday['endTimeInMinutes'] } : {}),
        businessHours: ((holiday['businessHours'] as string[] | undefined) ?? []).map(String)
    }));
    return { businessHours, holidays };
}
