// Ids: the 18-character suffix encodes the case of the 15-character Id; Apex compares 15 and 18 equal.
// Source: https://help.salesforce.com/s/articleView?id=000385008
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdGenerator, sameId, toId18 } from '../../src/core/ids.ts';

test('the suffix has one character per block of five, a bit per upper-case letter', () => {
    // '00Q00' → Q at position 2 → 4 → 'E'; '00000' → 'A'; '00ABC' → 4 + 8 + 16 = 28 → '2'
    assert.equal(toId18('00Q000000000ABC'), '00Q000000000ABCEA2');
    assert.equal(toId18('001000000000001'), '001000000000001AAA');
});

test('15 and 18 characters of one Id compare equal; other case or prefix does not', () => {
    const generator = new IdGenerator();
    const id = generator.next('00Q');
    assert.equal(id.length, 18);
    assert.ok(sameId(id, id.substring(0, 15)));
    assert.ok(!sameId(id, generator.next('00Q')));
    assert.ok(!sameId('00Q000000000abc', '00Q000000000ABC'));
});

test('text that is not an Id has no 18-character form', () => {
    assert.equal(toId18('not an id'), null);
    assert.equal(toId18('00Q000000000ABCXXX'), null);
});
