import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';
import { projectWithAll } from './lib/fixture-overlay.mjs';

// feature-boundaries-features lays three features over the clean fixture's widgets: shared (WidgetAuraError, a label),
// gadgets (allowed by its config/feature-boundaries.json to use widgets; a label) and sprockets (own folder and shared
// only).
const FEATURES = 'feature-boundaries-features';

describe('feature-boundaries check', () => {
    it('passes on one feature without a config', () => {
        const { status, output } = runCheck('feature-boundaries', projectWith());
        assert.equal(status, 0, output);
    });

    it('passes on uses of shared and declared uses of another feature; a name in a comment, a string, after a dot or declared is no use', () => {
        const { status, output } = runCheck('feature-boundaries', projectWith(FEATURES));
        assert.equal(status, 0, output);
    });

    it("fails on Apex that uses another feature's class, once per class and file, and says what to do", () => {
        const { status, output } = runCheck(
            'feature-boundaries',
            projectWithAll(FEATURES, 'cross-feature-apex-reference')
        );
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^force-app\/main\/sprockets\/classes\/SprocketService\.cls:6: sprockets uses the Apex class WidgetController of widgets \(force-app\/main\/widgets\/classes\/WidgetController\.cls\) \(and 1 more use in this file\), but sprockets may use only its own folder and shared\. Move WidgetController to the shared folder if several features need it, or let sprockets use widgets in config\/feature-boundaries\.json\.$/m
        );
        assert.doesNotMatch(output, /WidgetAuraError of/, 'the shared class is every feature’s');
        assert.match(output, /^1 problem found by feature-boundaries\.$/m);
    });

    it("fails on an LWC that imports another feature's Apex or puts its component in a template", () => {
        const { status, output } = runCheck(
            'feature-boundaries',
            projectWithAll(FEATURES, 'cross-feature-lwc-reference')
        );
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^force-app\/main\/sprockets\/lwc\/sprocketCard\/sprocketCard\.js:2: sprockets uses the Apex class WidgetController of widgets /m
        );
        assert.match(
            output,
            /^force-app\/main\/sprockets\/lwc\/sprocketCard\/sprocketCard\.html:3: sprockets uses the LWC module widgetList of widgets \(force-app\/main\/widgets\/lwc\/widgetList\)/m
        );
        assert.match(output, /^2 problems found by feature-boundaries\.$/m);
    });

    it("fails on an LWC that imports another feature's Custom Label; the shared folder's labels are every feature's", () => {
        const { status, output } = runCheck(
            'feature-boundaries',
            projectWithAll(FEATURES, 'cross-feature-label-reference')
        );
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^force-app\/main\/sprockets\/lwc\/sprocketTitle\/sprocketTitle\.js:3: sprockets uses the Custom Label Widgets_Gadgets_Heading of gadgets \(force-app\/main\/gadgets\/labels\/CustomLabels\.labels-meta\.xml\), but sprockets may use only its own folder and shared\. Move Widgets_Gadgets_Heading to the shared folder if several features need it, or let sprockets use gadgets in config\/feature-boundaries\.json\.$/m
        );
        assert.doesNotMatch(output, /Widgets_Shared_Retry/);
        assert.match(output, /^1 problem found by feature-boundaries\.$/m);
    });

    it("fails on a flow that calls another feature's invocable Apex or runs its flow as a subflow", () => {
        const { status, output } = runCheck(
            'feature-boundaries',
            projectWithAll(FEATURES, 'cross-feature-flow-reference')
        );
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^force-app\/main\/sprockets\/flows\/Sprocket_Double\.flow-meta\.xml:8: sprockets uses the Apex class WidgetSizeAction of widgets /m
        );
        assert.match(
            output,
            /^force-app\/main\/sprockets\/flows\/Sprocket_Double\.flow-meta\.xml:42: sprockets uses the flow Widget_Grow of widgets /m
        );
    });

    it('fails when the shared folder uses a feature it was not allowed to', () => {
        const { status, output } = runCheck('feature-boundaries', projectWithAll(FEATURES, 'shared-uses-a-feature'));
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^force-app\/main\/shared\/classes\/WidgetAuraError\.cls:3: shared uses the Apex class WidgetController of widgets .*, but shared may use only its own folder\. /m
        );
    });

    it('fails on a config that names a feature folder that does not exist or gives a feature no list', () => {
        const { status, output } = runCheck(
            'feature-boundaries',
            projectWithAll(FEATURES, 'feature-boundaries-unknown-folder')
        );
        assert.equal(status, 1, output);
        assert.match(
            output,
            /^config\/feature-boundaries\.json:4: names the feature folder gizmos, which no package directory has under main\/: fix the name or remove it\.$/m
        );
        assert.match(
            output,
            /^config\/feature-boundaries\.json:5: mayUse\.sprockets must be a list of feature folder names, like \["handoff-policy"\]\.$/m
        );
    });
});
