#!/usr/bin/env node
// Placeholder until the local workbench lands (issue 5): says so instead of failing obscurely.
console.log(
    'The local workbench (the components in a browser on sample data) is not built yet: it arrives with the workbench issue.\n' +
        'Meanwhile: `npm test` runs every offline check, and `npm run org:create` deploys Lead Handoff to a scratch org.'
);
