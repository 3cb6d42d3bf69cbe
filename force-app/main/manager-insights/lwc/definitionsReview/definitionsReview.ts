// The stage definitions block: whether its review is overdue, and the single-source-of-truth text that the
// "Copy definitions" button puts on the clipboard (markdown, one section per stage).
import NEVER_REVIEWED from '@salesforce/label/c.LeadHandoff_ManagerInsights_NeverReviewed';
import REVIEW_OVERDUE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ReviewOverdue';
import REVIEW_DUE_TODAY from '@salesforce/label/c.LeadHandoff_ManagerInsights_ReviewDueToday';
import REVIEW_DUE_IN from '@salesforce/label/c.LeadHandoff_ManagerInsights_ReviewDueIn';
import COPY_TITLE from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyTitle';
import COPY_OWNER from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyOwner';
import COPY_LAST_REVIEWED from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyLastReviewed';
import COPY_NEVER from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyNever';
import COPY_CADENCE from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyCadence';
import COPY_STATUS from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyStatus';
import COPY_MEANING from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyMeaning';
import COPY_OWNER_TEAM from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyOwnerTeam';
import COPY_ENTRY_RULE from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyEntryRule';
import COPY_EXIT_PATHS from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyExitPaths';
import COPY_SLA from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopySla';
import COPY_NOT_SET from '@salesforce/label/c.LeadHandoff_ManagerInsights_CopyNotSet';
import { formatLabel } from 'c/labelFormat';
import { dateText, dayCount } from 'c/insightsFormat';

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
        return { overdue: true, neverReviewed: true, daysOverdue: 0, text: NEVER_REVIEWED };
    }
    const due = dateText(nextReviewDue);
    if (untilDue < 0) {
        const daysOverdue = -untilDue;
        return {
            overdue: true,
            neverReviewed: false,
            daysOverdue,
            text: formatLabel(REVIEW_OVERDUE, dayCount(daysOverdue), due)
        };
    }
    const text =
        untilDue === 0 ? formatLabel(REVIEW_DUE_TODAY, due) : formatLabel(REVIEW_DUE_IN, due, dayCount(untilDue));
    return { overdue: false, neverReviewed: false, daysOverdue: 0, text };
}

/** Stages in their agreed order (Order__c), then by name. */
export function orderedStages(stages: readonly StageDefinition[]): StageDefinition[] {
    return [...stages].sort((a, b) => a.order - b.order || a.stage.localeCompare(b.stage));
}

function field(value: string | null | undefined): string {
    const text = (value ?? '').trim();
    return text || COPY_NOT_SET;
}

/** The definitions as one markdown block: a heading, the review line, then one section per stage. */
export function definitionsText(definitions: Definitions): string {
    const review = reviewStatus(definitions);
    const reviewed = definitions.lastReviewed ? dateText(definitions.lastReviewed) : COPY_NEVER;
    const lines = [
        `# ${COPY_TITLE}`,
        '',
        formatLabel(COPY_OWNER, field(definitions.owner)),
        formatLabel(COPY_LAST_REVIEWED, reviewed),
        formatLabel(COPY_CADENCE, dayCount(definitions.cadenceDays)),
        formatLabel(COPY_STATUS, review.text)
    ];
    for (const stage of orderedStages(definitions.stages)) {
        lines.push(
            '',
            `## ${stage.stage}`,
            '',
            `- ${formatLabel(COPY_MEANING, field(stage.meaning))}`,
            `- ${formatLabel(COPY_OWNER_TEAM, field(stage.ownerTeam))}`,
            `- ${formatLabel(COPY_ENTRY_RULE, field(stage.entryRule))}`,
            `- ${formatLabel(COPY_EXIT_PATHS, field(stage.exitPaths))}`,
            `- ${formatLabel(COPY_SLA, field(stage.sla))}`
        );
    }
    return `${lines.join('\n')}\n`;
}
