// LWC: @salesforce/schema imports and 'Object.Field__c' strings name fields that exist; @salesforce/apex imports name
// static @AuraEnabled methods that exist.
import { readFileSync } from 'node:fs';
import { classIndex, hasAnnotation } from '../../lib/apex-classes.mjs';
import { lwcSources } from '../../lib/lwc-sources.mjs';
import { STANDARD_OBJECTS, isCustomName, objectOf } from '../../lib/schema.mjs';
import { referenceProblem } from './common.mjs';

const STRING_LITERAL = /'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`((?:\\.|[^`\\$])*)`/g;

function isObjectName(schema, name) {
    return Boolean(objectOf(schema, name)) || STANDARD_OBJECTS.has(name.toLowerCase()) || isCustomName(name);
}

export function checkLwc(schema, classes, root, report) {
    for (const file of lwcSources(root)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(STRING_LITERAL)) {
            const value = match[1] ?? match[2] ?? match[3];
            const line = text.slice(0, match.index).split('\n').length;
            let message;
            if (value.startsWith('@salesforce/schema/')) {
                const [object, ...path] = value.slice('@salesforce/schema/'.length).split('.');
                message = referenceProblem(schema, object, path);
                if (message) message = `${value}: ${message}`;
            } else if (value.startsWith('@salesforce/apex/')) {
                message = lwcApexProblem(classes, value.slice('@salesforce/apex/'.length));
            } else if (/^[A-Za-z]\w*(\.\w+)+$/.test(value) && /__(c|r)(\.|$)/i.test(value)) {
                const [object, ...path] = value.split('.');
                if (isObjectName(schema, object)) {
                    message = referenceProblem(schema, object, path);
                    if (message) message = `field name '${value}': ${message}`;
                }
            }
            if (message) report.add(file, line, message);
        }
    }
}

function lwcApexProblem(classes, reference) {
    const [className, methodName] = reference.split('.');
    if (!methodName) return undefined;
    const { apexClass, method } = apexMethod(classes, className, methodName);
    const fix = `Add a static @AuraEnabled method ${methodName} to classes/${className}.cls or fix the import.`;
    if (!apexClass) return `LWC imports missing Apex method ${className}.${methodName}: no class ${className}. ${fix}`;
    if (!method) return `LWC imports missing Apex method ${className}.${methodName}. ${fix}`;
    if (!method.isStatic || !hasAnnotation(method, 'AuraEnabled')) {
        return `LWC imports Apex method ${className}.${methodName}, which is not static and @AuraEnabled. ${fix}`;
    }
    return undefined;
}

function apexMethod(classes, className, methodName) {
    const apexClass = classIndex(classes).get(className.toLowerCase());
    const method = apexClass?.methods.find((item) => item.name.toLowerCase() === methodName.toLowerCase());
    return { apexClass, method };
}
