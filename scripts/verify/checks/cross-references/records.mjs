// Records: custom metadata records and the sample data plans under data/ name types and fields that exist.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readMetadataXml } from '../../lib/project.mjs';
import { isCustomName, objectOf, unknownChildRelationshipMessage, unknownObjectMessage } from '../../lib/schema.mjs';
import { asArray, createLocator, referenceProblem, textOf } from './common.mjs';

export function checkCustomMetadataRecords(schema, files, report) {
    for (const file of files.filter((path) => path.endsWith('.md-meta.xml'))) {
        const type = `${basename(file).split('.')[0]}__mdt`;
        const objectMessage = unknownObjectMessage(schema, type);
        if (objectMessage) {
            report.add(file, 1, `Custom metadata record of ${objectMessage}`);
            continue;
        }
        const locate = createLocator(readFileSync(file, 'utf8'));
        for (const value of asArray(readMetadataXml(file).CustomMetadata?.values)) {
            const field = textOf(value.field);
            const message = field && referenceProblem(schema, type, [field]);
            if (message)
                report.add(file, locate(`<field>${field}</field>`), `Custom metadata record field: ${message}`);
        }
    }
}

function dataPlanFiles(root) {
    const dataDir = join(root, 'data');
    if (!existsSync(dataDir)) return [];
    return readdirSync(dataDir, { recursive: true })
        .map(String)
        .filter((name) => /plan[^/]*\.json$/i.test(name))
        .map((name) => join(dataDir, name));
}

function checkDataRecords(schema, records, file, locate, report) {
    for (const record of asArray(records)) {
        const object = record?.attributes?.type;
        if (!object) continue;
        const objectMessage = unknownObjectMessage(schema, object);
        if (objectMessage) {
            report.add(file, locate(`"type": "${object}"`, `"${object}"`), `Sample data record type: ${objectMessage}`);
            continue;
        }
        for (const [key, value] of Object.entries(record)) {
            if (key === 'attributes') continue;
            if (value && typeof value === 'object' && Array.isArray(value.records)) {
                if (isCustomName(key) && !objectOf(schema, object)?.children.has(key.toLowerCase())) {
                    report.add(
                        file,
                        locate(`"${key}"`),
                        `Sample data: ${unknownChildRelationshipMessage(schema, object, key)}`
                    );
                }
                checkDataRecords(schema, value.records, file, locate, report);
                continue;
            }
            const message = referenceProblem(schema, object, [key]);
            if (message) report.add(file, locate(`"${key}"`), `Sample data field: ${message}`);
        }
    }
}

export function checkDataPlans(schema, root, report) {
    for (const planFile of dataPlanFiles(root)) {
        const planText = readFileSync(planFile, 'utf8');
        const locatePlan = createLocator(planText);
        let plan;
        try {
            plan = JSON.parse(planText);
        } catch (error) {
            report.add(planFile, undefined, `Data plan is not valid JSON (${error.message}). Fix the file.`);
            continue;
        }
        for (const step of asArray(plan)) {
            const objectMessage = step.sobject && unknownObjectMessage(schema, step.sobject);
            if (objectMessage)
                report.add(planFile, locatePlan(`"${step.sobject}"`), `Data plan sobject: ${objectMessage}`);
            for (const name of asArray(step.files)) {
                const recordFile = join(dirname(planFile), name);
                if (!existsSync(recordFile)) {
                    report.add(
                        planFile,
                        locatePlan(`"${name}"`),
                        `Data plan names ${name}, which does not exist next to the plan. Fix the path or add the file.`
                    );
                    continue;
                }
                const text = readFileSync(recordFile, 'utf8');
                try {
                    checkDataRecords(schema, JSON.parse(text).records, recordFile, createLocator(text), report);
                } catch (error) {
                    report.add(
                        recordFile,
                        undefined,
                        `Sample data is not valid JSON (${error.message}). Fix the file.`
                    );
                }
            }
        }
    }
}
