import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';

describe('local-org-generic check', () => {
    it('passes when local-org names only standard objects', () => {
        const { status, output } = runCheck('local-org-generic', projectWith());
        assert.equal(status, 0, output);
    });

    it("fails on a local-org source that names one of the project's custom fields, in any case", () => {
        const { status, output } = runCheck('local-org-generic', projectWith('local-org-names-project'));
        assert.equal(status, 1, output);
        assert.match(
            output,
            /local-org\/src\/fields\.ts:3: names the project's custom field Size__c: local-org emulates the platform/
        );
    });
});
