import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';

// apex-size-long adds to the clean fixture a 401-line class of short methods, a 425-line file of DTOs only, and a
// class with one method of 61 lines and one of 60.
describe('apex-size check', () => {
    it('passes on classes and methods within their limits', () => {
        const { status, output } = runCheck('apex-size', projectWith());
        assert.equal(status, 0, output);
    });

    it('fails on a class over 400 lines and a method over 60, but lets a DTO-only file be long', () => {
        const { status, output } = runCheck('apex-size', projectWith('apex-size-long'));
        assert.equal(status, 1, output);
        const lines = output.split('\n').filter((line) => line.startsWith('force-app/'));
        assert.deepEqual(lines, [
            'force-app/main/widgets/classes/WidgetLongService.cls:1: has 401 lines, over the 400 a class may have ' +
                '(only a file of DTOs, without methods, may be longer): split it along its seams (selector, service, ' +
                'controller, DTOs).',
            'force-app/main/widgets/classes/WidgetSizing.cls:5: tooLong has 61 lines, over the 60 a method may ' +
                'have: split it into named steps.'
        ]);
        assert.match(output, /^2 problems found by apex-size\.$/m);
    });
});
