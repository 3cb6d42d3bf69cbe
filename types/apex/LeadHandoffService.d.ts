// DTOs of LeadHandoffService (Apex inner classes of the same names), shared by the inbox and the stage panel.
// Apex Date and Datetime values arrive as ISO-8601 strings; any Apex value may be null.

declare namespace LeadHandoffService {
    /** A manual decision on an MQL. */
    type DecisionAction = 'accept' | 'reject' | 'recycle';

    /** Why a lead was refused; null when the lead's outcome is ok. */
    type OutcomeCode =
        | 'ALREADY_DECIDED'
        | 'STAGE_CHANGED'
        | 'NOT_YOURS'
        | 'NO_ACCESS'
        | 'NOT_FOUND'
        | 'REASON_REQUIRED'
        | 'UNKNOWN_REASON'
        | 'WRONG_REASON_KIND'
        | 'NOTE_REQUIRED'
        | 'RECYCLE_DATE_REQUIRED'
        | 'CHECKLIST_INCOMPLETE'
        | 'AMOUNT_REQUIRED'
        | 'CLOSE_DATE_REQUIRED'
        | 'CLOSE_DATE_IN_PAST'
        | 'ACCOUNT_NOT_AVAILABLE'
        | 'NOT_APPLIED'
        | 'SAVE_FAILED';

    /** A lead and the stage the user saw when deciding, so a decision made on stale data is refused. */
    interface LeadRef {
        leadId: string;
        seenStage: string;
    }

    interface DecisionRequest {
        action: DecisionAction;
        leads: LeadRef[];
        reasonCode: string | null;
        note: string | null;
        /** yyyy-mm-dd; for recycle, defaults from the reason's recycle days when null */
        recycleUntil: string | null;
        /** false: all leads or none; true: apply the valid ones and report each lead */
        allowPartial: boolean;
    }

    interface LeadOutcome {
        leadId: string;
        ok: boolean;
        code: OutcomeCode | null;
        message: string | null;
        /** the lead's stage after the request */
        stage: string | null;
        /** for ALREADY_DECIDED: who decided first, and when */
        decidedByName: string | null;
        decidedAt: string | null;
    }

    interface DecisionResult {
        /** true when every ok outcome was saved */
        applied: boolean;
        outcomes: LeadOutcome[];
    }

    interface QualifyRequest {
        leadId: string;
        seenStage: string;
        /** API names of the checklist fields the SDR confirmed (SQL_Criterion__mdt.Checklist_Field__c) */
        checkedFields: string[];
        notes: string | null;
    }

    interface ConvertRequest {
        leadId: string;
        seenStage: string;
        opportunityName: string | null;
        amount: number | null;
        /** yyyy-mm-dd, today or later in the user's time zone */
        closeDate: string | null;
        /** an existing account to convert into (one of StagePanel.accountMatches), or null for a new account */
        accountId: string | null;
    }

    interface ConversionResult {
        outcome: LeadOutcome;
        opportunityId: string | null;
        accountId: string | null;
        contactId: string | null;
    }
}
