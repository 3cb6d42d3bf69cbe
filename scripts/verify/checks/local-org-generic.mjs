// local-org must stay an emulator of the platform, not of this product: no file under local-org/src may name one of
// the project's Apex classes, flows, custom objects, custom fields, custom metadata types, permission sets, custom
// permissions, queues or groups. (Standard objects and fields are the platform's and may be named.) Names are
// matched as whole words, ignoring case, as Apex and SOQL would.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { lineAt, projectFiles, projectPath } from '../lib/project.mjs';

const KINDS = [
    { kind: 'Apex class', pattern: /\.cls$/, name: (file) => basename(file, '.cls') },
    { kind: 'flow', pattern: /\.flow-meta\.xml$/, name: (file) => basename(file, '.flow-meta.xml') },
    {
        kind: 'custom field',
        pattern: /\/fields\/[^/]+__c\.field-meta\.xml$/,
        name: (file) => basename(file, '.field-meta.xml')
    },
    {
        kind: 'custom object',
        pattern: /\/objects\/[^/]+__(c|mdt|e)\/[^/]+\.object-meta\.xml$/,
        name: (file) => basename(file, '.object-meta.xml')
    },
    {
        kind: 'permission set',
        pattern: /\.permissionset-meta\.xml$/,
        name: (file) => basename(file, '.permissionset-meta.xml')
    },
    {
        kind: 'custom permission',
        pattern: /\.customPermission-meta\.xml$/,
        name: (file) => basename(file, '.customPermission-meta.xml')
    },
    { kind: 'queue', pattern: /\.queue-meta\.xml$/, name: (file) => basename(file, '.queue-meta.xml') },
    { kind: 'group', pattern: /\.group-meta\.xml$/, name: (file) => basename(file, '.group-meta.xml') }
];

/** The project's own names, each with its kind. */
export function projectNames(root) {
    const names = new Map();
    for (const file of projectFiles(root)) {
        const path = file.split('\\').join('/');
        for (const { kind, pattern, name } of KINDS) {
            if (pattern.test(path)) names.set(name(path).toLowerCase(), { name: name(path), kind });
        }
    }
    return names;
}

function sourceFiles(dir) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });
}

export function check(root) {
    const names = projectNames(root);
    const problems = [];
    for (const file of sourceFiles(join(root, 'local-org', 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)) {
            const found = names.get(match[0].toLowerCase());
            if (!found) continue;
            problems.push({
                file: projectPath(root, file),
                line: lineAt(text, match.index),
                message: `names the project's ${found.kind} ${found.name}: local-org emulates the platform for any project; move project names to a test fixture.`
            });
        }
    }
    return problems;
}
