// Scopes: each block gets an environment chained to the enclosing one; a frame is one method activation.
import type { TypeRef } from './ast.ts';
import type { ClassInfo } from './classes.ts';
import type { ApexObject, Value } from './values.ts';

export interface Slot {
    type: TypeRef | null;
    value: Value;
}

export class Env {
    private readonly vars = new Map<string, Slot>();
    constructor(readonly parent: Env | null) {}

    define(name: string, type: TypeRef | null, value: Value): void {
        this.vars.set(name.toLowerCase(), { type, value });
    }

    lookup(name: string): Slot | undefined {
        const key = name.toLowerCase();
        const own = this.vars.get(key);
        if (own) return own;
        for (let env = this.parent; env; env = env.parent) {
            const slot = env.vars.get(key);
            if (slot) return slot;
        }
        return undefined;
    }
}

export interface Frame {
    cls: ClassInfo;
    self: ApexObject | null;
    env: Env;
    method: string;
    line: number;
    returnValue: Value;
}

export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Signal = typeof NORMAL | typeof BREAK | typeof CONTINUE | typeof RETURN;
