// The loading, error and empty states of a manager view: a spinner, an alert that says what to check with a
// "Try again" button (fires `retry`), and the empty message with an optional second line of what to do.
import { LightningElement, api } from 'lwc';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_StatusLoading';
import THE_FIGURES from '@salesforce/label/c.LeadHandoff_ManagerInsights_StatusTheFigures';
import MANAGER_PERMISSION_SET from '@salesforce/label/c.LeadHandoff_ManagerInsights_StatusManagerPermissionSet';
import LOAD_FAILED from '@salesforce/label/c.LeadHandoff_ManagerInsights_StatusLoadFailed';
import LOAD_FAILED_CHECK from '@salesforce/label/c.LeadHandoff_ManagerInsights_StatusLoadFailedCheck';
import TRY_AGAIN from '@salesforce/label/c.LeadHandoff_Shared_TryAgain';
import { formatLabel } from 'c/labelFormat';

export default class InsightsStatus extends LightningElement {
    @api loading = false;
    /** Spinner text for screen readers, e.g. "Loading the funnel". */
    @api loadingText = LOADING;
    /** Why the load failed; shown once loading is over. */
    @api errorMessage: string | null = null;
    /** The error message came from the server, which already says what happened and what to do. */
    @api errorFromServer = false;
    /** What failed to load, e.g. "the funnel". */
    @api subject = THE_FIGURES;
    /** The permission set the admin should check. */
    @api permissionSet = MANAGER_PERMISSION_SET;
    /** Show the empty state (hidden while loading or after an error). */
    @api empty = false;
    @api emptyMessage = '';
    @api emptyDetail = '';

    labels = { tryAgain: TRY_AGAIN };

    /** Why the load failed; advice on connection and permission only when the server gave no reason. */
    get errorText(): string {
        if (this.errorFromServer) return formatLabel(LOAD_FAILED, this.subject, this.errorMessage ?? '');
        return formatLabel(LOAD_FAILED_CHECK, this.subject, this.errorMessage ?? '', this.permissionSet);
    }

    get showError(): boolean {
        return !this.loading && Boolean(this.errorMessage);
    }

    get showEmpty(): boolean {
        return !this.loading && !this.errorMessage && this.empty;
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
