// Funnel conversion: stage-to-stage rates over a period, overall or per lead source or segment, each against
// its benchmark band (Funnel_Benchmark__mdt), with the benchmark's diagnosis beside a rate outside the band.
import { api } from 'lwc';
import getFunnel from '@salesforce/apex/QueueHealthController.getFunnel';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelSubject';
import GROUP_BY from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelGroupBy';
import WHOLE_FUNNEL from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelWholeFunnel';
import BY_LEAD_SOURCE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelByLeadSource';
import BY_SEGMENT from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelBySegment';
import BELOW from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelBelow';
import WITHIN from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelWithin';
import ABOVE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelAbove';
import NO_RATE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelNoRate';
import NO_BENCHMARK from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelNoBenchmark';
import CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelCaption';
import CAPTION_RANGE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelCaptionRange';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelEmpty';
import BAND_RANGE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelBandRange';
import NO_BAND from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelNoBand';
import NO_LEADS_ENTERED from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelNoLeadsEntered';
import REACHED from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelReached';
import OUT_OF_BAND from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelOutOfBand';
import CHART from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelChart';
import ENTERED from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelEntered';
import TABLE_CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelTableCaption';
import COLUMN_CONVERSION from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelColumnConversion';
import COLUMN_RATE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelColumnRate';
import COLUMN_BAND from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelColumnBand';
import COLUMN_CHART from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelColumnChart';
import COLUMN_VERDICT from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelColumnVerdict';
import LEGEND from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelLegend';
import { formatLabel } from 'c/labelFormat';
import { stageLabel } from 'c/leadLabels';
import { PeriodChoiceLoader } from 'c/insightsLoader';
import { dayCount, percentText, periodText } from 'c/insightsFormat';
import type { ChoiceOption } from 'c/insightsFormat';

type Funnel = QueueHealthDto.Funnel;
type Conversion = QueueHealthDto.Conversion;

export const GROUP_BY_OPTIONS: readonly ChoiceOption[] = [
    { value: 'none', label: WHOLE_FUNNEL },
    { value: 'leadSource', label: BY_LEAD_SOURCE },
    { value: 'segment', label: BY_SEGMENT }
];

const BAND_TEXT: Readonly<Record<NonNullable<Conversion['band']>, string>> = {
    Below: BELOW,
    Within: WITHIN,
    Above: ABOVE
};

const BAND_CLASSES = {
    Below: 'slds-badge slds-theme_error',
    Within: 'slds-badge slds-theme_success',
    Above: 'slds-badge slds-theme_warning',
    none: 'slds-badge slds-badge_lightest'
} as const;

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/** The verdict on one rate: its band in words, or why there is none. */
export function bandText(conversion: Conversion): string {
    if (conversion.rate === null) return NO_RATE;
    if (conversion.band) return BAND_TEXT[conversion.band];
    return NO_BENCHMARK;
}

export default class FunnelConversion extends PeriodChoiceLoader<Funnel> {
    @api periodDays = 30;
    @api groupBy = 'none';

    choiceGroup = { name: 'groupBy', label: GROUP_BY, options: GROUP_BY_OPTIONS };

    labels = {
        heading: HEADING,
        loading: LOADING,
        subject: SUBJECT,
        columnConversion: COLUMN_CONVERSION,
        columnRate: COLUMN_RATE,
        columnBand: COLUMN_BAND,
        columnChart: COLUMN_CHART,
        columnVerdict: COLUMN_VERDICT,
        legend: LEGEND
    };

    connectedCallback(): void {
        this.start(this.periodDays, this.groupBy);
    }

    request(): Promise<Funnel> {
        return getFunnel({ periodDays: Number(this.period), groupBy: this.choice });
    }

    // ----------------------------------------------------------------------------------------- display

    get periodCaption(): string {
        const range = this.data ? periodText(this.data.periodStart, this.data.periodEnd) : '';
        const days = dayCount(Number(this.period));
        return range ? formatLabel(CAPTION_RANGE, days, range) : formatLabel(CAPTION, days);
    }

    get groups() {
        return (this.data?.groups ?? []).filter((group) => group.stages.some((stage) => stage.entered > 0));
    }

    get hasContent(): boolean {
        return this.groups.length > 0;
    }

    get emptyMessage(): string {
        return formatLabel(EMPTY, dayCount(Number(this.period)));
    }

    get displayGroups() {
        const single = this.groups.length === 1;
        return this.groups.map((group) => {
            const heading = single && group.key === 'all' ? WHOLE_FUNNEL : group.label;
            const stages = group.stages.map((stage) => `${stageLabel(stage.stage)} ${stage.entered}`).join(' · ');
            return {
                key: group.key,
                heading,
                headingId: `funnel-${group.key}`,
                stagesText: formatLabel(ENTERED, stages),
                caption: formatLabel(TABLE_CAPTION, heading),
                rows: group.conversions.map((conversion) => this.row(group.key, conversion))
            };
        });
    }

    row(groupKey: string, conversion: Conversion) {
        const from = stageLabel(conversion.fromStage);
        const to = stageLabel(conversion.toStage);
        const { rate, lowPercent: low, highPercent: high } = conversion;
        const hasBand = low !== null && high !== null;
        const outOfBand = rate !== null && (conversion.band === 'Below' || conversion.band === 'Above');
        const bandRange = hasBand ? formatLabel(BAND_RANGE, percentText(low), percentText(high)) : NO_BAND;
        const rateText = percentText(rate);
        return {
            key: `${groupKey}-${conversion.fromStage}-${conversion.toStage}`,
            label: `${from} → ${to}`,
            rateText,
            countsText:
                rate === null
                    ? formatLabel(NO_LEADS_ENTERED, from)
                    : formatLabel(REACHED, conversion.toCount, conversion.fromCount, from, to),
            benchmarkText: hasBand ? bandRange : NO_BENCHMARK,
            verdict: bandText(conversion),
            verdictClass: BAND_CLASSES[rate === null ? 'none' : (conversion.band ?? 'none')],
            outOfBand,
            diagnosis: outOfBand ? conversion.diagnosis || OUT_OF_BAND : '',
            hasRate: rate !== null,
            hasBand,
            chartLabel: formatLabel(CHART, from, to, rateText, bandRange),
            bandStyle: hasBand ? `left: ${clampPercent(low)}%; width: ${clampPercent(high) - clampPercent(low)}%;` : '',
            markerStyle: rate === null ? '' : `left: ${clampPercent(rate)}%;`,
            rowClass: outOfBand ? 'out-of-band' : ''
        };
    }
}
