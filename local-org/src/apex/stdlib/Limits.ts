// Limits: counters of the current test context (Test.startTest gives a fresh one), and the synchronous limits.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_limits.htm
import type { StdlibClass } from './registry.ts';

export const LimitsClass: StdlibClass = {
    name: 'Limits',
    statics: {
        getqueries: (rt) => rt.tx.limits.queries,
        getlimitqueries: () => 100,
        getqueryrows: (rt) => rt.tx.limits.queryRows,
        getlimitqueryrows: () => 50000,
        getdmlstatements: (rt) => rt.tx.limits.dmlStatements,
        getlimitdmlstatements: () => 150,
        getdmlrows: (rt) => rt.tx.limits.dmlRows,
        getlimitdmlrows: () => 10000,
        getpublishimmediatedml: (rt) => rt.tx.limits.publishImmediateDml,
        getlimitpublishimmediatedml: () => 150,
        getcputime: (rt) => rt.unsupported('Limits.getCpuTime'),
        getheapsize: (rt) => rt.unsupported('Limits.getHeapSize')
    }
};
