// What a converted lead became, as links to the records (the standard convert ends on the same three): the
// opportunity, the account and the contact, each by name. Display only: the hrefs come from NavigationMixin's
// GenerateUrl (so a link can be opened in a new tab) and a plain click navigates in the app with Navigate.
// A record the user cannot read (no name from the server) is named as such, without a link.
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertedHeading';
import OPPORTUNITY from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertedOpportunity';
import ACCOUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertedAccount';
import CONTACT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertedContact';
import NOT_VISIBLE from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertedNotVisible';

type ConvertedRecords = LeadStagePanelController.ConvertedRecords;

interface RecordLink {
    key: string;
    caption: string;
    recordId: string;
    objectApiName: string;
    name: string | null;
}

function recordPage(recordId: string, objectApiName: string): PageReference {
    return { type: 'standard__recordPage', attributes: { recordId, objectApiName, actionName: 'view' } };
}

export default class LeadConvertedRecords extends NavigationMixin(LightningElement) {
    labels = { heading: HEADING, notVisible: NOT_VISIBLE };

    /** Record Id → the URL GenerateUrl gave for it. */
    urls: Record<string, string> = {};
    private _records: ConvertedRecords | null = null;

    /** StagePanel.converted */
    @api
    get records(): ConvertedRecords | null {
        return this._records;
    }
    set records(value: ConvertedRecords | null) {
        this._records = value;
        this.generateUrls();
    }

    get links(): RecordLink[] {
        const records = this._records;
        if (!records) return [];
        const all: (RecordLink | null)[] = [
            this.link(
                { key: 'opportunity', caption: OPPORTUNITY, objectApiName: 'Opportunity' },
                records.opportunityId,
                records.opportunityName
            ),
            this.link(
                { key: 'account', caption: ACCOUNT, objectApiName: 'Account' },
                records.accountId,
                records.accountName
            ),
            this.link(
                { key: 'contact', caption: CONTACT, objectApiName: 'Contact' },
                records.contactId,
                records.contactName
            )
        ];
        return all
            .filter((entry): entry is RecordLink => entry !== null)
            .map((entry) => ({ ...entry, url: this.urls[entry.recordId] ?? '#', readable: entry.name !== null }));
    }

    get hasLinks(): boolean {
        return this.links.length > 0;
    }

    handleOpen(event: MouseEvent): void {
        const target = event.currentTarget as HTMLElement;
        const { recordId, objectApiName } = target.dataset;
        if (!recordId || !objectApiName) return;
        event.preventDefault();
        this[NavigationMixin.Navigate](recordPage(recordId, objectApiName));
    }

    private link(
        kind: { key: string; caption: string; objectApiName: string },
        recordId: string | null,
        name: string | null
    ): RecordLink | null {
        return recordId ? { ...kind, recordId, name } : null;
    }

    private async generateUrls(): Promise<void> {
        const links = this.links;
        const urls = await Promise.all(
            links.map((entry) => this[NavigationMixin.GenerateUrl](recordPage(entry.recordId, entry.objectApiName)))
        );
        this.urls = Object.fromEntries(links.map((entry, index) => [entry.recordId, urls[index]]));
    }
}
