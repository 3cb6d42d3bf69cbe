// The org's BusinessHours records for a host that plans moments (a sample-data player, a clock control): the same
// BusinessHours.add / diff / isWithin / nextStartDate the Apex standard library runs, on a record chosen by name.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_businesshours.htm
import { SDatetime } from '../core/values.ts';
import { OrgTransaction } from '../platform/transaction.ts';
import type { StaticMethod } from '../apex/stdlib/registry.ts';
import { toNumber, type Value } from '../apex/values.ts';
import type { LocalOrg } from './org.ts';

export interface BusinessCalendar {
    id: string;
    name: string;
    /** The instant `ms` business milliseconds after `from`. */
    add(from: number, ms: number): number;
    /** Business milliseconds between two instants. */
    diff(from: number, to: number): number;
    isWithin(at: number): boolean;
    /** The next instant at or after `at` within business hours. */
    nextStart(at: number): number;
}

/** The business hours named `name`, or the org's default ones (IsDefault). */
export function businessHours(org: LocalOrg, name?: string): BusinessCalendar {
    const records = org.store.all('BusinessHours');
    const record = name
        ? records.find((row) => row.get('Name') === name)
        : records.find((row) => row.get('IsDefault') === true);
    if (!record) throw new Error(`No business hours ${name ?? '(default)'} in the org`);
    const statics = org.apex.registry.get('BusinessHours')!.statics!;
    const call = (method: string, args: Value[]): Value => {
        const tx = new OrgTransaction(org.metadata, org.store, org.clock, org.admin);
        return (statics[method] as StaticMethod)(org.apex.interpreter(tx), args);
    };
    const id = record.id!;
    return {
        id,
        name: String(record.get('Name')),
        add: (from, ms) => (call('add', [id, new SDatetime(from), BigInt(Math.round(ms))]) as SDatetime).ms,
        diff: (from, to) => toNumber(call('diff', [id, new SDatetime(from), new SDatetime(to)]) as bigint),
        isWithin: (at) => call('iswithin', [id, new SDatetime(at)]) === true,
        nextStart: (at) => (call('nextstartdate', [id, new SDatetime(at)]) as SDatetime).ms
    };
}
