// Record-triggered flows: which flows run for a save (object, create/update, before/after save, entry conditions),
// in trigger order, and their scheduled paths. The SaveEngine calls runBeforeSave/runAfterSave with the records of
// one DML batch. Record-triggered flows: https://help.salesforce.com/s/articleView?id=sf.flow_concepts_trigger_record.htm
// Run order: https://help.salesforce.com/s/articleView?id=platform.flow_task_trigger_run_order.htm
import { UnsupportedError, type RecordError } from '../core/errors.ts';
import type { FlowSource, ProjectMetadata } from '../core/metadata.ts';
import type { ScheduledPathState, ScheduledWork, Transaction, UserContext } from '../core/runtime.ts';
import type { SObject } from '../core/sobject.ts';
import { SDate, SDatetime } from '../core/values.ts';
import { evaluateFormula } from '../formula/index.ts';
import { fromLocal } from '../apex/timezone.ts';
import { emptyLimits } from '../platform/transaction.ts';
import { combine, compare } from './conditions.ts';
import { Interview, type FlowPhase, type FlowServices } from './interview.ts';
import { parseFlow, positionIn, type FlowDefinition, type ScheduledPathDefinition } from './model.ts';
import { runInterviews } from './run.ts';

export type { FlowServices } from './interview.ts';
export { parseFlow } from './model.ts';

export interface TriggeredRecord {
    /** Before save: the working copy (the flow's assignments change it). After save: the saved record. */
    record: SObject;
    /** The stored record before this save; null on insert. */
    prior: SObject | null;
}

export interface FlowRunner {
    /** Runs the before-save flows of the object; returns each record's errors (custom errors, failures). */
    runBeforeSave(transaction: Transaction, objectName: string, records: TriggeredRecord[]): RecordError[][];
    runAfterSave(transaction: Transaction, objectName: string, records: TriggeredRecord[]): RecordError[][];
    /** A pending scheduled path made runnable again from its state (see `restoreScheduledPath`). */
    restoreScheduledPath(transaction: Transaction, state: ScheduledPathState, dueAt: number): ScheduledWork;
}

const parsed = new WeakMap<FlowSource, FlowDefinition>();

function definition(source: FlowSource): FlowDefinition {
    let flow = parsed.get(source);
    if (!flow) {
        flow = parseFlow(source);
        parsed.set(source, flow);
    }
    return flow;
}

/**
 * Trigger order 1–2000 first by value, then flows without one; ties by API name. (The doc also places unordered
 * flows between 1000 and 1001: not emulated, noted in the ledger.)
 */
function triggered(
    metadata: ProjectMetadata,
    objectName: string,
    triggerType: string,
    isInsert: boolean
): FlowDefinition[] {
    return metadata.flows
        .map(definition)
        .filter((flow) => {
            const start = flow.start;
            if (!start || flow.status !== 'Active' || !start.object || !start.triggerType) return false;
            if (flow.processType !== 'AutoLaunchedFlow') return false;
            if (start.object.toLowerCase() !== objectName.toLowerCase() || start.triggerType !== triggerType)
                return false;
            const on = start.recordTriggerType;
            return on === 'CreateAndUpdate' || on === (isInsert ? 'Create' : 'Update');
        })
        .sort((a, b) => (a.triggerOrder ?? 10_000) - (b.triggerOrder ?? 10_000) || a.name.localeCompare(b.name));
}

/** Whether the record meets the flow's entry conditions (filters and logic, or the filter formula). */
export function meetsEntry(interview: Interview, subject: SObject, prior: SObject | null): boolean {
    const start = interview.flow.start!;
    const position = positionIn(interview.flow, undefined);
    if (start.filterFormula) {
        const context = { ...interview.formulaContext(), record: subject, prior, isNew: prior === null, position };
        return evaluateFormula(start.filterFormula, context, 'Boolean') === true;
    }
    if (start.filters.length === 0) return true;
    const results = start.filters.map(
        (filter) => () =>
            compare(subject.get(filter.field) ?? null, filter.operator, interview.literal(filter.value), {
                ignoreCase: false,
                isNew: prior === null,
                prior: () => prior?.get(filter.field) ?? null,
                position
            })
    );
    return combine(start.filterLogic, results, position);
}

/** Entry conditions, and with "only when a record is updated to meet the condition requirements", not met before. */
function shouldRun(interview: Interview): boolean {
    const start = interview.flow.start!;
    if (!meetsEntry(interview, interview.record, interview.prior)) return false;
    if (!start.requireChange || !interview.prior) return true;
    return !meetsEntry(interview, interview.prior, null);
}

export function createFlowRunner(services: FlowServices): FlowRunner {
    const run = (
        transaction: Transaction,
        phase: FlowPhase,
        objectName: string,
        records: TriggeredRecord[]
    ): RecordError[][] => {
        const errors = records.map((): RecordError[] => []);
        if (records.length === 0) return errors;
        const isInsert = records[0].prior === null;
        const type = phase === 'before' ? 'RecordBeforeSave' : 'RecordAfterSave';
        for (const flow of triggered(transaction.metadata, objectName, type, isInsert)) {
            const interviews: { interview: Interview; index: number }[] = [];
            const waiting: Interview[] = [];
            records.forEach((entry, index) => {
                if (errors[index].length > 0) return;
                const record = phase === 'before' ? entry.record : entry.record.clone(true);
                const interview = new Interview(flow, transaction, services, phase, record, entry.prior);
                if (shouldRun(interview)) interviews.push({ interview, index });
                else if (phase === 'after' && meetsEntry(interview, interview.record, interview.prior))
                    waiting.push(interview);
            });
            if (waiting.length > 0) reschedulePaths(transaction, flow, waiting);
            if (interviews.length === 0) continue;
            if (phase === 'after')
                schedulePaths(
                    transaction,
                    services,
                    flow,
                    interviews.map((entry) => entry.interview)
                );
            if (!flow.start!.connector) continue;
            runInterviews(
                interviews.map((entry) => entry.interview),
                (interview) => interview.flow.start!.connector
            );
            for (const { interview, index } of interviews) errors[index].push(...interview.errors);
        }
        return errors;
    };
    return {
        runBeforeSave: (transaction, objectName, records) => run(transaction, 'before', objectName, records),
        runAfterSave: (transaction, objectName, records) => run(transaction, 'after', objectName, records),
        restoreScheduledPath: (transaction, state, due) => restoreScheduledPath(transaction, services, state, due)
    };
}

/**
 * Runs the scheduled work that is due at the transaction's clock, earliest first, removing it from the list (work it
 * schedules in turn runs too when already due). Returns how many ran. Scheduled paths run asynchronously on the
 * platform; the caller decides when "later" is (a test moving the clock, the workbench).
 */
export function runDueWork(transaction: Transaction): number {
    let ran = 0;
    for (;;) {
        const due = transaction.scheduled
            .filter((work) => work.dueAt <= transaction.now())
            .sort((a, b) => a.dueAt - b.dueAt)[0];
        if (!due) return ran;
        transaction.scheduled.splice(transaction.scheduled.indexOf(due), 1);
        due.run();
        ran++;
    }
}

/**
 * A scheduled path's own transaction: the same org data, the user who scheduled it, and governor limits of its own
 * (the platform runs the path asynchronously).
 */
function asyncContext(transaction: Transaction, user: UserContext): Transaction {
    return Object.create(transaction, { user: { get: () => user }, limits: { value: emptyLimits() } }) as Transaction;
}

const UNIT_MS: Record<string, number> = { Minutes: 60_000, Hours: 3_600_000, Days: 86_400_000 };

/** The org's default time zone (Organization.TimeZoneSidKey); GMT when the store has no Organization. */
function orgTimeZone(transaction: Transaction): string {
    const organization = transaction.store.all('Organization')[0];
    return String(organization?.get('TimeZoneSidKey') ?? 'GMT');
}

/**
 * When a scheduled path is due: an offset from a record field or from the trigger time; null when the field is blank.
 * A Date field counts from midnight of that date in the org's time zone.
 */
function dueAt(
    path: ScheduledPathDefinition,
    record: SObject,
    transaction: Transaction,
    flow: FlowDefinition
): number | null {
    const unit = UNIT_MS[path.offsetUnit];
    if (!unit) throw new UnsupportedError(`scheduled path offset unit ${path.offsetUnit}`, positionIn(flow, path.name));
    let base = transaction.now();
    if (path.timeSource === 'RecordField') {
        const value = record.get(path.recordField ?? '');
        if (value instanceof SDatetime) base = value.ms;
        else if (value instanceof SDate) base = fromLocal(orgTimeZone(transaction), value.year, value.month, value.day);
        else return null;
    }
    return base + path.offsetNumber * unit;
}

function pathKey(flow: FlowDefinition, path: ScheduledPathDefinition, id: string): string {
    return `${flow.name}/${path.name}/${id}`;
}

/**
 * A save of a record that still meets the entry conditions (so its paths are not scheduled again) but changes the
 * field a pending path is timed from moves that path to the new time, or drops it when the field is now blank.
 */
function reschedulePaths(transaction: Transaction, flow: FlowDefinition, interviews: Interview[]): void {
    for (const path of flow.start!.scheduledPaths) {
        if (path.timeSource !== 'RecordField' || !path.recordField) continue;
        for (const interview of interviews) {
            const { record, prior } = interview;
            if (!prior || sameValue(record.get(path.recordField), prior.get(path.recordField))) continue;
            const pending = transaction.scheduled.find((work) => work.key === pathKey(flow, path, record.id!));
            if (!pending) continue;
            // The stored record: a save nested in this one's after-save work may have changed the field since.
            const due = dueAt(path, transaction.store.get(record.id!) ?? record, transaction, flow);
            if (due === null) transaction.scheduled.splice(transaction.scheduled.indexOf(pending), 1);
            else pending.dueAt = due;
        }
    }
}

function sameValue(a: unknown, b: unknown): boolean {
    if (a instanceof SDate && b instanceof SDate) return a.epochDay === b.epochDay;
    if (a instanceof SDatetime && b instanceof SDatetime) return a.ms === b.ms;
    return (a ?? null) === (b ?? null);
}

/**
 * The runnable work of one pending path. When it runs, it re-reads the record and runs only if the record still meets
 * the entry conditions (a record updated out of them has its paths removed), in a transaction of its own as the user
 * whose save scheduled it ("The running user associated with the flow's actions is the user who originally changed
 * the record."), with that save's $Record__Prior.
 */
function pathWork(
    transaction: Transaction,
    services: FlowServices,
    flow: FlowDefinition,
    path: ScheduledPathDefinition,
    state: ScheduledPathState,
    due: number
): ScheduledWork {
    const user = transaction.user;
    return {
        key: pathKey(flow, path, state.recordId),
        dueAt: due,
        description: `${flow.name}: scheduled path ${path.name} for ${state.recordId}`,
        state,
        run: () => {
            const current = transaction.store.get(state.recordId);
            if (!current) return;
            const context = asyncContext(transaction, user);
            const scheduled = new Interview(flow, context, services, 'scheduled', current, state.prior);
            if (!meetsEntry(scheduled, current, null)) return;
            runInterviews([scheduled], () => path.connector);
        }
    };
}

/** Scheduled paths wait on the transaction's `scheduled` list; scheduling a path again replaces the pending one. */
function schedulePaths(
    transaction: Transaction,
    services: FlowServices,
    flow: FlowDefinition,
    interviews: Interview[]
): void {
    for (const path of flow.start!.scheduledPaths) {
        for (const interview of interviews) {
            const due = dueAt(path, interview.record, transaction, flow);
            if (due === null) continue;
            const recordId = interview.record.id!;
            const pending = transaction.scheduled.findIndex((work) => work.key === pathKey(flow, path, recordId));
            if (pending >= 0) transaction.scheduled.splice(pending, 1);
            const state = { flow: flow.name, path: path.name, recordId, userId: transaction.user.id };
            transaction.scheduled.push(
                pathWork(transaction, services, flow, path, { ...state, prior: interview.prior }, due)
            );
        }
    }
}

/**
 * Re-creates a pending scheduled path from its state (a host saved the org to a file and loads it again): the work
 * `schedulePaths` made, owned by `transaction`, whose running user must be the one who scheduled it. Throws, naming
 * the path, when the project no longer has the flow or the path (the caller decides whether that refuses the load).
 * The path runs with the flow's current definition: local-org keeps one version of each flow.
 */
export function restoreScheduledPath(
    transaction: Transaction,
    services: FlowServices,
    state: ScheduledPathState,
    due: number
): ScheduledWork {
    const named = `scheduled path ${state.flow}/${state.path} for ${state.recordId}`;
    const source = transaction.metadata.flows.find((flow) => flow.name.toLowerCase() === state.flow.toLowerCase());
    if (!source) throw new Error(`${named}: the project has no flow ${state.flow}`);
    const flow = definition(source);
    const path = flow.start?.scheduledPaths.find((each) => each.name.toLowerCase() === state.path.toLowerCase());
    if (!path) throw new Error(`${named}: flow ${flow.name} has no scheduled path ${state.path}`);
    if (transaction.user.id !== state.userId) {
        throw new Error(`${named}: scheduled by user ${state.userId}, restored as ${transaction.user.id}`);
    }
    return pathWork(transaction, services, flow, path, state, due);
}
