// The org's records in memory. Records are copied in and out, so nothing outside can change what is stored by
// holding a reference. Savepoints keep a journal of the prior state of each record touched after them; rollback
// replays it backwards (Database.setSavepoint / Database.rollback, and the rollback of a failed allOrNone statement).
import { IdGenerator } from '../core/ids.ts';
import type { Schema } from '../core/schema.ts';
import type { SObject } from '../core/sobject.ts';
import type { Store } from '../core/runtime.ts';

interface JournalEntry {
    id: string;
    prior: SObject | undefined;
}

export class MemoryStore implements Store {
    readonly schema: Schema;
    readonly ids = new IdGenerator();
    private readonly records = new Map<string, SObject>();
    private readonly journal: JournalEntry[] = [];
    private openSavepoints = 0;

    constructor(schema: Schema) {
        this.schema = schema;
    }

    get(id: string): SObject | undefined {
        const record = this.records.get(id.length === 15 ? this.canonical(id) : id);
        return record?.clone(true);
    }

    all(objectName: string): SObject[] {
        const wanted = objectName.toLowerCase();
        const result: SObject[] = [];
        for (const record of this.records.values()) {
            if (record.type.toLowerCase() === wanted) result.push(record.clone(true));
        }
        return result;
    }

    put(record: SObject): void {
        const id = record.id;
        if (!id) throw new Error(`A ${record.type} without an Id cannot be stored`);
        this.remember(id);
        this.records.set(id, record.clone(true));
    }

    remove(id: string): void {
        this.remember(id);
        this.records.delete(id);
    }

    newId(objectName: string): string {
        const describe = this.schema.object(objectName);
        if (!describe) throw new Error(`No object ${objectName} in the schema`);
        return this.ids.next(describe.keyPrefix);
    }

    savepoint(): number {
        this.openSavepoints++;
        return this.journal.length;
    }

    rollback(savepoint: number): void {
        if (savepoint < 0 || savepoint > this.journal.length) throw new Error(`Unknown savepoint ${savepoint}`);
        while (this.journal.length > savepoint) {
            const entry = this.journal.pop()!;
            if (entry.prior) this.records.set(entry.id, entry.prior);
            else this.records.delete(entry.id);
        }
    }

    /** Forgets savepoints (a committed transaction): later changes no longer need a journal. */
    releaseSavepoints(): void {
        this.openSavepoints = 0;
        this.journal.length = 0;
    }

    /** Every record, for persistence (the workbench's state file). */
    snapshot(): { issued: number; records: SObject[] } {
        return { issued: this.ids.issued, records: [...this.records.values()].map((record) => record.clone(true)) };
    }

    restore(snapshot: { issued: number; records: SObject[] }): void {
        this.records.clear();
        this.journal.length = 0;
        this.openSavepoints = 0;
        this.ids.issued = snapshot.issued;
        for (const record of snapshot.records) this.records.set(record.id!, record.clone(true));
    }

    private remember(id: string): void {
        if (this.openSavepoints > 0) this.journal.push({ id, prior: this.records.get(id) });
    }

    private canonical(id15: string): string {
        for (const id of this.records.keys()) if (id.startsWith(id15)) return id;
        return id15;
    }
}
