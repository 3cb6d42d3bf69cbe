// Flow element graph: which elements each path of a flow reaches. The flow scanner only follows the start
// connector, so elements on scheduled paths escape its rules; this walks every path.
import { readMetadataXml } from './project.mjs';

const ELEMENT_KINDS = [
    'actionCalls',
    'apexPluginCalls',
    'assignments',
    'collectionProcessors',
    'customErrors',
    'decisions',
    'loops',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordRollbacks',
    'recordUpdates',
    'screens',
    'subflows',
    'transforms',
    'waits'
];

/** Element kinds that can fail at run time and so need a fault connector. */
export const FALLIBLE_KINDS = new Set([
    'actionCalls',
    'apexPluginCalls',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordUpdates',
    'subflows'
]);

function targetsOf(element, followFaults) {
    const targets = [];
    const visit = (node) => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (node === null || typeof node !== 'object') return;
        for (const [key, child] of Object.entries(node)) {
            if (key === 'targetReference') targets.push(...[child].flat());
            else if (key === 'faultConnector' && !followFaults) continue;
            else if (/connector$/i.test(key) || key === 'rules' || key === 'waitEvents') visit(child);
        }
    };
    visit(element);
    return targets;
}

/**
 * Reads a flow file into its elements by name and its entry points: the start connector and each scheduled path.
 * @returns {{ elements: Map<string, { kind: string, element: object }>, paths: { name: string, entry: string }[] }}
 */
export function readFlowGraph(file) {
    const flow = readMetadataXml(file).Flow ?? {};
    const elements = new Map();
    for (const kind of ELEMENT_KINDS) {
        for (const element of flow[kind] ?? []) elements.set(element.name?.[0], { kind, element });
    }
    const start = flow.start?.[0] ?? {};
    const paths = [];
    const entry = start.connector?.[0]?.targetReference?.[0];
    if (entry) paths.push({ name: 'start', entry });
    for (const scheduled of start.scheduledPaths ?? []) {
        const target = scheduled.connector?.[0]?.targetReference?.[0];
        if (target) paths.push({ name: `scheduled path ${scheduled.name?.[0]}`, entry: target });
    }
    return { elements, paths };
}

/**
 * Names of the elements reachable from an entry element. Without `followFaults`, only the normal path: elements
 * reached through fault connectors alone are fault handlers.
 */
export function reachableFrom(graph, entry, { followFaults = true } = {}) {
    const seen = new Set();
    const pending = [entry];
    while (pending.length) {
        const name = pending.pop();
        if (seen.has(name) || !graph.elements.has(name)) continue;
        seen.add(name);
        pending.push(...targetsOf(graph.elements.get(name).element, followFaults));
    }
    return seen;
}
