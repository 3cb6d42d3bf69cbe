// The CLI's reason for a failure, in full: deploy component failures (file:line:column, problem), failing tests
// (Class.method: message, stack), permission-set failures, data import record errors, scratch settings errors and
// any error message with all its lines and suggested actions. The shapes are those of the CLI's --json output, as
// recorded in scripts/org/fixtures (README.md there cites the source of each).
import { isAbsolute, relative } from 'node:path';

const list = (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const indent = (text, prefix = '    ') =>
    String(text)
        .trimEnd()
        .split('\n')
        .map((line) => `${prefix}${line}`)
        .join('\n');
const where = (path) => (path && isAbsolute(path) ? relative(process.cwd(), path) : path);
const position = (line, column) =>
    line !== undefined && line !== null && line !== '' ? `:${line}${column ? `:${column}` : ''}` : '';

/** Component failures of a deploy result, with the local file when the CLI matched one. */
export function componentFailureLines(result) {
    const lines = [];
    const named = new Set();
    for (const file of list(result?.files).filter((entry) => entry.state === 'Failed')) {
        named.add(`${file.type}:${file.fullName}`);
        lines.push(
            `  ${where(file.filePath) ?? file.fullName}${position(file.lineNumber, file.columnNumber)}: ${file.type} ${file.fullName}: ${file.error}`
        );
    }
    for (const failure of list(result?.details?.componentFailures)) {
        if (named.has(`${failure.componentType}:${failure.fullName}`)) continue;
        const component = [failure.componentType, failure.fullName].filter(Boolean).join(' ');
        lines.push(
            `  ${failure.fileName ?? failure.fullName}${position(failure.lineNumber, failure.columnNumber)}: ${component}: ${failure.problem}`
        );
    }
    return lines;
}

/** Test failures and coverage warnings reported inside a deploy or validation. */
export function deployTestLines(result) {
    const run = result?.details?.runTestResult;
    const lines = [];
    for (const failure of list(run?.failures)) {
        const name = [failure.namespace, failure.name, failure.methodName].filter(Boolean).join('.');
        lines.push(`  ${name}: ${failure.message}`);
        if (failure.stackTrace) lines.push(indent(failure.stackTrace));
    }
    for (const warning of list(run?.codeCoverageWarnings)) {
        lines.push(`  coverage: ${warning.name ? `${warning.name}: ` : ''}${warning.message}`);
    }
    return lines;
}

/** One line: how far a deploy or validation got. */
export function deploySummary(result) {
    const what = [result.checkOnly ? 'Validation' : 'Deploy', result.id].filter(Boolean).join(' ');
    const parts = [`${what}: ${result.status ?? 'unknown'}`];
    if (result.numberComponentsTotal !== undefined)
        parts.push(
            `${result.numberComponentsDeployed ?? 0} of ${result.numberComponentsTotal} components, ${result.numberComponentErrors ?? 0} with errors`
        );
    if (result.numberTestsTotal)
        parts.push(
            `${result.numberTestsCompleted ?? 0} of ${result.numberTestsTotal} Apex tests passed, ${result.numberTestErrors ?? 0} failed`
        );
    return parts.join('; ');
}

/** Failing tests of `sf apex run test` (Class.method: message, then the stack). */
export function apexTestFailureLines(result) {
    const lines = [];
    for (const test of list(result?.tests).filter((entry) => entry.Outcome !== 'Pass' && entry.Outcome !== 'Skip')) {
        lines.push(
            `  ${test.FullName ?? `${test.ApexClass?.Name}.${test.MethodName}`}: ${test.Message ?? test.Outcome}`
        );
        if (test.StackTrace) lines.push(indent(test.StackTrace));
    }
    return lines;
}

/** One line: the summary of `sf apex run test`, whatever the outcome. */
export function apexTestSummary(result) {
    const summary = result?.summary ?? {};
    const coverage = summary.orgWideCoverage ? `; org-wide coverage ${summary.orgWideCoverage}` : '';
    return `Apex tests ${summary.outcome ?? 'unknown'}: ${summary.testsRan ?? '?'} ran, ${summary.passing ?? '?'} passed, ${summary.failing ?? '?'} failed, ${summary.skipped ?? 0} skipped${coverage}.`;
}

// `sf data import tree` puts the sObject Tree API results, as JSON, inside its message: one line per record error.
function dataImportLines(message) {
    const start = message.indexOf('Results: ');
    if (start < 0) return null;
    let results;
    try {
        results = JSON.parse(message.slice(start + 'Results: '.length).replace(/\.\s*$/, ''));
    } catch {
        return null;
    }
    const lines = [message.slice(0, start).trim()];
    for (const record of list(results)) {
        for (const error of list(record.errors)) {
            const fields = list(error.fields).length ? ` (${list(error.fields).join(', ')})` : '';
            lines.push(`  ${record.referenceId}: ${error.statusCode}: ${error.message}${fields}`);
        }
    }
    return lines;
}

/** Everything the CLI said about a failure, in full. */
export function describeFailure(json, stderr = '') {
    if (!json) {
        const text = stderr.trim();
        return text
            ? indent(text, '  ')
            : '  The CLI printed no JSON: run the same sf command without --json to see why.';
    }
    const lines = [];
    const result = json.result;
    if (json.message) {
        const name = json.name && json.name !== 'Error' ? `${json.name}: ` : '';
        const imported = dataImportLines(json.message);
        lines.push(
            ...(imported
                ? imported.map((line, index) => (index ? line : `  ${name}${line}`))
                : [indent(`${name}${json.message}`, '  ')])
        );
    }
    if (result && typeof result === 'object') {
        if (result.details || result.files || result.numberComponentErrors !== undefined) {
            if (result.errorMessage) lines.push(`  ${result.errorMessage}`);
            lines.push(...componentFailureLines(result), ...deployTestLines(result));
            if (result.status) lines.push(`  ${deploySummary(result)}`);
        }
        if (result.tests) lines.push(...apexTestFailureLines(result), `  ${apexTestSummary(result)}`);
        for (const failure of list(result.failures)) {
            lines.push(`  ${failure.name ?? ''}${failure.value ? ` ${failure.value}` : ''}: ${failure.message}`);
            for (const detail of list(failure.details))
                lines.push(`    ${detail.errorCode ? `${detail.errorCode}: ` : ''}${detail.message}`);
        }
    }
    const data = json.data;
    if (data?.exceptionStackTrace) lines.push(indent(data.exceptionStackTrace));
    if (data?.compileProblem) lines.push(`  line ${data.line}, column ${data.column}: ${data.compileProblem}`);
    for (const action of list(json.actions)) lines.push(`  What to do: ${action}`);
    if (!lines.length) lines.push(indent(JSON.stringify(result ?? json, null, 2), '  '));
    return lines.join('\n');
}
