// UI metadata: layouts, FlexiPages and list views name objects, fields, related lists and components that exist.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { readMetadataXml } from '../../lib/project.mjs';
import {
    closest,
    isCustomName,
    objectOf,
    unknownChildRelationshipMessage,
    unknownObjectMessage
} from '../../lib/schema.mjs';
import { MERGE_FIELD, asArray, createLocator, referenceProblem, textOf, valuesAt } from './common.mjs';

export function checkLayouts(schema, files, report) {
    for (const file of files.filter((path) => path.endsWith('.layout-meta.xml'))) {
        const object = basename(file).split('-')[0];
        const text = readFileSync(file, 'utf8');
        const locate = createLocator(text);
        const layout = readMetadataXml(file).Layout ?? {};
        const objectMessage = unknownObjectMessage(schema, object);
        if (objectMessage) report.add(file, 1, `Layout for ${objectMessage}`);
        for (const { value } of valuesAt(layout.layoutSections, new Set(['field']))) {
            const message = referenceProblem(schema, object, value.split('.'));
            if (message) report.add(file, locate(`<field>${value}</field>`), `Layout field: ${message}`);
        }
        for (const relatedList of asArray(layout.relatedLists)) {
            const name = textOf(relatedList.relatedList);
            if (
                name &&
                !name.includes('.') &&
                isCustomName(name) &&
                !objectOf(schema, object)?.children.has(name.toLowerCase())
            ) {
                const message = unknownChildRelationshipMessage(schema, object, name);
                report.add(file, locate(`<relatedList>${name}</relatedList>`), `Related list: ${message}`);
            }
            if (!name?.includes('.')) continue;
            const [child, lookup] = name.split('.');
            const message = referenceProblem(schema, child, [lookup]);
            if (message) report.add(file, locate(`<relatedList>${name}</relatedList>`), `Related list: ${message}`);
            for (const column of asArray(relatedList.fields).map(String)) {
                const path = column.split('.');
                if (path.length > 1 && path[0].toLowerCase() === child.toLowerCase()) path.shift();
                const columnMessage = referenceProblem(schema, child, path);
                if (columnMessage)
                    report.add(file, locate(`<fields>${column}</fields>`), `Related list column: ${columnMessage}`);
            }
        }
    }
}

// Standard components always carry a namespace (force:, flexipage:, runtime_sales_...:); `c:name` and a bare `name`
// (as Salesforce sometimes retrieves it) are the project's own.
const isProjectComponentName = (name) => name.startsWith('c:') || !name.includes(':');

function projectComponentProblem(schema, name) {
    const component = name.replace(/^c:/, '');
    if (schema.lwcBundles.has(component.toLowerCase())) return undefined;
    const suggestion = closest(component, [...schema.lwcBundles.values()]);
    return (
        `component ${name} does not exist: no lwc/${component}/ (or aura/${component}/) bundle` +
        `${name.includes(':') ? '' : ' (a name without a namespace is a project component)'}` +
        `${suggestion ? ` (did you mean ${suggestion}?)` : ''}. Fix the name or add the component.`
    );
}

export function checkFlexiPages(schema, files, report) {
    for (const file of files.filter((path) => path.endsWith('.flexipage-meta.xml'))) {
        const text = readFileSync(file, 'utf8');
        const locate = createLocator(text);
        const page = readMetadataXml(file).FlexiPage ?? {};
        const object = textOf(page.sobjectType);
        if (object) {
            const message = unknownObjectMessage(schema, object);
            if (message) report.add(file, locate('<sobjectType>'), `FlexiPage sobjectType: ${message}`);
        }
        for (const { key, value } of valuesAt(page, new Set(['fieldItem', 'componentName', 'leftValue']))) {
            let message;
            if (key === 'componentName' && isProjectComponentName(value)) {
                message = projectComponentProblem(schema, value);
            } else if (key === 'fieldItem' && object) {
                const [root, ...path] = value.split('.');
                if (root.toLowerCase() === 'record') message = referenceProblem(schema, object, path);
            }
            for (const [, reference] of value.matchAll(MERGE_FIELD)) {
                const [root, ...path] = reference.split('.');
                if (root.toLowerCase() === 'record' && object) message ??= referenceProblem(schema, object, path);
            }
            if (message)
                report.add(file, locate(`<${key}>${value}</${key}>`, value), `FlexiPage ${key} ${value}: ${message}`);
        }
    }
}

export function checkListViews(schema, files, report) {
    for (const file of files.filter((path) => path.endsWith('.listView-meta.xml'))) {
        const object = basename(dirname(dirname(file)));
        const locate = createLocator(readFileSync(file, 'utf8'));
        const listView = readMetadataXml(file).ListView ?? {};
        const names = [
            ...asArray(listView.columns).map((value) => ({ tag: 'columns', value: String(value) })),
            ...asArray(listView.filters).map((filter) => ({ tag: 'field', value: textOf(filter.field) }))
        ];
        for (const { tag, value } of names) {
            if (!value) continue;
            const path = value.split('.');
            if (path.length > 1 && path[0].toLowerCase() === object.toLowerCase()) path.shift();
            const message = referenceProblem(schema, object, path);
            if (message) report.add(file, locate(`<${tag}>${value}</${tag}>`), `List view ${tag}: ${message}`);
        }
    }
}
