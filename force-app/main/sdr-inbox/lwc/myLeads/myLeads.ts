// My leads: what an SDR works after accepting. The SALs and SQLs they own, longest in their stage first, each with
// the next step its stage asks for (from the server), so an accepted lead does not vanish once it leaves the inbox.
import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getMyLeads from '@salesforce/apex/MyLeadsController.getMyLeads';
import { errorMessage, isServerMessage } from 'c/errorMessages';
import { stageLabel } from 'c/leadLabels';
import { clockOffset, serverTime, waitingText } from 'c/slaClock';

type MyLeads = MyLeadsService.MyLeads;

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export default class MyLeadsList extends NavigationMixin(LightningElement) {
    data: MyLeads | null = null;
    loading = true;
    loadError: string | null = null;
    loadErrorFromServer = false;
    private offset = 0;

    connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = null;
        try {
            this.data = await getMyLeads();
            this.offset = clockOffset(this.data.serverNow);
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

    handleOpen(event: Event): void {
        const leadId = (event.currentTarget as HTMLElement).dataset.id;
        if (!leadId) return;
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: leadId, objectApiName: 'Lead', actionName: 'view' }
        });
    }

    // ----------------------------------------------------------------------------------------- display

    get rows() {
        const now = serverTime(this.offset);
        return (this.data?.leads ?? []).map((lead) => ({
            key: lead.leadId,
            leadId: lead.leadId,
            name: lead.name,
            openLabel: `Open ${lead.name}`,
            company: lead.company ?? '',
            stage: stageLabel(lead.stage),
            inStage: waitingText(lead.stageEnteredAt, now),
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
        return `${plural(this.data.salCount, 'SAL')} · ${plural(this.data.sqlCount, 'SQL')}`;
    }

    get hasMore(): boolean {
        return Boolean(this.data?.hasMore);
    }
}
