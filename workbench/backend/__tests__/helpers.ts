// Shared set-up for the backend specifications: an empty local org on a movable clock, and leads made through the
// same automation the workbench uses.
import { createBackend, type Backend } from '../index.ts';
import type { Lead } from '../store.ts';

export const TUESDAY_10_NY = new Date('2026-11-24T15:00:00.000Z');

export interface TestOrg {
    backend: Backend;
    clock: { now: Date };
    /** moves the clock by minutes */
    advance(minutes: number): void;
    insert(fields: Partial<Lead>, personaId?: string): Promise<Lead>;
    lead(leadId: string): Promise<Lead>;
    userId(personaId: string): Promise<string>;
    queueId(developerName: string): Promise<string>;
}

export async function testOrg(options: { seed?: boolean; stateDir?: string | null } = {}): Promise<TestOrg> {
    const clock = { now: TUESDAY_10_NY };
    const backend = await createBackend({
        root: process.cwd(),
        stateDir: options.stateDir ?? null,
        seed: options.seed ?? false,
        now: () => clock.now
    });
    return {
        backend,
        clock,
        advance(minutes) {
            clock.now = new Date(clock.now.getTime() + minutes * 60_000);
        },
        insert: (fields, personaId = 'admin') =>
            backend.run((tx, { automation, user, now }) => ({
                ...automation.insert(
                    tx,
                    { user: user(personaId), now: now() },
                    { LastName: 'Test', Company: 'Test Co', ...fields }
                )
            })),
        lead: (leadId) => backend.run((tx) => ({ ...(tx.lead(leadId) as Lead) })),
        userId: (personaId) => backend.run((_tx, { user }) => user(personaId).Id),
        queueId: (developerName) => backend.run((_tx, { org }) => String(org.queueByName(developerName)?.Id))
    };
}

/** A lead over both thresholds with the Webinar trigger (240 business minutes): an MQL in SDR Inbound. */
export const QUALIFYING = { Fit_Score__c: 80, Intent_Score__c: 70, Intent_Trigger__c: 'Webinar' };

export function decision(action: string, leadIds: string[], extra: Record<string, unknown> = {}) {
    return {
        request: {
            action,
            leads: leadIds.map((leadId) => ({ leadId, seenStage: 'MQL' })),
            reasonCode: null,
            note: null,
            recycleUntil: null,
            allowPartial: false,
            ...extra
        }
    };
}
