// The lead's stage history, newest first: who moved it (or automation), when, why, with what note, how long it stayed
// in the stage before, and for a move out of MQL whether the response SLA was met. Display only.
import { LightningElement, api } from 'lwc';
import { historyActionLabel, stageLabel } from 'c/leadLabels';
import HEADING from '@salesforce/label/c.LeadHandoff_SdrInbox_HistoryHeading';
import EMPTY from '@salesforce/label/c.LeadHandoff_SdrInbox_HistoryEmpty';
import BY from '@salesforce/label/c.LeadHandoff_SdrInbox_HistoryBy';
import BY_AUTOMATION from '@salesforce/label/c.LeadHandoff_SdrInbox_HistoryByAutomation';
import REASON from '@salesforce/label/c.LeadHandoff_SdrInbox_HistoryReason';
import STAYED from '@salesforce/label/c.LeadHandoff_SdrInbox_HistoryStayed';
import SLA_MET from '@salesforce/label/c.LeadHandoff_SdrInbox_HistorySlaMet';
import SLA_MISSED from '@salesforce/label/c.LeadHandoff_SdrInbox_HistorySlaMissed';
import { formatLabel } from 'c/labelFormat';
import { formatMinutes } from 'c/slaClock';
import { MQL } from 'c/leadStages';

type HistoryEntry = LeadStagePanelController.HistoryEntry;

export default class LeadStageHistory extends LightningElement {
    /** StagePanel.history, newest first. */
    @api entries: readonly HistoryEntry[] = [];

    labels = { heading: HEADING, empty: EMPTY };

    get rows() {
        return this.entries.map((entry) => {
            const reason = entry.reasonLabel ?? entry.reasonCode;
            const stayed = formatMinutes(entry.minutesInPreviousStage);
            return {
                id: entry.id,
                occurredAt: entry.occurredAt,
                title: `${historyActionLabel(entry.action)}: ${stageLabel(entry.fromStage)} → ${stageLabel(entry.toStage)}`,
                actorText: entry.actorName ? formatLabel(BY, entry.actorName) : BY_AUTOMATION,
                reasonText: reason ? formatLabel(REASON, reason) : '',
                noteText: entry.note ?? '',
                durationText: stayed && entry.fromStage ? formatLabel(STAYED, stayed, stageLabel(entry.fromStage)) : '',
                slaText: entry.fromStage === MQL ? (entry.slaMet ? SLA_MET : SLA_MISSED) : ''
            };
        });
    }

    get hasRows(): boolean {
        return this.entries.length > 0;
    }
}
