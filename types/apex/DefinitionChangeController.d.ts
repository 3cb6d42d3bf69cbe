// DefinitionChangeController: the definition changes on the Definitions tab. Every call answers with the history.

declare namespace DefinitionChangeDto {
    interface Change {
        id: string;
        name: string;
        definition: 'Meaning' | 'Thresholds' | 'SLA' | 'Checklist' | null;
        summary: string;
        proposedChange: string | null;
        rationale: string;
        status: 'Proposed' | 'Approved';
        proposedBy: string | null;
        proposedAt: string;
        salesApprover: string | null;
        salesApprovedAt: string | null;
        marketingApprover: string | null;
        marketingApprovedAt: string | null;
        version: number | null;
        approvedOn: string | null;
        recordFile: string | null;
        canApproveAsSales: boolean;
        canApproveAsMarketing: boolean;
    }

    interface History {
        deployedVersion: number;
        lastReviewed: string | null;
        approvedVersion: number | null;
        awaitingDeploy: boolean;
        changes: Change[];
        canPropose: boolean;
        recordFileName: string;
    }
}

declare module '@salesforce/apex/DefinitionChangeController.getHistory' {
    const getHistory: ApexMethodWithoutParams<DefinitionChangeDto.History>;
    export default getHistory;
}

declare module '@salesforce/apex/DefinitionChangeController.propose' {
    const propose: ApexMethod<
        { definition: string; summary: string; proposedChange: string; rationale: string },
        DefinitionChangeDto.History
    >;
    export default propose;
}

declare module '@salesforce/apex/DefinitionChangeController.approve' {
    const approve: ApexMethod<{ changeId: string; side: string }, DefinitionChangeDto.History>;
    export default approve;
}
