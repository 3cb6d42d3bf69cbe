// SpeedToLeadDto: what the speed-to-lead view receives from QueueHealthController.getSpeedToLead. The interfaces are
// the Apex inner classes of SpeedToLeadDto of the same names. Minutes are business minutes, null without a sample.

declare namespace SpeedToLeadDto {
    interface SpeedRow {
        /** the queue or user Id */
        key: string;
        label: string;
        firstViews: number;
        medianMinutesToFirstView: number | null;
        p90MinutesToFirstView: number | null;
        decisions: number;
        medianMinutesToDecision: number | null;
    }

    interface SpeedToLead {
        periodStart: string;
        periodEnd: string;
        groupBy: 'queue' | 'sdr';
        rows: SpeedRow[];
    }
}
