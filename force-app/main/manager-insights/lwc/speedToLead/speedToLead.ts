// Speed to lead: per queue or per SDR, how soon MQLs were first opened by someone who works them and how soon they
// were decided, in business minutes of their response SLA — the minutes the research on lead response rewards.
import { api } from 'lwc';
import getSpeedToLead from '@salesforce/apex/QueueHealthController.getSpeedToLead';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedHeading';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedSubject';
import GROUPS from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedGroups';
import BY_QUEUE from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedByQueue';
import BY_SDR from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedBySdr';
import CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedCaption';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedEmpty';
import COLUMN_QUEUE from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedColumnQueue';
import COLUMN_SDR from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedColumnSdr';
import COLUMN_FIRST_VIEWS from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedColumnFirstViews';
import COLUMN_MEDIAN_VIEW from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedColumnMedianView';
import COLUMN_P90_VIEW from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedColumnP90View';
import COLUMN_DECISIONS from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedColumnDecisions';
import COLUMN_MEDIAN_DECISION from '@salesforce/label/c.LeadHandoff_ManagerInsights_SpeedColumnMedianDecision';
import { formatLabel } from 'c/labelFormat';
import { PeriodChoiceLoader } from 'c/insightsLoader';
import { businessTimeText, dayCount, periodText } from 'c/insightsFormat';
import type { ChoiceOption } from 'c/insightsFormat';

type SpeedToLead = SpeedToLeadDto.SpeedToLead;

export const GROUP_OPTIONS: readonly ChoiceOption[] = [
    { value: 'queue', label: BY_QUEUE },
    { value: 'sdr', label: BY_SDR }
];

export default class SpeedToLeadTable extends PeriodChoiceLoader<SpeedToLead> {
    @api periodDays = 30;
    @api groupBy = 'queue';

    choiceGroup = { name: 'groupBy', label: GROUPS, options: GROUP_OPTIONS };

    labels = {
        heading: HEADING,
        loading: LOADING,
        subject: SUBJECT,
        columnFirstViews: COLUMN_FIRST_VIEWS,
        columnMedianView: COLUMN_MEDIAN_VIEW,
        columnP90View: COLUMN_P90_VIEW,
        columnDecisions: COLUMN_DECISIONS,
        columnMedianDecision: COLUMN_MEDIAN_DECISION
    };

    connectedCallback(): void {
        this.start(this.periodDays, this.groupBy);
    }

    request(): Promise<SpeedToLead> {
        return getSpeedToLead({ periodDays: Number(this.period), groupBy: this.choice });
    }

    get hasContent(): boolean {
        return (this.data?.rows ?? []).length > 0;
    }

    get whoColumn(): string {
        return this.choice === 'sdr' ? COLUMN_SDR : COLUMN_QUEUE;
    }

    get periodCaption(): string {
        const range = this.data ? periodText(this.data.periodStart, this.data.periodEnd) : '';
        return range ? formatLabel(CAPTION, dayCount(Number(this.period)), range) : '';
    }

    get emptyMessage(): string {
        return formatLabel(EMPTY, dayCount(Number(this.period)));
    }

    get rows() {
        return (this.data?.rows ?? []).map((row) => ({
            key: row.key,
            label: row.label,
            firstViews: row.firstViews,
            medianView: businessTimeText(row.medianMinutesToFirstView),
            p90View: businessTimeText(row.p90MinutesToFirstView),
            decisions: row.decisions,
            medianDecision: businessTimeText(row.medianMinutesToDecision)
        }));
    }
}
