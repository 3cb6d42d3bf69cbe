// Runs before every Jest test file: `import X from '@salesforce/label/c.<Name>'` gives the label's value from the
// project's CustomLabels files (scripts/verify/lib/custom-labels.cjs), as in an org; sfdx-lwc-jest alone would give
// the string "c.<Name>". Components and tests read the same values, so a test asserts on what users see. A test may
// still replace one label: jest.mock('@salesforce/label/c.<Name>', () => ({ default: '…' }), { virtual: true }).
const { join } = require('node:path');
const { LABEL_MODULE_PREFIX, labelValues } = require('../verify/lib/custom-labels.cjs');

// doMock, not mock: the factory closes over the value, which babel-jest's hoisting of jest.mock() forbids.
for (const [name, value] of labelValues(join(__dirname, '..', '..'))) {
    jest.doMock(`${LABEL_MODULE_PREFIX}${name}`, () => ({ __esModule: true, default: value }), { virtual: true });
}
