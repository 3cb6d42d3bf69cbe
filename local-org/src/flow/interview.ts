// One flow interview: its variables and element outputs, and how a reference ({!x}, $Record.F, Get_X.F, a formula,
// a text template, a constant) reads or writes them. Formula resources are re-evaluated at every reference, so a
// formula sees the values assignments made just before. Flow resources:
// https://help.salesforce.com/s/articleView?id=sf.flow_ref_resources.htm
import { Decimal } from 'decimal.js';
import { UnsupportedError, type RecordError, type SourcePosition } from '../core/errors.ts';
import type { ApexInvoker, SaveEngine, Transaction, UserContext } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, type FieldValue } from '../core/values.ts';
import { dateInZone, evaluateFormula, type FormulaContext, type TypedValue } from '../formula/index.ts';
import { positionIn, type FlowDefinition, type FlowValue } from './model.ts';

const TEXT_FIELD_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'combobox']);

export type FlowData = FieldValue | undefined | FlowData[];

/** What flows need from the other layers. */
export interface FlowServices {
    save: SaveEngine;
    apex: ApexInvoker;
    hasCustomPermission(user: UserContext, name: string): boolean;
}

export type FlowPhase = 'before' | 'after' | 'scheduled';

export class Interview {
    readonly flow: FlowDefinition;
    readonly transaction: Transaction;
    readonly services: FlowServices;
    readonly phase: FlowPhase;
    /** $Record: the working copy before save (assignments are the save), a copy of the saved record after. */
    readonly record: SObject;
    readonly prior: SObject | null;
    readonly isNew: boolean;
    private readonly values = new Map<string, FlowData>();
    faultMessage: string | null = null;
    /** Set by a bulk element for this interview when the platform operation failed. */
    fault: string | null = null;
    /** Custom errors and unhandled faults: the triggering record's save fails with these. */
    readonly errors: RecordError[] = [];

    constructor(
        flow: FlowDefinition,
        transaction: Transaction,
        services: FlowServices,
        phase: FlowPhase,
        record: SObject,
        prior: SObject | null
    ) {
        this.flow = flow;
        this.transaction = transaction;
        this.services = services;
        this.phase = phase;
        this.record = record;
        this.prior = prior;
        this.isNew = prior === null;
        for (const variable of flow.variables.values()) {
            const initial = variable.value ? this.literal(variable.value) : null;
            this.values.set(variable.name.toLowerCase(), variable.isCollection ? [] : initial);
        }
    }

    position(name?: string): SourcePosition {
        return positionIn(this.flow, name);
    }

    /** A <value> of the flow: a literal or a reference. A blank string literal is ''. */
    literal(value: FlowValue): FlowData {
        switch (value.kind) {
            case 'string':
                return value.text;
            case 'number':
                return Number(value.text);
            case 'boolean':
                return value.text === 'true';
            case 'date':
                return SDate.parse(value.text);
            case 'datetime':
                return SDatetime.parse(value.text);
            case 'reference':
                return this.get(value.text).value;
            case 'null':
                return null;
        }
    }

    /** Sets the output of an element or a variable (by name, any case). */
    setValue(name: string, value: FlowData): void {
        this.values.set(name.toLowerCase(), value);
    }

    get(reference: string): { value: FlowData; type?: string } {
        const [head, ...path] = reference.split('.');
        const key = head.toLowerCase();
        if (key === '$record') return this.path(this.record, path, reference);
        if (key === '$record__prior') return this.path(this.prior, path, reference);
        if (key === '$flow') return this.flowGlobal(path.join('.'), reference);
        if (key.startsWith('$')) return { value: evaluateFormula(reference, this.formulaContext()) };
        if (this.values.has(key)) {
            const value = this.values.get(key);
            const variable = this.flow.variables.get(key);
            if (path.length === 0) return { value, type: variable?.dataType };
            return this.path(value instanceof SObject ? value : null, path, reference);
        }
        const formula = this.flow.formulas.get(key);
        if (formula && path.length === 0) {
            const position = this.position(formula.name);
            const context = { ...this.formulaContext(), position };
            const value = evaluateFormula(formula.text ?? '', context, formula.dataType);
            return { value: rounded(value, formula.scale), type: formula.dataType };
        }
        const template = this.flow.textTemplates.get(key);
        if (template && path.length === 0) return { value: this.merge(template.text ?? ''), type: 'String' };
        const constant = this.flow.constants.get(key);
        if (constant && path.length === 0) return { value: this.literal(constant.value!), type: constant.dataType };
        if (this.flow.elements.has(key)) return { value: null };
        throw new UnsupportedError(`flow reference ${reference}`, this.position(head));
    }

    /** Assigns to a variable, a record variable's field or a $Record field (a blank text field stores null). */
    set(reference: string, value: FlowData): void {
        const [head, ...path] = reference.split('.');
        const key = head.toLowerCase();
        if (path.length === 0 && !key.startsWith('$')) {
            this.values.set(key, rounded(value, this.flow.variables.get(key)?.scale));
            return;
        }
        if (path.length !== 1) throw new UnsupportedError(`assignment to ${reference}`, this.position());
        const target = key === '$record' ? this.record : this.recordVariableForAssignment(key);
        if (!(target instanceof SObject)) throw new UnsupportedError(`assignment to ${reference}`, this.position());
        if (Array.isArray(value)) throw new UnsupportedError(`a collection assigned to ${reference}`, this.position());
        const fieldType = this.transaction.metadata.schema.field(target.type, path[0])?.type;
        const textual = fieldType !== undefined && TEXT_FIELD_TYPES.has(fieldType);
        // A number or checkbox assigned to a text field is stored as its text, as flows convert on assignment.
        const converted = textual && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value;
        target.set(path[0], converted === '' || converted === undefined ? null : converted);
    }

    /**
     * The record a field assignment writes to. A single record variable that is still empty gets a new record of its
     * object type on its first field assignment, as Flow Builder's "assign fields, then Create/Update Records with the
     * variable" pattern relies on (ledger: record variables).
     */
    private recordVariableForAssignment(key: string): FlowData {
        const current = this.values.get(key);
        const variable = this.flow.variables.get(key);
        if ((current === null || current === undefined) && variable?.dataType === 'SObject' && variable.objectType) {
            if (!variable.isCollection) {
                const created = new SObject(variable.objectType, {});
                this.values.set(key, created);
                return created;
            }
        }
        return current;
    }

    /** A text template or message: each {!reference} replaced by its text. */
    merge(text: string): string {
        return text.replace(/\{!\s*([^}]+?)\s*\}/g, (_, reference: string) => display(this.get(reference).value));
    }

    formulaContext(): FormulaContext {
        const transaction = this.transaction;
        return {
            record: this.record,
            prior: this.prior,
            isNew: this.isNew,
            user: transaction.user,
            now: transaction.now(),
            hasPermission: (name) => this.services.hasCustomPermission(transaction.user, name),
            schema: transaction.metadata.schema,
            customMetadata: transaction.metadata.customMetadata,
            labels: transaction.metadata.labels,
            recordById: (id) => transaction.store.get(id),
            globals: {
                '$Flow.CurrentDateTime': { value: new SDatetime(transaction.now()), type: 'DateTime' },
                '$Flow.CurrentDate': { value: dateInZone(transaction.now(), transaction.user.timeZone), type: 'Date' },
                '$Flow.FaultMessage': { value: this.faultMessage, type: 'String' }
            },
            variable: (name) => this.typed(name)
        };
    }

    private typed(name: string): TypedValue | undefined {
        const head = name.split('.')[0].toLowerCase();
        const known =
            this.values.has(head) ||
            this.flow.formulas.has(head) ||
            this.flow.textTemplates.has(head) ||
            this.flow.constants.has(head);
        if (!known) return undefined;
        const { value, type } = this.get(name);
        if (Array.isArray(value)) throw new UnsupportedError(`a collection in a formula (${name})`, this.position());
        return { value: value ?? null, type };
    }

    private flowGlobal(name: string, reference: string): { value: FlowData; type?: string } {
        switch (name.toLowerCase()) {
            case 'currentdatetime':
                return { value: new SDatetime(this.transaction.now()), type: 'DateTime' };
            case 'currentdate':
                return { value: dateInZone(this.transaction.now(), this.transaction.user.timeZone), type: 'Date' };
            case 'faultmessage':
                return { value: this.faultMessage, type: 'String' };
            default:
                throw new UnsupportedError(`flow global ${reference}`, this.position());
        }
    }

    /** A field of a record, through parent relationships (looked up in the store) when the path is longer. */
    private path(record: SObject | null, path: string[], reference: string): { value: FlowData; type?: string } {
        if (path.length === 0) return { value: record };
        const schema = this.transaction.metadata.schema;
        let current: SObject | null | undefined = record;
        for (let index = 0; index < path.length - 1; index++) {
            if (!current) return { value: null };
            const held = current.get(path[index]);
            if (held instanceof SObject) {
                current = held;
                continue;
            }
            const relationship = schema.relationship(current.type, path[index]);
            if (!relationship) throw new UnsupportedError(`flow reference ${reference}`, this.position());
            const id = current.get(relationship.name);
            current = typeof id === 'string' ? this.transaction.store.get(id) : null;
        }
        const field = path[path.length - 1];
        if (!current) return { value: null, type: undefined };
        const describe = schema.field(current.type, field);
        if (describe?.calculatedFormula) {
            // A formula field is computed when read, from the record as the flow sees it.
            const context = {
                ...this.formulaContext(),
                record: current,
                prior: null,
                isNew: false,
                variable: undefined
            };
            return { value: evaluateFormula(describe.calculatedFormula, context, describe.type), type: describe.type };
        }
        return { value: current.get(field) ?? null, type: describe?.type };
    }
}

/** A Number resource with a scale holds its value rounded half up to that many decimal places. */
function rounded(value: FlowData, scale: number | undefined): FlowData {
    if (typeof value !== 'number' || scale === undefined) return value;
    return new Decimal(value).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toNumber();
}

/** How a value shows in a text template (dates and times in ISO form: formatting by locale is not emulated). */
export function display(value: FlowData): string {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(display).join(', ');
    if (value instanceof SObject) return value.id ?? '';
    if (value instanceof SDatetime) return value.toString();
    return String(value);
}
