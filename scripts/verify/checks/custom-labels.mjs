// Custom Labels: every user-facing text of the LWCs is one, read where it is shown, so an admin can reword or
// translate it without a deploy. Three checkers, in custom-labels/:
// - definitions: one labels file per feature folder (main/<feature>/labels/CustomLabels.labels-meta.xml), names
//   <App>_<Feature>_<What>, one category per feature, a short description, unprotected, en_US, placeholders from {0};
// - references: every `@salesforce/label/c.X`, `Label.X` and `$Label.X` names a label that exists, and every label is
//   used by the app (not only by tests);
// - literals: no user-facing text written into an LWC's TypeScript or template instead (a heuristic; see literals.mjs),
//   nor into an AuraHandledException or a message variable of non-test Apex (see apex-literals.mjs, and its gaps).
import { readCustomLabels, labelFiles } from '../lib/custom-labels.cjs';
import { projectPath } from '../lib/project.mjs';
import { checkDefinitions } from './custom-labels/definitions.mjs';
import { checkApexLiterals } from './custom-labels/apex-literals.mjs';
import { checkLiterals } from './custom-labels/literals.mjs';
import { checkReferences, labelReferences } from './custom-labels/references.mjs';

export function check(root) {
    const problems = [];
    const report = (file, line, message) => problems.push({ file, line, message });
    let labels;
    try {
        labels = readCustomLabels(root).map((label) => ({ ...label, file: projectPath(root, label.file) }));
    } catch (error) {
        return [{ file: 'force-app', message: `${error.message}: fix the XML of that labels file.` }];
    }
    const files = labelFiles(root).map((file) => projectPath(root, file));
    checkDefinitions(labels, files, report);
    checkReferences(labels, labelReferences(root), report);
    checkLiterals(root, report);
    checkApexLiterals(root, report);
    return problems;
}
