// Flow metadata (Flow-meta.xml) read into plain data. Elements are listed in the file grouped by type; the order of
// execution comes only from connectors, starting at <start>. Values stay raw strings until resolved
// (src/flow/resolve.ts). Reference: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_visual_workflow.htm
import { XMLParser } from 'fast-xml-parser';
import { ProjectError, type SourcePosition } from '../core/errors.ts';
import type { FlowSource } from '../core/metadata.ts';

/** One XML element as parsed: child elements by tag name, each a list (text children are strings). */
export type Node = { [tag: string]: Node[] | string[] };

export interface FlowValue {
    kind: 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'reference' | 'null';
    text: string;
}

export interface FlowCondition {
    left: string;
    operator: string;
    right: FlowValue;
}

export interface FlowFilter {
    field: string;
    operator: string;
    value: FlowValue;
}

export interface ScheduledPathDefinition {
    name: string;
    connector?: string;
    offsetNumber: number;
    offsetUnit: string;
    recordField?: string;
    timeSource: string;
}

export interface FlowStart {
    object?: string;
    recordTriggerType?: string;
    triggerType?: string;
    connector?: string;
    filters: FlowFilter[];
    filterLogic?: string;
    filterFormula?: string;
    requireChange: boolean;
    scheduledPaths: ScheduledPathDefinition[];
}

export interface FlowElement {
    /** The metadata type of the element ('assignments', 'decisions', 'recordLookups' …). */
    kind: string;
    name: string;
    label: string;
    node: Node;
    connector?: string;
    faultConnector?: string;
    position: SourcePosition;
}

export interface FlowResource {
    name: string;
    dataType?: string;
    isCollection: boolean;
    objectType?: string;
    /** Number resources: decimal places the value is rounded to. */
    scale?: number;
    /** Variables and constants: the initial value; formulas: the expression; text templates: the text. */
    value?: FlowValue;
    text?: string;
}

export interface FlowDefinition {
    name: string;
    label: string;
    file: string;
    processType: string;
    status: string;
    triggerOrder?: number;
    start?: FlowStart;
    /** By lower-case name. */
    elements: Map<string, FlowElement>;
    variables: Map<string, FlowResource>;
    constants: Map<string, FlowResource>;
    formulas: Map<string, FlowResource>;
    textTemplates: Map<string, FlowResource>;
    xml: string;
}

const ELEMENT_KINDS = [
    'actionCalls',
    'apexPluginCalls',
    'assignments',
    'collectionProcessors',
    'customErrors',
    'decisions',
    'loops',
    'orchestratedStages',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordRollbacks',
    'recordUpdates',
    'screens',
    'steps',
    'subflows',
    'transforms',
    'waits'
];

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name !== '?xml'
});

export function text(node: Node | undefined, tag: string): string | undefined {
    const value = node?.[tag]?.[0];
    return typeof value === 'string' ? value : undefined;
}

export function child(node: Node | undefined, tag: string): Node | undefined {
    const value = node?.[tag]?.[0];
    return value && typeof value === 'object' ? value : undefined;
}

export function children(node: Node | undefined, tag: string): Node[] {
    return ((node?.[tag] ?? []) as unknown[]).filter((value): value is Node => typeof value === 'object');
}

export function texts(node: Node | undefined, tag: string): string[] {
    return ((node?.[tag] ?? []) as unknown[]).filter((value): value is string => typeof value === 'string');
}

function connectorOf(node: Node | undefined, tag = 'connector'): string | undefined {
    return text(child(node, tag), 'targetReference');
}

/** A <value>/<rightValue> element: one of stringValue, numberValue, booleanValue, dateValue, elementReference … */
export function valueOf(node: Node | undefined): FlowValue {
    if (!node) return { kind: 'null', text: '' };
    const kinds: [string, FlowValue['kind']][] = [
        ['stringValue', 'string'],
        ['numberValue', 'number'],
        ['booleanValue', 'boolean'],
        ['dateValue', 'date'],
        ['dateTimeValue', 'datetime'],
        ['elementReference', 'reference']
    ];
    for (const [tag, kind] of kinds) {
        if (tag in node) return { kind, text: text(node, tag) ?? '' };
    }
    return { kind: 'null', text: '' };
}

const lines = new Map<string, Map<string, number | undefined>>();

function lineOf(xml: string, name: string): number | undefined {
    let known = lines.get(xml);
    if (!known) {
        known = new Map();
        lines.set(xml, known);
    }
    if (!known.has(name)) {
        const index = xml.indexOf(`<name>${name}</name>`);
        known.set(name, index < 0 ? undefined : xml.substring(0, index).split('\n').length);
    }
    return known.get(name);
}

function filtersOf(node: Node | undefined): FlowFilter[] {
    return children(node, 'filters').map((filter) => ({
        field: text(filter, 'field') ?? '',
        operator: text(filter, 'operator') ?? '',
        value: valueOf(child(filter, 'value'))
    }));
}

export function conditionsOf(node: Node): FlowCondition[] {
    return children(node, 'conditions').map((condition) => ({
        left: text(condition, 'leftValueReference') ?? '',
        operator: text(condition, 'operator') ?? '',
        right: valueOf(child(condition, 'rightValue'))
    }));
}

export { filtersOf, connectorOf };

export function parseFlow(source: FlowSource): FlowDefinition {
    let document: Node;
    try {
        document = parser.parse(source.xml) as Node;
    } catch (error) {
        throw new ProjectError(`invalid flow XML: ${(error as Error).message}`, { file: source.file });
    }
    const flow = child(document, 'Flow');
    if (!flow) throw new ProjectError('no <Flow> element', { file: source.file });
    const startNode = child(flow, 'start');
    const start: FlowStart | undefined = startNode && {
        object: text(startNode, 'object'),
        recordTriggerType: text(startNode, 'recordTriggerType'),
        triggerType: text(startNode, 'triggerType'),
        connector: connectorOf(startNode),
        filters: filtersOf(startNode),
        filterLogic: text(startNode, 'filterLogic'),
        filterFormula: text(startNode, 'filterFormula'),
        requireChange: text(startNode, 'doesRequireRecordChangedToMeetCriteria') === 'true',
        scheduledPaths: children(startNode, 'scheduledPaths').map((path) => ({
            name: text(path, 'name') ?? '',
            connector: connectorOf(path),
            offsetNumber: Number(text(path, 'offsetNumber') ?? '0'),
            offsetUnit: text(path, 'offsetUnit') ?? 'Minutes',
            recordField: text(path, 'recordField'),
            timeSource: text(path, 'timeSource') ?? 'RecordTriggerEvent'
        }))
    };
    const elements = new Map<string, FlowElement>();
    for (const kind of ELEMENT_KINDS) {
        for (const node of children(flow, kind)) {
            const name = text(node, 'name') ?? '';
            elements.set(name.toLowerCase(), {
                kind,
                name,
                label: text(node, 'label') ?? name,
                node,
                connector: connectorOf(node),
                faultConnector: connectorOf(node, 'faultConnector'),
                position: { file: source.file, line: lineOf(source.xml, name) }
            });
        }
    }
    const resources = (tag: string, read: (node: Node) => Partial<FlowResource>): Map<string, FlowResource> => {
        const map = new Map<string, FlowResource>();
        for (const node of children(flow, tag)) {
            const name = text(node, 'name') ?? '';
            map.set(name.toLowerCase(), {
                name,
                dataType: text(node, 'dataType'),
                isCollection: text(node, 'isCollection') === 'true',
                objectType: text(node, 'objectType'),
                scale: text(node, 'scale') === undefined ? undefined : Number(text(node, 'scale')),
                ...read(node)
            });
        }
        return map;
    };
    const order = text(flow, 'triggerOrder');
    return {
        name: source.name,
        label: text(flow, 'label') ?? source.name,
        file: source.file,
        processType: text(flow, 'processType') ?? '',
        status: text(flow, 'status') ?? 'Active',
        triggerOrder: order === undefined ? undefined : Number(order),
        start,
        elements,
        variables: resources('variables', (node) => ({ value: child(node, 'value') && valueOf(child(node, 'value')) })),
        constants: resources('constants', (node) => ({ value: valueOf(child(node, 'value')) })),
        formulas: resources('formulas', (node) => ({ text: text(node, 'expression') })),
        textTemplates: resources('textTemplates', (node) => ({ text: text(node, 'text') })),
        xml: source.xml
    };
}

/** Where a flow resource or element is, for UnsupportedError. */
export function positionIn(flow: FlowDefinition, name?: string): SourcePosition {
    return { file: flow.file, line: name ? lineOf(flow.xml, name) : undefined };
}
