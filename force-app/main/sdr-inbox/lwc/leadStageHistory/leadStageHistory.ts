// The lead's stage history, newest first: who moved it (or automation), when, why, with what note, how long it stayed
// in the stage before, and for a move out of MQL whether the response SLA was met. Display only.
import { LightningElement, api } from 'lwc';
import { historyActionLabel, stageLabel } from 'c/leadLabels';
import { formatMinutes } from 'c/slaClock';

type HistoryEntry = LeadStagePanelController.HistoryEntry;

export default class LeadStageHistory extends LightningElement {
    /** StagePanel.history, newest first. */
    @api entries: readonly HistoryEntry[] = [];

    get rows() {
        return this.entries.map((entry) => {
            const reason = entry.reasonLabel ?? entry.reasonCode;
            const stayed = formatMinutes(entry.minutesInPreviousStage);
            return {
                id: entry.id,
                occurredAt: entry.occurredAt,
                title: `${historyActionLabel(entry.action)}: ${stageLabel(entry.fromStage)} → ${stageLabel(entry.toStage)}`,
                actorText: entry.actorName ? `by ${entry.actorName}` : 'by automation',
                reasonText: reason ? `Reason: ${reason}` : '',
                noteText: entry.note ?? '',
                durationText: stayed && entry.fromStage ? `${stayed} in ${stageLabel(entry.fromStage)}` : '',
                slaText: entry.fromStage === 'MQL' ? (entry.slaMet ? 'SLA met' : 'SLA missed') : ''
            };
        });
    }

    get hasRows(): boolean {
        return this.entries.length > 0;
    }
}
