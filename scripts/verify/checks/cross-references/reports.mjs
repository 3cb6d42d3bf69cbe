// Reports and custom report types: the objects, relationships and columns they name exist, and a report on a custom
// report type uses only the columns that report type offers.
import { readFileSync } from 'node:fs';
import { readMetadataXml } from '../../lib/project.mjs';
import {
    closest,
    isCustomName,
    objectOf,
    unknownChildRelationshipMessage,
    unknownObjectMessage
} from '../../lib/schema.mjs';
import { asArray, createLocator, referenceProblem, textOf, valuesAt, valuesAtPath } from './common.mjs';

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

export function checkReports(schema, files, report) {
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
}
