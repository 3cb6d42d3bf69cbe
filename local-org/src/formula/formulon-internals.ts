// formulon's public API (`parse(text, substitutions)`) re-parses the formula text at every evaluation and evaluates
// every argument eagerly, so it can neither cache a parsed tree nor short-circuit AND/IF. Its function table is
// internal: this loads the pinned module's source once and exposes its `dispatch(name, args)` (argument validation
// plus the function) next to `ast(text)`. The version is pinned in package.json; a missing symbol fails loudly.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Literal {
    type: 'literal';
    dataType: string;
    value: unknown;
    options?: Record<string, unknown>;
    /** local-org: the field type a null came from (formulon keeps nulls untyped). */
    sourceType?: string;
}

export interface ErrorLiteral {
    type: 'error';
    errorType: string;
    message: string;
}

export type AstNode =
    | Literal
    | ErrorLiteral
    | { type: 'identifier'; name: string }
    | { type: 'callExpression'; id: string; arguments: AstNode[] };

interface Internals {
    ast(formula: string): AstNode;
    dispatch(name: string, args: Literal[]): Literal | ErrorLiteral;
    knows(name: string): boolean;
}

let loaded: Internals | undefined;

export function formulon(): Internals {
    if (loaded) return loaded;
    const require = createRequire(import.meta.url);
    const file = require.resolve('formulon');
    const source = readFileSync(file, 'utf8');
    const module = { exports: {} as Record<string, unknown> };
    const body = `${source}\n;module.exports.__dispatch = dispatch; module.exports.__functions = existingFunctions;`;
    new Function('module', 'exports', 'require', body)(module, module.exports, require);
    const exported = module.exports as {
        ast: (text: string) => AstNode;
        __dispatch: (name: string, args: Literal[]) => Literal | ErrorLiteral;
        __functions: Record<string, unknown>;
    };
    if (typeof exported.__dispatch !== 'function' || typeof exported.ast !== 'function') {
        throw new Error('formulon internals changed: pin formulon 6.25.6 or update local-org/src/formula');
    }
    loaded = {
        ast: exported.ast,
        dispatch: exported.__dispatch,
        knows: (name) => Object.hasOwn(exported.__functions, name)
    };
    return loaded;
}
