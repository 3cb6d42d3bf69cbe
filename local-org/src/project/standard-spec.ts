// The small notation the standard object descriptions are written in (standard-sales.ts, standard-setup.ts): per
// field its type and access — rw: createable and updateable; ro: a system field; c: createable only; req: required
// (not nillable, not defaulted on create), createable and updateable.
import type { FieldDescribe, FieldType, PicklistEntry } from '../core/schema.ts';

export type Access = 'rw' | 'ro' | 'c' | 'req';
export interface Spec {
    type: FieldType;
    /** rw: create+update; ro: system field; c: create only; req: required, create+update. */
    access?: Access;
    refs?: string[];
    rel?: string;
    length?: number;
    values?: string[];
    defaultValue?: string;
    defaultChecked?: boolean;
    precision?: number;
    scale?: number;
}

export const s = (length = 255, access: Access = 'rw'): Spec => ({ type: 'string', length, access });
export const req = (length = 80): Spec => ({ type: 'string', length, access: 'req' });
export const ro = (type: FieldType = 'string'): Spec => ({ type, access: 'ro' });
export const bool = (access: Access = 'rw', defaultChecked = false): Spec => ({
    type: 'boolean',
    access,
    defaultChecked
});
export const ref = (refs: string[], rel: string | undefined, access: Access = 'rw'): Spec => ({
    type: 'reference',
    refs,
    rel,
    access
});
export const pick = (values: string[], access: Access = 'rw', defaultValue?: string): Spec => ({
    type: 'picklist',
    values,
    access,
    defaultValue
});
export const time = (): Spec => ({ type: 'time', access: 'rw' });

/** Id and the audit fields every object has (system fields: not createable or updateable). */
export function systemFields(): Record<string, Spec> {
    return {
        Id: ro('id'),
        IsDeleted: ro('boolean'),
        CreatedDate: ro('datetime'),
        CreatedById: ref(['User'], 'CreatedBy', 'ro'),
        LastModifiedDate: ro('datetime'),
        LastModifiedById: ref(['User'], 'LastModifiedBy', 'ro'),
        SystemModstamp: ro('datetime')
    };
}

export const owner = (): Spec => ref(['Group', 'User'], 'Owner');
export const userOwner = (): Spec => ref(['User'], 'Owner');

export interface ObjectSpec {
    name: string;
    prefix: string;
    plural: string;
    sharingModel?: string;
    createable?: boolean;
    fields: Record<string, Spec>;
    /** Only Id plus these (no audit fields): views such as Name. */
    noSystemFields?: boolean;
}

export function fieldOf(name: string, spec: Spec): FieldDescribe {
    const access = spec.access ?? 'rw';
    const field: FieldDescribe = {
        name,
        label: name.replace(/Id$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        type: spec.type,
        custom: false,
        required: access === 'req',
        createable: access !== 'ro',
        updateable: access === 'rw' || access === 'req'
    };
    if (spec.length !== undefined) field.length = spec.length;
    if (spec.precision !== undefined) field.precision = spec.precision;
    if (spec.scale !== undefined) field.scale = spec.scale;
    if (spec.refs) field.referenceTo = spec.refs;
    if (spec.rel) field.relationshipName = spec.rel;
    if (spec.type === 'boolean') field.defaultChecked = spec.defaultChecked ?? false;
    if (spec.values) {
        field.picklistValues = spec.values.map((value): PicklistEntry => ({
            value,
            label: value,
            active: true,
            defaultValue: value === spec.defaultValue
        }));
    }
    if (spec.defaultValue !== undefined) field.defaultValueFormula = `'${spec.defaultValue}'`;
    return field;
}
