// Method calls: methods of the class being run (virtual dispatch on `this`), `super.m()`, static methods of a
// class, methods of class instances, and standard-library methods (static by type name, instance by value).
import { SObject } from '../core/sobject.ts';
import type { Expr, MethodDecl } from './ast.ts';
import type { ClassInfo } from './classes.ts';
import type { Frame } from './env.ts';
import { evaluate, evaluateOrType } from './expressions.ts';
import type { Interpreter } from './interpreter.ts';
import { exceptionMethod } from './stdlib/Exception.ts';
import { sobjectStaticCall } from './stdlib/SObjectTypes.ts';
import { typeNameOf } from './types.ts';
import { ApexObject, TypeName, type Value } from './values.ts';

type CallExpr = Extract<Expr, { kind: 'call' }>;

export function callMethod(ip: Interpreter, expr: CallExpr, frame: Frame): Value {
    if (expr.target === null) return callBare(ip, expr, frame);
    if (expr.target.kind === 'super') {
        const superclass = frame.cls.superclass;
        const methods = superclass?.findMethods(expr.name) ?? [];
        const args = expr.args.map((arg) => evaluate(ip, arg, frame));
        if (methods.length === 0) return callObjectBuiltin(ip, frame.self!, expr.name, args);
        return invokeSelected(ip, superclass!, frame.self, methods, args, expr, frame);
    }
    const target = evaluateOrType(ip, expr.target, frame);
    if (target === null) {
        if (expr.safe) return null;
        return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
    }
    const args = expr.args.map((arg) => evaluate(ip, arg, frame));
    if (target instanceof TypeName) return callStatic(ip, target, expr, args, frame);
    if (target instanceof ApexObject) {
        const methods = target.cls.findMethods(expr.name).filter((m) => !m.modifiers.keywords.has('static'));
        if (methods.length > 0) return invokeSelected(ip, target.cls, target, methods, args, expr, frame);
        return callObjectBuiltin(ip, target, expr.name, args);
    }
    return callValueMethod(ip, target, expr.name, args);
}

function invokeSelected(
    ip: Interpreter,
    from: ClassInfo,
    self: ApexObject | null,
    methods: MethodDecl[],
    args: Value[],
    expr: CallExpr,
    frame: Frame
): Value {
    const method = ip.selectOverload(methods, args, expr.args, frame, `${from.name}.${expr.name}`);
    const isStatic = method.modifiers.keywords.has('static');
    return ip.invoke(ip.declaringClass(from, method), isStatic ? null : self, method, args);
}

function callBare(ip: Interpreter, expr: CallExpr, frame: Frame): Value {
    const args = expr.args.map((arg) => evaluate(ip, arg, frame));
    const own = (frame.self?.cls ?? frame.cls).findMethods(expr.name);
    const lexical = frame.cls.findMethods(expr.name);
    if (own.length > 0 || lexical.length > 0) {
        const candidates = frame.self ? own : lexical;
        return invokeSelected(
            ip,
            frame.self?.cls ?? frame.cls,
            frame.self,
            candidates.length ? candidates : lexical,
            args,
            expr,
            frame
        );
    }
    for (let scope = frame.cls.outer; scope; scope = scope.outer) {
        const methods = scope.findMethods(expr.name).filter((m) => m.modifiers.keywords.has('static'));
        if (methods.length > 0) return invokeSelected(ip, scope, null, methods, args, expr, frame);
    }
    if (frame.self?.exception) return exceptionMethod(ip, frame.self, expr.name, args);
    return ip.unsupported(`method ${expr.name} in ${frame.cls.name}`);
}

function callStatic(ip: Interpreter, target: TypeName, expr: CallExpr, args: Value[], frame: Frame): Value {
    const path = target.path.join('.');
    const cls = ip.classes.resolve(path, frame.cls);
    if (cls) {
        ip.staticsOf(cls);
        const methods = cls.findMethods(expr.name).filter((m) => m.modifiers.keywords.has('static'));
        if (methods.length > 0) return invokeSelected(ip, cls, null, methods, args, expr, frame);
        return ip.unsupported(`static method ${cls.name}.${expr.name}`);
    }
    if (ip.isSObjectType(path) && !ip.registry.get(path)) return sobjectStaticCall(ip, path, expr.name, args);
    const module = ip.registry.get(path);
    const method = module?.statics?.[expr.name.toLowerCase()];
    if (method) return method(ip, args);
    return ip.unsupported(`method ${path}.${expr.name}`);
}

function callObjectBuiltin(ip: Interpreter, target: ApexObject, name: string, args: Value[]): Value {
    if (target.exception) return exceptionMethod(ip, target, name, args);
    switch (name.toLowerCase()) {
        case 'tostring':
            return ip.objectToString(target);
        case 'equals':
            return target === args[0];
        case 'hashcode':
            return 0;
    }
    return ip.unsupported(`method ${target.cls.name}.${name}`);
}

export function callValueMethod(ip: Interpreter, target: Value, name: string, args: Value[]): Value {
    const key = name.toLowerCase();
    const module = ip.registry.ownerOf(target);
    const method = module?.instance?.[key] as ((rt: Interpreter, self: Value, args: Value[]) => Value) | undefined;
    if (method) return method(ip, target, args);
    if (key === 'equals') return ip.equals(target, args[0], false);
    if (key === 'tostring') return ip.stringOf(target);
    if (key === 'hashcode') return 0;
    const owner = target instanceof SObject ? 'SObject' : typeNameOf(target);
    return ip.unsupported(`method ${owner}.${name}`);
}
