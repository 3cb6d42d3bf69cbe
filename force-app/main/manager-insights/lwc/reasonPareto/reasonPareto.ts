// Reason Pareto: why sales sends MQLs back (reject and recycle reasons), most frequent first, with the running
// share, so marketing sees the few reasons behind most of the returns and knows what to fix first. Only when the
// counts support it: below the policy's minimum sample (Insights_Policy__mdt, judged by the server) it lists the
// counts and says how many more it needs, singling out no reason.
import { api } from 'lwc';
import getReasonPareto from '@salesforce/apex/QueueHealthController.getReasonPareto';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoSubject';
import KINDS from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoKinds';
import KIND_ALL from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoKindAll';
import KIND_REJECTS from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoKindRejects';
import KIND_RECYCLES from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoKindRecycles';
import NOUN_ALL from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoNounAll';
import NOUN_REJECTED from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoNounRejected';
import NOUN_RECYCLED from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoNounRecycled';
import FIX_REJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoFixReject';
import FIX_RECYCLE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoFixRecycle';
import CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoCaption';
import CAPTION_RANGE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoCaptionRange';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoEmpty';
import SUMMARY_ONE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoSummaryOne';
import SUMMARY_OTHER from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoSummaryOther';
import REASON_COUNT_ONE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoReasonCountOne';
import REASON_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoReasonCountOther';
import KIND_REJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoKindReject';
import KIND_RECYCLE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoKindRecycle';
import WHAT_TO_FIX from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoWhatToFix';
import TABLE_CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoTableCaption';
import COLUMN_REASON from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoColumnReason';
import COLUMN_KIND from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoColumnKind';
import COLUMN_COUNT from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoColumnCount';
import COLUMN_SHARE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoColumnShare';
import COLUMN_CUMULATIVE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoColumnCumulative';
import LINE from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoLine';
import ADVICE_WITHHELD from '@salesforce/label/c.LeadHandoff_ManagerInsights_ParetoAdviceWithheld';
import { formatCount, formatLabel } from 'c/labelFormat';
import { PeriodChoiceLoader } from 'c/insightsLoader';
import { dayCount, percentText, periodText } from 'c/insightsFormat';
import type { ChoiceOption } from 'c/insightsFormat';

type ReasonPareto = QueueHealthDto.ReasonPareto;
type ReasonCount = QueueHealthDto.ReasonCount;

export const PARETO_LINE = 80;

export const KIND_OPTIONS: readonly ChoiceOption[] = [
    { value: 'All', label: KIND_ALL },
    { value: 'Reject', label: KIND_REJECTS },
    { value: 'Recycle', label: KIND_RECYCLES }
];

const KIND_NOUNS: Readonly<Record<string, string>> = {
    All: NOUN_ALL,
    Reject: NOUN_REJECTED,
    Recycle: NOUN_RECYCLED
};

/** What marketing can do about each kind of reason. */
export const FIX_HINTS: Readonly<Record<ReasonCount['kind'], string>> = {
    Reject: FIX_REJECT,
    Recycle: FIX_RECYCLE
};

/** How the Kind column names each kind of reason. */
const KIND_TEXT: Readonly<Record<ReasonCount['kind'], string>> = {
    Reject: KIND_REJECT,
    Recycle: KIND_RECYCLE
};

/** How many reasons, most frequent first, it takes to reach the 80 % line (all of them if it is never reached). */
export function vitalFewCount(reasons: readonly ReasonCount[]): number {
    const index = reasons.findIndex((reason) => reason.cumulativeShare >= PARETO_LINE);
    return index < 0 ? reasons.length : index + 1;
}

export default class ReasonParetoChart extends PeriodChoiceLoader<ReasonPareto> {
    @api periodDays = 30;
    @api kind = 'All';

    choiceGroup = { name: 'kind', label: KINDS, options: KIND_OPTIONS };

    labels = {
        heading: HEADING,
        loading: LOADING,
        subject: SUBJECT,
        whatToFix: WHAT_TO_FIX,
        tableCaption: TABLE_CAPTION,
        columnReason: COLUMN_REASON,
        columnKind: COLUMN_KIND,
        columnCount: COLUMN_COUNT,
        columnShare: COLUMN_SHARE,
        columnCumulative: COLUMN_CUMULATIVE,
        line: LINE
    };

    connectedCallback(): void {
        this.start(this.periodDays, this.kind);
    }

    request(): Promise<ReasonPareto> {
        return getReasonPareto({ periodDays: Number(this.period), kind: this.choice });
    }

    // ----------------------------------------------------------------------------------------- display

    get reasons(): ReasonCount[] {
        return (this.data?.reasons ?? []).filter((reason) => reason.count > 0);
    }

    get kindNoun(): string {
        return KIND_NOUNS[this.choice] ?? KIND_NOUNS.All;
    }

    get periodCaption(): string {
        const range = this.data ? periodText(this.data.periodStart, this.data.periodEnd) : '';
        const days = dayCount(Number(this.period));
        return range ? formatLabel(CAPTION_RANGE, days, range) : formatLabel(CAPTION, days);
    }

    get hasContent(): boolean {
        return this.reasons.length > 0;
    }

    get emptyMessage(): string {
        return formatLabel(EMPTY, this.kindNoun, dayCount(Number(this.period)));
    }

    /** The server's verdict on the sample (InsightsPolicy): only then the reasons to fix first are named. */
    get adviceSupported(): boolean {
        return this.data?.adviceSupported === true;
    }

    get adviceWithheldText(): string {
        const data = this.data;
        return data ? formatLabel(ADVICE_WITHHELD, data.minimumSample, this.kindNoun, data.total) : '';
    }

    get summary(): string {
        const reasons = this.reasons;
        const total = this.data?.total || reasons.reduce((sum, reason) => sum + reason.count, 0);
        const few = vitalFewCount(reasons);
        const names = reasons
            .slice(0, few)
            .map((reason) => reason.label)
            .join(', ');
        const share = percentText(reasons[few - 1]?.cumulativeShare ?? 0);
        const count = formatCount(reasons.length, REASON_COUNT_ONE, REASON_COUNT_OTHER);
        return formatLabel(few === 1 ? SUMMARY_ONE : SUMMARY_OTHER, few, count, share, total, this.kindNoun, names);
    }

    get hints(): { key: string; text: string }[] {
        const kinds = new Set(this.reasons.slice(0, vitalFewCount(this.reasons)).map((reason) => reason.kind));
        return (['Reject', 'Recycle'] as const)
            .filter((kind) => kinds.has(kind))
            .map((kind) => ({ key: kind, text: FIX_HINTS[kind] }));
    }

    get rows() {
        const few = this.adviceSupported ? vitalFewCount(this.reasons) : 0;
        return this.reasons.map((reason, index) => ({
            key: `${reason.kind}-${reason.code}`,
            lineKey: `${reason.kind}-${reason.code}-line`,
            label: reason.label,
            kindText: KIND_TEXT[reason.kind],
            count: reason.count,
            shareText: percentText(reason.share),
            cumulativeText: percentText(reason.cumulativeShare),
            barStyle: `width: ${Math.min(100, Math.max(0, reason.share))}%;`,
            rowClass: index < few ? 'vital-few' : '',
            vitalFew: index < few,
            lineAfter: few > 0 && index === few - 1 && few < this.reasons.length
        }));
    }
}
