// Runs the interviews of one batch together. Each interview walks its connectors alone through assignments and
// decisions; at an element that reads or writes data (Get/Create/Update Records, actions) it waits, and the
// interviews waiting at the same element are served by one bulk operation: one query, one DML statement, one call of
// the invocable method for the batch ("Flow Bulkification in Transactions":
// https://help.salesforce.com/s/articleView?id=sf.flow_concepts_bulkification.htm).
import { UnsupportedError } from '../core/errors.ts';
import { runBulk } from './bulk.ts';
import { combine, compare } from './conditions.ts';
import type { Interview } from './interview.ts';
import { type FlowData } from './interview.ts';
import { child, children, conditionsOf, text, valueOf, type FlowElement } from './model.ts';

const BULK_KINDS = new Set(['recordLookups', 'recordCreates', 'recordUpdates', 'actionCalls']);

/** Runs interviews from their start connector (or a scheduled path's) to the end. */
export function runInterviews(interviews: Interview[], startAt: (interview: Interview) => string | undefined): void {
    const walks = interviews.map((interview) => ({ interview, steps: walk(interview, startAt(interview)) }));
    let waiting: { interview: Interview; element: FlowElement; resume: () => IteratorResult<FlowElement> }[] = [];
    const advance = (entry: (typeof walks)[number]): void => {
        const next = entry.steps.next();
        if (!next.done)
            waiting.push({ interview: entry.interview, element: next.value, resume: () => entry.steps.next() });
    };
    const byInterview = new Map(walks.map((entry) => [entry.interview, entry]));
    for (const entry of walks) advance(entry);
    while (waiting.length > 0) {
        const element = waiting[0].element;
        const group = waiting.filter((entry) => entry.element === element);
        waiting = waiting.filter((entry) => entry.element !== element);
        runBulk(
            element,
            group.map((entry) => entry.interview)
        );
        for (const entry of group) advance(byInterview.get(entry.interview)!);
    }
}

function* walk(interview: Interview, first: string | undefined): Generator<FlowElement, void, void> {
    let next = first;
    let steps = 0;
    while (next) {
        if (++steps > 2000) throw new UnsupportedError('a flow path of more than 2000 elements', interview.position());
        const element = interview.flow.elements.get(next.toLowerCase());
        if (!element) throw new UnsupportedError(`connector to unknown element ${next}`, interview.position());
        if (BULK_KINDS.has(element.kind)) {
            interview.fault = null;
            yield element;
            if (interview.fault !== null) {
                interview.faultMessage = interview.fault;
                if (element.faultConnector) {
                    next = element.faultConnector;
                    continue;
                }
                interview.errors.push({
                    statusCode: 'CANNOT_EXECUTE_FLOW_TRIGGER',
                    message:
                        `We can't save this record because the “${interview.flow.label}” process failed. ` +
                        `Give your Salesforce admin these details. ${interview.fault}`,
                    fields: []
                });
                return;
            }
            next = element.connector;
            continue;
        }
        switch (element.kind) {
            case 'assignments':
                assign(interview, element);
                next = element.connector;
                break;
            case 'decisions':
                next = decide(interview, element);
                break;
            case 'customErrors':
                customError(interview, element);
                next = element.connector;
                break;
            default:
                throw new UnsupportedError(`flow element ${element.kind} (${element.name})`, element.position);
        }
    }
}

function assign(interview: Interview, element: FlowElement): void {
    for (const item of children(element.node, 'assignmentItems')) {
        const target = text(item, 'assignToReference') ?? '';
        const operator = text(item, 'operator') ?? 'Assign';
        const value = interview.literal(valueOf(child(item, 'value')));
        if (operator === 'Assign') {
            interview.set(target, Array.isArray(value) ? [...value] : value);
            continue;
        }
        const current = interview.get(target).value;
        if (operator === 'Add' || operator === 'AddItem') {
            if (Array.isArray(current)) {
                if (Array.isArray(value)) current.push(...value);
                else current.push(value);
                interview.set(target, current);
            } else interview.set(target, add(current, value, 1, element));
        } else if (operator === 'Subtract') {
            interview.set(target, add(current, value, -1, element));
        } else throw new UnsupportedError(`assignment operator ${operator}`, element.position);
    }
}

function add(current: FlowData, value: FlowData, sign: number, element: FlowElement): FlowData {
    if (typeof current === 'string' && sign > 0) return current + (value ?? '');
    if (current === null || current === undefined || typeof current === 'number') {
        return (typeof current === 'number' ? current : 0) + sign * Number(value ?? 0);
    }
    throw new UnsupportedError(`Add/Subtract on this type of value`, element.position);
}

function decide(interview: Interview, element: FlowElement): string | undefined {
    for (const rule of children(element.node, 'rules')) {
        const conditions = conditionsOf(rule);
        const results = conditions.map((condition) => () => {
            const left = interview.get(condition.left).value;
            const right = interview.literal(condition.right);
            const field = /^\$Record\.([^.]+)$/i.exec(condition.left)?.[1];
            return compare(left, condition.operator, right, {
                ignoreCase: false,
                isNew: interview.isNew,
                prior: field ? () => interview.prior?.get(field) ?? null : undefined,
                position: element.position
            });
        });
        if (combine(text(rule, 'conditionLogic'), results, element.position)) {
            return text(child(rule, 'connector'), 'targetReference');
        }
    }
    return text(child(element.node, 'defaultConnector'), 'targetReference');
}

function customError(interview: Interview, element: FlowElement): void {
    for (const message of children(element.node, 'customErrorMessages')) {
        const field = text(message, 'fieldSelection');
        const isField = text(message, 'isFieldError') === 'true' && field;
        interview.errors.push({
            statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: interview.merge(text(message, 'errorMessage') ?? ''),
            fields: isField ? [field] : []
        });
    }
}
