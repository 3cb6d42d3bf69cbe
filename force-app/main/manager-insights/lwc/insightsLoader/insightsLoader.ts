// What the manager views that load once per choice share: the loading flag, the error in words and when to show
// the empty state or the content. A subclass says what to request and whether the data has anything to show.
import { LightningElement } from 'lwc';
import { errorMessage, isServerMessage } from 'c/errorMessages';
import { normalizePeriod, periodChoice } from 'c/insightsFormat';
import type { ChoiceGroup } from 'c/insightsFormat';
import type { ChoiceChange } from 'c/insightsPicker';

export abstract class InsightsLoader<T> extends LightningElement {
    data: T | null = null;
    loading = false;
    loadError: string | null = null;
    loadErrorFromServer = false;

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
            this.loadErrorFromServer = isServerMessage(error);
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

/** A view that reloads on a period and one more choice (grouping, kind of reason), both picked in c/insightsPicker. */
export abstract class PeriodChoiceLoader<T> extends InsightsLoader<T> {
    period = '30';
    choice = '';

    /** The second group of the picker; its first option stands in for an unknown configured value. */
    abstract readonly choiceGroup: Omit<ChoiceGroup, 'value'>;

    /** Starts on the configured period (rounded to one the Apex accepts) and choice, then loads. */
    start(periodDays: unknown, choice: string): void {
        const { options } = this.choiceGroup;
        this.period = String(normalizePeriod(periodDays));
        this.choice = options.some((option) => option.value === choice) ? choice : options[0].value;
        this.load();
    }

    handleChoice(event: CustomEvent<ChoiceChange>): void {
        const { name, value } = event.detail;
        if (name === 'period') this.period = value;
        else this.choice = value;
        this.load();
    }

    get choices(): ChoiceGroup[] {
        return [periodChoice(this.period), { ...this.choiceGroup, value: this.choice }];
    }
}
