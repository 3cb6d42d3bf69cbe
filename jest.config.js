// Jest for the TypeScript LWCs (run with `npx sfdx-lwc-jest`): tests are __tests__/*.test.ts beside each component.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    moduleFileExtensions: ['ts', 'js', 'html'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/scripts/verify/fixtures/', '<rootDir>/.build/'],
    modulePathIgnorePatterns: ['<rootDir>/scripts/verify/fixtures/', '<rootDir>/.build/'],
    // Platform modules that sfdx-lwc-jest has no stub for.
    moduleNameMapper: {
        '^lightning/modal$': '<rootDir>/force-app-tests/jest-mocks/lightning/modal',
        '^test/lwcTest$': '<rootDir>/force-app-tests/jest-helpers/lwcTest.js',
        '^test/navigationMock$': '<rootDir>/force-app-tests/jest-helpers/navigationMock.js'
    },
    setupFilesAfterEnv: [
        ...jestConfig.setupFilesAfterEnv,
        '<rootDir>/scripts/jest/setup.js',
        '<rootDir>/scripts/jest/custom-labels.js'
    ],
    collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
    coverageThreshold: { global: { lines: 90 } }
};
