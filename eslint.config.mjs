// ESLint 9 flat config. LWC TypeScript gets the Salesforce LWC rules (recommended) with the typescript-eslint
// parser; its `recommendedTs` variant reports false no-undef errors on types, so it is not used.
import lwcConfig from '@salesforce/eslint-config-lwc';
import pluginJest from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LWC_TYPESCRIPT = ['**/lwc/**/*.ts'];
const LWC_JAVASCRIPT = ['scripts/verify/fixtures/clean/**/lwc/**/*.js', 'force-app-tests/jest-mocks/**/*.js'];
const TESTS = ['**/__tests__/**/*.ts', 'force-app-tests/jest-mocks/**/*.js'];
const TYPESCRIPT = ['**/*.ts'];

const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

export default [
    {
        ignores: [
            'node_modules/',
            'coverage/',
            '.build/',
            '.sf/',
            '.sfdx/',
            // JavaScript emitted by scripts/build/build-lwc.mjs from the .ts beside it
            'force-app/**/lwc/**/*.js',
            'types/generated/',
            'scripts/verify/fixtures/planted/'
        ]
    },
    ...scoped(lwcConfig.configs.recommended, [...LWC_TYPESCRIPT, ...LWC_JAVASCRIPT]),
    ...scoped(tseslint.configs.recommended, TYPESCRIPT),
    {
        files: TYPESCRIPT,
        languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
        rules: {
            // The base rules do not understand types; the typescript-eslint ones replace them.
            'no-shadow': 'off',
            '@typescript-eslint/no-shadow': 'error',
            'no-use-before-define': 'off',
            '@typescript-eslint/no-use-before-define': ['error', { functions: false }],
            'no-unused-vars': 'off',
            '@typescript-eslint/consistent-type-imports': 'error',
            // import/* rules cannot resolve c/*, lightning/* and @salesforce/* platform modules
            'import/no-unresolved': 'off',
            'import/named': 'off',
            'import/namespace': 'off',
            'import/default': 'off'
        }
    },
    {
        // Ambient declarations are script files: a top-level import would make them modules, so import() types.
        files: ['types/**/*.d.ts'],
        rules: { '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }] }
    },
    {
        ...pluginJest.configs['flat/recommended'],
        files: TESTS,
        languageOptions: { globals: { ...globals.jest } }
    },
    {
        files: ['**/*.mjs', '**/*.cjs', 'jest.config.js', 'scripts/jest/**/*.js'],
        languageOptions: { ecmaVersion: 'latest', globals: { ...globals.node } }
    },
    {
        files: ['jest.config.js', 'scripts/jest/**/*.js', '**/*.cjs'],
        languageOptions: { sourceType: 'commonjs' }
    }
];
