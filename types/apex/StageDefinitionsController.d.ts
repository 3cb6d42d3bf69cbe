// StageDefinitionsController: the single-source-of-truth definitions block, read from Custom Metadata.

declare namespace StageDefinitionsController {
    interface StageDefinition {
        stage: string;
        order: number;
        meaning: string | null;
        ownerTeam: string | null;
        entryRule: string | null;
        exitPaths: string | null;
        sla: string | null;
        /** the flows, rules and fields behind the stage, for admins */
        adminDetails: string | null;
    }

    interface Definitions {
        stages: StageDefinition[];
        owner: string | null;
        /** yyyy-mm-dd; null when never reviewed */
        lastReviewed: string | null;
        cadenceDays: number;
        /** yyyy-mm-dd: lastReviewed + cadenceDays; null when never reviewed */
        nextReviewDue: string | null;
        /** the server's today, yyyy-mm-dd */
        today: string;
    }
}

declare module '@salesforce/apex/StageDefinitionsController.getDefinitions' {
    const getDefinitions: ApexMethodWithoutParams<StageDefinitionsController.Definitions>;
    export default getDefinitions;
}
