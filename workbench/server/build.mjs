// Bundles the workbench client: the shell, the app components (their built .js), lightning-base-components and the
// platform stand-ins, with rollup and @lwc/rollup-plugin under synthetic shadow (closest to Lightning Experience:
// global SLDS reaches the components' templates). Output: ES modules in outDir, one chunk per page component.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
                warn(warning);
            },
            plugins: [
                workbenchModules({ root, pages: () => pages }),
                browserEnvironment(mode),
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
