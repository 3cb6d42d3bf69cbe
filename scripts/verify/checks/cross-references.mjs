// Every custom object, field, relationship, custom permission, custom metadata record, Apex method and component that
// metadata or code names must exist in the project; every custom field that can have field permissions has them.
// Standard objects and fields are assumed to exist (no org to ask).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { apexClasses, classIndex, hasAnnotation } from '../lib/apex-classes.mjs';
import { apexSchemaReferences } from '../lib/apex-references.mjs';
import { lineAt, projectFiles, projectPath, readMetadataXml } from '../lib/project.mjs';
import { flowFormulaContextProblems } from '../lib/flow-formula-contexts.mjs';
import { lwcSources } from '../lib/lwc-sources.mjs';
import { missingDependencies } from '../lib/permission-dependencies.mjs';
import {
    STANDARD_OBJECTS,
    closest,
    fieldPathProblem,
    isCustomName,
    objectExists,
    objectOf,
    readSchema,
    unknownChildRelationshipMessage,
    unknownObjectMessage
} from '../lib/schema.mjs';

const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const textOf = (value) => {
    const item = asArray(value)[0];
    if (item === undefined || item === null) return undefined;
    return typeof item === 'object' ? item['#text'] : String(item);
};
const XML_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const escapeXml = (value) =>
    value.replace(/[<>&"']/g, (char) => `&${Object.keys(XML_ENTITIES).find((key) => XML_ENTITIES[key] === char)};`);

/** Finds the line of successive occurrences of a text in a file, so repeated references point at their own line. */
function createLocator(text) {
    const cursors = new Map();
    return (...needles) => {
        for (const needle of needles) {
            if (!needle) continue;
            const from = cursors.get(needle) ?? 0;
            let index = text.indexOf(needle, from);
            if (index < 0) index = text.indexOf(needle);
            if (index < 0) continue;
            cursors.set(needle, index + 1);
            return text.slice(0, index).split('\n').length;
        }
        return undefined;
    };
}

class Report {
    constructor(root) {
        this.root = root;
        this.problems = [];
        this.seen = new Set();
    }
    add(file, line, message) {
        const relative = file.startsWith('/') ? projectPath(this.root, file) : file;
        const key = `${relative}:${line}:${message}`;
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.problems.push({ file: relative, line, message });
    }
}

/** Message for `object` + field path, or undefined when everything custom in it exists. */
function referenceProblem(schema, object, path) {
    if (!object) return undefined;
    if (!objectExists(schema, object)) return unknownObjectMessage(schema, object);
    return fieldPathProblem(schema, object, path);
}

// ---------------------------------------------------------------------------------------------------------- Apex

function checkApex(schema, classes, report) {
    const index = classIndex(classes);
    for (const apexClass of classes) {
        if (apexClass.errors.length) {
            const [error] = apexClass.errors;
            report.add(
                apexClass.file,
                error.line,
                `Apex does not parse (${error.message}), so its references cannot be checked. Fix the syntax first.`
            );
            continue;
        }
        for (const reference of apexSchemaReferences(apexClass, schema, index)) {
            let message;
            if (reference.kind === 'object') message = unknownObjectMessage(schema, reference.name);
            else if (reference.kind === 'child') {
                message = unknownChildRelationshipMessage(schema, reference.parent, reference.relationship);
            } else message = referenceProblem(schema, reference.object, reference.path);
            if (message) report.add(apexClass.file, reference.line, `${reference.where}: ${message}`);
        }
    }
}

function apexMethod(classes, className, methodName) {
    const apexClass = classIndex(classes).get(className.toLowerCase());
    const method = apexClass?.methods.find((item) => item.name.toLowerCase() === methodName.toLowerCase());
    return { apexClass, method };
}

// ---------------------------------------------------------------------------------------------------------- Formulas

// Tokens of a formula that may name fields: paths like Accepted_By__r.Name, $CustomMetadata.T__mdt.R.F__c.
const FORMULA_TOKEN = /\$?[A-Za-z][\w]*(?:[.:]\$?[A-Za-z][\w]*)*/g;

function stripFormulaLiterals(formula) {
    return formula
        .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
        .replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, (literal) => literal.replace(/[^\n]/g, ' '));
}

/** Problems of a global-variable token such as $CustomMetadata.X__mdt.Rec.F__c, $Permission.P, $Setup.S__c.F__c. */
function globalProblem(schema, token) {
    const [global, ...rest] = token.split('.');
    switch (global.toLowerCase()) {
        case '$custommetadata': {
            const [type, record, field] = rest;
            if (!type) return undefined;
            if (!objectExists(schema, type)) return unknownObjectMessage(schema, type);
            const records = schema.customMetadataRecords.get(type.toLowerCase());
            if (record && !records?.has(record.toLowerCase())) {
                const suggestion = closest(record, [...(records?.keys() ?? [])]);
                return (
                    `unknown custom metadata record ${type}.${record}${suggestion ? ` (did you mean ${suggestion}?)` : ''}: ` +
                    `no customMetadata/${type.replace(/__mdt$/i, '')}.${record}.md-meta.xml. Fix the name or add the record.`
                );
            }
            return field ? fieldPathProblem(schema, type, [field]) : undefined;
        }
        case '$permission': {
            const [name] = rest;
            if (!name || schema.customPermissions.has(name.toLowerCase())) return undefined;
            const suggestion = closest(name, [...schema.customPermissions.values()]);
            return (
                `unknown custom permission ${name}${suggestion ? ` (did you mean ${suggestion}?)` : ''}: no ` +
                `customPermissions/${name}.customPermission-meta.xml. Fix the name or add the custom permission.`
            );
        }
        case '$setup':
            return rest[0] ? referenceProblem(schema, rest[0], rest.slice(1)) : undefined;
        case '$user':
            return rest.length ? referenceProblem(schema, 'User', rest) : undefined;
        default:
            return undefined;
    }
}

/** Problems of a formula evaluated on `object`: [{ message, line (0-based inside the formula) }]. */
function formulaProblems(schema, object, formula) {
    const problems = [];
    const source = stripFormulaLiterals(formula);
    for (const match of source.matchAll(FORMULA_TOKEN)) {
        const token = match[0];
        const after = source.slice(match.index + token.length).trimStart();
        if (after.startsWith('(')) continue;
        const message = token.startsWith('$')
            ? globalProblem(schema, token)
            : /__(c|r)\b/i.test(token)
              ? referenceProblem(schema, object, token.split('.'))
              : undefined;
        if (message) problems.push({ message, line: source.slice(0, match.index).split('\n').length - 1 });
    }
    return problems;
}

function checkFormula(schema, report, file, text, object, tag, formula, what) {
    const start = createLocator(text)(`<${tag}>`) ?? 1;
    for (const problem of formulaProblems(schema, object, formula)) {
        report.add(file, start + problem.line, `${what}: ${problem.message}`);
    }
}

// ---------------------------------------------------------------------------------------------------------- Objects

function checkObjects(schema, files, report) {
    for (const object of schema.objects.values()) {
        if (!object.declared && isCustomName(object.name) && object.fields.size) {
            const [field] = object.fields.values();
            report.add(field.file, undefined, `fields of ${unknownObjectMessage(schema, object.name)}`);
        }
        for (const field of object.fields.values()) {
            for (const target of field.referenceTo) {
                const message = unknownObjectMessage(schema, target);
                if (message) report.add(field.file, undefined, `referenceTo names ${message}`);
            }
            if (field.formula) {
                const text = readFileSync(join(report.root, field.file), 'utf8');
                checkFormula(schema, report, field.file, text, object.name, 'formula', field.formula, 'Formula');
            }
        }
    }
    for (const file of files.filter((path) => path.endsWith('.validationRule-meta.xml'))) {
        const object = basename(dirname(dirname(file)));
        const text = readFileSync(file, 'utf8');
        const rule = readMetadataXml(file).ValidationRule ?? {};
        const formula = textOf(rule.errorConditionFormula);
        if (formula) {
            checkFormula(schema, report, file, text, object, 'errorConditionFormula', formula, 'Validation rule');
        }
        const displayField = textOf(rule.errorDisplayField);
        const message = displayField && referenceProblem(schema, object, [displayField]);
        if (message) {
            report.add(file, createLocator(text)('<errorDisplayField>'), `errorDisplayField: ${message}`);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------- Flows

const FLOW_FIELD_TAGS = new Set(['field', 'queriedFields', 'sortField', 'recordField', 'displayField', 'valueField']);
const FLOW_REFERENCE_TAGS = new Set([
    'assignToReference',
    'leftValueReference',
    'elementReference',
    'collectionReference',
    'inputReference',
    'outputReference',
    'assignNextValueToReference',
    'objectFieldReference'
]);
const MERGE_FIELD = /\{!([^}]+)\}/g;

/** Names in a flow that hold records, by lower-case name: $Record, SObject variables, Get Records, loops. */
function flowRecordNames(flow) {
    const records = new Map();
    const startObject = textOf(asArray(flow.start)[0]?.object);
    if (startObject) {
        records.set('$record', startObject);
        records.set('$record__prior', startObject);
    }
    for (const variable of asArray(flow.variables)) {
        const objectType = textOf(variable.objectType);
        if (objectType) records.set(textOf(variable.name).toLowerCase(), objectType);
    }
    for (const lookup of asArray(flow.recordLookups)) {
        const object = textOf(lookup.object);
        if (object) records.set(textOf(lookup.name).toLowerCase(), object);
    }
    for (const loop of asArray(flow.loops)) {
        const collection = textOf(loop.collectionReference)?.split('.')[0].toLowerCase();
        if (collection && records.has(collection))
            records.set(textOf(loop.name).toLowerCase(), records.get(collection));
    }
    return records;
}

function checkFlowReference(schema, records, reference) {
    const trimmed = reference.trim();
    if (trimmed.startsWith('$') && !/^\$record/i.test(trimmed)) return globalProblem(schema, trimmed);
    const [root, ...path] = trimmed.split('.');
    const object = records.get(root.toLowerCase());
    if (!object || !path.length) return undefined;
    return referenceProblem(schema, object, path);
}

function checkFlows(schema, classes, files, report) {
    for (const file of files.filter((path) => path.endsWith('.flow-meta.xml'))) {
        const text = readFileSync(file, 'utf8');
        const locate = createLocator(text);
        const flow = readMetadataXml(file).Flow ?? {};
        const records = flowRecordNames(flow);
        const at = (tag, value) => locate(`<${tag}>${escapeXml(value)}</${tag}>`, `<${tag}>${value}</${tag}>`, value);

        const visit = (node, contextObject) => {
            const object = textOf(node.object);
            const inputRoot = textOf(node.inputReference)?.split('.')[0].toLowerCase();
            let context = contextObject;
            if (object) {
                context = object;
                const message = unknownObjectMessage(schema, object);
                if (message) report.add(file, at('object', object), `Flow object: ${message}`);
            } else if (inputRoot && records.has(inputRoot)) {
                context = records.get(inputRoot);
            }
            for (const [tag, values] of Object.entries(node)) {
                if (tag.startsWith('@_')) continue;
                for (const value of asArray(values)) {
                    if (value !== null && typeof value === 'object') {
                        visit(value, context);
                        continue;
                    }
                    const string = String(value);
                    let message;
                    if (FLOW_FIELD_TAGS.has(tag) && context)
                        message = referenceProblem(schema, context, string.split('.'));
                    else if (FLOW_REFERENCE_TAGS.has(tag)) message = checkFlowReference(schema, records, string);
                    else if (tag === 'objectType') message = unknownObjectMessage(schema, string);
                    if (message) report.add(file, at(tag, string), `Flow <${tag}> ${string}: ${message}`);
                    for (const [, reference] of string.matchAll(MERGE_FIELD)) {
                        const mergeMessage = checkFlowReference(schema, records, reference);
                        if (mergeMessage)
                            report.add(file, locate(`{!${reference}}`), `Flow {!${reference}}: ${mergeMessage}`);
                    }
                }
            }
        };
        visit(flow, undefined);
        for (const { offset, message } of flowFormulaContextProblems(flow, text)) {
            report.add(file, lineAt(text, offset), `Flow ${message}`);
        }

        for (const action of asArray(flow.actionCalls)) {
            if (textOf(action.actionType) !== 'apex') continue;
            const className = textOf(action.actionName);
            const apexClass = classIndex(classes).get(className.toLowerCase());
            const invocable = apexClass?.methods.some((method) => hasAnnotation(method, 'InvocableMethod'));
            if (invocable) continue;
            report.add(
                file,
                at('actionName', className),
                apexClass
                    ? `Flow calls Apex action ${className}, but that class has no @InvocableMethod. Add one or call another class.`
                    : `Flow calls Apex action ${className}, but no classes/${className}.cls exists. Fix the class name or add the class with an @InvocableMethod.`
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------------------- LWC

const STRING_LITERAL = /'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`((?:\\.|[^`\\$])*)`/g;

function isObjectName(schema, name) {
    return Boolean(objectOf(schema, name)) || STANDARD_OBJECTS.has(name.toLowerCase()) || isCustomName(name);
}

function checkLwc(schema, classes, root, report) {
    for (const file of lwcSources(root)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(STRING_LITERAL)) {
            const value = match[1] ?? match[2] ?? match[3];
            const line = text.slice(0, match.index).split('\n').length;
            let message;
            if (value.startsWith('@salesforce/schema/')) {
                const [object, ...path] = value.slice('@salesforce/schema/'.length).split('.');
                message = referenceProblem(schema, object, path);
                if (message) message = `${value}: ${message}`;
            } else if (value.startsWith('@salesforce/apex/')) {
                message = lwcApexProblem(classes, value.slice('@salesforce/apex/'.length));
            } else if (/^[A-Za-z]\w*(\.\w+)+$/.test(value) && /__(c|r)(\.|$)/i.test(value)) {
                const [object, ...path] = value.split('.');
                if (isObjectName(schema, object)) {
                    message = referenceProblem(schema, object, path);
                    if (message) message = `field name '${value}': ${message}`;
                }
            }
            if (message) report.add(file, line, message);
        }
    }
}

function lwcApexProblem(classes, reference) {
    const [className, methodName] = reference.split('.');
    if (!methodName) return undefined;
    const { apexClass, method } = apexMethod(classes, className, methodName);
    const fix = `Add a static @AuraEnabled method ${methodName} to classes/${className}.cls or fix the import.`;
    if (!apexClass) return `LWC imports missing Apex method ${className}.${methodName}: no class ${className}. ${fix}`;
    if (!method) return `LWC imports missing Apex method ${className}.${methodName}. ${fix}`;
    if (!method.isStatic || !hasAnnotation(method, 'AuraEnabled')) {
        return `LWC imports Apex method ${className}.${methodName}, which is not static and @AuraEnabled. ${fix}`;
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------------------- UI metadata

/** Every string under `node` found at a key in `keys`, with the key. */
function valuesAt(node, keys, found = []) {
    if (node === null || typeof node !== 'object') return found;
    for (const [key, values] of Object.entries(node)) {
        for (const value of asArray(values)) {
            if (value !== null && typeof value === 'object') valuesAt(value, keys, found);
            else if (keys.has(key)) found.push({ key, value: String(value) });
        }
    }
    return found;
}

function checkLayouts(schema, files, report) {
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

function checkFlexiPages(schema, files, report) {
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

function checkListViews(schema, files, report) {
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

// ---------------------------------------------------------------------------------------------------------- Reports

/** The object a report-type table path names: `Lead` or `Lead.Stage_Events__r`. Undefined when unknown. */
function tableObject(schema, table) {
    const [base, ...children] = table.split('.');
    let object = base;
    for (const relationship of children) {
        object = objectOf(schema, object)?.children.get(relationship.toLowerCase())?.object;
        if (!object) return undefined;
    }
    return object;
}

function tableProblem(schema, table) {
    const [base, ...children] = table.split('.');
    let object = base;
    const baseMessage = unknownObjectMessage(schema, base);
    if (baseMessage) return baseMessage;
    for (const relationship of children) {
        const child = objectOf(schema, object)?.children.get(relationship.toLowerCase())?.object;
        if (!child) {
            return isCustomName(relationship)
                ? unknownChildRelationshipMessage(schema, object, relationship)
                : undefined;
        }
        object = child;
    }
    return undefined;
}

/** A report column: `Lead$Fit_Score__c` (custom report type), `Lead.Fit_Score__c`, `LEAD.STATUS`, `CUST_NAME`. */
function reportColumnProblem(schema, column) {
    if (column.includes('$')) {
        const [table, fieldPath] = column.split('$');
        return (
            tableProblem(schema, table) ?? referenceProblem(schema, tableObject(schema, table), fieldPath.split('.'))
        );
    }
    const [object, ...path] = column.split('.');
    if (!path.length || !/__(c|r)/i.test(column)) return undefined;
    if (objectOf(schema, object) || isCustomName(object))
        return referenceProblem(schema, objectOf(schema, object)?.name ?? object, path);
    return undefined;
}

/** Values under `node` at a path of element names, such as ['filter', 'criteriaItems', 'column']. */
function valuesAtPath(node, [key, ...rest]) {
    const values = asArray(node?.[key]);
    return rest.length ? values.flatMap((child) => valuesAtPath(child, rest)) : values.map(textOf).filter(Boolean);
}

// Where a report names its columns; cross filters are left out, as they name the related table, not the report type.
const REPORT_COLUMN_PATHS = [
    ['columns', 'field'],
    ['groupingsDown', 'field'],
    ['groupingsAcross', 'field'],
    ['filter', 'criteriaItems', 'column'],
    ['sortColumn'],
    ['timeFrameFilter', 'dateColumn'],
    ['buckets', 'sourceColumnName'],
    ['chart', 'groupingColumn'],
    ['chart', 'secondaryGroupingColumn'],
    ['chart', 'chartSummaries', 'column']
];

/** The columns a custom report type offers (its sections), named as reports name them: `Table$Field`, by lower case. */
function reportTypeColumns(file) {
    const columns = new Map();
    for (const section of asArray(readMetadataXml(file).ReportType?.sections)) {
        for (const column of asArray(section.columns)) {
            const field = textOf(column.field);
            const table = textOf(column.table);
            if (field && table) columns.set(`${table}$${field}`.toLowerCase(), `${table}$${field}`);
        }
    }
    return columns;
}

/** Report columns missing from the custom report type `name` the report is built on. */
function checkReportTypeMembership(schema, file, text, reportXml, name, report) {
    const offered = reportTypeColumns(schema.reportTypes.get(name.toLowerCase()));
    const locate = createLocator(text);
    for (const path of REPORT_COLUMN_PATHS) {
        const tag = path.at(-1);
        for (const column of valuesAtPath(reportXml, path)) {
            const line = locate(`<${tag}>${column}</${tag}>`);
            // RowCount, bucket fields and summary formulas name no report type column.
            if (!/[.$]/.test(column) || offered.has(column.toLowerCase())) continue;
            // A column whose field does not exist is already reported as such.
            if (reportColumnProblem(schema, column)) continue;
            const suggestion = closest(column, [...offered.values()]);
            report.add(
                file,
                line,
                `Report ${tag} ${column}: column ${column} is not in report type ${name}` +
                    `${suggestion ? ` (did you mean ${suggestion}?)` : ''}: add it to a section of ` +
                    `reportTypes/${name}.reportType-meta.xml or remove it from the report.`
            );
        }
    }
}

function checkReports(schema, files, report) {
    for (const file of files.filter((path) => path.endsWith('.report-meta.xml'))) {
        const text = readFileSync(file, 'utf8');
        const locate = createLocator(text);
        const reportXml = readMetadataXml(file).Report ?? {};
        const reportType = textOf(reportXml.reportType);
        if (reportType?.includes('$')) {
            for (const object of reportType.split('$').slice(1)) {
                const message = unknownObjectMessage(schema, object);
                if (message) report.add(file, locate('<reportType>'), `reportType ${reportType}: ${message}`);
            }
        } else if (reportType && /__c$/i.test(reportType)) {
            const name = reportType.replace(/__c$/i, '');
            if (!schema.reportTypes.has(name.toLowerCase())) {
                report.add(
                    file,
                    locate('<reportType>'),
                    `reportType ${reportType} is a custom report type, but no reportTypes/${name}.reportType-meta.xml exists. Fix the name or add the report type.`
                );
            } else {
                checkReportTypeMembership(schema, file, text, reportXml, name, report);
            }
        }
        for (const { key, value } of valuesAt(reportXml, new Set(['field', 'column']))) {
            const message = reportColumnProblem(schema, value);
            if (message) report.add(file, locate(`<${key}>${value}</${key}>`), `Report ${key} ${value}: ${message}`);
        }
    }
    for (const file of files.filter((path) => path.endsWith('.reportType-meta.xml'))) {
        const locate = createLocator(readFileSync(file, 'utf8'));
        const reportType = readMetadataXml(file).ReportType ?? {};
        const base = textOf(reportType.baseObject);
        const baseMessage = base && unknownObjectMessage(schema, base);
        if (baseMessage) report.add(file, locate('<baseObject>'), `Report type baseObject: ${baseMessage}`);
        let parent = base;
        for (let join = asArray(reportType.join)[0]; join && parent; join = asArray(join.join)[0]) {
            const relationship = textOf(join.relationship);
            const child = objectOf(schema, parent)?.children.get(relationship?.toLowerCase())?.object;
            if (!child && relationship && isCustomName(relationship)) {
                const message = unknownChildRelationshipMessage(schema, parent, relationship);
                report.add(
                    file,
                    locate(`<relationship>${relationship}</relationship>`),
                    `Report type join: ${message}`
                );
            }
            parent = child;
        }
        for (const section of asArray(reportType.sections)) {
            for (const column of asArray(section.columns)) {
                const field = textOf(column.field);
                const table = textOf(column.table);
                if (!field || !table) continue;
                const message =
                    tableProblem(schema, table) ??
                    referenceProblem(schema, tableObject(schema, table), field.split('.'));
                if (message)
                    report.add(
                        file,
                        locate(`<field>${field}</field>`),
                        `Report type column ${table}.${field}: ${message}`
                    );
            }
        }
    }
    checkDashboards(schema, files, report);
}

// ---------------------------------------------------------------------------------------------------------- Dashboards

/** What a dashboard may chart from a report: its groupings, its summarised columns with their aggregates, formulas. */
function reportChartables(file) {
    const reportXml = readMetadataXml(file).Report ?? {};
    const groupings = new Map();
    for (const path of [
        ['groupingsDown', 'field'],
        ['groupingsAcross', 'field']
    ]) {
        for (const column of valuesAtPath(reportXml, path)) groupings.set(column.toLowerCase(), column);
    }
    const summaries = new Map([['rowcount', { column: 'RowCount', aggregates: undefined }]]);
    for (const column of asArray(reportXml.columns)) {
        const field = textOf(column.field);
        const aggregates = asArray(column.aggregateTypes).map(textOf);
        if (field && aggregates.length) summaries.set(field.toLowerCase(), { column: field, aggregates });
    }
    for (const formula of valuesAtPath(reportXml, ['aggregates', 'developerName'])) {
        summaries.set(formula.toLowerCase(), { column: formula, aggregates: undefined });
    }
    return { groupings, summaries };
}

/** Every element under `node` that has a child element `key` (dashboard components have <report>). */
function elementsWith(node, key, found = []) {
    if (node === null || typeof node !== 'object') return found;
    if (key in node) found.push(node);
    for (const values of Object.values(node)) for (const value of asArray(values)) elementsWith(value, key, found);
    return found;
}

const listOr = (names, none) => (names.length ? names.join(', ') : none);

function summaryProblem(chartables, reportName, column, aggregate) {
    const summary = chartables.summaries.get(column.toLowerCase());
    const wanted = aggregate?.toLowerCase();
    if (summary && (!wanted || !summary.aggregates || summary.aggregates.some((item) => item.toLowerCase() === wanted)))
        return undefined;
    const available = [...chartables.summaries.values()].map((item) =>
        item.aggregates ? `${item.column} (${item.aggregates.join(', ')})` : item.column
    );
    return (
        `summarises ${aggregate ? `${aggregate} of ` : ''}${column}, but report ${reportName} has no such summary: add ` +
        `<aggregateTypes>${aggregate ?? 'Sum'}</aggregateTypes> to its ${column} column, or summarise one of its ` +
        `summaries: ${listOr(available, 'none')}.`
    );
}

function checkDashboards(schema, files, report) {
    const chartablesByReport = new Map();
    const chartablesOf = (reportFile) => {
        if (!chartablesByReport.has(reportFile)) chartablesByReport.set(reportFile, reportChartables(reportFile));
        return chartablesByReport.get(reportFile);
    };
    for (const file of files.filter((path) => path.endsWith('.dashboard-meta.xml'))) {
        const locate = createLocator(readFileSync(file, 'utf8'));
        for (const component of elementsWith(readMetadataXml(file).Dashboard ?? {}, 'report')) {
            const reportName = textOf(component.report);
            if (!reportName) continue;
            // Lines first, in document order, so repeated values point at their own component.
            const reportLine = locate(`<report>${reportName}</report>`);
            const groupings = ['groupingColumn', 'groupingsUsed'].flatMap((tag) =>
                asArray(component[tag])
                    .map(textOf)
                    .map((column) => ({ tag, column, line: locate(`<${tag}>${column}</${tag}>`) }))
            );
            // A table column may also show a grouping; a chart summary must be a summary.
            const summaries = [
                ...asArray(component.chartSummary).map((item) => ({ item, aggregate: item.aggregate, table: false })),
                ...asArray(component.dashboardTableColumn).map((item) => ({
                    item,
                    aggregate: item.aggregateType,
                    table: true
                }))
            ].map(({ item, aggregate, table }) => {
                const column = textOf(item.column);
                return { column, table, aggregate: textOf(aggregate), line: locate(`<column>${column}</column>`) };
            });
            const reportFile = schema.reports.get(reportName.toLowerCase());
            if (!reportFile) {
                report.add(
                    file,
                    reportLine,
                    `Dashboard names report ${reportName}, but no reports/${reportName}.report-meta.xml exists. Fix the folder/name or add the report.`
                );
                continue;
            }
            const chartables = chartablesOf(reportFile);
            const what = `Dashboard component "${textOf(component.header) ?? textOf(component.title) ?? reportName}"`;
            for (const { tag, column, line } of groupings) {
                if (chartables.groupings.has(column.toLowerCase())) continue;
                report.add(
                    file,
                    line,
                    `${what} <${tag}> ${column}: report ${reportName} does not group by ${column}, and a dashboard ` +
                        `can only group by the report's groupings. Add a <groupingsDown> on ${column} to the report or ` +
                        `use one of its groupings: ${listOr([...chartables.groupings.values()], 'none')}.`
                );
            }
            for (const { column, table, aggregate, line } of summaries) {
                if (!column || (table && chartables.groupings.has(column.toLowerCase()))) continue;
                const message = summaryProblem(chartables, reportName, column, aggregate);
                if (message) report.add(file, line, `${what} ${message}`);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------- Records

function checkCustomMetadataRecords(schema, files, report) {
    for (const file of files.filter((path) => path.endsWith('.md-meta.xml'))) {
        const type = `${basename(file).split('.')[0]}__mdt`;
        const objectMessage = unknownObjectMessage(schema, type);
        if (objectMessage) {
            report.add(file, 1, `Custom metadata record of ${objectMessage}`);
            continue;
        }
        const locate = createLocator(readFileSync(file, 'utf8'));
        for (const value of asArray(readMetadataXml(file).CustomMetadata?.values)) {
            const field = textOf(value.field);
            const message = field && referenceProblem(schema, type, [field]);
            if (message)
                report.add(file, locate(`<field>${field}</field>`), `Custom metadata record field: ${message}`);
        }
    }
}

function dataPlanFiles(root) {
    const dataDir = join(root, 'data');
    if (!existsSync(dataDir)) return [];
    return readdirSync(dataDir, { recursive: true })
        .map(String)
        .filter((name) => /plan[^/]*\.json$/i.test(name))
        .map((name) => join(dataDir, name));
}

function checkDataRecords(schema, records, file, locate, report) {
    for (const record of asArray(records)) {
        const object = record?.attributes?.type;
        if (!object) continue;
        const objectMessage = unknownObjectMessage(schema, object);
        if (objectMessage) {
            report.add(file, locate(`"type": "${object}"`, `"${object}"`), `Sample data record type: ${objectMessage}`);
            continue;
        }
        for (const [key, value] of Object.entries(record)) {
            if (key === 'attributes') continue;
            if (value && typeof value === 'object' && Array.isArray(value.records)) {
                if (isCustomName(key) && !objectOf(schema, object)?.children.has(key.toLowerCase())) {
                    report.add(
                        file,
                        locate(`"${key}"`),
                        `Sample data: ${unknownChildRelationshipMessage(schema, object, key)}`
                    );
                }
                checkDataRecords(schema, value.records, file, locate, report);
                continue;
            }
            const message = referenceProblem(schema, object, [key]);
            if (message) report.add(file, locate(`"${key}"`), `Sample data field: ${message}`);
        }
    }
}

function checkDataPlans(schema, root, report) {
    for (const planFile of dataPlanFiles(root)) {
        const planText = readFileSync(planFile, 'utf8');
        const locatePlan = createLocator(planText);
        let plan;
        try {
            plan = JSON.parse(planText);
        } catch (error) {
            report.add(planFile, undefined, `Data plan is not valid JSON (${error.message}). Fix the file.`);
            continue;
        }
        for (const step of asArray(plan)) {
            const objectMessage = step.sobject && unknownObjectMessage(schema, step.sobject);
            if (objectMessage)
                report.add(planFile, locatePlan(`"${step.sobject}"`), `Data plan sobject: ${objectMessage}`);
            for (const name of asArray(step.files)) {
                const recordFile = join(dirname(planFile), name);
                if (!existsSync(recordFile)) {
                    report.add(
                        planFile,
                        locatePlan(`"${name}"`),
                        `Data plan names ${name}, which does not exist next to the plan. Fix the path or add the file.`
                    );
                    continue;
                }
                const text = readFileSync(recordFile, 'utf8');
                try {
                    checkDataRecords(schema, JSON.parse(text).records, recordFile, createLocator(text), report);
                } catch (error) {
                    report.add(
                        recordFile,
                        undefined,
                        `Sample data is not valid JSON (${error.message}). Fix the file.`
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------------------- Permissions

function checkPermissionSets(schema, classes, files, report) {
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

function checkFieldPermissionCoverage(schema, granted, report) {
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

// ---------------------------------------------------------------------------------------------------------- Entry

export async function check(root) {
    const schema = readSchema(root);
    const classes = apexClasses(root);
    const files = projectFiles(root, (file) => file.endsWith('-meta.xml'));
    const report = new Report(root);
    checkObjects(schema, files, report);
    checkApex(schema, classes, report);
    checkFlows(schema, classes, files, report);
    checkLwc(schema, classes, root, report);
    checkLayouts(schema, files, report);
    checkFlexiPages(schema, files, report);
    checkListViews(schema, files, report);
    checkReports(schema, files, report);
    checkCustomMetadataRecords(schema, files, report);
    checkDataPlans(schema, root, report);
    const granted = checkPermissionSets(schema, classes, files, report);
    checkFieldPermissionCoverage(schema, granted, report);
    return report.problems;
}
