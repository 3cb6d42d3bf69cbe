// The convert-to-opportunity form: opportunity name, amount and close date. The stage panel owns the values: it
// passes them in and stores what this form reports (`formchange` with the whole form). Convert is enabled once the
// form is complete (convertFormProblem of c/handoffRequests says what is missing); it fires `convert` with the form.
import { LightningElement, api } from 'lwc';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertHeading';
import OPPORTUNITY_NAME from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertOpportunityName';
import AMOUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertAmount';
import CLOSE_DATE from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertCloseDate';
import CONVERT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertButton';
import { convertFormProblem } from 'c/handoffRequests';

/** The form as the user typed it: lightning-input reports text, the amount included. */
export interface ConvertFormValues {
    opportunityName: string;
    amount: string;
    closeDate: string;
}

type FieldName = keyof ConvertFormValues;

export default class LeadConvertForm extends LightningElement {
    @api opportunityName = '';
    @api amount = '';
    /** ISO date (yyyy-mm-dd) */
    @api closeDate = '';
    /** The earliest close date allowed, ISO (the server's today). */
    @api today = '';
    /** True while an action runs: Convert waits. */
    @api disabled = false;

    labels = {
        heading: HEADING,
        opportunityName: OPPORTUNITY_NAME,
        amount: AMOUNT,
        closeDate: CLOSE_DATE,
        convert: CONVERT
    };

    get values(): ConvertFormValues {
        return { opportunityName: this.opportunityName, amount: this.amount, closeDate: this.closeDate };
    }

    get problem(): string {
        return convertFormProblem(this.values) ?? '';
    }

    get convertDisabled(): boolean {
        return this.disabled || this.problem !== '';
    }

    handleInput(event: CustomEvent<{ value: string | null }>): void {
        const name = (event.currentTarget as HTMLElement).dataset.name as FieldName;
        const detail = { ...this.values, [name]: event.detail.value ?? '' };
        this.dispatchEvent(new CustomEvent<ConvertFormValues>('formchange', { detail }));
    }

    handleConvert(): void {
        if (this.convertDisabled) return;
        this.dispatchEvent(new CustomEvent<ConvertFormValues>('convert', { detail: this.values }));
    }
}
