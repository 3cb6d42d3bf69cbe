// The Apex interpreter: parse the project's classes once, resolve them into a class table, and run methods in a
// transaction. `createApexEngine` is the factory other layers use (tests, the flow layer's ApexInvoker).
import type { ApexSource } from '../core/metadata.ts';
import type { ApexInvoker, QueryEngine, SaveEngine, Transaction } from '../core/runtime.ts';
import { ClassTable } from './classes.ts';
import { Interpreter } from './interpreter.ts';
import { callAuraEnabled } from './aura.ts';
import { invokeInvocable } from './invocable.ts';
import { parseClasses } from './parse.ts';
import { createRegistry } from './stdlib/index.ts';
import type { AccessChecks, Registry } from './stdlib/registry.ts';

export interface ApexEngineOptions {
    classes: ApexSource[];
    queryEngine?: QueryEngine | null;
    saveEngine?: SaveEngine | null;
}

export class ApexEngine implements ApexInvoker {
    readonly classes: ClassTable;
    readonly registry: Registry;
    queryEngine: QueryEngine | null;
    saveEngine: SaveEngine | null;
    access: AccessChecks | null = null;
    /** The interpreter of the current transaction: statics live as long as it does. */
    private current: { tx: Transaction; interpreter: Interpreter } | null = null;

    constructor(options: ApexEngineOptions) {
        this.classes = new ClassTable(parseClasses(options.classes));
        this.registry = createRegistry();
        this.queryEngine = options.queryEngine ?? null;
        this.saveEngine = options.saveEngine ?? null;
    }

    /** A fresh interpreter (fresh statics) for a transaction or a test method. */
    interpreter(tx: Transaction): Interpreter {
        const interpreter = new Interpreter(this.classes, this.registry, {
            tx,
            schema: tx.metadata.schema,
            queryEngine: this.queryEngine,
            saveEngine: this.saveEngine,
            access: this.access
        });
        this.current = { tx, interpreter };
        return interpreter;
    }

    interpreterFor(tx: Transaction): Interpreter {
        return this.current && this.current.tx === tx ? this.current.interpreter : this.interpreter(tx);
    }

    /** An @AuraEnabled method called as a Lightning component does (JSON parameters and result). */
    callAuraEnabled(tx: Transaction, className: string, methodName: string, params: Record<string, unknown>): unknown {
        return callAuraEnabled(this.interpreterFor(tx), className, methodName, params);
    }

    invokeInvocable(tx: Transaction, className: string, inputs: Record<string, unknown>[]): Record<string, unknown>[] {
        return invokeInvocable(this.interpreterFor(tx), className, inputs);
    }
}

export function createApexEngine(options: ApexEngineOptions): ApexEngine {
    return new ApexEngine(options);
}

export { Interpreter } from './interpreter.ts';
export { ApexThrown, AssertionFailure, describeThrown } from './exceptions.ts';
