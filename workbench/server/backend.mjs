// Compiles the workbench backend (TypeScript, workbench/backend) for Node and creates it. The backend's own
// workbench/backend/tsconfig.json wins when it exists; otherwise the sources compile with the options below.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const DEFAULT_OPTIONS = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    strict: true,
    skipLibCheck: true,
    noEmitOnError: true,
    types: ['node']
};

function sources(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return name === '__tests__' || name === 'node_modules' ? [] : sources(path);
        return name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts') ? [path] : [];
    });
}

function describe(root, diagnostic) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file) return `TS${diagnostic.code}: ${message}`;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${relative(root, diagnostic.file.fileName)}:${line + 1}: TS${diagnostic.code}: ${message}`;
}

/** Compiles workbench/backend to JavaScript; returns the path of the compiled index.js. Throws with tsc's errors. */
export function compileBackend(root) {
    const dir = join(root, 'workbench', 'backend');
    if (!existsSync(join(dir, 'index.ts'))) {
        throw new Error(
            'workbench/backend/index.ts is missing: the workbench backend (createBackend) is not written yet.'
        );
    }
    const ownConfig = join(dir, 'tsconfig.json');
    let rootNames;
    let options;
    if (existsSync(ownConfig)) {
        const parsed = ts.getParsedCommandLineOfConfigFile(
            ownConfig,
            {},
            { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} }
        );
        rootNames = parsed.fileNames.filter((file) => !/[\\/]__tests__[\\/]/.test(file));
        // Emitting for Node: imports written with .ts extensions must become .js.
        options = { ...parsed.options, noEmit: false, rewriteRelativeImportExtensions: true };
    } else {
        rootNames = sources(dir);
        options = DEFAULT_OPTIONS;
    }
    const outDir = options.outDir ?? join(root, '.build', 'workbench-backend');
    options = { ...options, outDir, rootDir: options.rootDir ?? dir };
    rmSync(outDir, { recursive: true, force: true });
    const program = ts.createProgram({ rootNames, options });
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
    if (diagnostics.length) {
        const lines = diagnostics.map((diagnostic) => describe(root, diagnostic));
        throw new Error(`The workbench backend does not compile:\n${lines.join('\n')}`);
    }
    mkdirSync(outDir, { recursive: true });
    // The project's package.json is not "type": "module": mark the compiled folder as ES modules for Node.
    writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
    return join(outDir, relative(options.rootDir, join(dir, 'index.js')));
}

/** Compiles and creates the backend on the project's files, state in stateDir; reset re-seeds it. */
export async function loadBackend({ root, stateDir, reset = false, now }) {
    const index = compileBackend(root);
    const { createBackend } = await import(`${pathToFileURL(index).href}?v=${Date.now()}`);
    mkdirSync(stateDir, { recursive: true });
    const backend = await createBackend({ root, stateDir, ...(now ? { now } : {}) });
    if (reset) await backend.reset();
    return backend;
}
