// Apex: every object, field, relationship and child relationship a class names, in code and in SOQL, exists.
import { classIndex } from '../../lib/apex-classes.mjs';
import { apexSchemaReferences } from '../../lib/apex-references.mjs';
import { unknownChildRelationshipMessage, unknownObjectMessage } from '../../lib/schema.mjs';
import { referenceProblem } from './common.mjs';

export function checkApex(schema, classes, report) {
    const index = classIndex(classes);
    for (const apexClass of classes) {
        if (apexClass.errors.length) {
            const [error] = apexClass.errors;
            report.add(
                apexClass.file,
                error.line,
                `Apex does not parse (${error.message}), so its references cannot be checked. Fix the syntax first.`
            );
            continue;
        }
        for (const reference of apexSchemaReferences(apexClass, schema, index)) {
            let message;
            if (reference.kind === 'object') message = unknownObjectMessage(schema, reference.name);
            else if (reference.kind === 'child') {
                message = unknownChildRelationshipMessage(schema, reference.parent, reference.relationship);
            } else message = referenceProblem(schema, reference.object, reference.path);
            if (message) report.add(apexClass.file, reference.line, `${reference.where}: ${message}`);
        }
    }
}
