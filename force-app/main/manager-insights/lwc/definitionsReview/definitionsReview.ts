// The stage definitions block: whether its review is overdue, and the single-source-of-truth text that the
// "Copy definitions" button puts on the clipboard (markdown, one section per stage).
import { dateText, plural } from 'c/insightsFormat';

export type Definitions = StageDefinitionsController.Definitions;
export type StageDefinition = StageDefinitionsController.StageDefinition;

export interface ReviewStatus {
    overdue: boolean;
    neverReviewed: boolean;
    /** whole days past nextReviewDue; 0 when not overdue or never reviewed */
    daysOverdue: number;
    /** "Next review due 1 Jun 2026 (in 12 days)", "Review overdue by 3 days (was due ...)", "Never reviewed" */
    text: string;
}

const DAY = 86_400_000;
const NOT_SET = 'Not defined yet.';

function dayNumber(isoDate: string): number | null {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
    if (!match) return null;
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY;
}

/** Whole days from `from` to `to` (both yyyy-mm-dd), negative when `to` is earlier; null if either is unreadable. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number | null {
    const start = dayNumber(from ?? '');
    const end = dayNumber(to ?? '');
    return start === null || end === null ? null : end - start;
}

/** Overdue when today is past nextReviewDue, or when the definitions were never reviewed. */
export function reviewStatus(definitions: Pick<Definitions, 'lastReviewed' | 'nextReviewDue' | 'today'>): ReviewStatus {
    const { lastReviewed, nextReviewDue, today } = definitions;
    const untilDue = lastReviewed ? daysBetween(today, nextReviewDue) : null;
    if (untilDue === null) {
        return { overdue: true, neverReviewed: true, daysOverdue: 0, text: 'Never reviewed' };
    }
    const due = dateText(nextReviewDue);
    if (untilDue < 0) {
        const daysOverdue = -untilDue;
        return {
            overdue: true,
            neverReviewed: false,
            daysOverdue,
            text: `Review overdue by ${plural(daysOverdue, 'day')} (was due ${due})`
        };
    }
    const when = untilDue === 0 ? 'today' : `in ${plural(untilDue, 'day')}`;
    return { overdue: false, neverReviewed: false, daysOverdue: 0, text: `Next review due ${due} (${when})` };
}

/** Stages in their agreed order (Order__c), then by name. */
export function orderedStages(stages: readonly StageDefinition[]): StageDefinition[] {
    return [...stages].sort((a, b) => a.order - b.order || a.stage.localeCompare(b.stage));
}

function field(value: string | null | undefined): string {
    const text = (value ?? '').trim();
    return text || NOT_SET;
}

/** The definitions as one markdown block: a heading, the review line, then one section per stage. */
export function definitionsText(definitions: Definitions): string {
    const review = reviewStatus(definitions);
    const reviewed = definitions.lastReviewed ? dateText(definitions.lastReviewed) : 'never';
    const lines = [
        '# Lead lifecycle stage definitions',
        '',
        `Owner: ${field(definitions.owner)}`,
        `Last reviewed: ${reviewed}`,
        `Review cadence: every ${plural(definitions.cadenceDays, 'day')}`,
        `Review status: ${review.text}`
    ];
    for (const stage of orderedStages(definitions.stages)) {
        lines.push(
            '',
            `## ${stage.stage}`,
            '',
            `- Meaning: ${field(stage.meaning)}`,
            `- Owner team: ${field(stage.ownerTeam)}`,
            `- Entry rule: ${field(stage.entryRule)}`,
            `- Exit paths: ${field(stage.exitPaths)}`,
            `- SLA: ${field(stage.sla)}`
        );
    }
    return `${lines.join('\n')}\n`;
}
