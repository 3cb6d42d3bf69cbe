// Runs before every Jest test file: adds the toBeAccessible() matcher of @sa11y/jest.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
