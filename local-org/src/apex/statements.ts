// Statements. Control flow returns a signal (break, continue, return) instead of throwing; Apex exceptions are JS
// exceptions (ApexThrown), caught by `try` when their class matches a catch clause.
import { UnsupportedError } from '../core/errors.ts';
import { SObject } from '../core/sobject.ts';
import type { Stmt } from './ast.ts';
import { BREAK, CONTINUE, Env, NORMAL, RETURN, type Frame, type Signal } from './env.ts';
import { ApexThrown, AssertionFailure } from './exceptions.ts';
import { evaluate, truthy } from './expressions.ts';
import type { Interpreter } from './interpreter.ts';
import { runDml } from './dml.ts';
import { coerce } from './types.ts';
import { ApexList, ApexObject, ApexSet, EnumValue, type Value } from './values.ts';

export function execBlock(ip: Interpreter, body: Stmt[], frame: Frame, parent: Env): Signal {
    const saved = frame.env;
    frame.env = new Env(parent);
    try {
        for (const stmt of body) {
            const signal = exec(ip, stmt, frame);
            if (signal !== NORMAL) return signal;
        }
        return NORMAL;
    } finally {
        frame.env = saved;
    }
}

function loopBody(ip: Interpreter, stmt: Stmt, frame: Frame): Signal {
    return stmt.kind === 'block' ? execBlock(ip, stmt.body, frame, frame.env) : execBlock(ip, [stmt], frame, frame.env);
}

function iterate(ip: Interpreter, value: Value): Value[] {
    if (value instanceof ApexList) return [...value.items];
    if (value instanceof ApexSet) return [...value.entries.values()];
    if (value === null) ip.fail('NullPointerException', 'Attempt to de-reference a null object');
    return ip.unsupported(`iteration over ${ip.stringOf(value)}`);
}

export function exec(ip: Interpreter, stmt: Stmt, frame: Frame): Signal {
    frame.line = stmt.line;
    switch (stmt.kind) {
        case 'block':
            return execBlock(ip, stmt.body, frame, frame.env);
        case 'expr':
            evaluate(ip, stmt.expr, frame);
            return NORMAL;
        case 'local':
            for (const declarator of stmt.declarators) {
                frame.line = declarator.line;
                const value = declarator.init ? coerce(evaluate(ip, declarator.init, frame), stmt.type) : null;
                frame.env.define(declarator.name, stmt.type, value);
            }
            return NORMAL;
        case 'if':
            if (truthy(ip, evaluate(ip, stmt.test, frame))) return loopBody(ip, stmt.then, frame);
            return stmt.else ? loopBody(ip, stmt.else, frame) : NORMAL;
        case 'return':
            frame.returnValue = stmt.value ? evaluate(ip, stmt.value, frame) : null;
            return RETURN;
        case 'break':
            return BREAK;
        case 'continue':
            return CONTINUE;
        case 'throw': {
            const value = evaluate(ip, stmt.value, frame);
            if (!(value instanceof ApexObject) || !value.exception) {
                return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
            }
            value.exception.line = stmt.line;
            value.exception.stack = ip.stackTrace();
            throw new ApexThrown(value);
        }
        case 'while':
            while (truthy(ip, evaluate(ip, stmt.test, frame))) {
                const signal = loopBody(ip, stmt.body, frame);
                if (signal === BREAK) break;
                if (signal === RETURN) return RETURN;
            }
            return NORMAL;
        case 'doWhile':
            do {
                const signal = loopBody(ip, stmt.body, frame);
                if (signal === BREAK) break;
                if (signal === RETURN) return RETURN;
            } while (truthy(ip, evaluate(ip, stmt.test, frame)));
            return NORMAL;
        case 'for': {
            const saved = frame.env;
            frame.env = new Env(saved);
            try {
                for (const init of stmt.init) exec(ip, init, frame);
                while (!stmt.test || truthy(ip, evaluate(ip, stmt.test, frame))) {
                    const signal = loopBody(ip, stmt.body, frame);
                    if (signal === BREAK) break;
                    if (signal === RETURN) return RETURN;
                    for (const update of stmt.update) evaluate(ip, update, frame);
                }
            } finally {
                frame.env = saved;
            }
            return NORMAL;
        }
        case 'forEach': {
            const items = iterate(ip, evaluate(ip, stmt.iterable, frame));
            const saved = frame.env;
            try {
                for (const item of items) {
                    frame.env = new Env(saved);
                    frame.env.define(stmt.name, stmt.type, coerce(item, stmt.type));
                    const signal = loopBody(ip, stmt.body, frame);
                    if (signal === BREAK) break;
                    if (signal === RETURN) return RETURN;
                }
            } finally {
                frame.env = saved;
            }
            return NORMAL;
        }
        case 'try':
            return execTry(ip, stmt, frame);
        case 'dml':
            runDml(ip, stmt.operation, evaluate(ip, stmt.target, frame), stmt.accessMode, frame);
            return NORMAL;
        case 'runAs':
            return execRunAs(ip, stmt, frame);
        case 'switch':
            return execSwitch(ip, stmt, frame);
        case 'unsupported':
            return ip.unsupported(stmt.construct);
    }
}

function execTry(ip: Interpreter, stmt: Extract<Stmt, { kind: 'try' }>, frame: Frame): Signal {
    let signal: Signal = NORMAL;
    const depth = ip.stack.length;
    try {
        signal = execBlock(ip, stmt.body, frame, frame.env);
    } catch (raw) {
        const error = ip.asApex(raw);
        if (error instanceof UnsupportedError || error instanceof AssertionFailure || !(error instanceof ApexThrown)) {
            throw error;
        }
        ip.stack.length = depth;
        const thrown = error.exception;
        const clause = stmt.catches.find((c) => ip.isInstance(thrown, c.type));
        if (!clause) throw error;
        const env = new Env(frame.env);
        env.define(clause.name, clause.type, thrown);
        signal = execBlock(ip, clause.body, frame, env);
    } finally {
        if (stmt.finally) {
            const finallySignal = execBlock(ip, stmt.finally, frame, frame.env);
            if (finallySignal !== NORMAL) signal = finallySignal;
        }
    }
    return signal;
}

function execRunAs(ip: Interpreter, stmt: Extract<Stmt, { kind: 'runAs' }>, frame: Frame): Signal {
    const args = stmt.args.map((arg) => evaluate(ip, arg, frame));
    const user = args[0];
    if (!(user instanceof SObject)) return ip.unsupported('System.runAs with a non-User argument');
    const runAs = ip.state.get('runAs') as ((record: SObject, body: () => Signal) => Signal) | undefined;
    if (!runAs) return ip.unsupported('System.runAs outside a test');
    return runAs(user, () => execBlock(ip, stmt.body, frame, frame.env));
}

function execSwitch(ip: Interpreter, stmt: Extract<Stmt, { kind: 'switch' }>, frame: Frame): Signal {
    const value = evaluate(ip, stmt.on, frame);
    for (const when of stmt.whens) {
        if (when.values === null) return execBlock(ip, when.body, frame, frame.env);
        if (when.typeBinding) {
            if (!ip.isInstance(value, when.typeBinding.type)) continue;
            const env = new Env(frame.env);
            env.define(when.typeBinding.name, when.typeBinding.type, value);
            return execBlock(ip, when.body, frame, env);
        }
        const matches = when.values.some((candidate) => {
            if (candidate.kind === 'name' && value instanceof EnumValue) {
                return value.name.toLowerCase() === candidate.name.toLowerCase();
            }
            return ip.equals(value, evaluate(ip, candidate, frame), false);
        });
        if (matches) return execBlock(ip, when.body, frame, frame.env);
    }
    return NORMAL;
}
