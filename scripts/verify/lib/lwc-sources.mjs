// The source files of Lightning web components: TypeScript where it exists, JavaScript otherwise (a .js beside a .ts
// is the build's output, not source).
import { projectFiles } from './project.mjs';

/** Every LWC source file (.ts, or .js without a .ts) in the lwc folders of every package directory, absolute paths. */
export function lwcSources(root) {
    const files = projectFiles(root, (file) => file.includes('/lwc/') && /\.(ts|js)$/.test(file));
    const present = new Set(files);
    return files.filter((file) => !(file.endsWith('.js') && present.has(file.replace(/\.js$/, '.ts'))));
}
