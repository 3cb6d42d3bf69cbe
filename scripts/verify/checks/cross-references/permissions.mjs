// Permission sets: what they grant exists, user permissions come with those they depend on, and every custom field
// that can have field permissions is granted by at least one permission set.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classIndex } from '../../lib/apex-classes.mjs';
import { missingDependencies } from '../../lib/permission-dependencies.mjs';
import { readMetadataXml } from '../../lib/project.mjs';
import { objectOf, unknownObjectMessage } from '../../lib/schema.mjs';
import { asArray, createLocator, referenceProblem, textOf } from './common.mjs';
import { globalProblem } from './formulas.mjs';

export function checkPermissionSets(schema, classes, files, report) {
    const granted = new Set();
    const scratchDefinition = readScratchDefinition(report.root);
    const index = classIndex(classes);
    for (const file of files.filter((path) => path.endsWith('.permissionset-meta.xml'))) {
        const locate = createLocator(readFileSync(file, 'utf8'));
        const permissionSet = readMetadataXml(file).PermissionSet ?? {};
        const problem = (tag, value, message) =>
            report.add(file, locate(`<${tag}>${value}</${tag}>`), `Permission set ${tag} ${value}: ${message}`);
        for (const permission of asArray(permissionSet.fieldPermissions)) {
            const field = textOf(permission.field);
            if (!field) continue;
            const [object, ...path] = field.split('.');
            const message = referenceProblem(schema, object, path) ?? fieldPermissionsNotAllowed(schema, object, path);
            if (message) problem('field', field, message);
            if (textOf(permission.readable) === 'true' || textOf(permission.editable) === 'true') {
                granted.add(field.toLowerCase());
            }
        }
        for (const permission of asArray(permissionSet.objectPermissions)) {
            const object = textOf(permission.object);
            const message = object && unknownObjectMessage(schema, object);
            if (message) problem('object', object, message);
        }
        for (const access of asArray(permissionSet.classAccesses)) {
            const name = textOf(access.apexClass);
            if (name && !index.has(name.toLowerCase())) {
                problem('apexClass', name, `no classes/${name}.cls exists. Fix the class name or remove the entry.`);
            }
        }
        for (const access of asArray(permissionSet.customPermissions)) {
            const name = textOf(access.name);
            const message = name && globalProblem(schema, `$Permission.${name}`);
            if (message) problem('name', name, message);
        }
        for (const access of asArray(permissionSet.customMetadataTypeAccesses)) {
            const name = textOf(access.name);
            const message = name && unknownObjectMessage(schema, name);
            if (message) problem('name', name, message);
        }
        for (const setting of asArray(permissionSet.tabSettings)) {
            const tab = textOf(setting.tab);
            if (!tab || tab.startsWith('standard-') || schema.tabs.has(tab.toLowerCase())) continue;
            problem('tab', tab, `no tabs/${tab}.tab-meta.xml exists. Fix the tab name or add the tab.`);
        }
        for (const visibility of asArray(permissionSet.applicationVisibilities)) {
            const app = textOf(visibility.application);
            if (!app || app.includes('__') || schema.applications.has(app.toLowerCase())) continue;
            problem('application', app, `no applications/${app}.app-meta.xml exists. Fix the app name or add the app.`);
        }
        for (const { permission, message } of missingDependencies(grantedAccess(permissionSet), scratchDefinition)) {
            report.add(file, locate(`<name>${permission}</name>`), `Permission set userPermissions ${message}`);
        }
    }
    return granted;
}

/** The user permissions and object access flags a permission set turns on. */
function grantedAccess(permissionSet) {
    const enabled = (entry) => textOf(entry.enabled) === 'true';
    const userPermissions = new Set(
        asArray(permissionSet.userPermissions)
            .filter(enabled)
            .map((entry) => textOf(entry.name))
    );
    const objectPermissions = new Map();
    for (const entry of asArray(permissionSet.objectPermissions)) {
        const flags = Object.keys(entry).filter((key) => key !== 'object' && textOf(entry[key]) === 'true');
        objectPermissions.set(textOf(entry.object), new Set(flags));
    }
    return { userPermissions, objectPermissions };
}

function readScratchDefinition(root) {
    const file = join(root, 'config/project-scratch-def.json');
    if (!existsSync(file)) return undefined;
    try {
        return JSON.parse(readFileSync(file, 'utf8'));
    } catch {
        return undefined; // metadata-structure reports a broken scratch definition
    }
}

function fieldPermissionsNotAllowed(schema, object, path) {
    const field = path.length === 1 ? objectOf(schema, object)?.fields.get(path[0].toLowerCase()) : undefined;
    if (!field || (!field.required && field.type !== 'MasterDetail')) return undefined;
    return (
        'Salesforce rejects field permissions on required and master-detail fields (the deploy fails). ' +
        'Remove this <fieldPermissions> entry.'
    );
}

/** Salesforce accepts no field permissions on required or master-detail fields, Name fields, CMDT and event fields. */
function canHaveFieldPermissions(object, field) {
    return (
        !field.required &&
        field.type !== 'MasterDetail' &&
        field.name.toLowerCase() !== 'name' &&
        !/__(mdt|e)$/i.test(object.name)
    );
}

export function checkFieldPermissionCoverage(schema, granted, report) {
    for (const object of schema.objects.values()) {
        for (const field of object.fields.values()) {
            if (!canHaveFieldPermissions(object, field)) continue;
            if (granted.has(`${object.name}.${field.name}`.toLowerCase())) continue;
            report.add(
                field.file,
                undefined,
                `field ${object.name}.${field.name} has no field permissions in any permission set, so no user can see ` +
                    `it. Add <fieldPermissions> for ${object.name}.${field.name} to the persona permission sets that need it.`
            );
        }
    }
}
