// The Apex test runner: each test method in isolation. The org is seeded once per run and restored from a
// snapshot per class; @TestSetup runs once per class and its data is restored before each method; statics and
// Limits start fresh per method (a new interpreter and transaction); Test.startTest gives fresh limits and
// Test.stopTest ends them. Outcomes: pass, fail (assertion or uncaught exception, with the Apex stack), or not run
// (an UnsupportedError: the emulator cannot run the test honestly).
// Sources: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_testing_unit_tests.htm
//          https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_testing_tools_start_stop_test.htm
import { PlatformException, ProjectError, UnsupportedError } from '../core/errors.ts';
import type { ProjectMetadata } from '../core/metadata.ts';
import type { QueryEngine, SaveEngine, Transaction, UserContext } from '../core/runtime.ts';
import type { SObject } from '../core/sobject.ts';
import { MemoryStore } from '../data/memory-store.ts';
import { Clock, OrgTransaction } from '../platform/transaction.ts';
import { createApexEngine, type ApexEngine } from '../apex/index.ts';
import { ApexThrown, AssertionFailure, describeThrown } from '../apex/exceptions.ts';
import type { Interpreter } from '../apex/interpreter.ts';
import type { TestHooks } from '../apex/stdlib/Test.ts';
import type { AccessChecks } from '../apex/stdlib/registry.ts';
import { discoverTests, type TestClass } from './discover.ts';
import { userContextOf } from './users.ts';

export type Outcome = 'pass' | 'fail' | 'not run';

export interface MethodResult {
    className: string;
    methodName: string;
    outcome: Outcome;
    /** Failure message, or the unsupported construct with its position. */
    message?: string;
    stack?: string;
    milliseconds: number;
}

export interface Engines {
    queryEngine: QueryEngine | null;
    saveEngine: SaveEngine | null;
    access: AccessChecks | null;
}

export interface OrgSetup {
    metadata: ProjectMetadata;
    /** Seeds a fresh store and returns the default running user. */
    seed(store: MemoryStore, now: number): UserContext;
    /** Builds the query and save engines (the save engine may call back into Apex through `apex`). */
    /** `current` gives the transaction being run (formula fields read through SOQL need its user and clock). */
    engines(
        metadata: ProjectMetadata,
        apex: ApexEngine,
        store: MemoryStore,
        current: () => Transaction | null
    ): Engines;
}

export interface RunOptions {
    filter?: string[];
    /** The instant tests start at (default: now); each method starts at this instant. */
    now?: number;
}

function outcomeOf(
    error: unknown,
    ip: Interpreter | null
): Omit<MethodResult, 'className' | 'methodName' | 'milliseconds'> {
    let problem = error;
    if (ip) problem = ip.asApex(problem);
    if (problem instanceof UnsupportedError) return { outcome: 'not run', message: problem.message };
    if (problem instanceof AssertionFailure)
        return { outcome: 'fail', message: `System.AssertException: ${problem.message}`, stack: problem.stack };
    if (problem instanceof ApexThrown) {
        return {
            outcome: 'fail',
            message: describeThrown(problem.exception),
            stack: problem.exception.exception?.stack
        };
    }
    if (problem instanceof PlatformException)
        return { outcome: 'fail', message: `System.${problem.exceptionType}: ${problem.message}` };
    if (problem instanceof ProjectError) return { outcome: 'fail', message: problem.message };
    const text = problem instanceof Error ? `${problem.message}\n${problem.stack ?? ''}` : String(problem);
    return {
        outcome: 'not run',
        message: `unsupported (local-org internal error) ${text.split('\n').slice(0, 4).join(' | ')}`
    };
}

class Session {
    readonly store: MemoryStore;
    readonly clock = new Clock();
    readonly admin: UserContext;
    readonly seeded: { issued: number; records: SObject[] };
    current: OrgTransaction | null = null;

    constructor(
        readonly setup: OrgSetup,
        readonly apex: ApexEngine,
        readonly now: number,
        readonly fixed: boolean
    ) {
        this.store = new MemoryStore(setup.metadata.schema);
        this.admin = setup.seed(this.store, now);
        this.seeded = this.store.snapshot();
    }

    /** One transaction with its interpreter, test hooks and runAs. */
    transaction(): { tx: OrgTransaction; ip: Interpreter } {
        // A run with a fixed instant keeps it for every method; else the clock follows real time, so that
        // successive saves in a method get increasing timestamps as on the platform.
        if (this.fixed) this.clock.set(this.now);
        const tx = new OrgTransaction(this.setup.metadata, this.store, this.clock, this.admin);
        this.current = tx;
        const ip = this.apex.interpreter(tx);
        let started = false;
        const hooks: TestHooks = {
            startTest: () => {
                if (started) ip.fail('FinalException', 'Test.startTest() can be called only once per test method');
                started = true;
                tx.startLimitsContext();
            },
            stopTest: () => {
                if (!started) ip.fail('FinalException', 'Test.stopTest() called without Test.startTest()');
                tx.endLimitsContext();
            }
        };
        ip.state.set('test', hooks);
        // "Every call to runAs counts against the total number of DML statements issued in the process."
        ip.state.set('runAs', (record: SObject, body: () => unknown) => {
            const user = userContextOf(this.store, record);
            tx.limits.dmlStatements++;
            return tx.runAs(user, body);
        });
        return { tx, ip };
    }
}

function runMethod(session: Session, test: TestClass, methodName: string): MethodResult {
    const started = Date.now();
    let ip: Interpreter | null = null;
    try {
        ip = session.transaction().ip;
        ip.runStatic(test.cls, methodName, []);
        return { className: test.cls.name, methodName, outcome: 'pass', milliseconds: Date.now() - started };
    } catch (error) {
        return { className: test.cls.name, methodName, ...outcomeOf(error, ip), milliseconds: Date.now() - started };
    }
}

export function runTests(setup: OrgSetup, options: RunOptions = {}): MethodResult[] {
    const apex = createApexEngine({ classes: setup.metadata.apexClasses });
    const session = new Session(setup, apex, options.now ?? Date.now(), options.now !== undefined);
    const engines = setup.engines(setup.metadata, apex, session.store, () => session.current);
    apex.queryEngine = engines.queryEngine;
    apex.saveEngine = engines.saveEngine;
    apex.access = engines.access;
    const results: MethodResult[] = [];
    for (const test of discoverTests(apex.classes.topLevel(), options.filter)) {
        session.store.restore(session.seeded);
        let setupFailure: MethodResult | null = null;
        for (const method of test.setup) {
            const result = runMethod(session, test, method.name);
            if (result.outcome !== 'pass') setupFailure = result;
        }
        const afterSetup = session.store.snapshot();
        for (const method of test.methods) {
            if (setupFailure) {
                results.push({
                    ...setupFailure,
                    methodName: method.name,
                    message: `@TestSetup ${setupFailure.methodName}: ${setupFailure.message}`
                });
                continue;
            }
            session.store.restore(afterSetup);
            results.push(runMethod(session, test, method.name));
        }
    }
    return results;
}
