// LeadStagePanelController: the stage panel on the Lead record page. DTOs are the Apex inner classes of the same names.

declare namespace LeadStagePanelController {
    interface ChecklistItem {
        /** the Lead checkbox field, e.g. SQL_Need_Confirmed__c */
        field: string;
        label: string;
        helpText: string | null;
        required: boolean;
        checked: boolean;
    }

    interface HistoryEntry {
        id: string;
        fromStage: string | null;
        toStage: string;
        action: string;
        reasonCode: string | null;
        reasonLabel: string | null;
        note: string | null;
        actorName: string | null;
        occurredAt: string;
        minutesInPreviousStage: number | null;
        businessMinutesInPreviousStage: number | null;
        slaMet: boolean;
    }

    /** An existing account the lead may be converted into (named like its company). */
    interface AccountMatch {
        id: string;
        name: string;
        ownerName: string | null;
    }

    /** The records a converted lead became; a name is null when the user cannot read that object. */
    interface ConvertedRecords {
        opportunityId: string | null;
        opportunityName: string | null;
        accountId: string | null;
        accountName: string | null;
        contactId: string | null;
        contactName: string | null;
    }

    interface StagePanel {
        leadId: string;
        name: string;
        company: string | null;
        stage: string;
        segment: string | null;
        intentTrigger: string | null;
        fitScore: number | null;
        intentScore: number | null;
        ownerName: string | null;
        mqlAt: string | null;
        acceptBy: string | null;
        /** from when the lead is due soon (Due_Soon_At__c); null for leads routed before it existed */
        dueSoonAt: string | null;
        /** while the business hours of its response SLA are closed (accept-by not passed): when the SLA clock runs again */
        slaPausedUntil: string | null;
        acceptedAt: string | null;
        acceptedByName: string | null;
        slaOutcome: string | null;
        /** the second clock: First_Touch_By__c, First_Touch_Due_Soon_At__c, First_Touch_At__c, First_Touch_Outcome__c */
        firstTouchBy: string | null;
        firstTouchDueSoonAt: string | null;
        firstTouchAt: string | null;
        firstTouchOutcome: 'Pending' | 'Met' | 'Missed' | null;
        /** an untouched SAL: Log first touch applies */
        mayLogFirstTouch: boolean;
        dispositionReason: string | null;
        recycleUntil: string | null;
        qualificationNotes: string | null;
        /** what the running user may do now: accept, reject, recycle, qualify, convert */
        allowedActions: string[];
        /** why no action is allowed, when none is (e.g. owned by another rep) */
        blockedReason: string | null;
        checklist: ChecklistItem[];
        /** newest first */
        history: HistoryEntry[];
        serverNow: string;
        /** ISO 4217 code of a new opportunity's amount: the user's currency (the org's in a single-currency org) */
        currencyIsoCode: string;
        /** when convert is allowed: existing accounts named like the company (empty otherwise) */
        accountMatches: AccountMatch[];
        /** once converted: the opportunity, account and contact */
        converted: ConvertedRecords | null;
    }
}

declare module '@salesforce/apex/LeadStagePanelController.getPanel' {
    const getPanel: ApexMethod<{ leadId: string }, LeadStagePanelController.StagePanel>;
    export default getPanel;
}

declare module '@salesforce/apex/LeadStagePanelController.recordFirstView' {
    const recordFirstView: ApexMethod<{ leadId: string }, boolean>;
    export default recordFirstView;
}

declare module '@salesforce/apex/LeadStagePanelController.qualify' {
    const qualify: ApexMethod<{ request: LeadHandoffService.QualifyRequest }, LeadHandoffService.LeadOutcome>;
    export default qualify;
}

declare module '@salesforce/apex/LeadStagePanelController.convert' {
    const convert: ApexMethod<{ request: LeadHandoffService.ConvertRequest }, LeadHandoffService.ConversionResult>;
    export default convert;
}

declare module '@salesforce/apex/LeadStagePanelController.logFirstTouch' {
    const logFirstTouch: ApexMethod<{ leadId: string }, void>;
    export default logFirstTouch;
}
