// Jest for `npm run mutation`: the rule modules' own tests only. A rule must be pinned by the tests of the module that
// owns it (issue 18), and running one small test file per mutant keeps Stryker within minutes on two cores.
const base = require('../../jest.config.js');
const { RULE_MODULES } = require('./modules.cjs');

module.exports = {
    ...base,
    rootDir: '../..',
    testMatch: RULE_MODULES.map((module) => `<rootDir>/${module.tests}`),
    collectCoverageFrom: undefined,
    coverageThreshold: undefined
};
