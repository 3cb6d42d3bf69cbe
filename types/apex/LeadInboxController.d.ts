// LeadInboxController: the SDR inbox. DTOs are the Apex inner classes of the same names.

declare namespace LeadInboxController {
    interface InboxRow {
        leadId: string;
        name: string;
        company: string | null;
        title: string | null;
        ownerId: string;
        ownerName: string | null;
        ownedByQueue: boolean;
        stage: string;
        segment: string | null;
        intentTrigger: string | null;
        fitScore: number | null;
        intentScore: number | null;
        leadSource: string | null;
        mqlAt: string | null;
        acceptBy: string | null;
        /** from when the lead is due soon (Due_Soon_At__c); null for leads routed before it existed */
        dueSoonAt: string | null;
        /** while the business hours of its response SLA are closed (accept-by not passed): when the SLA clock runs again */
        slaPausedUntil: string | null;
        /** false when the row is in a queue the user may only view (a manager's routing queue): no decisions */
        canDecide: boolean;
    }

    /** A selectable inbox view: `all`, `mine`, `breached`, or `queue:<Queue DeveloperName>`. */
    interface InboxView {
        key: string;
        label: string;
        count: number;
        breached: number;
        /** a queue the user may view but not work (a manager's routing queue): not counted in `all` nor `breached` */
        viewOnly: boolean;
    }

    interface InboxPage {
        view: string;
        rows: InboxRow[];
        /** pass back to get the next page; null on the last page */
        nextCursor: string | null;
        views: InboxView[];
        /** the server's clock, so SLA countdowns do not trust the browser's */
        serverNow: string;
    }

    interface ReasonOption {
        code: string;
        label: string;
        kind: 'Reject' | 'Recycle';
        noteRequired: boolean;
        recycleDays: number | null;
    }
}

declare module '@salesforce/apex/LeadInboxController.getInbox' {
    const getInbox: ApexMethod<
        { view: string; pageSize: number; cursor: string | null },
        LeadInboxController.InboxPage
    >;
    export default getInbox;
}

declare module '@salesforce/apex/LeadInboxController.getDispositionReasons' {
    const getDispositionReasons: ApexMethodWithoutParams<LeadInboxController.ReasonOption[]>;
    export default getDispositionReasons;
}

declare module '@salesforce/apex/LeadInboxController.decide' {
    const decide: ApexMethod<{ request: LeadHandoffService.DecisionRequest }, LeadHandoffService.DecisionResult>;
    export default decide;
}
