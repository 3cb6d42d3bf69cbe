// SdrLoadController: each SDR's open leads against their cap and what assignment sees now (LWC sdrLoad).

declare namespace SdrLoadController {
    interface SdrLoadRow {
        sdrId: string;
        name: string | null;
        /** MQLs the SDR owns, waiting for their decision */
        pendingMqls: number;
        /** SALs the SDR owns, not yet qualified */
        openSals: number;
        /** pendingMqls + openSals: what the cap limits */
        openLeads: number;
        cap: number;
        /** openLeads as a share of the cap; null when the cap is 0 */
        loadPercent: number | null;
        status: 'Available' | 'AtCap' | 'Unavailable' | 'Away' | 'OutsideHours';
        awayUntil: string | null;
        territories: string | null;
        skills: string | null;
        lastAssignedAt: string | null;
    }

    interface SdrLoad {
        sdrs: SdrLoadRow[];
        asOf: string;
    }
}

declare module '@salesforce/apex/SdrLoadController.getSdrLoad' {
    const getSdrLoad: ApexMethodWithoutParams<SdrLoadController.SdrLoad>;
    export default getSdrLoad;
}
