// Flows: the objects, fields, record variables and merge fields a flow names exist; formula functions suit the
// flow's trigger; Apex actions name a class with an @InvocableMethod.
import { readFileSync } from 'node:fs';
import { classIndex, hasAnnotation } from '../../lib/apex-classes.mjs';
import { flowFormulaContextProblems } from '../../lib/flow-formula-contexts.mjs';
import { lineAt, readMetadataXml } from '../../lib/project.mjs';
import { unknownObjectMessage } from '../../lib/schema.mjs';
import { MERGE_FIELD, asArray, createLocator, escapeXml, referenceProblem, textOf } from './common.mjs';
import { globalProblem } from './formulas.mjs';

const FLOW_FIELD_TAGS = new Set(['field', 'queriedFields', 'sortField', 'recordField', 'displayField', 'valueField']);
const FLOW_REFERENCE_TAGS = new Set([
    'assignToReference',
    'leftValueReference',
    'elementReference',
    'collectionReference',
    'inputReference',
    'outputReference',
    'assignNextValueToReference',
    'objectFieldReference'
]);

/** Names in a flow that hold records, by lower-case name: $Record, SObject variables, Get Records, loops. */
function flowRecordNames(flow) {
    const records = new Map();
    const startObject = textOf(asArray(flow.start)[0]?.object);
    if (startObject) {
        records.set('$record', startObject);
        records.set('$record__prior', startObject);
    }
    for (const variable of asArray(flow.variables)) {
        const objectType = textOf(variable.objectType);
        if (objectType) records.set(textOf(variable.name).toLowerCase(), objectType);
    }
    for (const lookup of asArray(flow.recordLookups)) {
        const object = textOf(lookup.object);
        if (object) records.set(textOf(lookup.name).toLowerCase(), object);
    }
    for (const loop of asArray(flow.loops)) {
        const collection = textOf(loop.collectionReference)?.split('.')[0].toLowerCase();
        if (collection && records.has(collection))
            records.set(textOf(loop.name).toLowerCase(), records.get(collection));
    }
    return records;
}

function checkFlowReference(schema, records, reference) {
    const trimmed = reference.trim();
    if (trimmed.startsWith('$') && !/^\$record/i.test(trimmed)) return globalProblem(schema, trimmed);
    const [root, ...path] = trimmed.split('.');
    const object = records.get(root.toLowerCase());
    if (!object || !path.length) return undefined;
    return referenceProblem(schema, object, path);
}

export function checkFlows(schema, classes, files, report) {
    for (const file of files.filter((path) => path.endsWith('.flow-meta.xml'))) {
        const text = readFileSync(file, 'utf8');
        const locate = createLocator(text);
        const flow = readMetadataXml(file).Flow ?? {};
        const records = flowRecordNames(flow);
        const at = (tag, value) => locate(`<${tag}>${escapeXml(value)}</${tag}>`, `<${tag}>${value}</${tag}>`, value);

        const visit = (node, contextObject) => {
            const object = textOf(node.object);
            const inputRoot = textOf(node.inputReference)?.split('.')[0].toLowerCase();
            let context = contextObject;
            if (object) {
                context = object;
                const message = unknownObjectMessage(schema, object);
                if (message) report.add(file, at('object', object), `Flow object: ${message}`);
            } else if (inputRoot && records.has(inputRoot)) {
                context = records.get(inputRoot);
            }
            for (const [tag, values] of Object.entries(node)) {
                if (tag.startsWith('@_')) continue;
                for (const value of asArray(values)) {
                    if (value !== null && typeof value === 'object') {
                        visit(value, context);
                        continue;
                    }
                    const string = String(value);
                    let message;
                    if (FLOW_FIELD_TAGS.has(tag) && context)
                        message = referenceProblem(schema, context, string.split('.'));
                    else if (FLOW_REFERENCE_TAGS.has(tag)) message = checkFlowReference(schema, records, string);
                    else if (tag === 'objectType') message = unknownObjectMessage(schema, string);
                    if (message) report.add(file, at(tag, string), `Flow <${tag}> ${string}: ${message}`);
                    for (const [, reference] of string.matchAll(MERGE_FIELD)) {
                        const mergeMessage = checkFlowReference(schema, records, reference);
                        if (mergeMessage)
                            report.add(file, locate(`{!${reference}}`), `Flow {!${reference}}: ${mergeMessage}`);
                    }
                }
            }
        };
        visit(flow, undefined);
        for (const { offset, message } of flowFormulaContextProblems(flow, text)) {
            report.add(file, lineAt(text, offset), `Flow ${message}`);
        }

        for (const action of asArray(flow.actionCalls)) {
            if (textOf(action.actionType) !== 'apex') continue;
            const className = textOf(action.actionName);
            const apexClass = classIndex(classes).get(className.toLowerCase());
            const invocable = apexClass?.methods.some((method) => hasAnnotation(method, 'InvocableMethod'));
            if (invocable) continue;
            report.add(
                file,
                at('actionName', className),
                apexClass
                    ? `Flow calls Apex action ${className}, but that class has no @InvocableMethod. Add one or call another class.`
                    : `Flow calls Apex action ${className}, but no classes/${className}.cls exists. Fix the class name or add the class with an @InvocableMethod.`
            );
        }
    }
}
