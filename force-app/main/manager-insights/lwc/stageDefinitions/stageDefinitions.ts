// The single source of truth for what each lifecycle stage means (Stage_Definition__mdt), its owner and review
// date (Definitions_Review__mdt), a banner when the review is overdue, and a button that copies the block.
import { api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getDefinitions from '@salesforce/apex/StageDefinitionsController.getDefinitions';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsHeading';
import COPY from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsCopy';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsSubject';
import PERMISSION_SET from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsPermissionSet';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsEmpty';
import TABLE_CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsTableCaption';
import OWNER from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsOwner';
import LAST_REVIEWED from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsLastReviewed';
import CADENCE from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsCadence';
import NEXT_REVIEW from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsNextReview';
import COLUMN_STAGE from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsColumnStage';
import COLUMN_MEANING from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsColumnMeaning';
import COLUMN_OWNER_TEAM from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsColumnOwnerTeam';
import COLUMN_ENTRY_RULE from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsColumnEntryRule';
import COLUMN_EXIT_PATHS from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsColumnExitPaths';
import COLUMN_SLA from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsColumnSla';
import MANUAL_COPY from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsManualCopy';
import COPIED from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsCopied';
import COPIED_DETAIL from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsCopiedDetail';
import COPY_FAILED from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsCopyFailed';
import COPY_FAILED_DETAIL from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsCopyFailedDetail';
import THE_OWNER from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsTheOwner';
import NEVER_REVIEWED_BANNER from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsNeverReviewedBanner';
import OVERDUE_BANNER from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsOverdueBanner';
import NO_OWNER from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsNoOwner';
import NEVER from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsNever';
import EVERY from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsEvery';
import NOT_SET from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsNotSet';
import NO_SLA from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsNoSla';
import ADMIN_DETAILS from '@salesforce/label/c.LeadHandoff_ManagerInsights_DefinitionsAdminDetails';
import { formatLabel } from 'c/labelFormat';
import { InsightsLoader } from 'c/insightsLoader';
import { stageLabel } from 'c/leadLabels';
import { dateText, dayCount } from 'c/insightsFormat';
import { definitionsText, orderedStages, reviewStatus } from 'c/definitionsReview';
import type { Definitions } from 'c/definitionsReview';

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

    labels = {
        heading: HEADING,
        copy: COPY,
        loading: LOADING,
        subject: SUBJECT,
        permissionSet: PERMISSION_SET,
        empty: EMPTY,
        tableCaption: TABLE_CAPTION,
        owner: OWNER,
        lastReviewed: LAST_REVIEWED,
        cadence: CADENCE,
        nextReview: NEXT_REVIEW,
        columnStage: COLUMN_STAGE,
        columnMeaning: COLUMN_MEANING,
        columnOwnerTeam: COLUMN_OWNER_TEAM,
        columnEntryRule: COLUMN_ENTRY_RULE,
        columnExitPaths: COLUMN_EXIT_PATHS,
        columnSla: COLUMN_SLA,
        manualCopy: MANUAL_COPY,
        adminDetails: ADMIN_DETAILS
    };

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
            this.toast('success', COPIED, COPIED_DETAIL);
        } else {
            this.manualCopyText = text;
            this.toast('warning', COPY_FAILED, COPY_FAILED_DETAIL);
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
        const owner = this.data?.owner || THE_OWNER;
        if (!review) return '';
        if (review.neverReviewed) return formatLabel(NEVER_REVIEWED_BANNER, owner);
        return formatLabel(OVERDUE_BANNER, dayCount(review.daysOverdue), owner);
    }

    get ownerText(): string {
        return this.data?.owner || NO_OWNER;
    }

    get lastReviewedText(): string {
        return dateText(this.data?.lastReviewed) || NEVER;
    }

    get reviewText(): string {
        return this.review?.text ?? '';
    }

    get cadenceText(): string {
        return this.data ? formatLabel(EVERY, dayCount(this.data.cadenceDays)) : '';
    }

    get rows() {
        return orderedStages(this.data?.stages ?? []).map((stage) => ({
            key: stage.stage,
            stage: stageLabel(stage.stage),
            meaning: stage.meaning || NOT_SET,
            ownerTeam: stage.ownerTeam || NOT_SET,
            entryRule: stage.entryRule || NOT_SET,
            exitPaths: stage.exitPaths || NOT_SET,
            sla: stage.sla || NO_SLA
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
