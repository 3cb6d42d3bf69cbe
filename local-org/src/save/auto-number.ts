// Auto-number fields get the next number of their object when a record is inserted, after before-save flows and
// validation (a before-save flow sees the field blank), formatted by the field's display format: the run of zeros in
// braces is the minimum number of digits ('SE-{0000000}' → 'SE-0000042').
// https://help.salesforce.com/s/articleView?id=sf.custom_field_types.htm (Auto Number)
// Numbers continue from the highest one stored. The platform never reuses a number, even one taken by a save that
// was rolled back; local-org may, after a rollback (ledger: uncertain gaps are not emulated).
import { UnsupportedError } from '../core/errors.ts';
import type { Transaction } from '../core/runtime.ts';
import type { FieldDescribe, SObjectDescribe } from '../core/schema.ts';
import type { SObject } from '../core/sobject.ts';

const NUMBER_TOKEN = /\{(0+)\}/;

function parts(field: FieldDescribe): { prefix: string; digits: number; suffix: string } {
    const format = field.autoNumberFormat ?? '{0}';
    const match = NUMBER_TOKEN.exec(format);
    const rest = match ? format.replace(NUMBER_TOKEN, '') : format;
    if (!match || /[{}]/.test(rest))
        throw new UnsupportedError(`auto-number display format ${format} (${field.name}): only {0…} is emulated`);
    return {
        prefix: format.slice(0, match.index),
        digits: match[1].length,
        suffix: format.slice(match.index + match[0].length)
    };
}

/** Gives each new record the next number of every auto-number field of its object (one store scan per field). */
export function assignAutoNumbers(transaction: Transaction, describe: SObjectDescribe, inserted: SObject[]): void {
    if (inserted.length === 0) return;
    for (const field of describe.fields.values()) {
        if (field.autoNumberFormat === undefined) continue;
        const { prefix, digits, suffix } = parts(field);
        let highest = 0;
        for (const stored of transaction.store.all(describe.name)) {
            const value = stored.get(field.name);
            if (typeof value !== 'string' || !value.startsWith(prefix) || !value.endsWith(suffix)) continue;
            const number = Number(value.slice(prefix.length, value.length - suffix.length));
            if (Number.isInteger(number) && number > highest) highest = number;
        }
        for (const record of inserted) {
            highest++;
            record.set(field.name, `${prefix}${String(highest).padStart(digits, '0')}${suffix}`);
        }
    }
}
