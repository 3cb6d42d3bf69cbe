// Loads the workbench backend (TypeScript in workbench/backend) as `npm run build` emits it for Node: the build
// type-checks it with its tests and writes it to the outDir of workbench/tsconfig.json.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** The compiled backend entry: <outDir of workbench/tsconfig.json>/backend/index.js. */
export function compiledBackendEntry(root) {
    const configFile = join(root, 'workbench', 'tsconfig.json');
    const { config, error } = ts.parseConfigFileTextToJson(configFile, readFileSync(configFile, 'utf8'));
    if (error) throw new Error(`workbench/tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}`);
    const outDir = join(root, 'workbench', config.compilerOptions?.outDir ?? '.');
    return join(outDir, 'backend', 'index.js');
}

/** Creates the backend on the project's files, state in stateDir; reset re-seeds it. */
export async function loadBackend({ root, stateDir, reset = false, now }) {
    const entry = compiledBackendEntry(root);
    if (!existsSync(entry)) {
        throw new Error(`${relative(root, entry)} is missing: run npm run build (it compiles workbench/backend).`);
    }
    const { createBackend } = await import(pathToFileURL(entry).href);
    mkdirSync(stateDir, { recursive: true });
    const backend = await createBackend({ root, stateDir, ...(now ? { now } : {}) });
    if (reset) await backend.reset();
    return backend;
}
