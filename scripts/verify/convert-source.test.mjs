import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';
import { projectWithAll } from './lib/fixture-overlay.mjs';

describe('convert-source check', { concurrency: true }, () => {
    it('passes on the clean project', () => {
        const { status, output } = runCheck('convert-source', projectWith());
        assert.equal(status, 0, output);
    });

    it('fails when .forceignore lets a TypeScript source reach the deploy', () => {
        const { status, output } = runCheck('convert-source', projectWith('typescript-deployed'));
        assert.equal(status, 1, output);
        assert.match(
            output,
            /force-app\/main\/widgets\/lwc\/widgetList\/widgetList\.ts: a TypeScript source would be deployed/
        );
        assert.match(output, /add "\*\*\/\*\.ts" to \.forceignore/);
    });

    it('passes when the labels files of two feature folders merge into the one CustomLabels', () => {
        const { status, output } = runCheck('convert-source', projectWith('labels-in-two-features'));
        assert.equal(status, 0, output);
    });

    it('fails when a labels file is kept out of the deploy, naming each label it leaves out', () => {
        const { status, output } = runCheck(
            'convert-source',
            projectWithAll('labels-in-two-features', 'labels-forceignored')
        );
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^force-app\/main\/gadgets\/labels\/CustomLabels\.labels-meta\.xml:4: the Custom Label Widgets_Gadgets_Heading is not in the converted CustomLabels \(labels\/CustomLabels\.labels\), so a deploy would leave it out: take its file out of \.forceignore\.$/m
        );
        assert.doesNotMatch(output, /Widgets_Widgets_ListHeading/);
    });

    it('fails when a TypeScript LWC was not built, which convert would silently leave out', () => {
        const { status, output } = runCheck('convert-source', projectWith('lwc-not-built'));
        assert.equal(status, 1, output);
        assert.match(
            output,
            /force-app\/main\/widgets\/lwc\/widgetBadge\/widgetBadge\.ts: LWC widgetBadge has no built widgetBadge\.js/
        );
        assert.match(output, /run npm run build/);
    });
});
