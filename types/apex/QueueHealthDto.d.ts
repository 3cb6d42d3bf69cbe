// QueueHealthDto: what the manager views receive from QueueHealthController (queue SLA board, funnel, reason
// Pareto). The interfaces are the Apex inner classes of QueueHealthDto of the same names. Rates are percentages
// (0–100), null when nothing to divide.

declare namespace QueueHealthDto {
    interface ReasonCount {
        code: string;
        label: string;
        kind: 'Reject' | 'Recycle';
        count: number;
        /** share of all reasons counted (a queue's top reasons: of all that queue's reasons), percent */
        share: number;
        /** running total of share in list order (descending count), percent */
        cumulativeShare: number;
    }

    interface QueueStatus {
        queueId: string;
        queueDeveloperName: string;
        queueName: string;
        /** MQLs waiting in the queue now */
        pending: number;
        /** pending and past accept-by now */
        breachedNow: number;
        /** pending and due soon: past Due_Soon_At__c, accept-by not passed */
        dueSoon: number;
        /** while the business hours of every waiting MQL's response SLA are closed: when the SLA clocks run again */
        slaPausedUntil: string | null;
        /** MQL time of the oldest pending lead */
        oldestWaitingSince: string | null;
        oldestLeadId: string | null;
        /** business minutes from MQL to accept, over accepts in the period */
        medianMinutesToAccept: number | null;
        p90MinutesToAccept: number | null;
        /** MQLs that left the queue in the period, by decision */
        decided: number;
        accepted: number;
        rejected: number;
        recycled: number;
        acceptanceRate: number | null;
        rejectRate: number | null;
        recycleRate: number | null;
        /** decided within the SLA, percent of decided */
        slaMetRate: number | null;
        topReasons: ReasonCount[];
    }

    interface QueueHealth {
        periodStart: string;
        periodEnd: string;
        serverNow: string;
        queues: QueueStatus[];
    }

    interface StageCount {
        stage: string;
        entered: number;
    }

    interface Conversion {
        fromStage: string;
        toStage: string;
        fromCount: number;
        toCount: number;
        rate: number | null;
        lowPercent: number | null;
        highPercent: number | null;
        /** Below, Within or Above the benchmark band; null without a benchmark or a rate */
        band: 'Below' | 'Within' | 'Above' | null;
        /** the benchmark's diagnosis for an out-of-band rate */
        diagnosis: string | null;
    }

    interface MqlVolume {
        /** MQLs entered in the period */
        gross: number;
        /** rejections with a reason marked Disqualifies_Volume__c */
        disqualified: number;
        /** gross minus disqualified, never below 0 */
        net: number;
        /** each disqualifying reason with its count (share: percent of gross) */
        reasons: ReasonCount[];
    }

    interface Pipeline {
        /** opportunities created by the conversions of the period */
        opportunities: number;
        /** their amount: pipeline created */
        amount: number;
        won: number;
        wonAmount: number;
        lost: number;
        open: number;
        /** won of won and lost, percent; null when none is closed */
        winRate: number | null;
        /** median days from MQL to the won close date; null without a won conversion */
        medianDaysMqlToWon: number | null;
    }

    interface FunnelGroup {
        /** `all`, a lead source, a segment API value, a campaign Id, or `(none)` */
        key: string;
        label: string;
        stages: StageCount[];
        /** Lead→MQL, MQL→SAL, SAL→SQL, SQL→Opportunity, Opportunity→Won, SQL→Won */
        conversions: Conversion[];
        volume: MqlVolume;
        pipeline: Pipeline;
    }

    interface Funnel {
        periodStart: string;
        periodEnd: string;
        /** none, leadSource, segment or campaign */
        groupBy: string;
        groups: FunnelGroup[];
        /** labels of the reasons net valid volume leaves out, in policy order */
        disqualifyingReasons: string[];
    }

    interface ReasonPareto {
        periodStart: string;
        periodEnd: string;
        /** Reject, Recycle or All */
        kind: string;
        total: number;
        /** fewest events before the Pareto advises what to fix first (Insights_Policy__mdt.Pareto_Minimum_Sample__c) */
        minimumSample: number;
        /** total reaches minimumSample: only then name the reasons to fix first */
        adviceSupported: boolean;
        reasons: ReasonCount[];
    }
}
