// What the docs check reads: which markdown files are docs, their inline code and fenced examples, and every name
// the project's metadata declares.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SKIPPED_DIRS, projectFiles, projectPath } from '../../lib/project.mjs';

// The planted fixtures of these checks are wrong on purpose; each is checked as a project of its own in the specs.
const NOT_DOCS = new Set(['scripts/verify/fixtures']);

/** The project's docs: every README.md and every page under docs/, sorted; other SFDX projects inside are skipped. */
export function markdownDocs(root) {
    const found = [];
    const walk = (dir, underDocs) => {
        for (const name of readdirSync(dir).sort()) {
            const path = join(dir, name);
            if (SKIPPED_DIRS.has(name) || NOT_DOCS.has(projectPath(root, path))) continue;
            if (statSync(path).isDirectory()) {
                if (!existsSync(join(path, 'sfdx-project.json'))) walk(path, underDocs || path === join(root, 'docs'));
            } else if (name === 'README.md' || (underDocs && name.endsWith('.md'))) {
                found.push(path);
            }
        }
    };
    walk(root, false);
    return found;
}

/**
 * The inline code spans of a markdown text outside fenced blocks, [{ code, line }], and its fenced blocks,
 * [{ text, line (of the block's first line of content) }].
 */
export function markdownParts(text) {
    const spans = [];
    const blocks = [];
    let fence;
    for (const [index, line] of text.split('\n').entries()) {
        const opening = line.match(/^\s*(`{3,}|~{3,})/);
        if (fence) {
            if (opening && opening[1][0] === fence.marker[0] && opening[1].length >= fence.marker.length) {
                blocks.push({ text: fence.lines.join('\n'), line: fence.line });
                fence = undefined;
            } else fence.lines.push(line);
            continue;
        }
        if (opening) {
            fence = { marker: opening[1], lines: [], line: index + 2 };
            continue;
        }
        for (const [, code] of line.matchAll(/`([^`]+)`/g)) spans.push({ code: code.trim(), line: index + 1 });
    }
    return { spans, blocks };
}

/**
 * Every name the project declares, by lower case: each part of each file path in the package directories
 * (`flows/Lead_Handoff_Qualify.flow-meta.xml`, `customMetadata/Routing_Policy.Default.md-meta.xml`,
 * `classes/HandoffPolicy.cls`), and each identifier that is the whole value of an element in metadata XML (flow
 * elements, picklist values, relationship names, labels' names, list views).
 */
export function declaredNames(root) {
    const names = new Map();
    const add = (name) => {
        if (/^[A-Za-z]\w*$/.test(name) && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    };
    for (const file of projectFiles(root)) {
        for (const segment of projectPath(root, file).split('/')) segment.split(/[.-]/).forEach(add);
        if (!file.endsWith('-meta.xml')) continue;
        for (const [, value] of readFileSync(file, 'utf8').matchAll(/>\s*([A-Za-z]\w*)\s*</g)) add(value);
    }
    return names;
}
