// CalibrationDto: what the threshold calibration view receives from CalibrationController. The interfaces are the
// Apex inner classes of CalibrationDto of the same names. Rates are percentages (0–100, one decimal), null when
// there is nothing to divide.

declare namespace CalibrationDto {
    interface Outcome {
        mqls: number;
        sals: number;
        sqls: number;
        opportunities: number;
        mqlToSal: number | null;
        salToSql: number | null;
        sqlToOpportunity: number | null;
    }

    interface Cell {
        fitFrom: number;
        fitTo: number;
        intentFrom: number;
        intentTo: number;
        outcome: Outcome;
    }

    interface Reason {
        /** Disposition_Reason__c code, `(none)` when blank */
        code: string;
        label: string;
        kind: 'Reject' | 'Recycle' | null;
        today: number;
        removed: number;
    }

    interface Calibration {
        periodStart: string;
        periodEnd: string;
        currentFit: number;
        currentIntent: number;
        proposedFit: number;
        proposedIntent: number;
        minimumSample: number;
        bandWidth: number;
        all: Outcome;
        today: Outcome;
        proposed: Outcome;
        removed: Outcome;
        added: Outcome;
        removedShare: number | null;
        cells: Cell[];
        reasons: Reason[];
        enoughData: boolean;
        verdict: string | null;
        sampleNote: string | null;
        caveat: string | null;
        recordFileName: string | null;
        recordFile: string | null;
    }
}
