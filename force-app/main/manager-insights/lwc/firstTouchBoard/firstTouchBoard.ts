// First-touch board: the second clock, after acceptance. Per routing queue the lead was accepted from and per SDR who
// accepted it: the SALs still waiting for their first logged activity (on track, due soon, breached: the same states
// as the response SLA), and over the period how many were touched, how many in time, P50 and P90 business time to the
// first touch and P50 to SQL. A breach shows in words and in the state badge, never by colour alone.
import { api } from 'lwc';
import getFirstTouchBoard from '@salesforce/apex/QueueHealthController.getFirstTouchBoard';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchSubject';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchEmpty';
import CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchCaption';
import BY_QUEUE from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchByQueue';
import BY_SDR from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchBySdr';
import COLUMN_NAME from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnName';
import COLUMN_WAITING from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnWaiting';
import COLUMN_DUE_SOON from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnDueSoon';
import COLUMN_BREACHED from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnBreached';
import COLUMN_TOUCHED from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnTouched';
import COLUMN_IN_TIME from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnInTime';
import COLUMN_MEDIAN from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnMedian';
import COLUMN_P90 from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnP90';
import COLUMN_QUALIFY from '@salesforce/label/c.LeadHandoff_ManagerInsights_FirstTouchColumnQualify';
import { formatLabel } from 'c/labelFormat';
import { SLA_DISPLAY } from 'c/slaClock';
import { InsightsLoader } from 'c/insightsLoader';
import { businessTimeText, dayCount, normalizePeriod, percentText, periodChoice } from 'c/insightsFormat';
import type { ChoiceChange } from 'c/insightsPicker';

type Board = FirstTouchBoardDto.Board;
type Row = FirstTouchBoardDto.Row;

/** Red with a breach, amber with a SAL due soon, green otherwise: the worst open SAL of the row. */
export function rowState(row: Pick<Row, 'breachedNow' | 'dueSoon'>): 'red' | 'amber' | 'green' {
    if (row.breachedNow > 0) return 'red';
    if (row.dueSoon > 0) return 'amber';
    return 'green';
}

function displayRow(row: Row) {
    const state = rowState(row);
    return {
        key: `${row.kind}:${row.key}`,
        name: row.name,
        state,
        badge: SLA_DISPLAY[state],
        waiting: row.waiting,
        dueSoon: row.dueSoon,
        breachedNow: row.breachedNow,
        touched: row.touched,
        inTime: percentText(row.metRate),
        median: businessTimeText(row.medianMinutesToFirstTouch),
        p90: businessTimeText(row.p90MinutesToFirstTouch),
        qualify: businessTimeText(row.medianMinutesToQualify)
    };
}

export default class FirstTouchBoard extends InsightsLoader<Board> {
    @api periodDays = 30;

    period = '30';

    labels = {
        heading: HEADING,
        loading: LOADING,
        subject: SUBJECT,
        empty: EMPTY,
        columnName: COLUMN_NAME,
        columnWaiting: COLUMN_WAITING,
        columnDueSoon: COLUMN_DUE_SOON,
        columnBreached: COLUMN_BREACHED,
        columnTouched: COLUMN_TOUCHED,
        columnInTime: COLUMN_IN_TIME,
        columnMedian: COLUMN_MEDIAN,
        columnP90: COLUMN_P90,
        columnQualify: COLUMN_QUALIFY
    };

    connectedCallback(): void {
        this.period = String(normalizePeriod(this.periodDays));
        this.load();
    }

    request(): Promise<Board> {
        return getFirstTouchBoard({ periodDays: Number(this.period) });
    }

    handleChoice(event: CustomEvent<ChoiceChange>): void {
        this.period = event.detail.value;
        this.load();
    }

    // ----------------------------------------------------------------------------------------- display

    get choices() {
        return [periodChoice(this.period)];
    }

    get periodCaption(): string {
        return formatLabel(CAPTION, dayCount(Number(this.period)));
    }

    /** The queue table, then the SDR table; a table without rows is left out. */
    get sections() {
        return [
            { key: 'by-queue', caption: BY_QUEUE, rows: (this.data?.queues ?? []).map(displayRow) },
            { key: 'by-sdr', caption: BY_SDR, rows: (this.data?.sdrs ?? []).map(displayRow) }
        ].filter((section) => section.rows.length > 0);
    }

    get hasContent(): boolean {
        return this.sections.length > 0;
    }
}
