// Dashboards: each component names a report that exists, and groups and summarises only what that report offers.
import { readFileSync } from 'node:fs';
import { readMetadataXml } from '../../lib/project.mjs';
import { asArray, createLocator, textOf, valuesAtPath } from './common.mjs';

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

export function checkDashboards(schema, files, report) {
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
