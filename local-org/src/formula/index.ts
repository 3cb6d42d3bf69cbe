// Formula engine: validation rules, flow formulas, filter formulas and conditions. A formula's text is parsed once
// (formulon's grammar) and the tree is cached by text; evaluation walks it against a context (src/formula/evaluate.ts).
// Names resolve as the platform does:
//   Field__c, Owner.Name      the record's fields, parents through relationships (cross-object)
//   {!x}                      a merge field (flows): the same name without the braces
//   $Record.F, $Record__Prior.F   the triggering record and its prior values (flows)
//   $Permission.X             whether the running user has custom permission X
//   $CustomMetadata.T.R.F     field F of custom metadata record R (DeveloperName) of type T
//   $User.F, $Profile.F       the running user and their profile; $Label.X a custom label
//   other $Globals            from `globals` ($Flow.CurrentDateTime …)
//   anything else             `variable(name)` (flow resources, `Get_X.Field`)
import { UnsupportedError, type SourcePosition } from '../core/errors.ts';
import type { UserContext } from '../core/runtime.ts';
import type { Schema } from '../core/schema.ts';
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import { evaluateNode, type Scope } from './evaluate.ts';
import { formulon, type AstNode, type Literal } from './formulon-internals.ts';
import { fromLiteral, nullLiteral, toLiteral, type TypedValue } from './literals.ts';

export type { TypedValue } from './literals.ts';
export { dateInZone } from './literals.ts';

export interface FormulaContext {
    /** The record the formula is about (validation rule: the record being saved; flow: $Record). */
    record?: SObject | null;
    /** The stored record before this save; null on insert. */
    prior?: SObject | null;
    isNew: boolean;
    user: UserContext;
    /** Milliseconds since the epoch (the transaction's clock). */
    now: number;
    /** Custom permission names the running user has (any case). */
    hasPermission(name: string): boolean;
    schema?: Schema;
    /** Custom metadata records by lower-case type name (ProjectMetadata.customMetadata). */
    customMetadata?: Map<string, SObject[]>;
    /** A record by Id, for cross-object paths (Owner.Name) and $User fields beyond the UserContext. */
    recordById?(id: string): SObject | undefined;
    /** Custom labels ($Label.X): name → value (ProjectMetadata.labels). */
    labels?: Map<string, string>;
    /** Other globals by name ('$Flow.CurrentDateTime', '$Organization.Id'). */
    globals?: Record<string, TypedValue>;
    /** Flow resources and lookups by name; undefined when the name is not one. */
    variable?(name: string): TypedValue | undefined;
    /** The formula's "Treat blank fields as" setting (formula fields); validation rules and flows use blanks. */
    blanks?: 'blanks' | 'zeros';
    position?: SourcePosition;
}

const cache = new Map<string, AstNode>();

/** The parse tree of a formula (cached by text); `{!x}` merge fields become plain names. */
export function compileFormula(text: string, position?: SourcePosition): AstNode {
    let tree = cache.get(text);
    if (!tree) {
        const rewritten = text.replace(/\{!\s*([^}]+?)\s*\}/g, '$1');
        tree = rewritten.trim() === '' ? nullLiteral() : formulon().ast(rewritten);
        if (tree.type === 'error') throw new UnsupportedError(`formula syntax (${tree.message}): ${text}`, position);
        cache.set(text, tree);
    }
    return tree;
}

/** Evaluates a formula. `resultType` (a field type or flow dataType) makes a blank Boolean false. */
export function evaluateFormula(text: string, context: FormulaContext, resultType?: string): FieldValue {
    const tree = compileFormula(text, context.position);
    const result = fromLiteral(evaluateNode(tree, scopeOf(context)));
    if (resultType && /^(boolean|checkbox)$/i.test(resultType)) return result === true;
    return result;
}

function scopeOf(context: FormulaContext): Scope {
    const zeros = context.blanks === 'zeros';
    const literal = (typed: TypedValue | undefined, name: string): Literal => {
        if (!typed) throw new UnsupportedError(`formula reference ${name}`, context.position);
        return toLiteral(typed, zeros);
    };
    return {
        resolve: (name) => literal(resolve(name, context, false), name),
        prior: (name) => literal(resolve(name, context, true), name),
        isNew: () => context.isNew,
        now: () => context.now,
        timeZone: () => context.user.timeZone,
        position: context.position
    };
}

function resolve(name: string, context: FormulaContext, prior: boolean): TypedValue | undefined {
    const parts = name.split('.');
    const head = parts[0].toLowerCase();
    if (head === '$record') return path(prior ? context.prior : context.record, parts.slice(1), context);
    if (head === '$record__prior') return path(context.isNew ? null : context.prior, parts.slice(1), context);
    if (prior && !head.startsWith('$')) {
        return path(context.isNew ? null : context.prior, parts, context, context.record?.type);
    }
    if (head === '$permission' && parts.length === 2)
        return { value: context.hasPermission(parts[1]), type: 'checkbox' };
    if (head === '$custommetadata' && parts.length === 4) return customMetadata(parts, context);
    if (head === '$user') return user(parts.slice(1), context);
    if (head === '$profile' && parts.length === 2) {
        const profile = context.recordById?.(context.user.profileId);
        return profile ? path(profile, parts.slice(1), context) : undefined;
    }
    if (head === '$label' && parts.length === 2) {
        const label = findLabel(context.labels, parts[1]);
        return label === undefined ? undefined : { value: label, type: 'text' };
    }
    const global = context.globals?.[name] ?? findIgnoringCase(context.globals, name);
    if (global) return global;
    if (head.startsWith('$')) return undefined;
    const variable = context.variable?.(name);
    if (variable) return variable;
    return path(context.record, parts, context);
}

function findLabel(labels: Map<string, string> | undefined, name: string): string | undefined {
    if (!labels) return undefined;
    const wanted = name.toLowerCase();
    for (const [key, value] of labels) if (key.toLowerCase() === wanted) return value;
    return undefined;
}

function findIgnoringCase(map: Record<string, TypedValue> | undefined, name: string): TypedValue | undefined {
    if (!map) return undefined;
    const wanted = name.toLowerCase();
    for (const [key, value] of Object.entries(map)) if (key.toLowerCase() === wanted) return value;
    return undefined;
}

/** A field of a record, or of a parent reached through relationship names. A blank record yields a blank. */
function path(
    record: SObject | null | undefined,
    parts: string[],
    context: FormulaContext,
    objectName = record?.type
): TypedValue | undefined {
    if (parts.length === 0) return undefined;
    const [first, ...rest] = parts;
    const describe = objectName ? context.schema?.object(objectName) : undefined;
    if (rest.length === 0) {
        const field = describe?.fields.get(first.toLowerCase());
        if (!record) return field || !describe ? { value: null, type: field?.type } : undefined;
        if (!field && !record.has(first) && describe) return undefined;
        if (field?.calculatedFormula) {
            // A formula field is computed on read, from the same record.
            const nested = { ...context, record, prior: null, isNew: false, variable: undefined };
            return { value: evaluateFormula(field.calculatedFormula, nested, field.type), type: field.type };
        }
        return { value: record.get(first) ?? null, type: field?.type };
    }
    const relationship = objectName ? context.schema?.relationship(objectName, first) : undefined;
    let parent: SObject | null | undefined = null;
    const held = record?.get(first);
    if (held instanceof SObject) parent = held;
    else if (relationship && record) {
        const id = record.get(relationship.name);
        parent = typeof id === 'string' ? context.recordById?.(id) : null;
        if (typeof id === 'string' && !context.recordById) {
            throw new UnsupportedError(`cross-object formula reference ${parts.join('.')}`, context.position);
        }
    } else if (!relationship && describe) return undefined;
    return path(parent ?? null, rest, context, parent?.type ?? relationship?.referenceTo?.[0]);
}

function customMetadata(parts: string[], context: FormulaContext): TypedValue | undefined {
    const [, type, developerName, field] = parts;
    const records = context.customMetadata?.get(type.toLowerCase());
    const record = records?.find(
        (r) => String(r.get('DeveloperName') ?? '').toLowerCase() === developerName.toLowerCase()
    );
    if (!record) return undefined;
    return { value: record.get(field) ?? null, type: context.schema?.field(type, field)?.type };
}

function user(parts: string[], context: FormulaContext): TypedValue | undefined {
    if (parts.length !== 1) {
        const record = context.recordById?.(context.user.id);
        return record ? path(record, parts, context) : undefined;
    }
    const field = parts[0].toLowerCase();
    const known: Record<string, FieldValue> = {
        id: context.user.id,
        username: context.user.username,
        profileid: context.user.profileId,
        timezonesidkey: context.user.timeZone,
        localesidkey: context.user.locale
    };
    if (field in known) return { value: known[field], type: 'text' };
    const record = context.recordById?.(context.user.id);
    return record ? path(record, parts, context) : undefined;
}
