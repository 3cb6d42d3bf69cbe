// Formulas (formula fields, validation rules) and the global variables that flows and permission sets also name:
// $CustomMetadata, $Permission, $Setup, $User.
import { createLocator, referenceProblem } from './common.mjs';
import { closest, fieldPathProblem, objectExists, unknownObjectMessage } from '../../lib/schema.mjs';

// Tokens of a formula that may name fields: paths like Accepted_By__r.Name, $CustomMetadata.T__mdt.R.F__c.
const FORMULA_TOKEN = /\$?[A-Za-z][\w]*(?:[.:]\$?[A-Za-z][\w]*)*/g;

function stripFormulaLiterals(formula) {
    return formula
        .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
        .replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, (literal) => literal.replace(/[^\n]/g, ' '));
}

/** Problems of a global-variable token such as $CustomMetadata.X__mdt.Rec.F__c, $Permission.P, $Setup.S__c.F__c. */
export function globalProblem(schema, token) {
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

export function checkFormula(schema, report, file, text, object, tag, formula, what) {
    const start = createLocator(text)(`<${tag}>`) ?? 1;
    for (const problem of formulaProblems(schema, object, formula)) {
        report.add(file, start + problem.line, `${what}: ${problem.message}`);
    }
}
