// `sf project convert source` for each package directory, as a deploy would package it: convert must succeed,
// nothing that only serves development may reach the output (TypeScript, tsconfig, tests, Jest mocks, verify
// fixtures), and every TypeScript LWC must arrive with its built .js (convert silently drops a bundle without it).
// The labels files of the feature folders merge into one CustomLabels component: each of their labels must be in it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDirectories, projectFiles, projectPath } from '../lib/project.mjs';
import { labelFiles, readLabelFile } from '../lib/custom-labels.cjs';

const REPO_ROOT = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));
const SF = join(REPO_ROOT, 'node_modules', '.bin', 'sf');
const SF_ENV = {
    ...process.env,
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    FORCE_COLOR: '0'
};

const DEVELOPMENT_ONLY = [
    { test: (path) => path.endsWith('.ts'), what: 'a TypeScript source', rule: '**/*.ts' },
    { test: (path) => /(^|\/)tsconfig[^/]*\.json$/.test(path), what: 'a tsconfig', rule: '**/tsconfig*.json' },
    { test: (path) => path.split('/').includes('__tests__'), what: 'a test', rule: '**/__tests__/**' },
    { test: (path) => path.split('/').includes('jest-mocks'), what: 'a Jest mock', rule: '**/jest-mocks/**' },
    { test: (path) => path.split('/').includes('jest-helpers'), what: 'a Jest helper', rule: '**/jest-helpers/**' },
    { test: (path) => path.split('/').includes('fixtures'), what: 'a verify fixture', rule: '**/fixtures/**' }
];

function run(command, args, cwd) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { cwd, env: SF_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', (error) => resolve({ status: -1, stdout, stderr: String(error) }));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
}

function filesUnder(dir) {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

function convertFailure(result) {
    try {
        const json = JSON.parse(result.stdout);
        return `${json.name ?? 'Error'}: ${json.message}`;
    } catch {
        return (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ');
    }
}

/** The source file an output file came from: same bundle or file name under the package directory. */
function sourceOf(root, packageDir, outputPath) {
    const parts = outputPath.split('/');
    const tail = parts.slice(1).join('/');
    const match = projectFiles(root, (file) => file.startsWith(packageDir + sep)).find((file) =>
        file.split(sep).join('/').endsWith(`/${tail}`)
    );
    return match ? projectPath(root, match) : `${projectPath(root, packageDir)} (converted as ${outputPath})`;
}

/** LWC bundles written in TypeScript: folders under an `lwc` folder holding <name>.ts. */
function typeScriptBundles(root, packageDir) {
    return projectFiles(root, (file) => file.startsWith(packageDir + sep) && file.endsWith('.ts'))
        .filter((file) => basename(dirname(dirname(file))) === 'lwc')
        .filter((file) => basename(file, '.ts') === basename(dirname(file)));
}

/** Labels of the package directory's labels files that the converted CustomLabels (labels/CustomLabels.labels) lacks. */
function labelsLeftOut(root, packageDir, output) {
    const sources = labelFiles(root).filter((file) => file.startsWith(packageDir + sep));
    if (!sources.length) return [];
    const converted = join(output, 'labels', 'CustomLabels.labels');
    const present = new Set(existsSync(converted) ? readLabelFile(converted).map((label) => label.name) : []);
    return sources
        .flatMap(readLabelFile)
        .filter((label) => !present.has(label.name))
        .map((label) => ({
            file: projectPath(root, label.file),
            line: label.line,
            message: `the Custom Label ${label.name} is not in the converted CustomLabels (labels/CustomLabels.labels), so a deploy would leave it out: take its file out of .forceignore.`
        }));
}

async function checkPackageDirectory(root, packageDir, outputRoot) {
    const output = join(outputRoot, basename(packageDir));
    const result = await run(
        SF,
        ['project', 'convert', 'source', '-r', relative(root, packageDir), '-d', output, '--json'],
        root
    );
    const where = projectPath(root, packageDir);
    if (result.status !== 0) {
        return [
            {
                file: where,
                message: `sf project convert source failed (${convertFailure(result)}): a deploy would fail the same way; fix the named file or add it to .forceignore if it is not metadata.`
            }
        ];
    }
    const problems = [];
    for (const file of filesUnder(output)) {
        const outputPath = relative(output, file).split(sep).join('/');
        const kind = DEVELOPMENT_ONLY.find((rule) => rule.test(outputPath));
        if (!kind) continue;
        problems.push({
            file: sourceOf(root, packageDir, outputPath),
            message: `${kind.what} would be deployed (converted as ${outputPath}): add "${kind.rule}" to .forceignore.`
        });
    }
    for (const source of typeScriptBundles(root, packageDir)) {
        const name = basename(source, '.ts');
        if (existsSync(join(output, 'lwc', name, `${name}.js`))) continue;
        problems.push({
            file: projectPath(root, source),
            message: `LWC ${name} has no built ${name}.js, so convert silently left the component out: run npm run build (scripts/build/build-lwc.mjs) before converting or deploying.`
        });
    }
    problems.push(...labelsLeftOut(root, packageDir, output));
    return problems;
}

export async function check(root) {
    const outputRoot = mkdtempSync(join(tmpdir(), 'convert-source-'));
    try {
        const directories = packageDirectories(root).filter((dir) => existsSync(dir));
        const results = await Promise.all(directories.map((dir) => checkPackageDirectory(root, dir, outputRoot)));
        return results.flat();
    } finally {
        rmSync(outputRoot, { recursive: true, force: true });
    }
}
