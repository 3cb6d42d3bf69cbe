// Stryker for `npm run mutation` (scripts/mutation/run.mjs): mutants of the TypeScript rule modules of
// scripts/mutation/modules.cjs, each judged by that module's own Jest tests (scripts/mutation/jest.config.cjs). A
// benchmark, not part of `npm test`. perTest coverage runs only the tests that reach a mutant; static mutants
// (module-level constants such as label imports, which every test reaches) are left out to keep the run short.
import { createRequire } from 'node:module';

const { RULE_MODULES } = createRequire(import.meta.url)('./scripts/mutation/modules.cjs');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
    testRunner: 'jest',
    plugins: ['@stryker-mutator/jest-runner'],
    jest: { projectType: 'custom', configFile: 'scripts/mutation/jest.config.cjs', enableFindRelatedTests: false },
    coverageAnalysis: 'perTest',
    ignoreStatic: true,
    mutate: RULE_MODULES.map((module) => module.source),
    // The sandbox needs the sources, the tests and the Jest setup only.
    ignorePatterns: [
        '/local-org',
        '/workbench',
        '/docs',
        '/data',
        '/.build',
        '/.ci',
        '/.github',
        '/coverage',
        '/reports',
        '/scripts/verify/fixtures',
        'force-app/**/*.js.map'
    ],
    concurrency: 4,
    timeoutMS: 20000,
    incremental: true,
    incrementalFile: '.build/mutation/stryker-incremental.json',
    tempDirName: '.build/stryker-tmp',
    cleanTempDir: 'always',
    reporters: ['clear-text', 'json', 'progress'],
    jsonReporter: { fileName: '.build/mutation/stryker.json' },
    thresholds: { high: 90, low: 80, break: null }
};
