// My leads: what an SDR works after accepting. The SALs and SQLs they own, longest in their stage first, each with
// the next step its stage asks for (from the server), so an accepted lead does not vanish once it leaves the inbox.
import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getMyLeads from '@salesforce/apex/MyLeadsController.getMyLeads';
import { errorMessage, isServerMessage } from 'c/errorMessages';
import { recordPage } from 'c/handoffRequests';
import { stageLabel } from 'c/leadLabels';
import { SLA_DISPLAY, clockOffset, countdownText, serverTime, slaState, waitingText } from 'c/slaClock';
import { formatCount, formatLabel } from 'c/labelFormat';
import MY_LEADS_HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsHeading';
import MY_LEADS_REFRESH from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsRefresh';
import MY_LEADS_LOADING from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsLoading';
import MY_LEADS_LOAD_ERROR from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsLoadError';
import MY_LEADS_LOAD_ERROR_OFFLINE from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsLoadErrorOffline';
import MY_LEADS_EMPTY from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsEmpty';
import MY_LEADS_CAPTION from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsCaption';
import MY_LEADS_COLUMN_LEAD from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsColumnLead';
import MY_LEADS_COLUMN_COMPANY from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsColumnCompany';
import MY_LEADS_COLUMN_STAGE from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsColumnStage';
import MY_LEADS_COLUMN_IN_STAGE from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsColumnInStage';
import MY_LEADS_COLUMN_NEXT_STEP from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsColumnNextStep';
import MY_LEADS_COLUMN_FIRST_TOUCH from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsColumnFirstTouch';
import MY_LEADS_FIRST_TOUCH_DONE from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsFirstTouchDone';
import MY_LEADS_MORE from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsMore';
import MY_LEADS_OPEN from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsOpen';
import MY_LEADS_COUNTS from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsCounts';
import MY_LEADS_SAL_COUNT_ONE from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsSalCountOne';
import MY_LEADS_SAL_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsSalCountOther';
import MY_LEADS_SQL_COUNT_ONE from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsSqlCountOne';
import MY_LEADS_SQL_COUNT_OTHER from '@salesforce/label/c.LeadHandoff_SdrInbox_MyLeadsSqlCountOther';

type MyLeads = MyLeadsService.MyLeads;
type MyLead = MyLeadsService.MyLead;

/**
 * The second clock of a lead: for a SAL not touched yet, its state (on track, due soon, breached: the same badges as the
 * response SLA) and the countdown to First_Touch_By__c; once an activity is logged, "Touched"; nothing before the clock.
 */
function firstTouchCell(lead: MyLead, now: number) {
    if (lead.firstTouchAt)
        return { state: 'done', className: 'slds-badge', icon: '\u2713', word: MY_LEADS_FIRST_TOUCH_DONE, text: '' };
    if (!lead.firstTouchBy) return { state: 'none', className: '', icon: '', word: '', text: '' };
    const state = slaState(lead.firstTouchBy, now, lead.firstTouchDueSoonAt);
    return { ...SLA_DISPLAY[state], state, text: countdownText(lead.firstTouchBy, now) };
}

export default class MyLeadsList extends NavigationMixin(LightningElement) {
    data: MyLeads | null = null;
    loading = true;
    loadError: string | null = null;
    loadErrorFromServer = false;
    private offset = 0;
    /** leadId → the URL of its record page (NavigationMixin.GenerateUrl) */
    recordUrls: Record<string, string> = {};

    labels = {
        heading: MY_LEADS_HEADING,
        refresh: MY_LEADS_REFRESH,
        loading: MY_LEADS_LOADING,
        empty: MY_LEADS_EMPTY,
        caption: MY_LEADS_CAPTION,
        columnLead: MY_LEADS_COLUMN_LEAD,
        columnCompany: MY_LEADS_COLUMN_COMPANY,
        columnStage: MY_LEADS_COLUMN_STAGE,
        columnInStage: MY_LEADS_COLUMN_IN_STAGE,
        columnNextStep: MY_LEADS_COLUMN_NEXT_STEP,
        columnFirstTouch: MY_LEADS_COLUMN_FIRST_TOUCH,
        more: MY_LEADS_MORE
    };

    connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = null;
        try {
            this.data = await getMyLeads();
            this.offset = clockOffset(this.data.serverNow);
            this.generateRecordUrls(this.data.leads.map((lead) => lead.leadId));
        } catch (error) {
            this.loadError = errorMessage(error);
            this.loadErrorFromServer = isServerMessage(error);
        } finally {
            this.loading = false;
        }
    }

    handleRefresh(): void {
        this.load();
    }

    /** Record page URLs of the leads, so each name is a real link (open in a new tab, copy the address). */
    async generateRecordUrls(leadIds: string[]): Promise<void> {
        const urls = await Promise.all(
            leadIds.map((leadId) => this[NavigationMixin.GenerateUrl](recordPage(leadId)).catch(() => ''))
        );
        this.recordUrls = Object.fromEntries(leadIds.map((leadId, index) => [leadId, urls[index]]));
    }

    /** A plain click opens the record page in place; with a modifier key the browser opens the link. */
    handleOpen(event: MouseEvent): void {
        const leadId = (event.currentTarget as HTMLElement).dataset.id;
        if (!leadId || event.ctrlKey || event.metaKey || event.shiftKey || event.button > 0) return;
        event.preventDefault();
        this[NavigationMixin.Navigate](recordPage(leadId));
    }

    // ----------------------------------------------------------------------------------------- display

    get rows() {
        const now = serverTime(this.offset);
        return (this.data?.leads ?? []).map((lead) => ({
            key: lead.leadId,
            leadId: lead.leadId,
            name: lead.name,
            recordUrl: this.recordUrls[lead.leadId] ?? '',
            openLabel: formatLabel(MY_LEADS_OPEN, lead.name),
            company: lead.company ?? '',
            stage: stageLabel(lead.stage),
            inStage: waitingText(lead.stageEnteredAt, now),
            firstTouch: firstTouchCell(lead, now),
            nextStep: lead.nextStep
        }));
    }

    get hasRows(): boolean {
        return !this.loading && !this.loadError && this.rows.length > 0;
    }

    get isEmpty(): boolean {
        return !this.loading && !this.loadError && this.data !== null && this.rows.length === 0;
    }

    get countsText(): string {
        if (!this.data) return '';
        return formatLabel(
            MY_LEADS_COUNTS,
            formatCount(this.data.salCount, MY_LEADS_SAL_COUNT_ONE, MY_LEADS_SAL_COUNT_OTHER),
            formatCount(this.data.sqlCount, MY_LEADS_SQL_COUNT_ONE, MY_LEADS_SQL_COUNT_OTHER)
        );
    }

    get loadErrorText(): string {
        return formatLabel(
            this.loadErrorFromServer ? MY_LEADS_LOAD_ERROR : MY_LEADS_LOAD_ERROR_OFFLINE,
            this.loadError ?? ''
        );
    }

    get hasMore(): boolean {
        return Boolean(this.data?.hasMore);
    }
}
