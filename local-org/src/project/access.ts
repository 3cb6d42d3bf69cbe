// Permission sets, custom permissions, public groups and queues from the project's metadata.
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_queue.htm
import type { GroupDefinition, PermissionSetDefinition, QueueDefinition } from '../core/metadata.ts';
import { bySuffix, type SourceFile } from './files.ts';
import { bool, list, readXml, text, type XmlNode } from './xml.ts';

const enabledNames = (entries: XmlNode[], key: string): string[] =>
    entries.filter((entry) => bool(entry, 'enabled')).map((entry) => text(entry, key) ?? '');

export function loadAccess(files: SourceFile[]): {
    permissionSets: Map<string, PermissionSetDefinition>;
    customPermissions: Set<string>;
    queues: Map<string, QueueDefinition>;
    groups: Map<string, GroupDefinition>;
} {
    const permissionSets = new Map<string, PermissionSetDefinition>();
    for (const file of bySuffix(files, '.permissionset-meta.xml')) {
        const xml = readXml(file.path, 'PermissionSet', file.file);
        permissionSets.set(file.name, {
            name: file.name,
            label: text(xml, 'label') ?? file.name,
            objectPermissions: list(xml['objectPermissions']).map((entry) => ({
                object: text(entry, 'object') ?? '',
                read: bool(entry, 'allowRead'),
                create: bool(entry, 'allowCreate'),
                edit: bool(entry, 'allowEdit'),
                delete: bool(entry, 'allowDelete'),
                viewAll: bool(entry, 'viewAllRecords'),
                modifyAll: bool(entry, 'modifyAllRecords')
            })),
            fieldPermissions: list(xml['fieldPermissions']).map((entry) => ({
                field: text(entry, 'field') ?? '',
                readable: bool(entry, 'readable'),
                editable: bool(entry, 'editable')
            })),
            userPermissions: enabledNames(list(xml['userPermissions']), 'name'),
            customPermissions: enabledNames(list(xml['customPermissions']), 'name'),
            classAccesses: enabledNames(list(xml['classAccesses']), 'apexClass'),
            file: file.file
        });
    }
    const customPermissions = new Set(bySuffix(files, '.customPermission-meta.xml').map((file) => file.name));
    const groups = new Map<string, GroupDefinition>();
    for (const file of bySuffix(files, '.group-meta.xml')) {
        const xml = readXml(file.path, 'Group', file.file);
        groups.set(file.name, {
            name: file.name,
            label: text(xml, 'name') ?? file.name,
            doesIncludeBosses: bool(xml, 'doesIncludeBosses'),
            file: file.file
        });
    }
    const queues = new Map<string, QueueDefinition>();
    for (const file of bySuffix(files, '.queue-meta.xml')) {
        const xml = readXml(file.path, 'Queue', file.file);
        const members = (xml['queueMembers'] ?? {}) as XmlNode;
        const memberList = (plural: string, singular: string): string[] =>
            list(members[plural]).flatMap((entry) =>
                list(entry[singular]).map((value) => (typeof value === 'object' ? '' : String(value)))
            );
        queues.set(file.name, {
            name: file.name,
            label: text(xml, 'name') ?? file.name,
            sobjectTypes: list(xml['queueSobject']).map((entry) => text(entry, 'sobjectType') ?? ''),
            memberGroups: memberList('publicGroups', 'publicGroup'),
            memberUsers: memberList('users', 'user'),
            memberRoles: memberList('roles', 'role'),
            file: file.file
        });
    }
    return { permissionSets, customPermissions, queues, groups };
}
