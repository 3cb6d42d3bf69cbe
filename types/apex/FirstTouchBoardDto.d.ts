// FirstTouchBoardDto: what the first-touch board receives from QueueHealthController.getFirstTouchBoard (the second
// clock, from acceptance to the first logged activity). The interfaces are the Apex inner classes of FirstTouchBoardDto
// of the same names. Minutes are business minutes; rates percentages (0–100); null when there is no sample.

declare namespace FirstTouchBoardDto {
    interface Row {
        kind: 'queue' | 'sdr';
        /** the queue's Group Id or the SDR's User Id */
        key: string;
        name: string;
        /** untouched SALs whose deadline is neither near nor passed */
        waiting: number;
        /** untouched SALs past First_Touch_Due_Soon_At__c, deadline not passed */
        dueSoon: number;
        /** untouched SALs past First_Touch_By__c */
        breachedNow: number;
        /** SALs first touched in the period */
        touched: number;
        /** of which touched in time, percent */
        metRate: number | null;
        medianMinutesToFirstTouch: number | null;
        p90MinutesToFirstTouch: number | null;
        /** median minutes from acceptance to SQL of the leads qualified in the period */
        medianMinutesToQualify: number | null;
    }

    interface Board {
        periodStart: string;
        periodEnd: string;
        queues: Row[];
        sdrs: Row[];
    }
}
