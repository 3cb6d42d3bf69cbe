import { describe, expect, it, jest } from '@jest/globals';
import NOT_YOURS from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeNotYours';
import NOTE_REQUIRED from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeNoteRequired';
import WITHOUT_REASON from '@salesforce/label/c.LeadHandoff_SdrInbox_OutcomeWithoutReason';
import {
    buildConvertRequest,
    buildDecisionRequest,
    buildQualifyRequest,
    convertFormProblem,
    defaultRecycleUntil,
    outcomeMessage,
    reasonChoiceProblem,
    reasonKindFor,
    reasonsFor,
    summarizeDecision
} from 'c/handoffRequests';
import type { ReasonOption } from 'c/handoffRequests';

const REASONS = jest.requireActual<ReasonOption[]>('./data/LeadInboxController.getDispositionReasons.json');
const PARTIAL_RESULT = jest.requireActual<LeadHandoffService.DecisionResult>('./data/LeadInboxController.decide.json');
const reason = (code: string) => REASONS.find((option) => option.code === code) as ReasonOption;
const RAJ = { leadId: '00Q000000000001AAA', stage: 'MQL', name: 'Raj Patel' };
const JANE = { leadId: '00Q000000000002AAA', stage: 'MQL', name: 'Jane Doe' };
const TODAY = '2026-03-02';

function outcome(overrides: Partial<LeadHandoffService.LeadOutcome>): LeadHandoffService.LeadOutcome {
    return {
        leadId: RAJ.leadId,
        ok: false,
        code: null,
        message: null,
        stage: 'MQL',
        decidedByName: null,
        decidedAt: null,
        ...overrides
    };
}

describe('reasons', () => {
    it('offers reject reasons for reject, recycle reasons for recycle, none for accept', () => {
        expect(reasonKindFor('accept')).toBeNull();
        expect(reasonsFor('reject', REASONS).every((option) => option.kind === 'Reject')).toBe(true);
        expect(reasonsFor('reject', REASONS)).toHaveLength(7);
        expect(reasonsFor('recycle', REASONS).map((option) => option.code)).toEqual([
            'Unable_To_Reach',
            'No_Budget',
            'Not_Ready_This_Quarter',
            'Too_Early',
            'Other_Recycle'
        ]);
        expect(reasonsFor('accept', REASONS)).toEqual([]);
    });

    it('defaults recycle-until to today plus the reason recycle days', () => {
        expect(defaultRecycleUntil(reason('No_Budget'), TODAY)).toBe('2026-08-29');
        expect(defaultRecycleUntil(reason('Too_Early'), TODAY)).toBe('2026-04-01');
        expect(defaultRecycleUntil(reason('No_Need'), TODAY)).toBeNull();
        expect(defaultRecycleUntil(undefined, TODAY)).toBeNull();
        expect(defaultRecycleUntil({ ...reason('No_Need'), recycleDays: 30 }, TODAY)).toBeNull();
    });

    it('says why a reason choice cannot be confirmed yet', () => {
        expect(reasonChoiceProblem('reject', undefined, '', null, TODAY)).toBe('Choose a reason to reject.');
        expect(reasonChoiceProblem('reject', reason('Too_Early'), '', null, TODAY)).toBe(
            '"Too early" is not a reason to reject: choose another.'
        );
        expect(reasonChoiceProblem('reject', reason('Other'), '   ', null, TODAY)).toBe(
            'Add a note: "Other" needs one.'
        );
        expect(reasonChoiceProblem('recycle', reason('Too_Early'), '', null, TODAY)).toBe(
            'Choose the date to recycle until.'
        );
        expect(reasonChoiceProblem('recycle', reason('Too_Early'), '', TODAY, TODAY)).toBe(
            'Recycle until must be a date after today.'
        );
    });

    it('accepts a complete choice', () => {
        expect(reasonChoiceProblem('reject', reason('Other'), 'Wrong country', null, TODAY)).toBeNull();
        expect(reasonChoiceProblem('recycle', reason('Too_Early'), '', '2026-04-01', TODAY)).toBeNull();
    });
});

describe('requests', () => {
    it('builds an accept of one lead, all or nothing, without reason fields', () => {
        expect(
            buildDecisionRequest('accept', [RAJ], { reasonCode: 'No_Need', note: 'x', recycleUntil: TODAY })
        ).toEqual({
            action: 'accept',
            leads: [{ leadId: RAJ.leadId, seenStage: 'MQL' }],
            reasonCode: null,
            note: null,
            recycleUntil: null,
            allowPartial: false
        });
    });

    it('builds a bulk reject with partial success, a trimmed note and no recycle date', () => {
        const request = buildDecisionRequest('reject', [RAJ, JANE], {
            reasonCode: 'Other',
            note: '  Wrong country ',
            recycleUntil: '2026-04-01'
        });
        expect(request).toEqual({
            action: 'reject',
            leads: [
                { leadId: RAJ.leadId, seenStage: 'MQL' },
                { leadId: JANE.leadId, seenStage: 'MQL' }
            ],
            reasonCode: 'Other',
            note: 'Wrong country',
            recycleUntil: null,
            allowPartial: true
        });
    });

    it('keeps the recycle date of a recycle and drops a blank note', () => {
        const request = buildDecisionRequest('recycle', [RAJ], {
            reasonCode: 'Too_Early',
            note: ' ',
            recycleUntil: '2026-04-01'
        });
        expect(request).toMatchObject({ reasonCode: 'Too_Early', note: null, recycleUntil: '2026-04-01' });
        expect(buildDecisionRequest('recycle', [RAJ])).toMatchObject({ reasonCode: null, recycleUntil: null });
    });

    it('builds a qualify request with the confirmed checklist fields', () => {
        expect(buildQualifyRequest({ leadId: RAJ.leadId, stage: 'SAL' }, ['SQL_Need_Confirmed__c'], ' ')).toEqual({
            leadId: RAJ.leadId,
            seenStage: 'SAL',
            checkedFields: ['SQL_Need_Confirmed__c'],
            notes: null
        });
        expect(buildQualifyRequest({ leadId: RAJ.leadId, stage: 'SAL' }, [], null).notes).toBeNull();
        expect(buildQualifyRequest({ leadId: RAJ.leadId, stage: 'SAL' }, [], ' Budget set \n').notes).toBe(
            'Budget set'
        );
    });

    it('builds a convert request with a numeric amount and the chosen account, or none for a new one', () => {
        const form = {
            opportunityName: ' Acme - Platform ',
            amount: '12500.50',
            closeDate: '2026-06-30',
            accountId: '001000000000001AAA'
        };
        expect(buildConvertRequest({ leadId: RAJ.leadId, stage: 'SQL' }, form)).toEqual({
            leadId: RAJ.leadId,
            seenStage: 'SQL',
            opportunityName: 'Acme - Platform',
            amount: 12500.5,
            closeDate: '2026-06-30',
            accountId: '001000000000001AAA'
        });
        expect(
            buildConvertRequest(RAJ, { opportunityName: '', amount: 'abc', closeDate: '', accountId: '' })
        ).toMatchObject({
            opportunityName: null,
            amount: null,
            closeDate: null,
            accountId: null
        });
    });

    it('says what the convert form is missing', () => {
        expect(convertFormProblem({ opportunityName: '', amount: null, closeDate: null })).toBe(
            'To convert, enter an opportunity name, an amount and a close date.'
        );
        expect(convertFormProblem({ opportunityName: 'Acme', amount: 100, closeDate: null })).toBe(
            'To convert, enter a close date.'
        );
        expect(convertFormProblem({ opportunityName: 'Acme', amount: '0', closeDate: '2026-06-30' })).toBe(
            'The amount must be more than 0.'
        );
        expect(convertFormProblem({ opportunityName: 'Acme', amount: 5, closeDate: '2026-06-30' })).toBeNull();
    });

    it('takes an emptied amount box as no amount, not as 0', () => {
        expect(convertFormProblem({ opportunityName: 'Acme', amount: '', closeDate: '2026-06-30' })).toBe(
            'To convert, enter an amount.'
        );
    });

    it('refuses a close date before today, and accepts today', () => {
        const form = { opportunityName: 'Acme', amount: 5 };
        expect(convertFormProblem({ ...form, closeDate: '2026-03-01' }, '2026-03-02')).toBe(
            'The close date must be today or later.'
        );
        expect(convertFormProblem({ ...form, closeDate: '2026-03-02' }, '2026-03-02')).toBeNull();
    });
});

describe('outcome sentences', () => {
    it('names who already decided, how long ago, and the stage now', () => {
        const already = outcome({
            code: 'ALREADY_DECIDED',
            stage: 'SAL',
            decidedByName: 'Ann Lee',
            decidedAt: '2026-03-02T14:57:00.000Z'
        });
        expect(outcomeMessage(already, Date.parse('2026-03-02T15:00:00.000Z'))).toBe(
            'Ann Lee already decided this lead 3 min ago (now SAL).'
        );
        expect(outcomeMessage(already, Date.parse('2026-03-02T14:57:20.000Z'))).toBe(
            'Ann Lee already decided this lead just now (now SAL).'
        );
        expect(outcomeMessage({ ...already, decidedByName: null, stage: null })).toBe(
            'Someone else already decided this lead.'
        );
        expect(outcomeMessage({ ...already, stage: null }, Date.parse('2026-03-02T15:00:00.000Z'))).toBe(
            'Ann Lee already decided this lead 3 min ago.'
        );
    });

    it('says "just now" for up to a minute, then counts minutes', () => {
        const already = outcome({ code: 'ALREADY_DECIDED', stage: null, decidedByName: 'Ann Lee' });
        const decidedAt = Date.parse('2026-03-02T14:57:00.000Z');
        const at = (offset: number) =>
            outcomeMessage({ ...already, decidedAt: new Date(decidedAt).toISOString() }, decidedAt + offset);
        expect(at(59_999)).toBe('Ann Lee already decided this lead just now.');
        expect(at(60_000)).toBe('Ann Lee already decided this lead 1 min ago.');
    });

    it('turns each refusal code into a sentence, falling back to the server message', () => {
        expect(outcomeMessage(outcome({ code: 'NOT_YOURS' }))).toBe(NOT_YOURS);
        expect(outcomeMessage(outcome({ code: 'NOTE_REQUIRED' }))).toBe(NOTE_REQUIRED);
        expect(outcomeMessage(outcome({ code: 'SAVE_FAILED', message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }))).toBe(
            'FIELD_CUSTOM_VALIDATION_EXCEPTION'
        );
        expect(outcomeMessage(outcome({ code: null }))).toBe(WITHOUT_REASON);
        expect(outcomeMessage(outcome({ ok: true }))).toBe('');
    });
});

describe('decision summary for the toast', () => {
    const ok = (leadId: string) => outcome({ leadId, ok: true, stage: 'SAL' });

    it('names the lead when one was decided', () => {
        const summary = summarizeDecision('accept', { applied: true, outcomes: [ok(RAJ.leadId)] }, [RAJ]);
        expect(summary).toEqual({ variant: 'success', title: 'Accepted Raj Patel', message: '', refused: [] });
    });

    it('counts the leads of a bulk decision', () => {
        const result = { applied: true, outcomes: [ok(RAJ.leadId), ok(JANE.leadId)] };
        expect(summarizeDecision('reject', result, [RAJ, JANE]).title).toBe('Rejected 2 leads');
    });

    it('reports a partial success and explains each refused lead', () => {
        const summary = summarizeDecision('accept', PARTIAL_RESULT, [RAJ, JANE]);
        expect(summary.variant).toBe('warning');
        expect(summary.title).toBe('Accepted 1 of 2 leads');
        expect(summary.message).toBe('Jane Doe: Ann Lee already decided this lead (now SAL).');
        expect(summary.refused).toEqual([
            { leadId: JANE.leadId, message: 'Ann Lee already decided this lead (now SAL).' }
        ]);
    });

    it('treats every lead as refused when the request was not applied', () => {
        const result = {
            applied: false,
            outcomes: [ok(RAJ.leadId), outcome({ leadId: JANE.leadId, code: 'STAGE_CHANGED' })]
        };
        const summary = summarizeDecision('recycle', result, [RAJ, JANE]);
        expect(summary.variant).toBe('error');
        expect(summary.title).toBe('Nothing was recycled');
        expect(summary.refused.map((entry) => entry.leadId)).toEqual([RAJ.leadId, JANE.leadId]);
        expect(summary.refused[0].message).toBe('Not saved.');
    });
});
