// Compile-only proof that types/salesforce-platform.d.ts fits the way components use the platform modules
// (skipLibCheck skips the declaration files themselves). The build type-checks it; nothing runs it.
import { LightningElement, wire } from 'lwc';
import anyApexMethod from '@salesforce/apex/AnyClass.anyMethod';
import { refreshApex } from '@salesforce/apex';
import FIT_SCORE_FIELD from '@salesforce/schema/Lead.Fit_Score__c';
import greeting from '@salesforce/label/c.LeadHandoff_Shared_TryAgain';
import userId from '@salesforce/user/Id';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import { subscribe } from 'lightning/empApi';
import { NavigationMixin } from 'lightning/navigation';

export default class PlatformModulesInUse extends NavigationMixin(LightningElement) {
    recordId?: string;

    @wire(getRecord, { recordId: '$recordId', fields: [FIT_SCORE_FIELD] })
    lead?: WireResult<RecordRepresentation>;

    @wire(anyApexMethod, { recordId: '$recordId' })
    wired?: WireResult<unknown>;

    get fitScore(): unknown {
        return getFieldValue(this.lead?.data, FIT_SCORE_FIELD);
    }

    async handleClick(): Promise<void> {
        await anyApexMethod({ recordId: this.recordId });
        await refreshApex(this.wired);
        this.dispatchEvent(new ShowToastEvent({ title: greeting, message: userId ?? '', variant: 'success' }));
        this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId: this.recordId } });
        await subscribe<{ Lead_Id__c: string }>('/event/Lead_Handoff_Event__e', -1, (message) => {
            this.recordId = message.data.payload.Lead_Id__c;
        });
    }
}
