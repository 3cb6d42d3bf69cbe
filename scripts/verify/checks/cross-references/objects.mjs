// Objects: lookups point at objects that exist; formula fields and validation rules name fields that exist.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readMetadataXml } from '../../lib/project.mjs';
import { isCustomName, unknownObjectMessage } from '../../lib/schema.mjs';
import { createLocator, referenceProblem, textOf } from './common.mjs';
import { checkFormula } from './formulas.mjs';

export function checkObjects(schema, files, report) {
    for (const object of schema.objects.values()) {
        if (!object.declared && isCustomName(object.name) && object.fields.size) {
            const [field] = object.fields.values();
            report.add(field.file, undefined, `fields of ${unknownObjectMessage(schema, object.name)}`);
        }
        for (const field of object.fields.values()) {
            for (const target of field.referenceTo) {
                const message = unknownObjectMessage(schema, target);
                if (message) report.add(field.file, undefined, `referenceTo names ${message}`);
            }
            if (field.formula) {
                const text = readFileSync(join(report.root, field.file), 'utf8');
                checkFormula(schema, report, field.file, text, object.name, 'formula', field.formula, 'Formula');
            }
        }
    }
    for (const file of files.filter((path) => path.endsWith('.validationRule-meta.xml'))) {
        const object = basename(dirname(dirname(file)));
        const text = readFileSync(file, 'utf8');
        const rule = readMetadataXml(file).ValidationRule ?? {};
        const formula = textOf(rule.errorConditionFormula);
        if (formula) {
            checkFormula(schema, report, file, text, object, 'errorConditionFormula', formula, 'Validation rule');
        }
        const displayField = textOf(rule.errorDisplayField);
        const message = displayField && referenceProblem(schema, object, [displayField]);
        if (message) {
            report.add(file, createLocator(text)('<errorDisplayField>'), `errorDisplayField: ${message}`);
        }
    }
}
