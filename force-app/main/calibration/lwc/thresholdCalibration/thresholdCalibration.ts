// Threshold calibration: what sales did with the MQLs of the last 30 or 90 days by fit × intent band and by exit
// reason, and what proposed qualification thresholds would have changed, with the sample sizes behind every rate
// and a verdict only when the server judged the sample large enough. A proposal is handed out as the
// Qualification_Policy record file to deploy; nothing is applied from here.
import { LightningElement, api } from 'lwc';
import getCalibration from '@salesforce/apex/CalibrationController.getCalibration';
import BAND from '@salesforce/label/c.LeadHandoff_Calibration_Band';
import COLUMN_KIND from '@salesforce/label/c.LeadHandoff_Calibration_ColumnKind';
import COLUMN_MQL_TO_SAL from '@salesforce/label/c.LeadHandoff_Calibration_ColumnMqlToSal';
import COLUMN_MQLS from '@salesforce/label/c.LeadHandoff_Calibration_ColumnMqls';
import COLUMN_REASON from '@salesforce/label/c.LeadHandoff_Calibration_ColumnReason';
import COLUMN_REMOVED from '@salesforce/label/c.LeadHandoff_Calibration_ColumnRemoved';
import COLUMN_SAL_TO_SQL from '@salesforce/label/c.LeadHandoff_Calibration_ColumnSalToSql';
import COLUMN_SET from '@salesforce/label/c.LeadHandoff_Calibration_ColumnSet';
import COLUMN_SQL_TO_OPPORTUNITY from '@salesforce/label/c.LeadHandoff_Calibration_ColumnSqlToOpportunity';
import COLUMN_TODAY from '@salesforce/label/c.LeadHandoff_Calibration_ColumnToday';
import DOWNLOAD from '@salesforce/label/c.LeadHandoff_Calibration_Download';
import GRID_CAPTION from '@salesforce/label/c.LeadHandoff_Calibration_GridCaption';
import GRID_CELL from '@salesforce/label/c.LeadHandoff_Calibration_GridCell';
import GRID_CORNER from '@salesforce/label/c.LeadHandoff_Calibration_GridCorner';
import HEADING from '@salesforce/label/c.LeadHandoff_Calibration_Heading';
import INTRO from '@salesforce/label/c.LeadHandoff_Calibration_Intro';
import KIND_RECYCLE from '@salesforce/label/c.LeadHandoff_Calibration_KindRecycle';
import KIND_REJECT from '@salesforce/label/c.LeadHandoff_Calibration_KindReject';
import LOAD_ERROR from '@salesforce/label/c.LeadHandoff_Calibration_LoadError';
import LOADING from '@salesforce/label/c.LeadHandoff_Calibration_Loading';
import MINIMUM_SAMPLE from '@salesforce/label/c.LeadHandoff_Calibration_MinimumSample';
import NO_EXITS from '@salesforce/label/c.LeadHandoff_Calibration_NoExits';
import NO_RATE from '@salesforce/label/c.LeadHandoff_Calibration_NoRate';
import OUTCOMES_CAPTION from '@salesforce/label/c.LeadHandoff_Calibration_OutcomesCaption';
import PERIOD from '@salesforce/label/c.LeadHandoff_Calibration_Period';
import PERIOD_30 from '@salesforce/label/c.LeadHandoff_Calibration_Period30';
import PERIOD_90 from '@salesforce/label/c.LeadHandoff_Calibration_Period90';
import PROPOSED_FIT from '@salesforce/label/c.LeadHandoff_Calibration_ProposedFit';
import PROPOSED_INTENT from '@salesforce/label/c.LeadHandoff_Calibration_ProposedIntent';
import RATE_OF from '@salesforce/label/c.LeadHandoff_Calibration_RateOf';
import REASONS_CAPTION from '@salesforce/label/c.LeadHandoff_Calibration_ReasonsCaption';
import RECORD_FILE_HEADING from '@salesforce/label/c.LeadHandoff_Calibration_RecordFileHeading';
import RECORD_FILE_HELP from '@salesforce/label/c.LeadHandoff_Calibration_RecordFileHelp';
import RECORD_FILE_LABEL from '@salesforce/label/c.LeadHandoff_Calibration_RecordFileLabel';
import ROW_PROPOSED from '@salesforce/label/c.LeadHandoff_Calibration_RowProposed';
import ROW_REMOVED from '@salesforce/label/c.LeadHandoff_Calibration_RowRemoved';
import ROW_TODAY from '@salesforce/label/c.LeadHandoff_Calibration_RowToday';
import SHOW_WHAT_IF from '@salesforce/label/c.LeadHandoff_Calibration_ShowWhatIf';
import VERDICT_HEADING from '@salesforce/label/c.LeadHandoff_Calibration_VerdictHeading';
import { formatLabel } from 'c/labelFormat';
import { errorMessage } from 'c/errorMessages';

type Calibration = CalibrationDto.Calibration;
type Outcome = CalibrationDto.Outcome;

export const PERIODS: readonly { days: number; label: string }[] = [
    { days: 30, label: PERIOD_30 },
    { days: 90, label: PERIOD_90 }
];

/** A whole percent from the counts (not from the one-decimal rate: 45.45 % reads 45, as in the server's verdict). */
export function wholePercent(part: number, whole: number): number | null {
    return whole > 0 ? Math.round((part * 100) / whole) : null;
}

/** A rate with the number of leads it rests on ("42 % of 12"), or a dash without leads. */
export function rateText(part: number, whole: number): string {
    const percent = wholePercent(part, whole);
    return percent === null ? NO_RATE : formatLabel(RATE_OF, percent, whole);
}

/** A score typed into a threshold field: a whole number 0–100, or null for anything else. */
export function thresholdOf(value: unknown): number | null {
    const text = String(value ?? '').trim();
    if (!/^\d{1,3}$/.test(text)) return null;
    const score = Number(text);
    return score <= 100 ? score : null;
}

function percentOrDash(part: number, whole: number): string {
    const percent = wholePercent(part, whole);
    return percent === null ? NO_RATE : `${percent} %`;
}

function outcomeCells(outcome: Outcome): string[] {
    return [
        String(outcome.mqls),
        rateText(outcome.sals, outcome.mqls),
        rateText(outcome.sqls, outcome.sals),
        rateText(outcome.opportunities, outcome.sqls)
    ];
}

export default class ThresholdCalibration extends LightningElement {
    /** The period shown first (the page's setting); the person then picks 30 or 90 days. */
    @api periodDays = 30;

    period = 30;
    data: Calibration | undefined;
    loading = false;
    loadError = '';
    proposedFit: number | null = null;
    proposedIntent: number | null = null;

    labels = {
        heading: HEADING,
        intro: INTRO,
        loading: LOADING,
        period: PERIOD,
        proposedFit: PROPOSED_FIT,
        proposedIntent: PROPOSED_INTENT,
        showWhatIf: SHOW_WHAT_IF,
        verdictHeading: VERDICT_HEADING,
        outcomesCaption: OUTCOMES_CAPTION,
        columnSet: COLUMN_SET,
        columnMqls: COLUMN_MQLS,
        columnMqlToSal: COLUMN_MQL_TO_SAL,
        columnSalToSql: COLUMN_SAL_TO_SQL,
        columnSqlToOpportunity: COLUMN_SQL_TO_OPPORTUNITY,
        recordFileHeading: RECORD_FILE_HEADING,
        recordFileLabel: RECORD_FILE_LABEL,
        gridCaption: GRID_CAPTION,
        gridCorner: GRID_CORNER,
        reasonsCaption: REASONS_CAPTION,
        columnReason: COLUMN_REASON,
        columnKind: COLUMN_KIND,
        columnToday: COLUMN_TODAY,
        columnRemoved: COLUMN_REMOVED,
        noExits: NO_EXITS
    };

    connectedCallback(): void {
        this.period = Number(this.periodDays) || 30;
        this.load(false);
    }

    async load(withProposal: boolean): Promise<void> {
        this.loading = true;
        this.loadError = '';
        try {
            this.data = await getCalibration({
                periodDays: this.period,
                proposedFit: withProposal ? this.proposedFit : null,
                proposedIntent: withProposal ? this.proposedIntent : null
            });
            this.proposedFit = this.data.proposedFit;
            this.proposedIntent = this.data.proposedIntent;
        } catch (error) {
            this.loadError = formatLabel(LOAD_ERROR, errorMessage(error));
        } finally {
            this.loading = false;
        }
    }

    // ------------------------------------------------------------------------------------------ events

    handlePeriod(event: Event): void {
        this.period = Number((event.currentTarget as HTMLElement).dataset.days);
        this.load(true);
    }

    handleFit(event: Event): void {
        this.proposedFit = thresholdOf((event.target as HTMLInputElement).value);
    }

    handleIntent(event: Event): void {
        this.proposedIntent = thresholdOf((event.target as HTMLInputElement).value);
    }

    handleWhatIf(): void {
        this.load(true);
    }

    // ----------------------------------------------------------------------------------------- display

    get periods() {
        return PERIODS.map((period) => ({
            ...period,
            key: String(period.days),
            pressed: String(period.days === this.period),
            variant: period.days === this.period ? 'brand' : 'neutral'
        }));
    }

    get whatIfDisabled(): boolean {
        return this.loading || this.proposedFit === null || this.proposedIntent === null;
    }

    get hasData(): boolean {
        return Boolean(this.data) && !this.loadError;
    }

    get outcomeRows() {
        const data = this.data as Calibration;
        return [
            { key: 'today', name: formatLabel(ROW_TODAY, data.currentFit, data.currentIntent), outcome: data.today },
            {
                key: 'proposed',
                name: formatLabel(ROW_PROPOSED, data.proposedFit, data.proposedIntent),
                outcome: data.proposed
            },
            { key: 'removed', name: ROW_REMOVED, outcome: data.removed }
        ].map((row) => ({
            key: row.key,
            name: row.name,
            cells: outcomeCells(row.outcome).map((text, index) => ({ key: `${row.key}-${index}`, text }))
        }));
    }

    get minimumSampleText(): string {
        return formatLabel(MINIMUM_SAMPLE, (this.data as Calibration).minimumSample);
    }

    get hasRecordFile(): boolean {
        return Boolean(this.data?.recordFile);
    }

    get recordFileHelp(): string {
        return formatLabel(RECORD_FILE_HELP, this.data?.recordFileName ?? '');
    }

    get downloadText(): string {
        return formatLabel(DOWNLOAD, this.data?.recordFileName ?? '');
    }

    get downloadHref(): string {
        return `data:application/xml;charset=utf-8,${encodeURIComponent(this.data?.recordFile ?? '')}`;
    }

    get intentBands() {
        const cells = this.data?.cells ?? [];
        const seen = new Map<number, string>();
        for (const cell of cells) seen.set(cell.intentFrom, formatLabel(BAND, cell.intentFrom, cell.intentTo));
        return Array.from(seen, ([from, label]) => ({ key: `intent-${from}`, label }));
    }

    get gridRows() {
        const rows = new Map<
            number,
            { key: string; label: string; cells: { key: string; text: string; empty: boolean }[] }
        >();
        for (const cell of this.data?.cells ?? []) {
            if (!rows.has(cell.fitFrom)) {
                rows.set(cell.fitFrom, {
                    key: `fit-${cell.fitFrom}`,
                    label: formatLabel(BAND, cell.fitFrom, cell.fitTo),
                    cells: []
                });
            }
            const outcome = cell.outcome;
            rows.get(cell.fitFrom)?.cells.push({
                key: `cell-${cell.fitFrom}-${cell.intentFrom}`,
                empty: outcome.mqls === 0,
                text:
                    outcome.mqls === 0
                        ? NO_RATE
                        : formatLabel(
                              GRID_CELL,
                              outcome.mqls,
                              percentOrDash(outcome.sals, outcome.mqls),
                              percentOrDash(outcome.sqls, outcome.sals)
                          )
            });
        }
        return Array.from(rows.values());
    }

    get reasons() {
        return (this.data?.reasons ?? []).map((reason) => ({
            key: reason.code,
            label: reason.label,
            kindText: reason.kind === 'Recycle' ? KIND_RECYCLE : reason.kind === 'Reject' ? KIND_REJECT : '',
            today: reason.today,
            removed: reason.removed
        }));
    }

    get hasReasons(): boolean {
        return this.reasons.length > 0;
    }
}
