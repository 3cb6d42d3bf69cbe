// The evaluator's core: per-transaction static state (initialised on first use, in declaration order), object
// construction (constructor chaining, field initialisers, the standard exception constructors), method
// invocation with overloads chosen by declared types, and the call stack for stack traces.
import { PlatformException, UnsupportedError, type SourcePosition } from '../core/errors.ts';
import type { QueryEngine, SaveEngine, Transaction } from '../core/runtime.ts';
import type { Schema } from '../core/schema.ts';
import type { SObject } from '../core/sobject.ts';
import type { Expr, MethodDecl, Stmt, TypeRef } from './ast.ts';
import type { ClassInfo, ClassTable } from './classes.ts';
import { Env, type Frame } from './env.ts';
import { ApexThrown } from './exceptions.ts';
import { fieldToApex } from './fields.ts';
import { ArithmeticFault, stringOf, valuesEqual } from './operators.ts';
import { execBlock } from './statements.ts';
import { evaluate, staticTypeOf } from './expressions.ts';
import type { AccessChecks, Registry, Runtime } from './stdlib/registry.ts';
import { coerce, isInstance, type TypeResolver } from './types.ts';
import { ApexObject, type Value } from './values.ts';

export interface InterpreterOptions {
    tx: Transaction;
    schema: Schema | null;
    queryEngine: QueryEngine | null;
    saveEngine: SaveEngine | null;
    access: AccessChecks | null;
}

const MAX_DEPTH = 400;

export class Interpreter implements Runtime, TypeResolver {
    readonly tx: Transaction;
    readonly schema: Schema | null;
    readonly queryEngine: QueryEngine | null;
    readonly saveEngine: SaveEngine | null;
    readonly access: AccessChecks | null;
    readonly state = new Map<string, unknown>();
    readonly stack: Frame[] = [];
    /** Records returned by SOQL: reading a field they were not queried with is an SObjectException. */
    readonly queried = new WeakSet<SObject>();
    private readonly statics = new Map<ClassInfo, Map<string, Value>>();

    constructor(
        readonly classes: ClassTable,
        readonly registry: Registry,
        options: InterpreterOptions
    ) {
        this.tx = options.tx;
        this.schema = options.schema;
        this.queryEngine = options.queryEngine;
        this.saveEngine = options.saveEngine;
        this.access = options.access;
    }

    // ---- Runtime (what the standard library sees) ----

    get frame(): Frame {
        return this.stack[this.stack.length - 1];
    }

    position(): SourcePosition {
        const frame = this.frame;
        return frame ? { file: frame.cls.file, line: frame.line } : { file: '(unknown)' };
    }

    unsupported(construct: string): never {
        throw new UnsupportedError(construct, this.position());
    }

    fail(exceptionType: string, message: string): never {
        throw new ApexThrown(this.newException(exceptionType, message));
    }

    newException(exceptionType: string, message: string | null, cause: ApexObject | null = null): ApexObject {
        const cls = this.classes.resolve(exceptionType.replace(/^System\./i, ''), null);
        if (!cls) this.unsupported(`exception type ${exceptionType}`);
        const exception = new ApexObject(cls);
        exception.exception = { message, cause, line: this.frame?.line ?? 0, stack: this.stackTrace() };
        return exception;
    }

    stackTrace(): string {
        return [...this.stack]
            .reverse()
            .map((frame) => `Class.${frame.cls.name}.${frame.method}: line ${frame.line}, column 1`)
            .join('\n');
    }

    stringOf(value: Value): string {
        return stringOf(value, (object) => this.objectToString(object));
    }

    equals(a: Value, b: Value, ignoreCase: boolean): boolean {
        return valuesEqual(a, b, ignoreCase, (x, y) => this.objectEquals(x, y));
    }

    compareObjects(a: ApexObject, b: Value): number {
        const result = this.callMethod(a, 'compareTo', [b]);
        return typeof result === 'number' ? result : 0;
    }

    readField(record: SObject, field: string): Value {
        return fieldToApex(record.get(field), this.schema, record.type, field);
    }

    isSObjectType(name: string): boolean {
        const key = name.toLowerCase().replace(/^schema\./, '');
        if (this.schema?.object(key)) return true;
        return key === 'sobject' || /__(c|mdt|e|x|share|history)$/.test(key);
    }

    resolveClass(name: string): ClassInfo | null {
        return this.classes.resolve(name, this.frame?.cls ?? null);
    }

    resolveType(type: TypeRef): ClassInfo | null {
        return this.resolveClass(type.name);
    }

    isInstance(value: Value, type: TypeRef): boolean {
        return isInstance(value, type, this);
    }

    // ---- statics ----

    staticsOf(cls: ClassInfo): Map<string, Value> {
        let values = this.statics.get(cls);
        if (values) return values;
        values = new Map();
        this.statics.set(cls, values);
        if (cls.superclass) this.staticsOf(cls.superclass);
        const frame = this.pushFrame(cls, null, '<clinit>', cls.decl.line);
        try {
            for (const member of cls.decl.memberOrder) {
                if (!member.isStatic) continue;
                if (member.kind === 'field') {
                    const field = cls.decl.fields[member.index];
                    frame.line = field.line;
                    values.set(
                        field.name.toLowerCase(),
                        field.init ? coerce(this.eval(field.init, frame), field.type) : null
                    );
                } else if (member.kind === 'property') {
                    values.set(cls.decl.properties[member.index].name.toLowerCase(), null);
                } else {
                    this.execBody(cls.decl.initializers[member.index].body, frame);
                }
            }
        } finally {
            this.stack.pop();
        }
        return values;
    }

    // ---- objects ----

    construct(cls: ClassInfo, args: Value[], argExprs: Expr[] | null, frameForTypes: Frame | null): ApexObject {
        if (cls.decl.kind !== 'class' || cls.decl.modifiers.keywords.has('abstract')) {
            this.unsupported(`new of ${cls.decl.kind} ${cls.name}`);
        }
        this.staticsOf(cls);
        const object = new ApexObject(cls);
        if (cls.isException) {
            object.exception = { message: null, cause: null, line: this.frame?.line ?? 0, stack: this.stackTrace() };
        }
        this.runConstructor(cls, object, args, argExprs, frameForTypes);
        return object;
    }

    private runConstructor(
        cls: ClassInfo,
        object: ApexObject,
        args: Value[],
        argExprs: Expr[] | null,
        typesFrame: Frame | null
    ): void {
        if (cls.standard) {
            this.standardExceptionConstructor(object, args);
            return;
        }
        const ctors = cls.decl.constructors;
        if (ctors.length === 0) {
            if (args.length > 0 && cls.isException) {
                if (cls.superclass) this.runConstructor(cls.superclass, object, args, argExprs, typesFrame);
                this.initInstance(cls, object);
                return;
            }
            if (args.length > 0) this.unsupported(`constructor ${cls.name} with ${args.length} arguments`);
            if (cls.superclass) this.runConstructor(cls.superclass, object, [], null, null);
            this.initInstance(cls, object);
            return;
        }
        const ctor = this.selectOverload(ctors, args, argExprs, typesFrame, `constructor of ${cls.name}`);
        const frame = this.pushFrame(cls, object, '<init>', ctor.line);
        try {
            this.bindParameters(frame, ctor, args);
            const body = ctor.body ?? [];
            const first = body[0];
            const chained = first && first.kind === 'expr' ? first.expr : null;
            let rest = body;
            if (chained && chained.kind === 'thisCall') {
                const chainArgs = chained.args.map((arg) => this.eval(arg, frame));
                this.stack.pop();
                this.runConstructor(cls, object, chainArgs, chained.args, frame);
                this.stack.push(frame);
                rest = body.slice(1);
            } else {
                let superArgs: Value[] = [];
                let superExprs: Expr[] | null = null;
                if (chained && chained.kind === 'superCall') {
                    superArgs = chained.args.map((arg) => this.eval(arg, frame));
                    superExprs = chained.args;
                    rest = body.slice(1);
                }
                if (cls.superclass) this.runConstructor(cls.superclass, object, superArgs, superExprs, frame);
                this.initInstance(cls, object);
            }
            this.execBody(rest, frame);
        } finally {
            this.stack.pop();
        }
    }

    /** Exception(), Exception(String message), Exception(Exception cause), Exception(String, Exception). */
    private standardExceptionConstructor(object: ApexObject, args: Value[]): void {
        const state = object.exception!;
        for (const arg of args) {
            if (typeof arg === 'string' || arg === null) state.message = arg;
            else if (arg instanceof ApexObject && arg.exception) state.cause = arg;
            else this.unsupported(`exception constructor argument ${this.stringOf(arg)}`);
        }
    }

    private initInstance(cls: ClassInfo, object: ApexObject): void {
        const frame = this.pushFrame(cls, object, '<init>', cls.decl.line);
        try {
            for (const member of cls.decl.memberOrder) {
                if (member.isStatic) continue;
                if (member.kind === 'field') {
                    const field = cls.decl.fields[member.index];
                    frame.line = field.line;
                    const value = field.init ? coerce(this.eval(field.init, frame), field.type) : null;
                    object.fields.set(field.name.toLowerCase(), value);
                } else if (member.kind === 'property') {
                    object.fields.set(cls.decl.properties[member.index].name.toLowerCase(), null);
                } else {
                    this.execBody(cls.decl.initializers[member.index].body, frame);
                }
            }
        } finally {
            this.stack.pop();
        }
    }

    // ---- methods ----

    pushFrame(cls: ClassInfo, self: ApexObject | null, method: string, line: number): Frame {
        if (this.stack.length > MAX_DEPTH) this.fail('LimitException', 'Maximum stack depth reached: ' + MAX_DEPTH);
        const frame: Frame = { cls, self, env: new Env(null), method, line, returnValue: null };
        this.stack.push(frame);
        return frame;
    }

    private bindParameters(frame: Frame, method: MethodDecl, args: Value[]): void {
        method.parameters.forEach((parameter, index) => {
            frame.env.define(parameter.name, parameter.type, coerce(args[index] ?? null, parameter.type));
        });
    }

    invoke(cls: ClassInfo, self: ApexObject | null, method: MethodDecl, args: Value[]): Value {
        if (!method.body) this.unsupported(`call of abstract method ${cls.name}.${method.name}`);
        const frame = this.pushFrame(cls, self, method.name, method.line);
        try {
            this.bindParameters(frame, method, args);
            this.execBody(method.body, frame);
            return coerce(frame.returnValue, method.returnType);
        } finally {
            this.stack.pop();
        }
    }

    /**
     * Chooses among overloads by argument count, then by the declared type of each argument expression where it
     * is known (a variable, a parameter, a cast, a literal), else by the run-time type of its value.
     */
    selectOverload(
        candidates: MethodDecl[],
        args: Value[],
        argExprs: Expr[] | null,
        frame: Frame | null,
        what: string
    ): MethodDecl {
        const sized = candidates.filter((method) => method.parameters.length === args.length);
        if (sized.length === 1) return sized[0];
        if (sized.length === 0) this.unsupported(`${what} with ${args.length} arguments`);
        const scored = sized.map((method) => {
            let score = 0;
            for (let i = 0; i < args.length; i++) {
                const declared = method.parameters[i].type;
                const staticType = argExprs && frame ? staticTypeOf(this, argExprs[i], frame) : null;
                if (staticType) {
                    if (staticType.name === declared.name) score += 3;
                    else if (staticType.name === 'null') score += 1;
                    else if (args[i] !== null && this.isInstance(args[i], declared)) score += 1;
                    else return -1;
                } else if (args[i] === null) score += 1;
                else if (this.isInstance(args[i], declared)) score += 2;
                else return -1;
            }
            return score;
        });
        const best = Math.max(...scored);
        if (best < 0) this.unsupported(`${what}: no overload matches`);
        return sized[scored.indexOf(best)];
    }

    callMethod(target: ApexObject, name: string, args: Value[]): Value {
        const methods = target.cls.findMethods(name).filter((method) => !method.modifiers.keywords.has('static'));
        if (methods.length === 0) this.unsupported(`method ${target.cls.name}.${name}`);
        const method = this.selectOverload(methods, args, null, null, `${target.cls.name}.${name}`);
        return this.invoke(this.declaringClass(target.cls, method), target, method, args);
    }

    declaringClass(from: ClassInfo, method: MethodDecl): ClassInfo {
        for (const cls of from.lineage()) if (cls.decl.methods.includes(method)) return cls;
        return from;
    }

    objectToString(object: ApexObject): string {
        if (object.cls.findMethods('toString').some((m) => m.parameters.length === 0)) {
            return this.stringOf(this.callMethod(object, 'toString', []));
        }
        if (object.exception)
            return `${object.cls.standard ? 'System.' : ''}${object.cls.name}: ${object.exception.message}`;
        const fields = [...object.fields.entries()].map(([name, value]) => `${name}=${this.stringOf(value)}`);
        return `${object.cls.name}:[${fields.join(', ')}]`;
    }

    objectEquals(object: ApexObject, other: Value): boolean {
        if (object.cls.findMethods('equals').some((m) => m.parameters.length === 1)) {
            return this.callMethod(object, 'equals', [other]) === true;
        }
        return object === other;
    }

    // ---- evaluation entry points ----

    eval(expr: Expr, frame: Frame): Value {
        return evaluate(this, expr, frame);
    }

    execBody(body: Stmt[], frame: Frame): void {
        execBlock(this, body, frame, frame.env);
    }

    /** Platform errors from other layers and arithmetic faults become Apex exceptions, catchable by type. */
    asApex(error: unknown): unknown {
        if (error instanceof PlatformException) {
            const exception = this.newException(error.exceptionType, error.message);
            if (error.dml) exception.exception!.dml = error.dml;
            return new ApexThrown(exception);
        }
        if (error instanceof ArithmeticFault)
            return new ApexThrown(this.newException(error.exceptionType, error.message));
        return error;
    }

    /** Runs a static method of a class by name (test methods, invocable actions). */
    runStatic(cls: ClassInfo, methodName: string, args: Value[]): Value {
        this.staticsOf(cls);
        const methods = cls.findMethods(methodName);
        const method = this.selectOverload(methods, args, null, null, `${cls.name}.${methodName}`);
        return this.invoke(cls, null, method, args);
    }
}
