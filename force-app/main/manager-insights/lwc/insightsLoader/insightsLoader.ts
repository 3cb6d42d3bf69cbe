// What the manager views that load once per choice share: the loading flag, the error in words and when to show
// the empty state or the content. A subclass says what to request and whether the data has anything to show.
import { LightningElement } from 'lwc';
import { errorMessage } from 'c/handoffRequests';

export abstract class InsightsLoader<T> extends LightningElement {
    data: T | null = null;
    loading = false;
    loadError: string | null = null;

    /** The Apex call for the current choices. */
    abstract request(): Promise<T>;

    /** Whether the loaded data has anything to show (the empty state otherwise). */
    abstract get hasContent(): boolean;

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = null;
        try {
            this.data = await this.request();
        } catch (error) {
            this.data = null;
            this.loadError = errorMessage(error);
        } finally {
            this.loading = false;
        }
    }

    handleRetry(): void {
        this.load();
    }

    get isEmpty(): boolean {
        return !this.loading && !this.loadError && this.data !== null && !this.hasContent;
    }

    get showContent(): boolean {
        return !this.loading && !this.loadError && this.hasContent;
    }
}
