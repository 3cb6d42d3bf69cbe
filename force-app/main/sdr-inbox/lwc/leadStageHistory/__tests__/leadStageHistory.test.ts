import { afterEach, describe, expect, it } from '@jest/globals';
import LeadStageHistory from 'c/leadStageHistory';
import { mount, removeAll } from 'test/lwcTest';

type HistoryEntry = LeadStagePanelController.HistoryEntry;

function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
    return {
        id: 'a01000000000001AAA',
        fromStage: 'Lead',
        toStage: 'MQL',
        action: 'Promote',
        reasonCode: null,
        reasonLabel: null,
        note: null,
        actorName: null,
        occurredAt: '2026-03-02T14:10:00.000Z',
        minutesInPreviousStage: 4320,
        businessMinutesInPreviousStage: 1440,
        slaMet: false,
        ...overrides
    };
}

const RECYCLED = entry({
    id: 'a01000000000002AAA',
    fromStage: 'SAL',
    toStage: 'Recycled',
    action: 'Recycle',
    reasonCode: 'Too_Early',
    reasonLabel: 'Too early',
    note: 'Call back after their budget cycle',
    actorName: 'Sam SDR',
    occurredAt: '2026-03-02T14:40:00.000Z',
    minutesInPreviousStage: 25
});
const ACCEPTED = entry({
    id: 'a01000000000003AAA',
    fromStage: 'MQL',
    toStage: 'SAL',
    action: 'Accept',
    actorName: 'Sam SDR',
    occurredAt: '2026-03-02T14:15:00.000Z',
    minutesInPreviousStage: 5,
    slaMet: true
});
const PROMOTED = entry({});

const createHistory = (entries: HistoryEntry[]) => mount('c-lead-stage-history', LeadStageHistory, { entries });

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const entryTexts = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll('[data-id="history-entry"]')).map((item) =>
        item.textContent?.replace(/\s+/g, ' ').trim()
    );

describe('c-lead-stage-history', () => {
    afterEach(removeAll);

    it('shows who moved the lead, when, why and how long it stayed, in the order given (newest first)', async () => {
        const element = await createHistory([RECYCLED, ACCEPTED, PROMOTED]);
        const entries = entryTexts(element);
        expect(entries).toHaveLength(3);
        expect(entries[0]).toContain('Recycled: SAL → Recycled');
        expect(entries[0]).toContain('by Sam SDR');
        expect(entries[0]).toContain('Reason: Too early');
        expect(entries[0]).toContain('Call back after their budget cycle');
        expect(entries[0]).toContain('25 min in SAL');
        expect(entries[0]).not.toContain('SLA');
        expect(entries[1]).toContain('Accepted: MQL → SAL');
        expect(entries[1]).toContain('5 min in MQL SLA met');
        expect(entries[2]).toContain('Promoted: Lead → MQL');
        expect(entries[2]).toContain('by automation');
        expect(entries[2]).toContain('3 d 0 h in Lead');
        const when = root(element).querySelector('lightning-formatted-date-time') as unknown as { value: string };
        expect(when.value).toBe('2026-03-02T14:40:00.000Z');
        expect(root(element).querySelector('h3')?.textContent).toBe('Stage history');
        await expect(element).toBeAccessible();
    });

    it('says when the response SLA was missed, shows a reason code without a label, and no time without a stage before', async () => {
        const element = await createHistory([
            entry({ fromStage: 'MQL', toStage: 'Rejected', action: 'Reject', reasonCode: 'Spam', slaMet: false }),
            entry({ id: 'a01000000000004AAA', fromStage: null, action: 'Override', minutesInPreviousStage: 12 })
        ]);
        const [rejected, created] = entryTexts(element);
        expect(rejected).toContain('Rejected: MQL → Rejected');
        expect(rejected).toContain('Reason: Spam');
        expect(rejected).toContain('SLA missed');
        expect(created).toContain('Moved by override: — → MQL');
        expect(created).not.toContain('min in');
    });

    it('says when nothing was recorded yet', async () => {
        const element = await createHistory([]);
        expect(root(element).textContent).toContain('No stage changes recorded yet.');
        expect(root(element).querySelector('ol')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
