// Field paths resolved against the schema ('Owner.Name' → Lead.OwnerId → Name.Name), and read from records:
// parents are fetched from the store once per query execution. A polymorphic relationship (OwnerId → User or
// Group) resolves to the Name object, as SOQL does without TYPEOF
// (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_and_polymorph_keys.htm).
import type { FieldDescribe, Schema, SObjectDescribe } from '../core/schema.ts';
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import type { FieldPath } from './ast.ts';
import { compareKind, type CompareKind } from './compare.ts';

export interface Step {
    /** The reference field followed ('OwnerId'), on `object`. */
    field: FieldDescribe;
    object: SObjectDescribe;
    /** The object reached (Name for a polymorphic reference). */
    target: SObjectDescribe;
    polymorphic: boolean;
}

export interface ResolvedPath {
    text: string;
    steps: Step[];
    /** The object holding the final field, and the field. */
    object: SObjectDescribe;
    field: FieldDescribe;
    kind: CompareKind;
}

export class PathError extends Error {}

export function resolvePath(schema: Schema, root: SObjectDescribe, path: FieldPath): ResolvedPath {
    let current = root;
    const steps: Step[] = [];
    const segments = [...path.path];
    // `SELECT Lead.Name FROM Lead`: a leading object name is allowed.
    if (
        segments.length > 1 &&
        segments[0].toLowerCase() === root.name.toLowerCase() &&
        !schema.relationship(root.name, segments[0])
    ) {
        segments.shift();
    }
    for (const segment of segments.slice(0, -1)) {
        const field = schema.relationship(current.name, segment);
        if (!field) {
            throw new PathError(
                `Didn't understand relationship '${segment}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
        const references = field.referenceTo ?? [];
        const polymorphic = references.length !== 1;
        const target = schema.object(polymorphic ? 'Name' : references[0]);
        if (!target) throw new PathError(`No object ${references[0]} for relationship ${segment}`);
        steps.push({ field, object: current, target, polymorphic });
        current = target;
    }
    const last = segments[segments.length - 1];
    const field = current.fields.get(last.toLowerCase());
    if (!field) {
        throw new PathError(
            `No such column '${last}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
        );
    }
    return { text: path.text, steps, object: current, field, kind: compareKind(field.type) };
}

/** Compound names the platform computes (Lead, Contact and User Name from first and last name). */
const COMPOUND_NAMES = new Set(['lead', 'contact', 'user']);

export function fieldValue(record: SObject, field: FieldDescribe): FieldValue {
    const value = record.get(field.name);
    if (value !== undefined && value !== null) return value;
    if (field.name === 'Name' && COMPOUND_NAMES.has(record.type.toLowerCase())) {
        const parts = [record.get('FirstName'), record.get('LastName')].filter(
            (part) => part !== null && part !== undefined && part !== ''
        );
        return parts.length > 0 ? parts.join(' ') : null;
    }
    return value ?? null;
}

/** The User fields the Name object shows (a Group shows only its Email among them). */
const NAME_VIEW_FIELDS = [
    'Alias',
    'FirstName',
    'LastName',
    'Email',
    'Username',
    'IsActive',
    'ProfileId',
    'UserRoleId',
    'Title'
];

/** The Name view of a User or Group record (what `FROM Name` and polymorphic owner paths see). */
export function nameView(record: SObject): SObject {
    const view = new SObject('Name', { Id: record.id });
    if (record.type.toLowerCase() === 'user') {
        view.set('Name', fieldValue(record, { name: 'Name' } as FieldDescribe));
        view.set('Type', 'User');
        for (const field of NAME_VIEW_FIELDS) {
            view.set(field, record.get(field) ?? null);
        }
    } else {
        view.set('Name', record.get('Name') ?? null);
        view.set('Type', record.get('Type') === 'Queue' ? 'Queue' : record.type);
        for (const field of NAME_VIEW_FIELDS) {
            view.set(field, field === 'Email' ? (record.get('Email') ?? null) : null);
        }
    }
    return view;
}

/** A formula field's value for a record, computed on read (the automation layer's formula evaluator). */
export type FormulaEvaluator = (record: SObject, field: FieldDescribe) => FieldValue;

/** Loads parents by Id for one execution (each parent read from the store once). */
export class ParentLoader {
    private readonly cache = new Map<string, SObject | null>();

    constructor(
        private readonly get: (id: string) => SObject | undefined,
        /** Computes a formula field's value on read (none: formula fields are refused when planned). */
        readonly formula?: FormulaEvaluator
    ) {}

    load(id: string, polymorphic: boolean): SObject | null {
        const key = `${polymorphic ? 'n' : 'r'}${id}`;
        if (this.cache.has(key)) return this.cache.get(key)!;
        const record = this.get(id);
        const result = record ? (polymorphic ? nameView(record) : record) : null;
        this.cache.set(key, result);
        return result;
    }
}

/** The value at the end of a path, or null when a parent on the way is null. */
export function readPath(record: SObject, path: ResolvedPath, parents: ParentLoader): FieldValue {
    let current: SObject | null = record;
    for (const step of path.steps) {
        const id = current.get(step.field.name);
        if (typeof id !== 'string' || id === '') return null;
        current = parents.load(id, step.polymorphic);
        if (!current) return null;
    }
    return path.field.calculatedFormula !== undefined && parents.formula
        ? parents.formula(current, path.field)
        : fieldValue(current, path.field);
}

/** Puts the value of a path into an output record, nesting parent SObjects ('Owner' → SObject with Name). */
export function writePath(output: SObject, source: SObject, path: ResolvedPath, parents: ParentLoader): void {
    let target = output;
    let current: SObject | null = source;
    for (const step of path.steps) {
        const relationship = step.field.relationshipName!;
        const id: unknown = current.get(step.field.name);
        current = typeof id === 'string' && id !== '' ? parents.load(id, step.polymorphic) : null;
        if (!current) {
            if (!target.has(relationship)) target.set(relationship, null);
            return;
        }
        let nested = target.get(relationship);
        if (!(nested instanceof SObject)) {
            nested = new SObject(step.target.name, { Id: current.id });
            target.set(relationship, nested);
        }
        target = nested;
    }
    target.set(
        path.field.name,
        path.field.calculatedFormula !== undefined && parents.formula
            ? parents.formula(current, path.field)
            : fieldValue(current, path.field)
    );
}
