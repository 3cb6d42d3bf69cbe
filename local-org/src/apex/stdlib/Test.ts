// Test: startTest/stopTest/isRunningTest. The runner (src/testing) supplies the hooks through the runtime state.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_test.htm
import type { Runtime, StdlibClass } from './registry.ts';

export interface TestHooks {
    startTest(): void;
    stopTest(): void;
}

function hooks(rt: Runtime): TestHooks {
    const found = rt.state.get('test') as TestHooks | undefined;
    return found ?? rt.unsupported('Test methods outside an Apex test');
}

export const TestClass: StdlibClass = {
    name: 'Test',
    statics: {
        starttest: (rt) => {
            hooks(rt).startTest();
            return null;
        },
        stoptest: (rt) => {
            hooks(rt).stopTest();
            return null;
        },
        isrunningtest: (rt) => rt.state.has('test'),
        setmock: (rt) => rt.unsupported('Test.setMock (callouts)'),
        getstandardpricebookid: (rt) => rt.unsupported('Test.getStandardPricebookId'),
        loaddata: (rt) => rt.unsupported('Test.loadData'),
        setcurrentpage: (rt) => rt.unsupported('Test.setCurrentPage')
    }
};
