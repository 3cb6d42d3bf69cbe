// MyLeadsService: what "My leads" receives from MyLeadsController. The interfaces are the Apex inner classes of
// MyLeadsService of the same names.

declare namespace MyLeadsService {
    interface MyLead {
        leadId: string;
        name: string;
        company: string | null;
        /** SAL or SQL */
        stage: string;
        stageEnteredAt: string | null;
        segment: string | null;
        nextStep: string;
        /** the second clock of a SAL: First_Touch_By__c, First_Touch_Due_Soon_At__c, First_Touch_At__c */
        firstTouchBy: string | null;
        firstTouchDueSoonAt: string | null;
        firstTouchAt: string | null;
    }

    interface MyLeads {
        leads: MyLead[];
        salCount: number;
        sqlCount: number;
        hasMore: boolean;
        serverNow: string;
    }
}
