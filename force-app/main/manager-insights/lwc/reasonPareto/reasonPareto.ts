// Reason Pareto: why sales sends MQLs back (reject and recycle reasons), most frequent first, with the running
// share, so marketing sees the few reasons behind most of the returns and knows what to fix first.
import { api } from 'lwc';
import getReasonPareto from '@salesforce/apex/QueueHealthController.getReasonPareto';
import { PeriodChoiceLoader } from 'c/insightsLoader';
import { percentText, periodText, plural } from 'c/insightsFormat';
import type { ChoiceOption } from 'c/insightsFormat';

type ReasonPareto = QueueHealthDto.ReasonPareto;
type ReasonCount = QueueHealthDto.ReasonCount;

export const PARETO_LINE = 80;

export const KIND_OPTIONS: readonly ChoiceOption[] = [
    { value: 'All', label: 'All' },
    { value: 'Reject', label: 'Rejects' },
    { value: 'Recycle', label: 'Recycles' }
];

const KIND_NOUNS: Readonly<Record<string, string>> = {
    All: 'rejected or recycled MQLs',
    Reject: 'rejected MQLs',
    Recycle: 'recycled MQLs'
};

/** What marketing can do about each kind of reason. */
export const FIX_HINTS: Readonly<Record<ReasonCount['kind'], string>> = {
    Reject: 'Rejected: sales will not work these leads. Tighten targeting, scoring or the MQL definition.',
    Recycle: 'Recycled: the right people at the wrong time. Nurture them and hand them over again when ready.'
};

/** How many reasons, most frequent first, it takes to reach the 80 % line (all of them if it is never reached). */
export function vitalFewCount(reasons: readonly ReasonCount[]): number {
    const index = reasons.findIndex((reason) => reason.cumulativeShare >= PARETO_LINE);
    return index < 0 ? reasons.length : index + 1;
}

export default class ReasonParetoChart extends PeriodChoiceLoader<ReasonPareto> {
    @api periodDays = 30;
    @api kind = 'All';

    choiceGroup = { name: 'kind', label: 'Reasons', options: KIND_OPTIONS };

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
        return `Reasons sales gave over the last ${plural(Number(this.period), 'day')}${range ? ` (${range})` : ''}.`;
    }

    get hasContent(): boolean {
        return this.reasons.length > 0;
    }

    get emptyMessage(): string {
        return `No ${this.kindNoun} in the last ${plural(Number(this.period), 'day')}: nothing to fix here. Try a longer period.`;
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
        const verb = few === 1 ? 'explains' : 'explain';
        return `${few} of ${plural(reasons.length, 'reason')} ${verb} ${share} of the ${total} ${this.kindNoun}. Fix these first: ${names}.`;
    }

    get hints(): { key: string; text: string }[] {
        const kinds = new Set(this.reasons.slice(0, vitalFewCount(this.reasons)).map((reason) => reason.kind));
        return (['Reject', 'Recycle'] as const)
            .filter((kind) => kinds.has(kind))
            .map((kind) => ({ key: kind, text: FIX_HINTS[kind] }));
    }

    get rows() {
        const few = vitalFewCount(this.reasons);
        return this.reasons.map((reason, index) => ({
            key: `${reason.kind}-${reason.code}`,
            lineKey: `${reason.kind}-${reason.code}-line`,
            label: reason.label,
            kindText: reason.kind === 'Reject' ? 'Reject' : 'Recycle',
            count: reason.count,
            shareText: percentText(reason.share),
            cumulativeText: percentText(reason.cumulativeShare),
            barStyle: `width: ${Math.min(100, Math.max(0, reason.share))}%;`,
            rowClass: index < few ? 'vital-few' : '',
            vitalFew: index < few,
            lineAfter: index === few - 1 && few < this.reasons.length
        }));
    }
}
