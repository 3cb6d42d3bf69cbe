// The reason picker for rejecting or recycling MQLs, opened with LeadReasonModal.open(): it offers only reasons of
// the action's kind, asks for a note when the reason requires one, defaults the recycle-until date from the
// reason, and keeps Confirm disabled, saying why, until the choice is valid. Resolves to a ReasonChoice, or to
// undefined when cancelled.
import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import REASON from '@salesforce/label/c.LeadHandoff_SdrInbox_Reason';
import NOTE_REQUIRED from '@salesforce/label/c.LeadHandoff_SdrInbox_NoteRequiredLabel';
import NOTE_OPTIONAL from '@salesforce/label/c.LeadHandoff_SdrInbox_NoteOptionalLabel';
import RECYCLE_UNTIL from '@salesforce/label/c.LeadHandoff_SdrInbox_RecycleUntil';
import CANCEL from '@salesforce/label/c.LeadHandoff_SdrInbox_Cancel';
import NO_REJECT_REASONS from '@salesforce/label/c.LeadHandoff_SdrInbox_NoRejectReasons';
import NO_RECYCLE_REASONS from '@salesforce/label/c.LeadHandoff_SdrInbox_NoRecycleReasons';
import HINT_NURTURE_DAYS from '@salesforce/label/c.LeadHandoff_SdrInbox_HintNurtureDays';
import HINT_NOTE_REQUIRED from '@salesforce/label/c.LeadHandoff_SdrInbox_HintNoteRequired';
import { formatLabel } from 'c/labelFormat';
import {
    ACTION_LABELS,
    defaultRecycleUntil,
    reasonChoiceProblem,
    reasonPickerHeading,
    reasonsFor
} from 'c/handoffRequests';
import type { ReasonAction, ReasonChoice, ReasonOption } from 'c/handoffRequests';

const NO_REASONS: Readonly<Record<ReasonAction, string>> = { reject: NO_REJECT_REASONS, recycle: NO_RECYCLE_REASONS };

export interface ReasonModalProps {
    label: string;
    size?: 'small' | 'medium' | 'large' | 'full';
    description?: string;
    action: ReasonAction;
    reasons: readonly ReasonOption[];
    leadNames: readonly string[];
    /** yyyy-mm-dd on the server clock */
    today: string;
}

export default class LeadReasonModal extends LightningModal {
    // Inherited from LightningModal at run time; @salesforce/lightning-types does not declare it.
    declare static open: (props: ReasonModalProps) => Promise<ReasonChoice | undefined>;

    @api action: ReasonAction = 'reject';
    @api reasons: readonly ReasonOption[] = [];
    @api leadNames: readonly string[] = [];
    @api today = '';

    labels = { reason: REASON, recycleUntil: RECYCLE_UNTIL, cancel: CANCEL };

    reasonCode: string | null = null;
    note = '';
    recycleUntil: string | null = null;

    get heading(): string {
        return reasonPickerHeading(this.action, this.leadNames);
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
        return this.noteRequired ? NOTE_REQUIRED : NOTE_OPTIONAL;
    }

    get minRecycleDate(): string {
        return this.today;
    }

    get problem(): string | null {
        if (!this.hasOptions) return NO_REASONS[this.action];
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
        if (reason.kind === 'Recycle' && reason.recycleDays)
            parts.push(formatLabel(HINT_NURTURE_DAYS, reason.recycleDays));
        if (reason.noteRequired) parts.push(HINT_NOTE_REQUIRED);
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
