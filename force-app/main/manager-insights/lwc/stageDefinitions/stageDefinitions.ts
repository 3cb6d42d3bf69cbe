// The single source of truth for what each lifecycle stage means (Stage_Definition__mdt), its owner and review
// date (Definitions_Review__mdt), a banner when the review is overdue, and a button that copies the block.
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getDefinitions from '@salesforce/apex/StageDefinitionsController.getDefinitions';
import { errorMessage } from 'c/handoffRequests';
import { stageLabel } from 'c/leadLabels';
import { dateText, plural } from 'c/insightsFormat';
import { definitionsText, orderedStages, reviewStatus } from 'c/definitionsReview';
import type { Definitions } from 'c/definitionsReview';

const NOT_SET = 'Not defined yet';

/** Copies through a hidden textarea, for browsers without the asynchronous clipboard API. */
function copyWithTextarea(text: string): boolean {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
        return document.execCommand('copy');
    } catch {
        return false;
    } finally {
        area.remove();
    }
}

export async function copyText(text: string): Promise<boolean> {
    if (navigator.clipboard?.writeText) {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            // Denied (no permission or no focus): the textarea route may still work.
        }
    }
    return copyWithTextarea(text);
}

export default class StageDefinitions extends LightningElement {
    /** Set on a record page; the definitions are the same for every record. */
    @api recordId: string | undefined;

    definitions: Definitions | null = null;
    loading = false;
    loadError: string | null = null;
    /** The text shown for copying by hand when the browser refuses to copy. */
    manualCopyText = '';

    connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = null;
        try {
            this.definitions = await getDefinitions();
        } catch (error) {
            this.definitions = null;
            this.loadError = errorMessage(error);
        } finally {
            this.loading = false;
        }
    }

    handleRetry(): void {
        this.load();
    }

    async handleCopy(): Promise<void> {
        if (!this.definitions) return;
        const text = definitionsText(this.definitions);
        if (await copyText(text)) {
            this.manualCopyText = '';
            this.toast('success', 'Definitions copied', 'Paste them wherever the team needs the agreed definitions.');
        } else {
            this.manualCopyText = text;
            this.toast(
                'warning',
                'Could not copy',
                'Your browser blocked the clipboard: select the text shown and copy it.'
            );
        }
    }

    toast(variant: 'success' | 'warning', title: string, message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }

    // ----------------------------------------------------------------------------------------- display

    get review() {
        return this.definitions ? reviewStatus(this.definitions) : null;
    }

    get showError(): boolean {
        return !this.loading && Boolean(this.loadError);
    }

    get hasStages(): boolean {
        return (this.definitions?.stages.length ?? 0) > 0;
    }

    get isEmpty(): boolean {
        return !this.loading && !this.loadError && this.definitions !== null && !this.hasStages;
    }

    get showDefinitions(): boolean {
        return !this.loading && !this.loadError && this.hasStages;
    }

    get showOverdue(): boolean {
        return Boolean(this.definitions && this.review?.overdue);
    }

    get overdueMessage(): string {
        const review = this.review;
        const owner = this.definitions?.owner || 'the definitions owner';
        if (!review) return '';
        if (review.neverReviewed) {
            return `These definitions have never been reviewed. Ask ${owner} to review them with sales and marketing, then record the date in Definitions Review.`;
        }
        return `Review overdue by ${plural(review.daysOverdue, 'day')}: ${owner} should review these definitions with sales and marketing, then record the date in Definitions Review.`;
    }

    get ownerText(): string {
        return this.definitions?.owner || 'No owner set';
    }

    get lastReviewedText(): string {
        return dateText(this.definitions?.lastReviewed) || 'Never';
    }

    get reviewText(): string {
        return this.review?.text ?? '';
    }

    get cadenceText(): string {
        return this.definitions ? `Every ${plural(this.definitions.cadenceDays, 'day')}` : '';
    }

    get rows() {
        return orderedStages(this.definitions?.stages ?? []).map((stage) => ({
            key: stage.stage,
            stage: stageLabel(stage.stage),
            meaning: stage.meaning || NOT_SET,
            ownerTeam: stage.ownerTeam || NOT_SET,
            entryRule: stage.entryRule || NOT_SET,
            exitPaths: stage.exitPaths || NOT_SET,
            sla: stage.sla || 'No SLA'
        }));
    }
}
