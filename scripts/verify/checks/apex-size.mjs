// Apex size: classes small enough to read in one sitting and methods short enough to hold in the head. A class file
// over MAX_CLASS_LINES lines fails unless it only carries data (DTO-only: no method in it or its inner classes, only
// fields, properties and constructors), and a method or constructor over MAX_METHOD_LINES lines fails, in app and
// test classes alike. Lines are counted from the declaration to its closing brace, comments and blank lines included,
// as a reader meets them. Split a long class along its seams (selector, service, controller, DTOs), a long method
// into named steps.
import { readFileSync } from 'node:fs';
import { descendants, parseApex, ruleOf } from '../lib/apex-classes.mjs';
import { projectFiles, projectPath } from '../lib/project.mjs';

export const MAX_CLASS_LINES = 400;
export const MAX_METHOD_LINES = 60;

const lineCount = (source) => source.replace(/\n$/, '').split('\n').length;

export function check(root) {
    const problems = [];
    for (const path of projectFiles(root, (file) => file.endsWith('.cls'))) {
        const file = projectPath(root, path);
        const source = readFileSync(path, 'utf8');
        const { tree, errors } = parseApex(source);
        if (errors.length) {
            problems.push({ file, line: errors[0].line, message: 'does not parse, so its size cannot be checked.' });
            continue;
        }
        const methods = descendants(tree, (node) => ruleOf(node) === 'MethodDeclaration');
        const lines = lineCount(source);
        if (lines > MAX_CLASS_LINES && methods.length) {
            problems.push({
                file,
                line: 1,
                message: `has ${lines} lines, over the ${MAX_CLASS_LINES} a class may have (only a file of DTOs, without methods, may be longer): split it along its seams (selector, service, controller, DTOs).`
            });
        }
        const bodies = [...methods, ...descendants(tree, (node) => ruleOf(node) === 'ConstructorDeclaration')];
        for (const method of bodies.sort((a, b) => a.start.line - b.start.line)) {
            const length = method.stop.line - method.start.line + 1;
            if (length <= MAX_METHOD_LINES) continue;
            const name = method.children.find((child) => ruleOf(child) === 'Id' || ruleOf(child) === 'QualifiedName');
            problems.push({
                file,
                line: method.start.line,
                message: `${name ? `${name.getText()} has` : 'a method has'} ${length} lines, over the ${MAX_METHOD_LINES} a method may have: split it into named steps.`
            });
        }
    }
    return problems;
}
