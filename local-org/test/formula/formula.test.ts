// The formula engine: formulon's grammar and functions, with what it lacks or gets wrong corrected.
// Formula operators and functions: https://help.salesforce.com/s/articleView?id=sf.customize_functions.htm
// ISCHANGED/PRIORVALUE/ISNEW in validation rules: https://help.salesforce.com/s/articleView?id=sf.fields_useful_validation_formulas.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedError } from '../../src/core/errors.ts';
import { SObject } from '../../src/core/sobject.ts';
import { SDate, SDatetime } from '../../src/core/values.ts';
import { compileFormula, evaluateFormula, type FormulaContext } from '../../src/formula/index.ts';
import { leadSchema, USER } from '../fixtures/automation.ts';

const schema = leadSchema();

function context(record: Record<string, unknown>, extra: Partial<FormulaContext> = {}): FormulaContext {
    return {
        record: new SObject('Lead', record as never),
        prior: null,
        isNew: true,
        user: USER,
        now: Date.parse('2026-03-10T03:00:00Z'),
        hasPermission: () => false,
        schema,
        ...extra
    };
}

test('TEXT() of a blank picklist is the empty string, not "NULL" (formulon defect)', () => {
    assert.equal(evaluateFormula('TEXT(Stage__c)', context({ Stage__c: null })), '');
    assert.equal(evaluateFormula('ISBLANK(TEXT(Stage__c))', context({})), true);
    assert.equal(evaluateFormula('TEXT(Stage__c)', context({ Stage__c: 'MQL' })), 'MQL');
});

test('& joins a blank text as the empty string (formulon: "ADD() Expected Number")', () => {
    assert.equal(evaluateFormula("Note__c & ';' & TEXT(Stage__c)", context({ Stage__c: 'MQL' })), ';MQL');
    assert.equal(evaluateFormula("';' & NULL", context({})), ';');
});

test('&& and AND() short-circuit, so a blank guard protects the rest', () => {
    const guard = "NOT(ISBLANK(Note__c)) && CONTAINS(SUBSTITUTE(Note__c, ' ', ''), 'x')";
    assert.equal(evaluateFormula(guard, context({})), false);
    assert.equal(evaluateFormula(guard, context({ Note__c: 'a x' })), true);
    assert.equal(evaluateFormula('OR(true, 1/0 > 1)', context({})), true);
});

test('SUBSTITUTE() of a blank is blank (formulon throws a TypeError)', () => {
    assert.equal(evaluateFormula("SUBSTITUTE(Note__c, ' ', '')", context({})), '');
});

test('a blank date compared with TODAY()/NOW() is false, not true', () => {
    assert.equal(evaluateFormula('Until__c <= TODAY()', context({})), false);
    assert.equal(evaluateFormula('Stamp__c <= NOW()', context({})), false);
    assert.equal(evaluateFormula('Until__c <= TODAY()', context({ Until__c: new SDate(2026, 3, 9) })), true);
});

test("TODAY() is the running user's date, NOW() the transaction clock", () => {
    // 03:00 UTC on 10 March is still 9 March in New York.
    assert.deepEqual(evaluateFormula('TODAY()', context({})), new SDate(2026, 3, 9));
    assert.deepEqual(evaluateFormula('NOW()', context({})), new SDatetime(Date.parse('2026-03-10T03:00:00Z')));
});

test('blank numbers are blanks unless the formula treats blanks as zeroes', () => {
    assert.equal(evaluateFormula('Score__c < 0', context({})), false);
    assert.equal(evaluateFormula('ISBLANK(Score__c)', context({})), true);
    assert.equal(evaluateFormula('Score__c + 1', context({}, { blanks: 'zeros' })), 1);
    assert.equal(evaluateFormula('BLANKVALUE(Score__c, 0) + 1', context({})), 1);
});

test('ISNEW, ISCHANGED and PRIORVALUE read the stored record', () => {
    const prior = new SObject('Lead', { Stage__c: 'MQL', Score__c: 10 });
    const update = context({ Stage__c: 'SAL', Score__c: 10 }, { isNew: false, prior });
    assert.equal(evaluateFormula('ISNEW()', update), false);
    assert.equal(evaluateFormula('ISCHANGED(Stage__c)', update), true);
    assert.equal(evaluateFormula('ISCHANGED(Score__c)', update), false);
    assert.equal(evaluateFormula("ISPICKVAL(PRIORVALUE(Stage__c), 'MQL')", update), true);
    assert.equal(evaluateFormula('ISCHANGED(Stage__c)', context({ Stage__c: 'SAL' })), false);
    assert.equal(evaluateFormula('ISNEW()', context({})), true);
});

test('flow merge fields, $Record, $Record__Prior, variables and globals', () => {
    const prior = new SObject('Lead', { Stage__c: 'MQL', IsConverted: false });
    const flow = context(
        { Stage__c: 'SAL', IsConverted: true },
        {
            isNew: false,
            prior,
            globals: { '$Flow.CurrentDateTime': { value: new SDatetime(0), type: 'DateTime' } },
            variable: (name) => (name === 'Get_Policy.Threshold__c' ? { value: 50, type: 'Number' } : undefined)
        }
    );
    assert.equal(evaluateFormula('{!$Record.IsConverted} && NOT({!$Record__Prior.IsConverted})', flow), true);
    assert.equal(evaluateFormula('TEXT({!$Record__Prior.Stage__c})', flow), 'MQL');
    assert.equal(evaluateFormula('{!Get_Policy.Threshold__c} + 1', flow), 51);
    assert.deepEqual(evaluateFormula('{!$Flow.CurrentDateTime}', flow), new SDatetime(0));
    assert.equal(evaluateFormula('TEXT({!$Record__Prior.Stage__c})', context({})), '');
});

test('$Permission, $CustomMetadata and $User', () => {
    const policy = new SObject('Policy__mdt', { DeveloperName: 'Budget', Required__c: true });
    const ctx = context(
        {},
        {
            hasPermission: (name) => name.toLowerCase() === 'bypass',
            customMetadata: new Map([['policy__mdt', [policy]]])
        }
    );
    assert.equal(evaluateFormula('$Permission.Bypass', ctx), true);
    assert.equal(evaluateFormula('$Permission.Other', ctx), false);
    assert.equal(evaluateFormula('$CustomMetadata.Policy__mdt.budget.Required__c', ctx), true);
    assert.equal(evaluateFormula('$User.Id', ctx), USER.id);
    assert.throws(() => evaluateFormula('$CustomMetadata.Policy__mdt.Missing.Required__c', ctx), UnsupportedError);
});

test('cross-object paths read the parent record', () => {
    const owner = new SObject('User', { Id: USER.id, Username: 'owner@example.com' });
    const ctx = context({ OwnerId: USER.id }, { recordById: (id) => (id === USER.id ? owner : undefined) });
    assert.equal(evaluateFormula('Owner.Username', ctx), 'owner@example.com');
});

test('a formula is parsed once per text', () => {
    assert.equal(compileFormula('1 + 2'), compileFormula('1 + 2'));
});

test('an unknown function or reference is unsupported, never a guess', () => {
    assert.throws(() => evaluateFormula('NoSuchField__c', context({})), UnsupportedError);
    assert.throws(() => evaluateFormula('GETSESSIONID()', context({})), UnsupportedError);
    assert.throws(() => evaluateFormula('NOSUCHFUNCTION(1)', context({})), UnsupportedError);
});

test('a validation rule of the kind the project uses', () => {
    const rule = `AND(
    NOT($Permission.Bypass),
    ISPICKVAL(Stage__c, 'Rejected'),
    OR(ISCHANGED(Stage__c), ISCHANGED(Reason__c)),
    ISBLANK(TEXT(Reason__c))
)`;
    const prior = new SObject('Lead', { Stage__c: 'MQL' });
    assert.equal(evaluateFormula(rule, context({ Stage__c: 'Rejected' }, { isNew: false, prior })), true);
    assert.equal(
        evaluateFormula(rule, context({ Stage__c: 'Rejected', Reason__c: 'Budget' }, { isNew: false, prior })),
        false
    );
    assert.equal(
        evaluateFormula(rule, context({ Stage__c: 'Rejected' }, { isNew: false, prior, hasPermission: () => true })),
        false
    );
});

test('$Profile reads the running user’s profile; $Label a custom label', () => {
    const profile = new SObject('Profile', { Id: USER.profileId, Name: 'Standard User' });
    const ctx = context(
        {},
        { recordById: (id) => (id === USER.profileId ? profile : undefined), labels: new Map([['Greeting', 'Hello']]) }
    );
    assert.equal(evaluateFormula('$Profile.Name', ctx), 'Standard User');
    assert.equal(evaluateFormula('$Label.greeting & "!"', ctx), 'Hello!');
});

test('IF and CASE evaluate only the branch taken; CASE compares blanks as blanks', () => {
    assert.equal(evaluateFormula("IF(ISBLANK(Note__c), 'none', SUBSTITUTE(Note__c, 'a', 'b'))", context({})), 'none');
    assert.equal(evaluateFormula("CASE(TEXT(Stage__c), 'MQL', 1, '', 2, 3)", context({})), 2);
    assert.equal(evaluateFormula("CASE(TEXT(Stage__c), 'MQL', 1, '', 2, 3)", context({ Stage__c: 'MQL' })), 1);
    assert.equal(evaluateFormula("CASE(TEXT(Stage__c), 'MQL', 1, '', 2, 3)", context({ Stage__c: 'SAL' })), 3);
});
