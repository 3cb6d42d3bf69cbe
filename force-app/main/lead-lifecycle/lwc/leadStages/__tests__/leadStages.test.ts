import { describe, expect, it } from '@jest/globals';
import {
    EXIT_STAGES,
    MAIN_PATH,
    STAGES,
    STAGE_LABELS,
    actionFor,
    allowedTransitions,
    isExitStage,
    isLifecycleStage,
    isTransitionAllowed,
    pathSteps
} from 'c/leadStages';
import type { LifecycleStage } from 'c/leadStages';

describe('lead lifecycle stages', () => {
    it('lists the picklist values of Lead_Lifecycle_Stage in order, main path first', () => {
        expect(MAIN_PATH).toEqual(['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity']);
        expect(EXIT_STAGES).toEqual(['Rejected', 'Recycled']);
        expect(STAGES).toEqual([...MAIN_PATH, ...EXIT_STAGES]);
    });

    it('labels every stage with its API value', () => {
        for (const stage of STAGES) expect(STAGE_LABELS[stage]).toBe(stage);
    });

    it('recognises stage values coming from the server and rejects anything else', () => {
        expect(isLifecycleStage('SAL')).toBe(true);
        expect(isLifecycleStage('sal')).toBe(false);
        expect(isLifecycleStage('Closed')).toBe(false);
        expect(isLifecycleStage(undefined)).toBe(false);
    });

    it('treats only Rejected and Recycled as exits', () => {
        expect(STAGES.filter(isExitStage)).toEqual(['Rejected', 'Recycled']);
    });
});

describe('allowed transitions (the From_<Stage> validation rules)', () => {
    it.each<[LifecycleStage, LifecycleStage[]]>([
        ['Lead', ['MQL']],
        ['MQL', ['SAL', 'Rejected', 'Recycled']],
        ['SAL', ['SQL', 'Rejected', 'Recycled']],
        ['SQL', ['Opportunity', 'Recycled']],
        ['Recycled', ['MQL']],
        ['Rejected', []],
        ['Opportunity', []]
    ])('from %s a lead may move to %j', (from, expected) => {
        expect(allowedTransitions(from)).toEqual(expected);
        for (const to of STAGES) expect(isTransitionAllowed(from, to)).toBe(expected.includes(to));
    });

    it('never skips a stage on the main path', () => {
        expect(isTransitionAllowed('Lead', 'SAL')).toBe(false);
        expect(isTransitionAllowed('MQL', 'SQL')).toBe(false);
        expect(isTransitionAllowed('SAL', 'Opportunity')).toBe(false);
    });

    it('never moves backwards on the main path', () => {
        expect(isTransitionAllowed('SAL', 'MQL')).toBe(false);
        expect(isTransitionAllowed('SQL', 'SAL')).toBe(false);
    });

    it('does not let an SQL be rejected, only recycled', () => {
        expect(isTransitionAllowed('SQL', 'Rejected')).toBe(false);
        expect(isTransitionAllowed('SQL', 'Recycled')).toBe(true);
    });
});

describe('the action recorded for a stage change', () => {
    it.each<[LifecycleStage, LifecycleStage, string]>([
        ['Lead', 'MQL', 'Promote'],
        ['Recycled', 'MQL', 'Promote'],
        ['MQL', 'SAL', 'Accept'],
        ['SAL', 'SQL', 'Qualify'],
        ['SQL', 'Opportunity', 'Convert'],
        ['MQL', 'Rejected', 'Reject'],
        ['SAL', 'Rejected', 'Reject'],
        ['MQL', 'Recycled', 'Recycle'],
        ['SAL', 'Recycled', 'Recycle'],
        ['SQL', 'Recycled', 'Recycle']
    ])('%s → %s is %s', (from, to, action) => {
        expect(actionFor(from, to)).toBe(action);
    });

    it('is Override for any move the validation rule forbids', () => {
        expect(actionFor('Lead', 'SQL')).toBe('Override');
        expect(actionFor('Rejected', 'MQL')).toBe('Override');
        expect(actionFor('SQL', 'Rejected')).toBe('Override');
        expect(actionFor('Opportunity', 'Lead')).toBe('Override');
    });

    it('is nothing when the stage does not change', () => {
        expect(actionFor('SAL', 'SAL')).toBeNull();
    });
});

describe('path steps for a path display', () => {
    const states = (current: LifecycleStage, exitedFrom?: 'MQL' | 'SAL' | 'SQL') =>
        pathSteps(current, exitedFrom).map((step) => `${step.stage}:${step.state}`);

    it('marks stages before the current one complete and later ones upcoming', () => {
        expect(states('SAL')).toEqual([
            'Lead:complete',
            'MQL:complete',
            'SAL:current',
            'SQL:upcoming',
            'Opportunity:upcoming'
        ]);
    });

    it('shows a new lead at the start and a converted lead at the end of the path', () => {
        expect(states('Lead')[0]).toBe('Lead:current');
        expect(states('Opportunity')).toEqual([
            'Lead:complete',
            'MQL:complete',
            'SAL:complete',
            'SQL:complete',
            'Opportunity:current'
        ]);
    });

    it('ends the path with the exit, after the stage the lead left', () => {
        expect(states('Rejected', 'SAL')).toEqual([
            'Lead:complete',
            'MQL:complete',
            'SAL:complete',
            'SQL:upcoming',
            'Opportunity:upcoming',
            'Rejected:exit'
        ]);
    });

    it('assumes an exit left MQL when the previous stage is unknown', () => {
        expect(states('Recycled')).toEqual([
            'Lead:complete',
            'MQL:complete',
            'SAL:upcoming',
            'SQL:upcoming',
            'Opportunity:upcoming',
            'Recycled:exit'
        ]);
    });

    it('labels each step', () => {
        expect(pathSteps('MQL').map((step) => step.label)).toEqual(['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity']);
    });
});
