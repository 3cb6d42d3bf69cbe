import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';
import { projectWithAll } from './lib/fixture-overlay.mjs';

// stage-model-widgets gives the clean fixture's widgets a stage model: WidgetStages.cls (the table), the LWC module
// widgetStages.ts, the picklist Widget__c.Stage__c and its From_<Stage> rules, a class that binds a stage constant,
// a test class that spells stage names (tests may), a rule that reads the stage but not its prior value, an LWC
// module that imports a stage constant (and spells stage names only in a type and an objectApiName, with a Jest test
// that spells them), and a flow that compares the stage but spells no action.
const MODEL = 'stage-model-widgets';

describe('stage-model check', () => {
    it('passes on a project without config/stage-model.json', () => {
        const { status, output } = runCheck('stage-model', projectWith());
        assert.equal(status, 0, output);
    });

    it('passes when the table, the TypeScript module, the picklist and the transition rules agree', () => {
        const { status, output } = runCheck('stage-model', projectWith(MODEL));
        assert.equal(status, 0, output);
    });

    it('fails on each disagreement, naming the file, the stages and what to do', () => {
        const { status, output } = runCheck('stage-model', projectWithAll(MODEL, 'stage-model-mismatch'));
        assert.equal(status, 1, output);
        const lines = output.split('\n').filter((line) => line.startsWith('force-app/'));
        assert.deepEqual(lines, [
            'force-app/main/widgets/classes/WidgetStages.cls:15: TABLE lists the stages Draft, Built, Shipped, ' +
                'Scrapped, but the picklist (force-app/main/widgets/objects/Widget__c/fields/Stage__c.field-meta.xml) ' +
                'has Draft, Built, Scrapped, Shipped: the table lists every picklist value, in picklist order.',
            'force-app/main/widgets/classes/WidgetStages.cls:16: the validation rules (From_Built_Ship_Or_Scrap, ' +
                'Shipped_And_Scrapped_Are_Final) let Draft → Shipped be saved without the bypass permission, but the ' +
                'table has no such move: add a rule that refuses it, or add the move here and in the TypeScript module.',
            "force-app/main/widgets/lwc/widgetStages/widgetStages.ts:11: allowedTransitions('Built') is Shipped, " +
                'Scrapped, Draft, but the Apex table (force-app/main/widgets/classes/WidgetStages.cls:17) allows ' +
                'Shipped, Scrapped: make them equal, in the same order.',
            "force-app/main/widgets/lwc/widgetStages/widgetStages.ts:22: actionFor('Built', 'Shipped') is " +
                '"Deliver", but the Apex table (force-app/main/widgets/classes/WidgetStages.cls:17) records Built → ' +
                "Shipped as 'Ship'.",
            'force-app/main/widgets/objects/Widget__c/validationRules/From_Built_Ship_Or_Scrap.validationRule-meta.xml:6: ' +
                'refuses Built → Scrapped, which the Apex table allows (force-app/main/widgets/classes/WidgetStages.cls:17): ' +
                'let the rule allow it, or remove the move from the table and from widgetStages alike.',
            "force-app/main/widgets/classes/WidgetShipping.cls:4: spells the Stage__c value 'Built': use " +
                'WidgetStages.BUILT (a bind variable in SOQL), so each stage name has one definition.',
            "force-app/main/widgets/lwc/widgetBoard/widgetBoard.ts:3: spells the Stage__c value 'Shipped': import " +
                'its constant from c/widgetStages, so each stage name has one definition.',
            "force-app/main/widgets/flows/Widget_History.flow-meta.xml:6: spells the action 'Build' of the stage " +
                "model: take the action of a move from WidgetStages through an invocable action, so each move's " +
                'action has one definition.',
            "force-app/main/widgets/flows/Widget_History.flow-meta.xml:6: spells the action 'Ship' of the stage " +
                "model: take the action of a move from WidgetStages through an invocable action, so each move's " +
                'action has one definition.'
        ]);
        assert.match(output, /^9 problems found by stage-model\.$/m);
    });

    it('fails on a table it cannot read, saying which form it reads', () => {
        const { status, output } = runCheck('stage-model', projectWithAll(MODEL, 'stage-model-unreadable-table'));
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^force-app\/main\/widgets\/classes\/WidgetStages\.cls:6: TABLE cannot be read at "rows\(newList<String>\{DRAFT,BUILT\}\)": declare `private static final List<…> TABLE = new List<…>\{ onPath\(LEAD\)\.move\(MQL, ACTION_PROMOTE\), …, exit\(REJECTED\) \}`/m
        );
    });
});
