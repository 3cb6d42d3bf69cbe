import { describe, expect, it } from '@jest/globals';
import { daysBetween, definitionsText, orderedStages, reviewStatus } from 'c/definitionsReview';
import type { Definitions } from 'c/definitionsReview';

const DEFINITIONS: Definitions = {
    stages: [
        {
            stage: 'MQL',
            order: 2,
            meaning: 'Marketing qualified.',
            ownerTeam: 'Marketing',
            entryRule: 'Segment MQL or Sales review.',
            exitPaths: 'SAL, Rejected, Recycled',
            sla: '60 business minutes for demo requests',
            adminDetails: null
        },
        {
            stage: 'Lead',
            order: 1,
            meaning: 'A known person.',
            ownerTeam: null,
            entryRule: '  ',
            exitPaths: 'MQL',
            sla: null,
            adminDetails: null
        }
    ],
    owner: 'RevOps',
    lastReviewed: '2026-01-05',
    cadenceDays: 90,
    nextReviewDue: '2026-04-05',
    today: '2026-03-02'
};

const on = (today: string, overrides: Partial<Definitions> = {}) => ({ ...DEFINITIONS, today, ...overrides });

describe('daysBetween', () => {
    it('counts whole calendar days, across a daylight-saving change', () => {
        expect(daysBetween('2026-03-02', '2026-04-05')).toBe(34);
        expect(daysBetween('2026-04-05', '2026-03-02')).toBe(-34);
        expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    });

    it('is null for a missing or unreadable date', () => {
        expect(daysBetween(null, '2026-03-02')).toBeNull();
        expect(daysBetween('2026-03-02', '5 April')).toBeNull();
    });
});

describe('reviewStatus', () => {
    it('is not overdue before the due date, and says when it is due', () => {
        expect(reviewStatus(on('2026-03-02'))).toEqual({
            overdue: false,
            neverReviewed: false,
            daysOverdue: 0,
            text: 'Next review due 5 Apr 2026 (in 34 days)'
        });
    });

    it('is not overdue on the due date itself', () => {
        const status = reviewStatus(on('2026-04-05'));
        expect(status.overdue).toBe(false);
        expect(status.text).toBe('Next review due 5 Apr 2026 (today)');
    });

    it('is overdue the day after, counting the days', () => {
        expect(reviewStatus(on('2026-04-06'))).toEqual({
            overdue: true,
            neverReviewed: false,
            daysOverdue: 1,
            text: 'Review overdue by 1 day (was due 5 Apr 2026)'
        });
        expect(reviewStatus(on('2026-05-05')).daysOverdue).toBe(30);
    });

    it('is overdue when the definitions were never reviewed', () => {
        const status = reviewStatus(on('2026-03-02', { lastReviewed: null, nextReviewDue: null }));
        expect(status).toEqual({ overdue: true, neverReviewed: true, daysOverdue: 0, text: 'Never reviewed' });
    });
});

describe('definitionsText', () => {
    it('orders the stages by their order', () => {
        expect(orderedStages(DEFINITIONS.stages).map((stage) => stage.stage)).toEqual(['Lead', 'MQL']);
    });

    it('is one markdown block: owner and review, then a section per stage in order', () => {
        expect(definitionsText(DEFINITIONS)).toBe(
            [
                '# Lead lifecycle stage definitions',
                '',
                'Owner: RevOps',
                'Last reviewed: 5 Jan 2026',
                'Review cadence: every 90 days',
                'Review status: Next review due 5 Apr 2026 (in 34 days)',
                '',
                '## Lead',
                '',
                '- Meaning: A known person.',
                '- Owner team: Not defined yet.',
                '- Entry rule: Not defined yet.',
                '- Exit paths: MQL',
                '- SLA: Not defined yet.',
                '',
                '## MQL',
                '',
                '- Meaning: Marketing qualified.',
                '- Owner team: Marketing',
                '- Entry rule: Segment MQL or Sales review.',
                '- Exit paths: SAL, Rejected, Recycled',
                '- SLA: 60 business minutes for demo requests',
                ''
            ].join('\n')
        );
    });

    it('says when the definitions have no owner and were never reviewed', () => {
        const text = definitionsText({ ...DEFINITIONS, owner: null, lastReviewed: null, nextReviewDue: null });
        expect(text).toContain('Owner: Not defined yet.');
        expect(text).toContain('Last reviewed: never');
        expect(text).toContain('Review status: Never reviewed');
    });
});
