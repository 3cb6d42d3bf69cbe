// The project's data model as metadata declares it: objects/<Object>/ folders in every package directory (custom
// objects, custom metadata types, platform events, custom fields on standard objects), custom permissions and
// custom metadata records. Names compare case-insensitively, as Salesforce does.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { packageDirectories, projectFiles, projectPath, readMetadataXml } from './project.mjs';

/** API names that must be declared in the project: custom objects, fields, relationships, CMDT, events. */
export function isCustomName(name) {
    return /__(c|r|mdt|e|x|b)$/i.test(name);
}

// Standard lookups worth following from standard objects; unknown ones end the path check (nothing custom to prove).
const STANDARD_RELATIONSHIPS = {
    owner: 'User',
    createdby: 'User',
    lastmodifiedby: 'User',
    account: 'Account',
    contact: 'Contact',
    opportunity: 'Opportunity',
    convertedaccount: 'Account',
    convertedcontact: 'Contact',
    convertedopportunity: 'Opportunity',
    campaign: 'Campaign',
    manager: 'User'
};

// Standard objects code may name in strings ('Lead.Fit_Score__c') even when the project adds no field to them.
export const STANDARD_OBJECTS = new Set(
    [
        'Account',
        'Campaign',
        'CampaignMember',
        'Case',
        'Contact',
        'Event',
        'Group',
        'Lead',
        'Opportunity',
        'Task',
        'User',
        'UserRole',
        'Profile',
        'BusinessHours',
        'RecordType'
    ].map((name) => name.toLowerCase())
);

const first = (value) => (Array.isArray(value) ? value[0] : value);
const text = (value) => {
    const item = first(value);
    if (item === undefined || item === null) return undefined;
    return typeof item === 'object' ? item['#text'] : String(item);
};

function readField(file, root) {
    const field = readMetadataXml(file).CustomField ?? {};
    const name = basename(file).replace(/\.field-meta\.xml$/, '');
    return {
        name,
        file: projectPath(root, file),
        type: text(field.type),
        required: text(field.required) === 'true',
        referenceTo: (field.referenceTo ?? []).map(String),
        relationshipName: text(field.relationshipName),
        formula: text(field.formula)
    };
}

function emptyObject(name) {
    return { name, file: undefined, declared: false, fields: new Map(), relationships: new Map(), children: new Map() };
}

/**
 * Reads every objects/<Object>/ folder. Returns
 * { objects: Map<lower name, { name, file, declared, fields: Map<lower, field>, relationships: Map<lower X__r (lookup X__c), field>,
 *   children: Map<lower X__r (child relationship name), { object, field }> }>, customPermissions: Map<lower, name>,
 *   customMetadataRecords: Map<lower type, Map<lower record, file>>, lwcBundles: Map<lower, name>, tabs: Set<lower>,
 *   applications: Set<lower>, reportTypes: Map<lower, file>, reports: Map<lower "Folder/Name", file> }.
 * A field is { name, file, type, required, referenceTo[], relationshipName, formula }.
 */
export function readSchema(root) {
    const objects = new Map();
    const objectFor = (name) => {
        const key = name.toLowerCase();
        if (!objects.has(key)) objects.set(key, emptyObject(name));
        return objects.get(key);
    };
    const files = projectFiles(root);
    for (const file of files) {
        const parent = basename(dirname(file));
        if (file.endsWith('.object-meta.xml') && basename(dirname(dirname(file))) === 'objects') {
            const object = objectFor(parent);
            object.declared = true;
            object.file = projectPath(root, file);
        } else if (file.endsWith('.field-meta.xml') && parent === 'fields') {
            const objectName = basename(dirname(dirname(file)));
            const object = objectFor(objectName);
            const field = readField(file, root);
            object.fields.set(field.name.toLowerCase(), field);
        }
    }
    for (const object of objects.values()) {
        for (const field of object.fields.values()) {
            if (!field.referenceTo.length) continue;
            // Child to parent: Accepted_By__c is traversed as Accepted_By__r; parent to child: <relationshipName>__r.
            object.relationships.set(field.name.toLowerCase().replace(/__c$/, '__r'), field);
            if (!field.relationshipName) continue;
            const children = `${field.relationshipName}__r`.toLowerCase();
            for (const target of field.referenceTo) {
                objectFor(target).children.set(children, { object: object.name, field });
            }
        }
    }

    const namesOf = (suffix, folder) =>
        files
            .filter((file) => file.endsWith(suffix) && (!folder || basename(dirname(file)) === folder))
            .map((file) => basename(file).slice(0, -suffix.length));
    const filesByName = (suffix) =>
        new Map(
            files
                .filter((file) => file.endsWith(suffix))
                .map((file) => [basename(file).slice(0, -suffix.length).toLowerCase(), file])
        );
    const customPermissions = new Map(namesOf('.customPermission-meta.xml').map((name) => [name.toLowerCase(), name]));
    const customMetadataRecords = new Map();
    for (const file of files.filter((path) => path.endsWith('.md-meta.xml'))) {
        const [type, record] = basename(file)
            .replace(/\.md-meta\.xml$/, '')
            .split('.');
        const key = `${type}__mdt`.toLowerCase();
        if (!customMetadataRecords.has(key)) customMetadataRecords.set(key, new Map());
        customMetadataRecords.get(key).set(record.toLowerCase(), file);
    }
    const lwcBundles = new Map(
        files
            .filter(
                (file) => /\.(js-meta\.xml|cmp)$/.test(file) && /^(lwc|aura)$/.test(basename(dirname(dirname(file))))
            )
            .map((file) => [basename(dirname(file)).toLowerCase(), basename(dirname(file))])
    );
    const reportsRoots = packageDirectories(root).flatMap((dir) => findFolders(dir, 'reports'));
    const reports = new Map(
        files
            .filter((file) => file.endsWith('.report-meta.xml'))
            .map((file) => {
                const reportsRoot = reportsRoots.find((folder) => file.startsWith(folder + '/'));
                const relativeName = reportsRoot ? file.slice(reportsRoot.length + 1) : basename(file);
                return [relativeName.replace(/\.report-meta\.xml$/, '').toLowerCase(), file];
            })
    );
    return {
        objects,
        customPermissions,
        customMetadataRecords,
        lwcBundles,
        tabs: new Set(namesOf('.tab-meta.xml').map((name) => name.toLowerCase())),
        applications: new Set(namesOf('.app-meta.xml').map((name) => name.toLowerCase())),
        reportTypes: filesByName('.reportType-meta.xml'),
        reports
    };
}

function findFolders(dir, name, found = []) {
    if (!existsSync(dir)) return found;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory() || entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.name === name) found.push(path);
        else findFolders(path, name, found);
    }
    return found;
}

/** The object model of `name`, or undefined when the project declares nothing for it. */
export function objectOf(schema, name) {
    return name ? schema.objects.get(name.toLowerCase()) : undefined;
}

/** The declared name of an object (its folder name), or the name as given. */
export function objectName(schema, name) {
    return objectOf(schema, name)?.name ?? name;
}

/** True when `name` is an object the project declares or a standard object; custom names must be declared. */
export function objectExists(schema, name) {
    const object = objectOf(schema, name);
    if (isCustomName(name)) return Boolean(object?.declared);
    return true;
}

/** Closest names to a misspelt one, for "did you mean" hints. */
export function closest(name, candidates) {
    const target = name.toLowerCase();
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(target, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return bestDistance <= Math.max(2, Math.floor(target.length / 4)) ? best : undefined;
}

function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
            );
        }
        previous = current;
    }
    return previous[b.length];
}

const hint = (name, candidates) => {
    const suggestion = closest(name, candidates);
    return suggestion ? ` (did you mean ${suggestion}?)` : '';
};

/** Message for a custom object that no objects/ folder declares, or undefined when it exists. */
export function unknownObjectMessage(schema, name) {
    if (objectExists(schema, name)) return undefined;
    const declared = [...schema.objects.values()].filter((object) => object.declared).map((object) => object.name);
    return (
        `unknown object ${name}${hint(name, declared)}: no objects/${name}/${name}.object-meta.xml in any package ` +
        'directory. Fix the API name (see docs/data-model.md) or add the object.'
    );
}

function unknownFieldMessage(schema, object, field) {
    const candidates = [...(objectOf(schema, object)?.fields.values() ?? [])].map((item) => item.name);
    return (
        `unknown field ${objectName(schema, object)}.${field}${hint(field, candidates)}: no ` +
        `objects/${objectName(schema, object)}/fields/${field}.field-meta.xml in any package directory. ` +
        'Fix the API name (see docs/data-model.md) or add the field.'
    );
}

function unknownRelationshipMessage(schema, object, relationship) {
    const candidates = [...(objectOf(schema, object)?.relationships.values() ?? [])].map((field) =>
        field.name.replace(/__c$/i, '__r')
    );
    const field = relationship.replace(/__r$/i, '__c');
    return (
        `unknown relationship ${objectName(schema, object)}.${relationship}${hint(relationship, candidates)}: no ` +
        `lookup field ${field} in objects/${objectName(schema, object)}/fields/. ` +
        'Fix the name or add the lookup field.'
    );
}

/**
 * Checks a field path such as `Fit_Score__c`, `Accepted_By__r.Name` or `Owner:User.Name` from `object`.
 * Returns a message for the first custom name that does not resolve, else undefined. Standard names are assumed
 * to exist; a path that leaves the known model (a standard lookup to an unknown target) is not checked further.
 */
export function fieldPathProblem(schema, object, path) {
    const segments = Array.isArray(path) ? path : path.split('.');
    let current = object;
    for (const [index, rawSegment] of segments.entries()) {
        if (!current) return undefined;
        const [segment, polymorphicType] = rawSegment.split(':');
        const lower = segment.toLowerCase();
        const model = objectOf(schema, current);
        const last = index === segments.length - 1;
        if (!last || lower.endsWith('__r')) {
            if (lower.endsWith('__r')) {
                const lookup = model?.relationships.get(lower);
                if (!lookup) return unknownRelationshipMessage(schema, current, segment);
                current = polymorphicType ?? (lookup.referenceTo.length === 1 ? lookup.referenceTo[0] : undefined);
            } else if (lower.endsWith('__c')) {
                // Report types and reports walk lookups by field name: Accepted_By__c.Name.
                const lookup = model?.fields.get(lower);
                if (!lookup) return unknownFieldMessage(schema, current, segment);
                current = polymorphicType ?? (lookup.referenceTo.length === 1 ? lookup.referenceTo[0] : undefined);
            } else {
                current = polymorphicType ?? STANDARD_RELATIONSHIPS[lower];
            }
            if (current && isCustomName(current) && !objectExists(schema, current)) {
                return unknownObjectMessage(schema, current);
            }
            continue;
        }
        if (lower.endsWith('__c') && !model?.fields.has(lower)) return unknownFieldMessage(schema, current, segment);
    }
    return undefined;
}

/** The object a field path ends on (for `Accepted_By__r` → User), or undefined when unknown. */
export function objectAtPath(schema, object, path) {
    let current = object;
    for (const segment of path) {
        if (!current) return undefined;
        const lower = segment.split(':')[0].toLowerCase();
        const polymorphicType = segment.split(':')[1];
        if (polymorphicType) {
            current = polymorphicType;
        } else if (lower.endsWith('__r')) {
            const lookup = objectOf(schema, current)?.relationships.get(lower);
            current = lookup?.referenceTo.length === 1 ? lookup.referenceTo[0] : undefined;
        } else {
            current = STANDARD_RELATIONSHIPS[lower];
        }
    }
    return current;
}

/**
 * The object a child relationship (`Stage_Events__r` of Lead) lists, or undefined. Returns null for a custom
 * child relationship name that no lookup declares.
 */
export function childObject(schema, parent, relationship) {
    const child = objectOf(schema, parent)?.children.get(relationship.toLowerCase());
    if (child) return child.object;
    return relationship.toLowerCase().endsWith('__r') ? null : undefined;
}

/** Message when a custom child relationship does not resolve. */
export function unknownChildRelationshipMessage(schema, parent, relationship) {
    const candidates = [...(objectOf(schema, parent)?.children.keys() ?? [])];
    return (
        `unknown child relationship ${objectName(schema, parent)}.${relationship}${hint(relationship, candidates)}: ` +
        `no lookup to ${objectName(schema, parent)} has relationshipName ${relationship.replace(/__r$/i, '')}. ` +
        'Fix the name or add the lookup field with that relationship name.'
    );
}
