// The source files of the package directories, by metadata suffix ('.object-meta.xml', '.cls').
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SourceFile {
    /** Absolute path. */
    path: string;
    /** Relative to the project root, with '/' separators (what errors and positions show). */
    file: string;
    /** The file name without the suffix ('Lead', 'Rating__c', 'Tier.Gold'). */
    name: string;
    /** The directory name above the file ('fields', 'validationRules', or an object's folder). */
    parent: string;
    /** The directory above `parent` (the object folder for fields/…, validationRules/…). */
    grandparent: string;
}

const SKIPPED = new Set(['node_modules', 'lwc', 'aura', '.sfdx', '.sf', 'jest-mocks', 'jest-helpers']);

export function listFiles(root: string, directories: string[]): SourceFile[] {
    const files: SourceFile[] = [];
    const walk = (directory: string): void => {
        for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
            a.name.localeCompare(b.name)
        )) {
            const path = join(directory, entry.name);
            if (entry.isDirectory()) {
                if (!SKIPPED.has(entry.name)) walk(path);
            } else {
                const parts = relative(root, path).split(/[\\/]/);
                files.push({
                    path,
                    file: parts.join('/'),
                    name: entry.name,
                    parent: parts[parts.length - 2] ?? '',
                    grandparent: parts[parts.length - 3] ?? ''
                });
            }
        }
    };
    for (const directory of directories) walk(join(root, directory));
    return files;
}

/** Files whose name ends with `suffix`, with `name` set to the part before it. */
export function bySuffix(files: SourceFile[], suffix: string): SourceFile[] {
    return files
        .filter((file) => file.name.endsWith(suffix))
        .map((file) => ({ ...file, name: file.name.substring(0, file.name.length - suffix.length) }));
}
