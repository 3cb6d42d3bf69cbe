// Every custom object, field, relationship, custom permission, custom metadata record, Apex method and component that
// metadata, code or the docs name must exist in the project; every custom field that can have field permissions has
// them. Standard objects and fields are assumed to exist (no org to ask).
//
// One checker per kind of metadata, each in cross-references/<kind>.mjs; this runner reads the project once and runs
// them in a fixed order into one report, so the output lists problems by kind, each problem once.
import { apexClasses } from '../lib/apex-classes.mjs';
import { projectFiles } from '../lib/project.mjs';
import { readSchema } from '../lib/schema.mjs';
import { checkApex } from './cross-references/apex.mjs';
import { Report } from './cross-references/common.mjs';
import { checkDashboards } from './cross-references/dashboards.mjs';
import { checkDocs } from './cross-references/docs.mjs';
import { checkFlows } from './cross-references/flows.mjs';
import { checkLwc } from './cross-references/lwc.mjs';
import { checkObjects } from './cross-references/objects.mjs';
import { checkFieldPermissionCoverage, checkPermissionSets } from './cross-references/permissions.mjs';
import { checkCustomMetadataRecords, checkDataPlans } from './cross-references/records.mjs';
import { checkReports } from './cross-references/reports.mjs';
import { checkFlexiPages, checkLayouts, checkListViews } from './cross-references/ui.mjs';

export async function check(root) {
    const schema = readSchema(root);
    const classes = apexClasses(root);
    const files = projectFiles(root, (file) => file.endsWith('-meta.xml'));
    const report = new Report(root);
    checkObjects(schema, files, report);
    checkApex(schema, classes, report);
    checkFlows(schema, classes, files, report);
    checkLwc(schema, classes, root, report);
    checkLayouts(schema, files, report);
    checkFlexiPages(schema, files, report);
    checkListViews(schema, files, report);
    checkReports(schema, files, report);
    checkDashboards(schema, files, report);
    checkCustomMetadataRecords(schema, files, report);
    checkDataPlans(schema, root, report);
    const granted = checkPermissionSets(schema, classes, files, report);
    checkFieldPermissionCoverage(schema, granted, report);
    checkDocs(schema, classes, root, report);
    return report.problems;
}
