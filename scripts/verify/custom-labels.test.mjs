import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';
import { projectWithAll } from './lib/fixture-overlay.mjs';

// custom-labels-features lays labels over the clean fixture: widgets/labels (used by the widgetList LWC and by a
// formula field through $Label) and shared/labels (used by an LWC and by Apex through System.Label). Its widgetList
// and widgetSizes hold code strings the check must let through: class lists, a style, selectors, event names, keys
// compared and switched on, API names, picklist values with spaces (`as const`, compared, as keys), a data-* value of
// two words, <kbd> keys, a console line marked as not user text. The fixtures' LWC tests are .test.ts: `node --test
// scripts/` would run a .test.js.
const FEATURES = 'custom-labels-features';
const FIX_TEXT =
    ': make it a Custom Label in the labels file of this feature (main/<feature>/labels/CustomLabels.labels-meta.xml), ' +
    'import it from @salesforce/label/c.<Name>';

const problemLines = (output) => output.split('\n').filter((line) => line.startsWith('force-app/'));

describe('custom-labels check', () => {
    it('passes on a project without labels or user-facing text in its LWCs', () => {
        const { status, output } = runCheck('custom-labels', projectWith());
        assert.equal(status, 0, output);
    });

    it('passes on labels defined per feature and used by LWCs, Apex and formulas, beside code strings', () => {
        const { status, output } = runCheck('custom-labels', projectWithAll(FEATURES));
        assert.equal(status, 0, output);
    });

    it('fails on user-facing text in a template or a script, and says how to make it a label', () => {
        const { status, output } = runCheck('custom-labels', projectWithAll(FEATURES, 'custom-labels-user-text'));
        assert.equal(status, 1, output);
        const html = 'force-app/main/widgets/lwc/widgetEditor/widgetEditor.html';
        const js = 'force-app/main/widgets/lwc/widgetEditor/widgetEditor.js';
        assert.deepEqual(
            problemLines(output)
                .filter((line) => line.includes('/lwc/'))
                .map((line) => line.slice(0, line.indexOf(FIX_TEXT))),
            [
                `${html}:2: text in a template holds the user-facing text "Edit widget"`,
                `${html}:3: the alternative-text attribute holds the user-facing text "Loading"`,
                `${html}:4: the label attribute holds the user-facing text "Size"`,
                `${html}:5: the title attribute holds the user-facing text "Save the widget"`,
                `${html}:8: the empty-message attribute holds the user-facing text "No widgets yet"`,
                `${html}:8: the intro attribute holds the user-facing text "Pick a widget to edit"`,
                `${js}:4: a string holds the user-facing text "Centimetres"`,
                `${js}:4: a string holds the user-facing text "Inches"`,
                `${js}:5: a string holds the user-facing text "Small"`,
                `${js}:5: a string holds the user-facing text "Large"`,
                `${js}:14: a template literal holds the user-facing text "Sizes go from 1 to \${…}."`,
                `${js}:18: a string holds the user-facing text "Save"`,
                `${js}:22: a string holds the user-facing text "Big"`,
                `${js}:22: a string holds the user-facing text "Small"`,
                `${js}:26: a string holds the user-facing text "Nothing was saved."`,
                `${js}:27: a string holds the user-facing text "kept the best-fit size"`,
                `${js}:28: a string holds the user-facing text "Failed"`,
                `${js}:28: a string holds the user-facing text "The widget could not be saved."`
            ]
        );
        assert.match(output, / and bind it \(\{labels\.<name>\}\), with \{0\}, \{1\} where values go /);
        assert.match(output, /Not text\? Say so: "custom-labels: not user text"\.$/m);
        assert.match(output, /^24 problems found by custom-labels\.$/m);
    });

    it('fails on prose in an exception, a returned string or a message variable of non-test Apex, not in comments or keys', () => {
        const { status, output } = runCheck('custom-labels', projectWithAll(FEATURES, 'custom-labels-user-text'));
        assert.equal(status, 1, output);
        const cls = 'force-app/main/widgets/classes/WidgetController.cls';
        const apexFix =
            ': make it a Custom Label in the labels file of this feature ' +
            '(main/<feature>/labels/CustomLabels.labels-meta.xml) and read it with System.Label.<Name>';
        assert.deepEqual(
            problemLines(output)
                .filter((line) => line.startsWith(cls))
                .map((line) => line.slice(0, line.indexOf(apexFix))),
            [
                `${cls}:2: a message assignment holds the user-facing text "You need the Widgets permission set."`,
                `${cls}:9: an AuraHandledException message holds the user-facing text "Send a size; it was "`,
                `${cls}:12: an AuraHandledException message holds the user-facing text " is too big. Try again."`,
                `${cls}:14: a message assignment holds the user-facing text "Saved a big widget."`,
                `${cls}:22: an exception message holds the user-facing text "A size is never negative."`,
                `${cls}:29: a returned string holds the user-facing text "Try a smaller widget."`
            ]
        );
    });

    it('fails on a label reference without a label, and on a label the app never uses', () => {
        const { status, output } = runCheck('custom-labels', projectWithAll(FEATURES, 'custom-labels-references'));
        assert.equal(status, 1, output);
        const missing = (what) =>
            `${what}, which no labels file defines: add it to the labels file of the feature ` +
            '(main/<feature>/labels/CustomLabels.labels-meta.xml) or fix the name.';
        const labels = 'force-app/main/gadgets/labels/CustomLabels.labels-meta.xml';
        assert.deepEqual(problemLines(output), [
            `force-app/main/gadgets/classes/GadgetMessages.cls:4: ${missing('reads the Custom Label Widgets_Gadgets_Gone')}`,
            'force-app/main/gadgets/lwc/gadgetTile/__tests__/gadgetTile.test.ts:2: ' +
                missing('imports the Custom Label Widgets_Gadgets_NotThere'),
            `force-app/main/gadgets/lwc/gadgetTile/gadgetTile.js:3: ${missing('imports the Custom Label Widgets_Gadgets_Missing')}`,
            `${labels}:12: Widgets_Gadgets_Unused is used nowhere: the app never shows it. Use it (import NAME from ` +
                "'@salesforce/label/c.Widgets_Gadgets_Unused', or System.Label.Widgets_Gadgets_Unused in Apex) or remove it.",
            `${labels}:20: Widgets_Gadgets_TestOnly is used only by tests: the app never shows it. Use it (import NAME ` +
                "from '@salesforce/label/c.Widgets_Gadgets_TestOnly', or System.Label.Widgets_Gadgets_TestOnly in Apex) " +
                'or remove it.'
        ]);
        assert.doesNotMatch(output, /InAComment|InAString/, 'a label named in an Apex comment or string is no use');
    });

    it('fails on a labels file outside a feature folder and on labels that break the naming and metadata rules', () => {
        const { status, output } = runCheck('custom-labels', projectWithAll(FEATURES, 'custom-labels-definitions'));
        assert.equal(status, 1, output);
        const gizmos = 'force-app/main/gizmos/labels/CustomLabels.labels-meta.xml';
        const expected = [
            /^force-app\/main\/default\/labels\/CustomLabels\.labels-meta\.xml:1: Custom Labels live in one file per feature folder, main\/<feature>\/labels\/CustomLabels\.labels-meta\.xml: move these labels \(a retrieve writes labels new to the project here\) to the labels file of the feature that shows them/,
            /:12: Widgets_Widgets_Misplaced: a label of gizmos is named Widgets_Gizmos_<What>: the app, the feature folder \(gizmos\), then what the text is/,
            /:20: Widgets_Gizmos_Protected: <protected> must be false/,
            /:28: Widgets_Gizmos_German: <language> must be en_US/,
            /:36: Widgets_Gizmos_NoDescription: has no <shortDescription>/,
            /:43: Widgets_Gizmos_SameDescription: its <shortDescription> repeats the value/,
            /:51: Widgets_Gizmos_Gap: its value uses \{0\}, \{2\} but not \{1\}: number the placeholders from \{0\}/,
            /:59: Widgets_Gizmos_OtherCategory: has the category "Gizmo extras" but Widgets_Gizmos_Fine in the same file has "Widgets gizmos": one category per feature/,
            /:67: Widgets_Shared_Retry: a label of gizmos is named Widgets_Gizmos_<What>/,
            /:75: Widgets_Gizmos__Double: is not a valid label name: letters, digits and single underscores/,
            /:83: Widgets_Gizmos_NoCategory: has no <categories>/,
            /:98: Widgets_Gizmos_Sentence: has the same text as Widgets_Gizmos_CopiedSentence \(force-app\/main\/gizmos\/labels\/CustomLabels\.labels-meta\.xml:90\): a message has one definition; use Widgets_Gizmos_CopiedSentence where this one is used/,
            /^force-app\/main\/shared\/labels\/CustomLabels\.labels-meta\.xml:4: Widgets_Shared_Retry: is defined twice \(also at force-app\/main\/gizmos\/labels\/CustomLabels\.labels-meta\.xml:67\)/,
            /^force-app\/main\/widgets\/labels\/CustomLabels\.labels-meta\.xml:4: Widgets_Widgets_ListHeading: the category "Widgets widgets" is also the category of force-app\/main\/default\/labels\/CustomLabels\.labels-meta\.xml/
        ];
        const lines = problemLines(output);
        assert.equal(lines.length, expected.length, output);
        expected.forEach((pattern, index) => {
            if (pattern.source.startsWith(':')) assert.ok(lines[index].startsWith(`${gizmos}:`), lines[index]);
            assert.match(lines[index], pattern);
        });
    });
});
