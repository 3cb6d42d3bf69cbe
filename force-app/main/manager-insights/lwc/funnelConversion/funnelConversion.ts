// Funnel conversion: stage-to-stage rates over a period, overall or per lead source or segment, each against
// its benchmark band (Funnel_Benchmark__mdt), with the benchmark's diagnosis beside a rate outside the band.
import { api } from 'lwc';
import getFunnel from '@salesforce/apex/QueueHealthController.getFunnel';
import { stageLabel } from 'c/leadLabels';
import { PeriodChoiceLoader } from 'c/insightsLoader';
import { percentText, periodText, plural } from 'c/insightsFormat';
import type { ChoiceOption } from 'c/insightsFormat';

type Funnel = QueueHealthDto.Funnel;
type Conversion = QueueHealthDto.Conversion;

export const GROUP_BY_OPTIONS: readonly ChoiceOption[] = [
    { value: 'none', label: 'Whole funnel' },
    { value: 'leadSource', label: 'Lead source' },
    { value: 'segment', label: 'Segment' }
];

const BAND_TEXT = {
    Below: 'Below the benchmark',
    Within: 'Within the benchmark',
    Above: 'Above the benchmark'
} as const;

const BAND_CLASSES = {
    Below: 'slds-badge slds-theme_error',
    Within: 'slds-badge slds-theme_success',
    Above: 'slds-badge slds-theme_warning',
    none: 'slds-badge slds-badge_lightest'
} as const;

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/** The verdict on one rate: its band in words, or why there is none. */
export function bandText(conversion: Conversion): string {
    if (conversion.rate === null) return 'Not enough data';
    if (conversion.band) return BAND_TEXT[conversion.band];
    return 'No benchmark';
}

export default class FunnelConversion extends PeriodChoiceLoader<Funnel> {
    @api periodDays = 30;
    @api groupBy = 'none';

    choiceGroup = { name: 'groupBy', label: 'Group by', options: GROUP_BY_OPTIONS };

    connectedCallback(): void {
        this.start(this.periodDays, this.groupBy);
    }

    request(): Promise<Funnel> {
        return getFunnel({ periodDays: Number(this.period), groupBy: this.choice });
    }

    // ----------------------------------------------------------------------------------------- display

    get periodCaption(): string {
        const range = this.data ? periodText(this.data.periodStart, this.data.periodEnd) : '';
        return `Leads that entered each stage in the last ${plural(Number(this.period), 'day')}${range ? ` (${range})` : ''}.`;
    }

    get groups() {
        return (this.data?.groups ?? []).filter((group) => group.stages.some((stage) => stage.entered > 0));
    }

    get hasContent(): boolean {
        return this.groups.length > 0;
    }

    get emptyMessage(): string {
        return `No leads entered the funnel in the last ${plural(Number(this.period), 'day')}. Try a longer period.`;
    }

    get displayGroups() {
        const single = this.groups.length === 1;
        return this.groups.map((group) => ({
            key: group.key,
            heading: single && group.key === 'all' ? 'Whole funnel' : group.label,
            headingId: `funnel-${group.key}`,
            stagesText: group.stages.map((stage) => `${stageLabel(stage.stage)} ${stage.entered}`).join(' · '),
            rows: group.conversions.map((conversion) => this.row(group.key, conversion))
        }));
    }

    row(groupKey: string, conversion: Conversion) {
        const from = stageLabel(conversion.fromStage);
        const to = stageLabel(conversion.toStage);
        const { rate, lowPercent: low, highPercent: high } = conversion;
        const hasBand = low !== null && high !== null;
        const outOfBand = rate !== null && (conversion.band === 'Below' || conversion.band === 'Above');
        const bandRange = hasBand ? `${percentText(low)} to ${percentText(high)}` : 'none set';
        const rateText = percentText(rate);
        return {
            key: `${groupKey}-${conversion.fromStage}-${conversion.toStage}`,
            label: `${from} → ${to}`,
            rateText,
            countsText:
                rate === null
                    ? `no leads entered ${from} in the period`
                    : `${conversion.toCount} of ${conversion.fromCount} leads that entered ${from} reached ${to}`,
            benchmarkText: hasBand ? bandRange : 'No benchmark',
            verdict: bandText(conversion),
            verdictClass: BAND_CLASSES[rate === null ? 'none' : (conversion.band ?? 'none')],
            outOfBand,
            diagnosis: outOfBand ? conversion.diagnosis || 'Outside the benchmark band: look into this stage.' : '',
            hasRate: rate !== null,
            hasBand,
            chartLabel: `${from} to ${to}: ${rateText}; benchmark ${bandRange}`,
            bandStyle: hasBand ? `left: ${clampPercent(low)}%; width: ${clampPercent(high) - clampPercent(low)}%;` : '',
            markerStyle: rate === null ? '' : `left: ${clampPercent(rate)}%;`,
            rowClass: outOfBand ? 'out-of-band' : ''
        };
    }
}
