// The standard library: one module per Apex class, registered here by name. A module has static methods
// (`String.isBlank`), static properties (`Lead.SObjectType` is handled by Schema, `System.RoundingMode.HALF_UP`
// by an enum), and instance methods for the values it owns (`'abc'.left(2)`). Method names are lower-case keys.
import type { SourcePosition } from '../../core/errors.ts';
import type { Transaction, QueryEngine, SaveEngine, Store, UserContext } from '../../core/runtime.ts';
import type { Schema } from '../../core/schema.ts';
import type { SObject } from '../../core/sobject.ts';
import type { TypeRef } from '../ast.ts';
import type { ApexObject, Value } from '../values.ts';

/** Object and field permissions and custom permissions of a user (src/security supplies them). */
export interface AccessChecks {
    object(
        user: UserContext,
        store: Store,
        object: string
    ): { read: boolean; create: boolean; edit: boolean; delete: boolean };
    field(user: UserContext, store: Store, object: string, field: string): { readable: boolean; editable: boolean };
    customPermission(user: UserContext, store: Store, name: string): boolean;
}

/** What a standard-library method can ask of the interpreter. */
export interface Runtime {
    readonly tx: Transaction;
    readonly schema: Schema | null;
    readonly queryEngine: QueryEngine | null;
    readonly saveEngine: SaveEngine | null;
    readonly access: AccessChecks | null;
    /** Raises an Apex exception of a standard type (System.<type>). */
    fail(exceptionType: string, message: string): never;
    unsupported(construct: string): never;
    position(): SourcePosition;
    stringOf(value: Value): string;
    equals(a: Value, b: Value, ignoreCase: boolean): boolean;
    /** compareTo of a Comparable class instance. */
    compareObjects(a: ApexObject, b: Value): number;
    /** The Apex stack as the platform prints it ('Class.X.m: line 3, column 1'). */
    stackTrace(): string;
    /** Field value of a record, as Apex reads it (Decimal for numbers). */
    readField(record: SObject, field: string): Value;
    /** Runs Apex with another user (System.runAs). */
    isSObjectType(name: string): boolean;
    /** Calls a method of a class instance (callbacks such as Comparable). */
    callMethod(target: ApexObject, name: string, args: Value[]): Value;
    /** A class of the project by name (Type.forName, JSON.deserialize). */
    resolveType(type: TypeRef): unknown;
    /** State kept per test method (caches of custom metadata overrides, Crypto seed …). */
    readonly state: Map<string, unknown>;
}

export type StaticMethod = (rt: Runtime, args: Value[]) => Value;
export type InstanceMethod<T = Value> = (rt: Runtime, self: T, args: Value[]) => Value;

export interface StdlibClass {
    /** 'String', 'Database', 'Schema.SObjectType' … */
    name: string;
    statics?: Record<string, StaticMethod>;
    /** Static properties and nested names (`System.RoundingMode`, `Label.X` through `property`). */
    properties?: Record<string, (rt: Runtime) => Value>;
    /** A property not known in advance (`Label.Any_Label`, `Schema.SObjectType.Lead`). */
    property?: (rt: Runtime, name: string) => Value | undefined;
    instance?: Record<string, InstanceMethod<never>>;
    /** Which values this module's instance methods apply to. */
    owns?: (value: Value) => boolean;
}

export class Registry {
    private readonly byName = new Map<string, StdlibClass>();
    private readonly owners: StdlibClass[] = [];

    register(module: StdlibClass): void {
        this.byName.set(module.name.toLowerCase(), module);
        if (module.owns) this.owners.push(module);
    }

    get(name: string): StdlibClass | undefined {
        const key = name.toLowerCase();
        return this.byName.get(key) ?? this.byName.get(key.replace(/^(system|schema)\./, ''));
    }

    ownerOf(value: Value): StdlibClass | undefined {
        return this.owners.find((module) => module.owns!(value));
    }
}
