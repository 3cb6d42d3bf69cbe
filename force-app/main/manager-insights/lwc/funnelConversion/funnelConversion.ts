// Funnel conversion: stage-to-stage rates over a period, from new lead to won customer (SQL → Won against the
// SQL-to-customer band), overall or per lead source, segment or campaign, each against its benchmark band
// (Funnel_Benchmark__mdt), with the benchmark's diagnosis beside a rate outside the band; per group the MQL volume
// gross and net of the rejections the policy marks as never valid, and the pipeline created by its conversions.
import { api } from 'lwc';
import getFunnel from '@salesforce/apex/QueueHealthController.getFunnel';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelSubject';
import GROUP_BY from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelGroupBy';
import WHOLE_FUNNEL from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelWholeFunnel';
import BY_LEAD_SOURCE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelByLeadSource';
import BY_SEGMENT from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelBySegment';
import BY_CAMPAIGN from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelByCampaign';
import WON from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelWon';
import PIPELINE_HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelPipelineHeading';
import PIPELINE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelPipeline';
import OUTCOMES from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelOutcomes';
import WIN_RATE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelWinRate';
import NO_WIN_RATE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelNoWinRate';
import DAYS_TO_WON from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelDaysToWon';
import NO_PIPELINE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelNoPipeline';
import VOLUME from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelVolume';
import VOLUME_REASON from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelVolumeReason';
import VOLUME_EXCLUDES from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelVolumeExcludes';
import VOLUME_NO_EXCLUSIONS from '@salesforce/label/c.LeadHandoff_ManagerInsights_FunnelVolumeNoExclusions';
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
type FunnelGroup = QueueHealthDto.FunnelGroup;

export const GROUP_BY_OPTIONS: readonly ChoiceOption[] = [
    { value: 'none', label: WHOLE_FUNNEL },
    { value: 'leadSource', label: BY_LEAD_SOURCE },
    { value: 'segment', label: BY_SEGMENT },
    { value: 'campaign', label: BY_CAMPAIGN }
];

/** The outcome after Opportunity (StageFunnelBuilder.WON): not a lead stage, so not in c/leadLabels. */
const WON_STEP = 'Won';

const stepLabel = (stage: string) => (stage === WON_STEP ? WON : stageLabel(stage));

const amountText = (amount: number | null | undefined) =>
    new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(amount ?? 0);

/** The sentence that says which rejections net valid volume leaves out. */
export function exclusionsText(reasons: readonly string[] | null | undefined): string {
    if (!reasons || reasons.length === 0) return VOLUME_NO_EXCLUSIONS;
    return formatLabel(VOLUME_EXCLUDES, new Intl.ListFormat(undefined, { type: 'conjunction' }).format(reasons));
}

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
        legend: LEGEND,
        pipelineHeading: PIPELINE_HEADING
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

    get exclusionsText(): string {
        return exclusionsText(this.data?.disqualifyingReasons);
    }

    get emptyMessage(): string {
        return formatLabel(EMPTY, dayCount(Number(this.period)));
    }

    get displayGroups() {
        const single = this.groups.length === 1;
        return this.groups.map((group) => {
            const heading = single && group.key === 'all' ? WHOLE_FUNNEL : group.label;
            const stages = group.stages.map((stage) => `${stepLabel(stage.stage)} ${stage.entered}`).join(' · ');
            return {
                key: group.key,
                heading,
                headingId: `funnel-${group.key}`,
                stagesText: formatLabel(ENTERED, stages),
                caption: formatLabel(TABLE_CAPTION, heading),
                rows: group.conversions.map((conversion) => this.row(group.key, conversion)),
                volumeText: this.volumeText(group),
                volumeReasonsText: (group.volume?.reasons ?? [])
                    .filter((reason) => reason.count > 0)
                    .map((reason) => formatLabel(VOLUME_REASON, reason.label, reason.count))
                    .join(' · '),
                pipelineHeadingId: `funnel-${group.key}-pipeline`,
                pipelineLines: this.pipelineLines(group)
            };
        });
    }

    volumeText(group: FunnelGroup): string {
        const volume = group.volume;
        return volume ? formatLabel(VOLUME, volume.gross, volume.net, volume.disqualified) : '';
    }

    /** Pipeline created, its outcomes, the win rate and the time from MQL to won, one sentence each. */
    pipelineLines(group: FunnelGroup): { key: string; text: string }[] {
        const pipeline = group.pipeline;
        if (!pipeline || pipeline.opportunities === 0) return [{ key: 'none', text: NO_PIPELINE }];
        const lines = [
            { key: 'created', text: formatLabel(PIPELINE, pipeline.opportunities, amountText(pipeline.amount)) },
            {
                key: 'outcomes',
                text: formatLabel(OUTCOMES, pipeline.won, amountText(pipeline.wonAmount), pipeline.lost, pipeline.open)
            },
            {
                key: 'winRate',
                text: pipeline.winRate === null ? NO_WIN_RATE : formatLabel(WIN_RATE, percentText(pipeline.winRate))
            }
        ];
        if (pipeline.medianDaysMqlToWon !== null) {
            lines.push({ key: 'daysToWon', text: formatLabel(DAYS_TO_WON, pipeline.medianDaysMqlToWon) });
        }
        return lines;
    }

    row(groupKey: string, conversion: Conversion) {
        const from = stepLabel(conversion.fromStage);
        const to = stepLabel(conversion.toStage);
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
