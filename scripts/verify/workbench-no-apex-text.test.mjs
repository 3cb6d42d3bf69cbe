import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';

describe('workbench-no-apex-text check', () => {
    it('passes when the workbench holds no text of the Apex', () => {
        const { status, output } = runCheck('workbench-no-apex-text', projectWith());
        assert.equal(status, 0, output);
    });

    it('fails on a workbench file that repeats an Apex message, a validation rule message or a Custom Label', () => {
        const { status, output } = runCheck('workbench-no-apex-text', projectWith('workbench-copies-apex-text'));
        assert.equal(status, 1, output);
        const lines = output.split('\n').filter((line) => line.startsWith('workbench/'));
        assert.deepEqual(lines, [
            'workbench/backend/resize.ts:3: repeats the text "Only the widget\'s owner may resize it; ask them." of ' +
                'force-app/main/widgets/classes/WidgetResizeController.cls:2: the workbench runs that Apex in ' +
                'local-org; take the text from its answer instead of copying it.',
            'workbench/backend/resize.ts:4: repeats the text "Enter the new size of the widget, in centimetres." of ' +
                'force-app/main/widgets/classes/WidgetResizeController.cls:7: the workbench runs that Apex in ' +
                'local-org; take the text from its answer instead of copying it.',
            'workbench/backend/resize.ts:6: repeats the text "Drag a corner to resize the widget." of ' +
                'force-app/main/widgets/labels/CustomLabels.labels-meta.xml:4: the Custom Label ' +
                'Widgets_Widgets_ResizeHint: read its value (labelValues of scripts/verify/lib/custom-labels.cjs) ' +
                'instead of copying it.',
            'workbench/backend/resize.ts:5: repeats the text "Size is below the policy minimum." of ' +
                'force-app/main/widgets/objects/Widget__c/validationRules/Size_Within_Policy.validationRule-meta.xml:13: ' +
                'the workbench runs that Apex in local-org; take the text from its answer instead of copying it.'
        ]);
    });
});
