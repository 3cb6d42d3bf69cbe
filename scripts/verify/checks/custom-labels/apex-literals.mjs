// User-facing text written into non-test Apex instead of read from a Custom Label (System.Label.X, with {0}, {1}
// filled by a format helper). A heuristic over the source text (comments removed), limited to where a sentence for the
// user is certain to go:
// - the argument of an AuraHandledException, built directly (`new AuraHandledException(…)`) or through a helper whose
//   name ends in AuraError (`LeadHandoffAuraError.of(…)`), and of any other exception (`new …Exception(…)`: services'
//   request errors reach the user through the controllers, invocable actions' errors through the flows' fault
//   messages);
// - the value assigned to a variable, constant or field named like a message (`message = …`, `NO_ACCESS_MESSAGE = …`);
// - a string returned by a method (`return 'This lead…'`).
// A string literal there that reads as prose (a word of two letters or more beside a space) is reported.
// Known gaps: sentences handed to outcome constructors or helpers by position (`refused(id, code, 'sentence')`);
// single words. Silence a finding (a programming error no user meets, a log line) with "custom-labels: not user text"
// on the line or the line above.
import { readFileSync } from 'node:fs';
import { projectFiles, projectPath } from '../../lib/project.mjs';
import { MARKER } from './literals.mjs';

const STRING = /'(?:\\.|[^'\\\n])*'/g;
const STRING_AT = /'(?:\\.|[^'\\\n])*'/y;
const PROSE = /[A-Za-z]{2,}\s|\s[A-Za-z]{2,}/;
const AURA_ERROR = /(?:\bnew\s+AuraHandledException|\b\w*AuraError\s*\.\s*\w+)\s*\(/gi;
const EXCEPTION = /\bnew\s+(?:\w+\.)*(?!AuraHandledException\b)\w*Exception\s*\(/gi;
const RETURN = /\breturn\s+(?=')/gi;
const MESSAGE_ASSIGNMENT = /\b\w*message\s*=(?!=)/gi;

/** The source with comments blanked out (strings kept), so positions and line numbers stay. */
function withoutComments(source) {
    return source.replace(/'(?:\\.|[^'\\\n])*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (match) =>
        match.startsWith("'") ? match : match.replace(/[^\n]/g, ' ')
    );
}

/** The end of the parenthesised argument list opening before `from`, or of the statement (`;`). */
function regionEnd(source, from, untilSemicolon) {
    let depth = untilSemicolon ? 0 : 1;
    for (let i = from; i < source.length; i++) {
        const c = source[i];
        if (c === "'") {
            STRING_AT.lastIndex = i;
            const literal = STRING_AT.exec(source);
            if (literal) i += literal[0].length - 1;
        } else if (c === '(') depth++;
        else if (c === ')' && --depth === 0 && !untilSemicolon) return i;
        else if (c === ';' && untilSemicolon && depth === 0) return i;
    }
    return source.length;
}

export function apexLiteralProblems(source, reportInOrder) {
    const found = [];
    const report = (...finding) => found.push(finding);
    const code = withoutComments(source);
    const lines = source.split('\n');
    const lineOf = (index) => code.slice(0, index).split('\n').length;
    const silenced = (line) => [lines[line - 1], lines[line - 2]].some((text) => text?.includes(MARKER));
    const seen = new Set();
    const scan = (pattern, untilSemicolon, what) => {
        for (const match of code.matchAll(pattern)) {
            const start = match.index + match[0].length;
            const region = code.slice(start, regionEnd(code, start, untilSemicolon));
            for (const literal of region.matchAll(STRING)) {
                const at = start + literal.index;
                const value = literal[0].slice(1, -1);
                if (seen.has(at) || !PROSE.test(value)) continue;
                seen.add(at);
                const line = lineOf(at);
                if (!silenced(line)) report(line, what, value);
            }
        }
    };
    scan(AURA_ERROR, false, 'an AuraHandledException message');
    scan(MESSAGE_ASSIGNMENT, true, 'a message assignment');
    scan(EXCEPTION, false, 'an exception message');
    scan(RETURN, true, 'a returned string');
    for (const finding of found.sort((a, b) => a[0] - b[0])) reportInOrder(...finding);
}

/** Problems: user-facing text in the non-test Apex classes of the package directories. */
export function checkApexLiterals(root, report) {
    for (const file of projectFiles(root, (name) => name.endsWith('.cls'))) {
        const source = readFileSync(file, 'utf8');
        if (/^\s*@IsTest\b/im.test(source.replace(/\/\*[\s\S]*?\*\//g, ''))) continue;
        const path = projectPath(root, file);
        apexLiteralProblems(source, (line, what, value) =>
            report(
                path,
                line,
                `${what} holds the user-facing text "${value.length > 60 ? `${value.slice(0, 57)}...` : value}": ` +
                    'make it a Custom Label in the labels file of this feature ' +
                    '(main/<feature>/labels/CustomLabels.labels-meta.xml) and read it with System.Label.<Name>, ' +
                    `with {0}, {1} filled by a format helper. Not text? Say so: "${MARKER}".`
            )
        );
    }
}
