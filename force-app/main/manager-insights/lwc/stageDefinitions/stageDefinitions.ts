// The single source of truth for what each lifecycle stage means (Stage_Definition__mdt), its owner and review
// date (Definitions_Review__mdt), a banner when the review is overdue, and a button that copies the block.
import { api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getDefinitions from '@salesforce/apex/StageDefinitionsController.getDefinitions';
import { InsightsLoader } from 'c/insightsLoader';
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

export default class StageDefinitions extends InsightsLoader<Definitions> {
    /** Set on a record page; the definitions are the same for every record. */
    @api recordId: string | undefined;

    /** The text shown for copying by hand when the browser refuses to copy. */
    manualCopyText = '';

    connectedCallback(): void {
        this.load();
    }

    request(): Promise<Definitions> {
        return getDefinitions();
    }

    async handleCopy(): Promise<void> {
        if (!this.data) return;
        const text = definitionsText(this.data);
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
        return this.data ? reviewStatus(this.data) : null;
    }

    get hasContent(): boolean {
        return (this.data?.stages.length ?? 0) > 0;
    }

    get showOverdue(): boolean {
        return Boolean(this.data && this.review?.overdue);
    }

    get overdueMessage(): string {
        const review = this.review;
        const owner = this.data?.owner || 'the definitions owner';
        if (!review) return '';
        if (review.neverReviewed) {
            return `These definitions have never been reviewed. Ask ${owner} to review them with sales and marketing, then record the date in Definitions Review.`;
        }
        return `Review overdue by ${plural(review.daysOverdue, 'day')}: ${owner} should review these definitions with sales and marketing, then record the date in Definitions Review.`;
    }

    get ownerText(): string {
        return this.data?.owner || 'No owner set';
    }

    get lastReviewedText(): string {
        return dateText(this.data?.lastReviewed) || 'Never';
    }

    get reviewText(): string {
        return this.review?.text ?? '';
    }

    get cadenceText(): string {
        return this.data ? `Every ${plural(this.data.cadenceDays, 'day')}` : '';
    }

    get rows() {
        return orderedStages(this.data?.stages ?? []).map((stage) => ({
            key: stage.stage,
            stage: stageLabel(stage.stage),
            meaning: stage.meaning || NOT_SET,
            ownerTeam: stage.ownerTeam || NOT_SET,
            entryRule: stage.entryRule || NOT_SET,
            exitPaths: stage.exitPaths || NOT_SET,
            sla: stage.sla || 'No SLA'
        }));
    }

    /** The admin details of the stages that have some, in funnel order. */
    get adminRows() {
        return orderedStages(this.data?.stages ?? [])
            .filter((stage) => stage.adminDetails)
            .map((stage) => ({ key: stage.stage, stage: stageLabel(stage.stage), details: stage.adminDetails }));
    }

    get hasAdminDetails(): boolean {
        return this.adminRows.length > 0;
    }
}
