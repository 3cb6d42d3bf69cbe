// One record in memory: what the store keeps, what SOQL returns, what Apex holds in an SObject variable and what a
// flow's record variable is. Field names are case-insensitive (as in Apex and SOQL); each value keeps the name it was
// first set with, so output can show the schema's spelling. Relationship fields (`Owner`, `Lead__r`) hold an SObject.
// Whether a field was set matters: `new Lead(Company = null)` sets Company, `new Lead()` does not, and a query
// returns only the fields it selected (reading another one is an error in Apex: SObjectException).
import type { FieldValue } from './values.ts';

interface Entry {
    name: string;
    value: FieldValue;
}

export class SObject {
    /** The object's API name as the schema spells it ('Lead', 'Invoice__c'). */
    readonly type: string;
    private readonly entries = new Map<string, Entry>();

    constructor(type: string, values?: Record<string, FieldValue>) {
        this.type = type;
        if (values) for (const [name, value] of Object.entries(values)) this.set(name, value);
    }

    get id(): string | null {
        const value = this.get('Id');
        return typeof value === 'string' ? value : null;
    }

    has(field: string): boolean {
        return this.entries.has(field.toLowerCase());
    }

    /** The value, or undefined when the field was never set or selected (null when set to null). */
    get(field: string): FieldValue | undefined {
        return this.entries.get(field.toLowerCase())?.value;
    }

    set(field: string, value: FieldValue): void {
        const key = field.toLowerCase();
        const existing = this.entries.get(key);
        if (existing) existing.value = value;
        else this.entries.set(key, { name: field, value });
    }

    unset(field: string): void {
        this.entries.delete(field.toLowerCase());
    }

    /** Field names as first set, in the order they were set. */
    fieldNames(): string[] {
        return [...this.entries.values()].map((entry) => entry.name);
    }

    /** Fields and values as a plain object (names as first set). Nested SObjects stay SObjects. */
    toRecord(): Record<string, FieldValue> {
        const record: Record<string, FieldValue> = {};
        for (const entry of this.entries.values()) record[entry.name] = entry.value;
        return record;
    }

    /** A copy; `deep` copies nested relationship SObjects too. */
    clone(deep = false): SObject {
        const copy = new SObject(this.type);
        for (const entry of this.entries.values()) {
            const value = deep && entry.value instanceof SObject ? entry.value.clone(true) : entry.value;
            copy.set(entry.name, value);
        }
        return copy;
    }
}
