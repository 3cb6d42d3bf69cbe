// Definition changes on the Definitions tab: the version history of the definitions (each approved change with its
// version, date, rationale and both signatures), the proposals still waiting for a sales and a marketing sign-off
// with the buttons the running user may press, a form to propose a change with its rationale, and the record file
// an admin deploys once a version is approved. Every rule (who may sign, two different people, not the proposer)
// is the server's; the buttons only mirror what it would accept.
import { LightningElement } from 'lwc';
import getHistory from '@salesforce/apex/DefinitionChangeController.getHistory';
import propose from '@salesforce/apex/DefinitionChangeController.propose';
import approve from '@salesforce/apex/DefinitionChangeController.approve';
import APPROVE_AS_MARKETING from '@salesforce/label/c.LeadHandoff_DefinitionChanges_ApproveAsMarketing';
import APPROVE_AS_SALES from '@salesforce/label/c.LeadHandoff_DefinitionChanges_ApproveAsSales';
import APPROVED from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Approved';
import AWAITING_DEPLOY from '@salesforce/label/c.LeadHandoff_DefinitionChanges_AwaitingDeploy';
import AWAITING_MARKETING from '@salesforce/label/c.LeadHandoff_DefinitionChanges_AwaitingMarketing';
import AWAITING_SALES from '@salesforce/label/c.LeadHandoff_DefinitionChanges_AwaitingSales';
import CANCEL from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Cancel';
import DEFINITION_CHECKLIST from '@salesforce/label/c.LeadHandoff_DefinitionChanges_DefinitionChecklist';
import DEFINITION_LABEL from '@salesforce/label/c.LeadHandoff_DefinitionChanges_DefinitionLabel';
import DEFINITION_MEANING from '@salesforce/label/c.LeadHandoff_DefinitionChanges_DefinitionMeaning';
import DEFINITION_SLA from '@salesforce/label/c.LeadHandoff_DefinitionChanges_DefinitionSla';
import DEFINITION_THRESHOLDS from '@salesforce/label/c.LeadHandoff_DefinitionChanges_DefinitionThresholds';
import DEPLOYED_VERSION from '@salesforce/label/c.LeadHandoff_DefinitionChanges_DeployedVersion';
import DOWNLOAD from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Download';
import EMPTY from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Empty';
import HEADING from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Heading';
import INTRO from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Intro';
import LOAD_ERROR from '@salesforce/label/c.LeadHandoff_DefinitionChanges_LoadError';
import LOADING from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Loading';
import MARKETING_SIGNED from '@salesforce/label/c.LeadHandoff_DefinitionChanges_MarketingSigned';
import PROPOSE from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Propose';
import PROPOSED_BY from '@salesforce/label/c.LeadHandoff_DefinitionChanges_ProposedBy';
import PROPOSED_CHANGE_LABEL from '@salesforce/label/c.LeadHandoff_DefinitionChanges_ProposedChangeLabel';
import RATIONALE_LABEL from '@salesforce/label/c.LeadHandoff_DefinitionChanges_RationaleLabel';
import RECORD_FILE_LABEL from '@salesforce/label/c.LeadHandoff_DefinitionChanges_RecordFileLabel';
import SALES_SIGNED from '@salesforce/label/c.LeadHandoff_DefinitionChanges_SalesSigned';
import STATUS_APPROVED from '@salesforce/label/c.LeadHandoff_DefinitionChanges_StatusApproved';
import STATUS_PROPOSED from '@salesforce/label/c.LeadHandoff_DefinitionChanges_StatusProposed';
import SUBMIT from '@salesforce/label/c.LeadHandoff_DefinitionChanges_Submit';
import SUMMARY_LABEL from '@salesforce/label/c.LeadHandoff_DefinitionChanges_SummaryLabel';
import { formatLabel } from 'c/labelFormat';
import { errorMessage } from 'c/errorMessages';

type History = DefinitionChangeDto.History;
type Change = DefinitionChangeDto.Change;

export const DEFINITION_OPTIONS: readonly { value: string; label: string }[] = [
    { value: 'Meaning', label: DEFINITION_MEANING },
    { value: 'Thresholds', label: DEFINITION_THRESHOLDS },
    { value: 'SLA', label: DEFINITION_SLA },
    { value: 'Checklist', label: DEFINITION_CHECKLIST }
];

/** The day of an ISO date or date-time (yyyy-mm-dd), or an empty string. */
export function dayOf(value: string | null | undefined): string {
    return /^\d{4}-\d{2}-\d{2}/.test(value ?? '') ? (value as string).slice(0, 10) : '';
}

function signature(name: string | null, at: string | null, signed: string, awaiting: string): string {
    return name ? formatLabel(signed, name, dayOf(at)) : awaiting;
}

export default class DefinitionChanges extends LightningElement {
    history: History | undefined;
    loading = false;
    error = '';
    formOpen = false;
    draft = { definition: 'Meaning', summary: '', proposedChange: '', rationale: '' };

    labels = {
        heading: HEADING,
        intro: INTRO,
        loading: LOADING,
        empty: EMPTY,
        propose: PROPOSE,
        cancel: CANCEL,
        submit: SUBMIT,
        definitionLabel: DEFINITION_LABEL,
        summaryLabel: SUMMARY_LABEL,
        proposedChangeLabel: PROPOSED_CHANGE_LABEL,
        rationaleLabel: RATIONALE_LABEL,
        recordFileLabel: RECORD_FILE_LABEL
    };

    definitionOptions = DEFINITION_OPTIONS;

    connectedCallback(): void {
        this.run(() => getHistory());
    }

    async run(call: () => Promise<History>): Promise<boolean> {
        this.loading = true;
        this.error = '';
        try {
            this.history = await call();
            return true;
        } catch (failure) {
            this.error = formatLabel(LOAD_ERROR, errorMessage(failure));
            return false;
        } finally {
            this.loading = false;
        }
    }

    // ------------------------------------------------------------------------------------------ events

    handleOpenForm(): void {
        this.formOpen = true;
    }

    handleCancel(): void {
        this.formOpen = false;
    }

    handleDraft(event: Event): void {
        const target = event.target as HTMLInputElement;
        this.draft = { ...this.draft, [target.dataset.field as string]: target.value };
    }

    async handleSubmit(): Promise<void> {
        const draft = this.draft;
        const saved = await this.run(() => propose({ ...draft }));
        if (saved) {
            this.formOpen = false;
            this.draft = { definition: 'Meaning', summary: '', proposedChange: '', rationale: '' };
        }
    }

    handleApprove(event: Event): void {
        const { id, side } = (event.currentTarget as HTMLElement).dataset;
        this.run(() => approve({ changeId: id as string, side: side as string }));
    }

    // ----------------------------------------------------------------------------------------- display

    get submitDisabled(): boolean {
        return this.loading || !this.draft.summary.trim() || !this.draft.rationale.trim();
    }

    get canPropose(): boolean {
        return Boolean(this.history?.canPropose) && !this.formOpen;
    }

    get versionText(): string {
        const history = this.history as History;
        return formatLabel(DEPLOYED_VERSION, history.deployedVersion, dayOf(history.lastReviewed));
    }

    get awaitingDeployText(): string {
        const history = this.history;
        return history?.awaitingDeploy
            ? formatLabel(AWAITING_DEPLOY, history.approvedVersion ?? '', history.deployedVersion)
            : '';
    }

    get isEmpty(): boolean {
        return Boolean(this.history) && this.history?.changes.length === 0;
    }

    get changes() {
        const fileName = this.history?.recordFileName ?? '';
        return (this.history?.changes ?? []).map((change: Change) => ({
            ...change,
            approved: change.status === 'Approved',
            statusText: change.status === 'Approved' ? STATUS_APPROVED : STATUS_PROPOSED,
            badgeClass: change.status === 'Approved' ? 'slds-badge slds-theme_success' : 'slds-badge',
            headingId: `change-${change.id}`,
            proposedByText: formatLabel(PROPOSED_BY, change.proposedBy ?? '', dayOf(change.proposedAt)),
            salesText: signature(change.salesApprover, change.salesApprovedAt, SALES_SIGNED, AWAITING_SALES),
            marketingText: signature(
                change.marketingApprover,
                change.marketingApprovedAt,
                MARKETING_SIGNED,
                AWAITING_MARKETING
            ),
            approvedText: change.version ? formatLabel(APPROVED, change.version, dayOf(change.approvedOn)) : '',
            approveAsSalesText: formatLabel(APPROVE_AS_SALES, change.name),
            approveAsMarketingText: formatLabel(APPROVE_AS_MARKETING, change.name),
            fileId: `file-${change.id}`,
            downloadText: formatLabel(DOWNLOAD, fileName),
            downloadName: fileName,
            downloadHref: `data:application/xml;charset=utf-8,${encodeURIComponent(change.recordFile ?? '')}`
        }));
    }
}
