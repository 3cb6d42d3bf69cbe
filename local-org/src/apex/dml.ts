// DML statements and Database methods: the records go to the SaveEngine; with allOrNone a failure becomes a
// DmlException whose message follows the platform's form:
// "Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]".
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_dmlexception.htm
import type { DmlOperation, DmlRecordResult } from '../core/runtime.ts';
import { PlatformException } from '../core/errors.ts';
import { SObject } from '../core/sobject.ts';
import type { Frame } from './env.ts';
import type { Interpreter } from './interpreter.ts';
import { ApexList, type Value } from './values.ts';

function recordsOf(ip: Interpreter, value: Value): SObject[] {
    if (value instanceof SObject) return [value];
    if (value instanceof ApexList && value.items.every((item) => item instanceof SObject))
        return value.items as SObject[];
    if (value === null) return ip.fail('NullPointerException', 'Attempt to de-reference a null object');
    return ip.unsupported('DML on a value that is not an SObject or a List<SObject>');
}

function capitalised(operation: string): string {
    return operation.charAt(0).toUpperCase() + operation.substring(1);
}

export function dmlFailure(operation: DmlOperation, results: DmlRecordResult[]): PlatformException | null {
    const failed = results.map((result, index) => ({ result, index })).filter((entry) => !entry.result.success);
    if (failed.length === 0) return null;
    const first = failed[0];
    const error = first.result.errors[0];
    const fields = error?.fields.length ? `: [${error.fields.join(', ')}]` : ': []';
    const message =
        `${capitalised(operation)} failed. First exception on row ${first.index}; first error: ` +
        `${error?.statusCode ?? 'UNKNOWN_EXCEPTION'}, ${error?.message ?? ''}${fields}`;
    return new PlatformException(
        'DmlException',
        message,
        failed.map((entry) => ({ index: entry.index, id: entry.result.id, errors: entry.result.errors }))
    );
}

export function performDml(
    ip: Interpreter,
    operation: DmlOperation,
    records: SObject[],
    allOrNone: boolean,
    accessMode: 'user' | 'system'
): DmlRecordResult[] {
    if (!ip.saveEngine) return ip.unsupported(`${operation} (no save engine wired)`);
    const results = ip.saveEngine.dml(ip.tx, operation, records, { allOrNone, accessMode });
    results.forEach((result, index) => {
        if (result.success && operation === 'insert' && result.id && !records[index].id)
            records[index].set('Id', result.id);
    });
    if (allOrNone) {
        const failure = dmlFailure(operation, results);
        if (failure) throw failure;
    }
    return results;
}

export function runDml(
    ip: Interpreter,
    operation: DmlOperation,
    value: Value,
    accessMode: 'user' | 'system' | null,
    frame: Frame
): void {
    void frame;
    performDml(ip, operation, recordsOf(ip, value), true, accessMode ?? 'system');
}

export { recordsOf };
