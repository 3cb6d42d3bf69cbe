// Bundles the workbench client: the shell, the app components (their built .js), lightning-base-components and the
// platform stand-ins, with rollup and @lwc/rollup-plugin under synthetic shadow (closest to Lightning Experience:
// global SLDS reaches the components' templates). Output: ES modules in outDir, one chunk per page component.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import { availablePages, projectComponents } from './pages.mjs';
import { workbenchModules } from './virtual-modules.mjs';

/**
 * Replaces what the browser lacks: `import.meta.env.SSR` (lightning-base-components reads it) by false, and
 * `process.env.NODE_ENV` (LWC's dev-mode checks) by the mode, so the other branch is tree-shaken away.
 */
function browserEnvironment(mode) {
    return {
        name: 'workbench-browser-env',
        transform(code) {
            if (!code.includes('import.meta.env') && !code.includes('process.env.NODE_ENV')) return null;
            const replaced = code
                .replace(/import\.meta\.env\.SSR/g, 'false')
                .replace(/process\.env\.NODE_ENV/g, JSON.stringify(mode));
            return { code: replaced, map: null };
        }
    };
}

/**
 * Loads a modal on first use: a component's default import of another component that it only ever `.open(…)`s (a
 * LightningModal) becomes a stand-in whose open() imports the modal's chunk then. The source stays as deployed (in
 * Lightning the modal's module is fetched by the platform); here the inbox's first render no longer waits for the
 * modal and the base components only it uses.
 */
function lazyModals() {
    const IMPORT = /^import (\w+) from '(c\/\w+)';$/gm;
    return {
        name: 'workbench-lazy-modals',
        transform(code, id) {
            if (!id.split(sep).includes('lwc') || !code.includes("from 'c/")) return null;
            let changed = code;
            for (const [statement, name, source] of code.matchAll(IMPORT)) {
                const uses = [...code.matchAll(new RegExp(`\\b${name}\\b(\\.\\w+)?`, 'g'))].slice(1);
                if (uses.length === 0 || uses.some((use) => use[1] !== '.open')) continue;
                changed = changed.replace(
                    statement,
                    `const ${name} = { open: (...args) => import('${source}').then((module) => module.default.open(...args)) };`
                );
            }
            return changed === code ? null : { code: changed, map: null };
        }
    };
}

export const PRELOAD_FILE = 'preload.json';

/**
 * The chunks each page's components need at once (their own chunks and what those import statically, not what they
 * import lazily), so the page can ask for them with the shell (`<link rel="modulepreload">`) instead of after it.
 */
function pagePreloads(output, pages, components) {
    const chunks = new Map(output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
    const entryOf = new Map(components.map((component) => [component.name, component.entry]));
    const preloads = {};
    for (const page of pages) {
        const files = new Set();
        const add = (fileName) => {
            if (files.has(fileName) || !chunks.has(fileName) || chunks.get(fileName).isEntry) return;
            files.add(fileName);
            for (const imported of chunks.get(fileName).imports) add(imported);
        };
        for (const name of page.components) {
            for (const chunk of chunks.values()) {
                // The LWC plugin tags a module id with its specifier: <entry>?specifier=c%2FleadInbox
                if (chunk.facadeModuleId?.split('?')[0] === entryOf.get(name)) add(chunk.fileName);
            }
        }
        preloads[page.key] = [...files];
    }
    return preloads;
}

/**
 * A bundler that keeps rollup's cache between builds (watch mode rebuilds faster than the first build).
 * mode 'production' (default) drops LWC's dev-mode checks; 'development' keeps its warnings in the console.
 */
export function createBundler({ root, outDir, mode = 'production' }) {
    let cache;
    const workbench = join(root, 'workbench');

    async function build() {
        const started = Date.now();
        const all = projectComponents(root);
        // A component whose .ts has not been compiled yet (or failed to) cannot be bundled: named in the result.
        const components = all.filter((component) => existsSync(component.entry));
        const unbuilt = all.filter((component) => !existsSync(component.entry)).map((component) => component.name);
        const pages = availablePages(components);
        const bundle = await rollup({
            input: { shell: join(workbench, 'client', 'shell.js') },
            cache,
            treeshake: true,
            onwarn(warning, warn) {
                if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
                // lightning-input's own template draws an LWC1057 warning (a type attribute on a div): not ours to fix.
                if (warning.id?.split(sep).join('/').includes('/node_modules/lightning-base-components/')) return;
                warn(warning);
            },
            plugins: [
                workbenchModules({ root, pages: () => pages }),
                browserEnvironment(mode),
                lazyModals(),
                lwc({
                    rootDir: join(workbench, 'client'),
                    // First match wins: the stand-ins override lightning-base-components' lightning/navigation.
                    modules: [
                        { dir: join(workbench, 'modules') },
                        ...components.map((component) => ({ name: `c/${component.name}`, path: component.entry })),
                        { npm: 'lightning-base-components' }
                    ],
                    enableSyntheticElementInternals: true
                })
            ]
        });
        cache = bundle.cache;
        rmSync(outDir, { recursive: true, force: true });
        const { output } = await bundle.write({
            dir: outDir,
            format: 'es',
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            sourcemap: false
        });
        await bundle.close();
        writeFileSync(join(outDir, PRELOAD_FILE), JSON.stringify(pagePreloads(output, pages, components)));
        const bytes = output.reduce((sum, file) => sum + (file.code ?? file.source ?? '').length, 0);
        return {
            pages,
            unbuilt,
            files: output.length,
            bytes,
            seconds: (Date.now() - started) / 1000,
            watchFiles: bundle.watchFiles
        };
    }

    return { build };
}
