// SDR load: each SDR who takes leads by assignment, their open leads (pending MQLs + SALs) against their cap, and
// whether assignment would give them a lead now, so a manager sees who is full, away or idle at a glance.
import getSdrLoad from '@salesforce/apex/SdrLoadController.getSdrLoad';
import HEADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadHeading';
import CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadCaption';
import LOADING from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadLoading';
import SUBJECT from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadSubject';
import EMPTY from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadEmpty';
import REFRESH from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadRefresh';
import TABLE_CAPTION from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadTableCaption';
import COLUMN_SDR from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadColumnSdr';
import COLUMN_STATUS from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadColumnStatus';
import COLUMN_LOAD from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadColumnLoad';
import COLUMN_OPEN from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadColumnOpen';
import COLUMN_COVERS from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadColumnCovers';
import LOAD_TEXT from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadOfCap';
import NO_CAP from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadNoCap';
import OPEN_TEXT from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadOpenSplit';
import COVERS_ALL from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadCoversAll';
import STATUS_AVAILABLE from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadAvailable';
import STATUS_AT_CAP from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadAtCap';
import STATUS_UNAVAILABLE from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadUnavailable';
import STATUS_AWAY from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadAway';
import STATUS_OUTSIDE_HOURS from '@salesforce/label/c.LeadHandoff_ManagerInsights_SdrLoadOutsideHours';
import { formatLabel } from 'c/labelFormat';
import { InsightsLoader } from 'c/insightsLoader';
import { dateText, percentText } from 'c/insightsFormat';

type TeamLoad = SdrLoadController.SdrLoad;
type SdrLoadRow = SdrLoadController.SdrLoadRow;

const STATUS_TEXT: Readonly<Record<SdrLoadRow['status'], string>> = {
    Available: STATUS_AVAILABLE,
    AtCap: STATUS_AT_CAP,
    Unavailable: STATUS_UNAVAILABLE,
    Away: STATUS_AWAY,
    OutsideHours: STATUS_OUTSIDE_HOURS
};

/** The badge colour of a status: green takes leads, amber is full, grey is not working now. */
const STATUS_CLASS: Readonly<Record<SdrLoadRow['status'], string>> = {
    Available: 'slds-badge slds-theme_success',
    AtCap: 'slds-badge slds-theme_warning',
    Unavailable: 'slds-badge',
    Away: 'slds-badge',
    OutsideHours: 'slds-badge'
};

/** What assignment sees for one SDR, in words (the date for time off), so colour is never the only signal. */
export function statusText(row: SdrLoadRow): string {
    const text = STATUS_TEXT[row.status] ?? row.status;
    return row.status === 'Away' ? formatLabel(text, dateText(row.awayUntil)) : text;
}

/** The bar width: the share of the cap in use, at most the full bar. */
export function barWidth(row: SdrLoadRow): number {
    return Math.min(100, Math.max(0, row.loadPercent ?? 0));
}

export default class SdrLoadCard extends InsightsLoader<TeamLoad> {
    labels = {
        heading: HEADING,
        caption: CAPTION,
        loading: LOADING,
        subject: SUBJECT,
        empty: EMPTY,
        refresh: REFRESH,
        tableCaption: TABLE_CAPTION,
        columnSdr: COLUMN_SDR,
        columnStatus: COLUMN_STATUS,
        columnLoad: COLUMN_LOAD,
        columnOpen: COLUMN_OPEN,
        columnCovers: COLUMN_COVERS
    };

    connectedCallback(): void {
        this.load();
    }

    request(): Promise<TeamLoad> {
        return getSdrLoad();
    }

    handleRefresh(): void {
        this.load();
    }

    get hasContent(): boolean {
        return (this.data?.sdrs.length ?? 0) > 0;
    }

    get rows() {
        return (this.data?.sdrs ?? []).map((row) => ({
            key: row.sdrId,
            name: row.name,
            statusText: statusText(row),
            statusClass: STATUS_CLASS[row.status] ?? 'slds-badge',
            loadText:
                row.cap > 0 ? formatLabel(LOAD_TEXT, row.openLeads, row.cap, percentText(row.loadPercent)) : NO_CAP,
            barStyle: `width: ${barWidth(row)}%`,
            rowClass: row.status === 'AtCap' ? 'at-cap' : '',
            openText: formatLabel(OPEN_TEXT, row.pendingMqls, row.openSals),
            coversText: [row.territories, row.skills].filter((value) => value).join(' · ') || COVERS_ALL
        }));
    }
}
