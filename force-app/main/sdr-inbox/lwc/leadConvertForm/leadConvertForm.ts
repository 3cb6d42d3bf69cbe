// The convert-to-opportunity form, as complete as the standard convert for this flow: the account (an existing one
// named like the company, or a new one), the contact it creates, the opportunity name, the amount in the currency
// the server names, and a close date of today or later. The stage panel owns the values: it passes them in and
// stores what this form reports (`formchange` with the whole form). Convert is enabled once the form is complete
// (convertFormProblem of c/handoffRequests says what is missing or wrong); it fires `convert` with the form.
import { LightningElement, api } from 'lwc';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertHeading';
import OPPORTUNITY_NAME from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertOpportunityName';
import AMOUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertAmount';
import CLOSE_DATE from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertCloseDate';
import CLOSE_DATE_NOT_BEFORE_TODAY from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertCloseDateNotBeforeToday';
import CONVERT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertButton';
import ACCOUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertAccount';
import EXISTING_ACCOUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertExistingAccount';
import EXISTING_ACCOUNT_OWNER from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertExistingAccountOwner';
import NEW_ACCOUNT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertNewAccount';
import MATCHES_FOUND from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertMatchesFound';
import NO_MATCH from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertNoMatch';
import CONTACT from '@salesforce/label/c.LeadHandoff_SdrInbox_ConvertContact';
import { formatLabel } from 'c/labelFormat';
import { convertFormProblem } from 'c/handoffRequests';

type AccountMatch = LeadStagePanelController.AccountMatch;

/** The form as the user typed it: lightning-input reports text, the amount included. */
export interface ConvertFormValues {
    opportunityName: string;
    amount: string;
    closeDate: string;
    /** the chosen existing account's Id, or '' for a new account */
    accountId: string;
}

type FieldName = keyof ConvertFormValues;

/** The radio value of "new account" (a radio group needs a non-empty value for each option). */
export const NEW_ACCOUNT_CHOICE = 'new';

export default class LeadConvertForm extends LightningElement {
    @api opportunityName = '';
    @api amount = '';
    /** ISO date (yyyy-mm-dd) */
    @api closeDate = '';
    /** The chosen existing account's Id, or '' for a new account. */
    @api accountId = '';
    /** The earliest close date allowed, ISO (the server's today). */
    @api today = '';
    /** True while an action runs: Convert waits. */
    @api disabled = false;
    /** The lead's company: the name of a new account. */
    @api company = '';
    /** The lead's name: the contact the conversion creates. */
    @api leadName = '';
    /** Existing accounts named like the company (StagePanel.accountMatches). */
    @api accountMatches: readonly AccountMatch[] = [];
    /** ISO 4217 code of the amount's currency, as the server says (StagePanel.currencyIsoCode). */
    @api currencyIsoCode = '';

    labels = {
        heading: HEADING,
        opportunityName: OPPORTUNITY_NAME,
        closeDate: CLOSE_DATE,
        closeDateNotBeforeToday: CLOSE_DATE_NOT_BEFORE_TODAY,
        convert: CONVERT,
        account: ACCOUNT
    };

    get values(): ConvertFormValues {
        return {
            opportunityName: this.opportunityName,
            amount: this.amount,
            closeDate: this.closeDate,
            accountId: this.accountId
        };
    }

    get problem(): string {
        return convertFormProblem(this.values, this.today) ?? '';
    }

    get convertDisabled(): boolean {
        return this.disabled || this.problem !== '';
    }

    get hasMatches(): boolean {
        return this.accountMatches.length > 0;
    }

    get accountOptions(): { label: string; value: string }[] {
        const existing = this.accountMatches.map((match) => ({
            label: match.ownerName
                ? formatLabel(EXISTING_ACCOUNT_OWNER, match.name, match.ownerName)
                : formatLabel(EXISTING_ACCOUNT, match.name),
            value: match.id
        }));
        return [...existing, { label: formatLabel(NEW_ACCOUNT, this.company), value: NEW_ACCOUNT_CHOICE }];
    }

    get accountChoice(): string {
        return this.accountId || NEW_ACCOUNT_CHOICE;
    }

    get accountHelp(): string {
        return formatLabel(this.hasMatches ? MATCHES_FOUND : NO_MATCH, this.company);
    }

    get contactText(): string {
        return formatLabel(CONTACT, this.leadName);
    }

    get amountLabel(): string {
        return formatLabel(AMOUNT, this.currencyIsoCode);
    }

    /** The amount as it will be stored, in its currency, once it is a number above 0. */
    get amountValue(): number | null {
        const amount = this.amount === '' ? NaN : Number(this.amount);
        return Number.isFinite(amount) && amount > 0 ? amount : null;
    }

    get showAmountPreview(): boolean {
        return this.amountValue !== null && Boolean(this.currencyIsoCode);
    }

    handleInput(event: CustomEvent<{ value: string | null }>): void {
        const name = (event.currentTarget as HTMLElement).dataset.name as FieldName;
        this.report({ ...this.values, [name]: event.detail.value ?? '' });
    }

    handleAccountChange(event: CustomEvent<{ value: string }>): void {
        const choice = event.detail.value;
        this.report({ ...this.values, accountId: choice === NEW_ACCOUNT_CHOICE ? '' : choice });
    }

    handleConvert(): void {
        if (this.convertDisabled) return;
        this.dispatchEvent(new CustomEvent<ConvertFormValues>('convert', { detail: this.values }));
    }

    private report(detail: ConvertFormValues): void {
        this.dispatchEvent(new CustomEvent<ConvertFormValues>('formchange', { detail }));
    }
}
