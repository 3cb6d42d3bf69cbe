// The reason picker for rejecting or recycling MQLs, opened with LeadReasonModal.open(): it offers only reasons of
// the action's kind, asks for a note when the reason requires one, defaults the recycle-until date from the
// reason, and keeps Confirm disabled, saying why, until the choice is valid. Resolves to a ReasonChoice, or to
// undefined when cancelled.
import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import { ACTION_LABELS, defaultRecycleUntil, reasonChoiceProblem, reasonsFor } from 'c/handoffRequests';
import type { DecisionAction, ReasonChoice, ReasonOption } from 'c/handoffRequests';

export interface ReasonModalProps {
    label: string;
    size?: 'small' | 'medium' | 'large' | 'full';
    description?: string;
    action: DecisionAction;
    reasons: readonly ReasonOption[];
    leadNames: readonly string[];
    /** yyyy-mm-dd on the server clock */
    today: string;
}

export default class LeadReasonModal extends LightningModal {
    // Inherited from LightningModal at run time; @salesforce/lightning-types does not declare it.
    declare static open: (props: ReasonModalProps) => Promise<ReasonChoice | undefined>;

    @api action: DecisionAction = 'reject';
    @api reasons: readonly ReasonOption[] = [];
    @api leadNames: readonly string[] = [];
    @api today = '';

    reasonCode: string | null = null;
    note = '';
    recycleUntil: string | null = null;

    get heading(): string {
        const verb = ACTION_LABELS[this.action];
        return this.leadNames.length === 1 ? `${verb} ${this.leadNames[0]}` : `${verb} ${this.leadNames.length} leads`;
    }

    get options() {
        return reasonsFor(this.action, this.reasons).map((reason) => ({
            ...reason,
            checked: reason.code === this.reasonCode,
            hint: this.hintFor(reason)
        }));
    }

    get hasOptions(): boolean {
        return this.options.length > 0;
    }

    get selectedReason(): ReasonOption | undefined {
        return this.reasons.find((reason) => reason.code === this.reasonCode);
    }

    get isRecycle(): boolean {
        return this.action === 'recycle';
    }

    get noteRequired(): boolean {
        return Boolean(this.selectedReason?.noteRequired);
    }

    get noteLabel(): string {
        return this.noteRequired ? 'Note (required)' : 'Note (optional)';
    }

    get minRecycleDate(): string {
        return this.today;
    }

    get problem(): string | null {
        if (!this.hasOptions) return `No ${this.action} reasons are active. Ask your admin to activate some.`;
        return reasonChoiceProblem(this.action, this.selectedReason, this.note, this.recycleUntil, this.today);
    }

    get confirmDisabled(): boolean {
        return this.problem !== null;
    }

    get confirmLabel(): string {
        return ACTION_LABELS[this.action];
    }

    hintFor(reason: ReasonOption): string {
        const parts: string[] = [];
        if (reason.kind === 'Recycle' && reason.recycleDays) parts.push(`nurture ${reason.recycleDays} days`);
        if (reason.noteRequired) parts.push('note required');
        return parts.length ? `(${parts.join(', ')})` : '';
    }

    handleReasonChange(event: Event): void {
        this.reasonCode = (event.target as HTMLInputElement).value;
        if (this.isRecycle) this.recycleUntil = defaultRecycleUntil(this.selectedReason, this.today);
    }

    handleNoteInput(event: Event): void {
        this.note = (event.target as HTMLTextAreaElement).value;
    }

    handleDateChange(event: Event): void {
        this.recycleUntil = (event.target as HTMLInputElement).value || null;
    }

    handleCancel(): void {
        this.close(undefined);
    }

    handleConfirm(): void {
        if (this.problem !== null || !this.reasonCode) return;
        const choice: ReasonChoice = {
            reasonCode: this.reasonCode,
            note: this.note.trim() || null,
            recycleUntil: this.isRecycle ? this.recycleUntil : null
        };
        this.close(choice);
    }
}
