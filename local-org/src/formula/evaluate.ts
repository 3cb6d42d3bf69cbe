// The tree walk over formulon's parse tree. Functions formulon lacks or gets wrong are evaluated here; every other
// function goes to formulon's own implementation with already-evaluated arguments.
//   - AND/OR/&&/|| short-circuit and IF/CASE evaluate only the branch taken, so a guard such as
//     `NOT(ISBLANK(x)) && f(x)` protects f (formulon evaluates every argument first).
//   - ISNEW(), ISCHANGED(field), PRIORVALUE(field) read the record before the save (formulon has none of them).
//   - TEXT() of a blank is '' (formulon: "NULL"); `&` and SUBSTITUTE() treat a blank as ''.
//   - <, <=, >, >= with a blank operand are false (formulon compares null as 0 / the epoch).
//   - TODAY() is the running user's date; NOW() and TIMENOW() (GMT) the transaction's clock (formulon: the machine's).
import { UnsupportedError, type SourcePosition } from '../core/errors.ts';
import { formulon, type AstNode, type Literal } from './formulon-internals.ts';
import { booleanLiteral, dateInZone, nullLiteral, textLiteral, toLiteral } from './literals.ts';

export interface Scope {
    /** An identifier's value (a field, `$Record.X`, a flow resource, a global). */
    resolve(name: string): Literal;
    /** The value of a field before the save (PRIORVALUE, ISCHANGED); null literal on insert. */
    prior(name: string): Literal;
    isNew(): boolean;
    now(): number;
    timeZone(): string;
    position?: SourcePosition;
}

const TEXTUAL = new Set(['text', 'picklist']);

export function evaluateNode(node: AstNode, scope: Scope): Literal {
    switch (node.type) {
        case 'literal':
            return node;
        case 'error':
            throw new UnsupportedError(`formula (${node.message})`, scope.position);
        case 'identifier':
            return scope.resolve(node.name);
        case 'callExpression':
            return call(node.id, node.arguments, scope);
    }
}

function truthy(literal: Literal): boolean {
    return literal.dataType === 'checkbox' && literal.value === true;
}

function isBlank(literal: Literal): boolean {
    return literal.dataType === 'null' || literal.value === null || literal.value === '';
}

function fieldName(node: AstNode, functionName: string, scope: Scope): string {
    if (node.type !== 'identifier') {
        throw new UnsupportedError(`${functionName.toUpperCase()}() of an expression`, scope.position);
    }
    return node.name;
}

function call(name: string, args: AstNode[], scope: Scope): Literal {
    const value = (index: number): Literal => evaluateNode(args[index], scope);
    switch (name) {
        case 'and':
            for (let index = 0; index < args.length; index++) if (!truthy(value(index))) return booleanLiteral(false);
            return booleanLiteral(true);
        case 'or':
            for (let index = 0; index < args.length; index++) if (truthy(value(index))) return booleanLiteral(true);
            return booleanLiteral(false);
        case 'not':
            return booleanLiteral(!truthy(value(0)));
        case 'if':
            if (args.length !== 3) break;
            return truthy(value(0)) ? value(1) : value(2);
        case 'case':
            return caseOf(args, scope);
        case 'isnew':
            return booleanLiteral(scope.isNew());
        case 'ischanged': {
            const field = fieldName(args[0], name, scope);
            if (scope.isNew()) return booleanLiteral(false);
            return booleanLiteral(!same(scope.resolve(field), scope.prior(field)));
        }
        case 'priorvalue': {
            const field = fieldName(args[0], name, scope);
            return scope.isNew() ? scope.resolve(field) : scope.prior(field);
        }
        case 'today':
            return toLiteral({ value: dateInZone(scope.now(), scope.timeZone()), type: 'date' });
        case 'timenow':
            return { type: 'literal', dataType: 'time', value: new Date(scope.now() % 86_400_000), options: {} };
        case 'getsessionid':
            throw new UnsupportedError('formula function GETSESSIONID()', scope.position);
        case 'now':
            return { type: 'literal', dataType: 'datetime', value: new Date(scope.now()), options: {} };
        case 'text': {
            const argument = value(0);
            if (isBlank(argument)) return textLiteral('');
            if (argument.dataType === 'text') return argument;
            return dispatch(name, [argument], scope);
        }
        case 'add': {
            const left = value(0);
            const right = value(1);
            if (TEXTUAL.has(left.dataType) || TEXTUAL.has(right.dataType)) {
                return textLiteral(textOf(left) + textOf(right));
            }
            return dispatch(name, [left, right], scope);
        }
        case 'substitute': {
            const [text, old, replacement] = [value(0), value(1), value(2)];
            if (isBlank(text)) return textLiteral('');
            return dispatch(name, [text, blankAsText(old), blankAsText(replacement)], scope);
        }
        case 'equal':
            return booleanLiteral(same(value(0), value(1)));
        case 'unequal':
            return booleanLiteral(!same(value(0), value(1)));
        case 'lessThan':
        case 'lessThanOrEqual':
        case 'greaterThan':
        case 'greaterThanOrEqual': {
            const [left, right] = [value(0), value(1)];
            if (isBlank(left) || isBlank(right)) return booleanLiteral(false);
            return dispatch(name, [left, right], scope);
        }
    }
    return dispatch(
        name,
        args.map((_, index) => value(index)),
        scope
    );
}

function textOf(literal: Literal): string {
    return isBlank(literal) ? '' : String(literal.value);
}

function blankAsText(literal: Literal): Literal {
    return isBlank(literal) ? textLiteral('') : literal;
}

/** Formula `=`: blanks equal blanks ('' and null alike); dates and times by instant; text case-sensitively. */
function same(left: Literal, right: Literal): boolean {
    if (isBlank(left) || isBlank(right)) return isBlank(left) && isBlank(right);
    if (left.value instanceof Date && right.value instanceof Date)
        return left.value.getTime() === right.value.getTime();
    return left.value === right.value;
}

function caseOf(args: AstNode[], scope: Scope): Literal {
    if (args.length < 4 || args.length % 2 !== 0) {
        throw new UnsupportedError('CASE() with a wrong number of arguments', scope.position);
    }
    const subject = evaluateNode(args[0], scope);
    for (let index = 1; index < args.length - 1; index += 2) {
        if (same(subject, evaluateNode(args[index], scope))) return evaluateNode(args[index + 1], scope);
    }
    return evaluateNode(args[args.length - 1], scope);
}

function dispatch(name: string, args: Literal[], scope: Scope): Literal {
    const internals = formulon();
    if (!internals.knows(name)) throw new UnsupportedError(`formula function ${name.toUpperCase()}()`, scope.position);
    let result;
    try {
        result = internals.dispatch(name, args);
    } catch (error) {
        // formulon's functions are not null-safe (SUBSTITUTE(null) is a TypeError): a blank argument we did not
        // anticipate is an emulator gap, not a formula error.
        throw new UnsupportedError(
            `formula function ${name.toUpperCase()}() with these arguments (${(error as Error).message})`,
            scope.position
        );
    }
    if (result.type === 'error') {
        throw new UnsupportedError(`formula function ${name.toUpperCase()}(): ${result.message}`, scope.position);
    }
    return result.dataType === 'null' ? nullLiteral() : result;
}
