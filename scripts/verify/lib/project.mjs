// What every check needs to know about an SFDX project: its package directories and their files.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Folders no check reads: dependencies, tool state, build output. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', '.build']);

/** Package directories declared in sfdx-project.json, as absolute paths. */
export function packageDirectories(root) {
    const projectFile = join(root, 'sfdx-project.json');
    if (!existsSync(projectFile)) {
        throw new Error(`${projectFile} not found: is ${root} an SFDX project?`);
    }
    const project = JSON.parse(readFileSync(projectFile, 'utf8'));
    return project.packageDirectories.map((dir) => join(root, dir.path));
}

function walk(dir, found) {
    for (const name of readdirSync(dir)) {
        if (SKIPPED_DIRS.has(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path, found);
        else found.push(path);
    }
    return found;
}

/** Every file under the package directories whose path satisfies `accept` (absolute paths, sorted). */
export function projectFiles(root, accept = () => true) {
    const files = [];
    for (const dir of packageDirectories(root)) {
        if (existsSync(dir)) walk(dir, files);
    }
    return files.filter(accept).sort();
}

/** A path relative to the project root with forward slashes, as problems name files. */
export function projectPath(root, file) {
    return relative(root, file).split(sep).join('/');
}

/** 1-based line of a character offset in a text. */
export function lineAt(text, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
    return line;
}

const xmlParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, jpath) => jpath.split('.').length > 1
});

/**
 * Parses a metadata XML file. Every element below the root is an array, every value a string, so callers
 * never guess whether one element or several were present.
 */
export function readMetadataXml(file) {
    return xmlParser.parse(readFileSync(file, 'utf8'));
}
