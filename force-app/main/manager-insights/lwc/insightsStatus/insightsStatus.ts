// The loading, error and empty states of a manager view: a spinner, an alert that says what to check with a
// "Try again" button (fires `retry`), and the empty message with an optional second line of what to do.
import { LightningElement, api } from 'lwc';

export default class InsightsStatus extends LightningElement {
    @api loading = false;
    /** Spinner text for screen readers, e.g. "Loading the funnel". */
    @api loadingText = 'Loading';
    /** Why the load failed; shown once loading is over. */
    @api errorMessage: string | null = null;
    /** The error message came from the server, which already says what happened and what to do. */
    @api errorFromServer = false;
    /** What failed to load, e.g. "the funnel". */
    @api subject = 'the figures';
    /** The permission set the admin should check. */
    @api permissionSet = 'the Lead Handoff Manager permission set';
    /** Show the empty state (hidden while loading or after an error). */
    @api empty = false;
    @api emptyMessage = '';
    @api emptyDetail = '';

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
