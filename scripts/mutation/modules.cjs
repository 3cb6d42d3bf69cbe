// The TypeScript rule modules `npm run mutation` mutates, each with the test file that owns its rules.
const lwc = (feature, name) => ({
    name,
    source: `force-app/main/${feature}/lwc/${name}/${name}.ts`,
    tests: `force-app/main/${feature}/lwc/${name}/__tests__/${name}.test.ts`
});

const RULE_MODULES = [
    lwc('shared', 'slaClock'),
    lwc('shared', 'labelFormat'),
    lwc('shared', 'errorMessages'),
    lwc('shared', 'leadLabels'),
    lwc('lead-lifecycle', 'leadStages'),
    lwc('manager-insights', 'insightsFormat'),
    lwc('sdr-inbox', 'handoffRequests'),
    lwc('sdr-inbox', 'leadInbox')
];

module.exports = { RULE_MODULES };
