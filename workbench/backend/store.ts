// The local database: one JSON document in the state folder. Every backend call runs in a transaction on a copy of
// the state that replaces it only when the call succeeds (an Apex transaction's rollback), and calls run one at a
// time (the store is the lock, like FOR UPDATE on the leads).
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_PREFIX, makeId, type KeyPrefix } from './ids.ts';
import type { FieldValue } from './metadata.ts';

export interface Lead {
    Id: string;
    FirstName: string | null;
    LastName: string;
    Company: string | null;
    Title: string | null;
    Email: string | null;
    LeadSource: string | null;
    Status: string | null;
    OwnerId: string;
    IsConverted: boolean;
    ConvertedAccountId: string | null;
    ConvertedContactId: string | null;
    ConvertedOpportunityId: string | null;
    Lifecycle_Stage__c: string | null;
    Fit_Score__c: number | null;
    Intent_Score__c: number | null;
    Segment__c: string | null;
    Intent_Trigger__c: string | null;
    MQL_At__c: string | null;
    Accept_By__c: string | null;
    Accepted_At__c: string | null;
    Accepted_By__c: string | null;
    SLA_Outcome__c: string | null;
    Disposition_Reason__c: string | null;
    Disposition_Reason_Kind__c: string | null;
    Disposition_Note_Required__c: boolean;
    Disposition_Note__c: string | null;
    Recycle_Until__c: string | null;
    Recycle_Count__c: number | null;
    SQL_At__c: string | null;
    Qualification_Notes__c: string | null;
    Stage_Entered_At__c: string | null;
    CreatedDate: string;
    LastModifiedDate: string;
    LastModifiedById: string;
    /** other fields: the SQL checklist checkboxes named by policy, and the sample data's standard fields */
    [field: string]: FieldValue;
}

export interface StageEvent {
    Id: string;
    Name: string;
    Lead__c: string;
    From_Stage__c: string | null;
    To_Stage__c: string;
    Action__c: string;
    Reason_Code__c: string | null;
    Note__c: string | null;
    Actor__c: string;
    Occurred_At__c: string;
    Minutes_In_Previous_Stage__c: number;
    Business_Minutes_In_Previous_Stage__c: number;
    SLA_Met__c: boolean;
    Owner_At_Time__c: string | null;
    Owner_Id_At_Time__c: string | null;
    Lead_Source__c: string | null;
    Segment__c: string | null;
    Intent_Trigger__c: string | null;
    Fit_Score__c: number | null;
    Intent_Score__c: number | null;
}

export interface Opportunity {
    Id: string;
    Name: string;
    AccountId: string;
    Amount: number;
    CloseDate: string;
    StageName: string;
    IsWon: boolean;
    OwnerId: string;
    CreatedDate: string;
}

export interface NamedRecord {
    Id: string;
    Name: string;
    CreatedDate: string;
}

export interface ScheduledPath {
    flow: string;
    leadId: string;
    runAt: string;
}

export interface CustomNotification {
    type: string;
    recipientGroup: string;
    title: string;
    body: string;
    targetId: string;
    sentAt: string;
}

export interface PlatformEvent {
    channel: string;
    data: { payload: Record<string, unknown> };
}

export interface State {
    version: number;
    seededAt: string | null;
    serials: Record<string, number>;
    leads: Lead[];
    stageEvents: StageEvent[];
    accounts: NamedRecord[];
    contacts: NamedRecord[];
    opportunities: Opportunity[];
    scheduledPaths: ScheduledPath[];
    notifications: CustomNotification[];
}

const STATE_VERSION = 1;

export function emptyState(): State {
    return {
        version: STATE_VERSION,
        seededAt: null,
        serials: {},
        leads: [],
        stageEvents: [],
        accounts: [],
        contacts: [],
        opportunities: [],
        scheduledPaths: [],
        notifications: []
    };
}

/** The work of one call: a draft of the state, and the platform events to publish if it commits. */
export class Transaction {
    readonly events: PlatformEvent[] = [];
    private readonly leadIndex = new Map<string, Lead>();

    constructor(readonly state: State) {
        for (const lead of state.leads) this.leadIndex.set(lead.Id, lead);
    }

    newId(prefix: KeyPrefix): string {
        const serial = (this.state.serials[prefix] ?? 0) + 1;
        this.state.serials[prefix] = serial;
        return makeId(prefix, serial);
    }

    lead(id: string | null | undefined): Lead | undefined {
        return id ? this.leadIndex.get(id) : undefined;
    }

    writeLead(lead: Lead): void {
        const existing = this.leadIndex.get(lead.Id);
        if (existing) Object.assign(existing, lead);
        else {
            this.state.leads.push(lead);
            this.leadIndex.set(lead.Id, lead);
        }
    }

    deleteLead(id: string): void {
        this.state.leads = this.state.leads.filter((lead) => lead.Id !== id);
        this.leadIndex.delete(id);
    }

    /** A copy to return to if later work fails (Database.setSavepoint). */
    checkpoint(): { state: string; events: number } {
        return { state: JSON.stringify(this.state), events: this.events.length };
    }

    rollback(checkpoint: { state: string; events: number }): void {
        Object.assign(this.state, JSON.parse(checkpoint.state) as State);
        this.reindex();
        this.events.length = checkpoint.events;
    }

    reindex(): void {
        this.leadIndex.clear();
        for (const lead of this.state.leads) this.leadIndex.set(lead.Id, lead);
    }

    nextStageEventName(): string {
        const serial = (this.state.serials.stageEventName ?? 0) + 1;
        this.state.serials.stageEventName = serial;
        return `SE-${String(serial).padStart(7, '0')}`;
    }
}

export class Store {
    private state: State;
    private queue: Promise<unknown> = Promise.resolve();
    private readonly file: string | null;

    constructor(stateDir: string | null) {
        this.file = stateDir ? join(stateDir, 'state.json') : null;
        if (stateDir) mkdirSync(stateDir, { recursive: true });
        this.state = this.readFile() ?? emptyState();
    }

    get isEmpty(): boolean {
        return this.state.seededAt === null;
    }

    private readFile(): State | null {
        if (!this.file || !existsSync(this.file)) return null;
        try {
            const state = JSON.parse(readFileSync(this.file, 'utf8')) as State;
            return state.version === STATE_VERSION ? state : null;
        } catch {
            return null;
        }
    }

    private persist(): void {
        if (!this.file) return;
        const temporary = `${this.file}.tmp`;
        writeFileSync(temporary, JSON.stringify(this.state));
        renameSync(temporary, this.file);
    }

    /**
     * Runs `work` alone (calls queue up) on a copy of the state; the copy replaces the state only if `work`
     * returns, and then its platform events are handed to `publish` (events publish after commit).
     */
    transaction<T>(work: (tx: Transaction) => T, publish: (events: PlatformEvent[]) => void): Promise<T> {
        const run = () => {
            const tx = new Transaction(JSON.parse(JSON.stringify(this.state)) as State);
            const result = work(tx);
            this.state = tx.state;
            this.persist();
            publish(tx.events);
            return result;
        };
        const next = this.queue.then(run, run);
        this.queue = next.catch(() => undefined);
        return next;
    }

    /** Runs `work` alone on the state itself, for calls that change nothing (no copy, no write). */
    read<T>(work: (tx: Transaction) => T): Promise<T> {
        const run = () => work(new Transaction(this.state));
        const next = this.queue.then(run, run);
        this.queue = next.catch(() => undefined);
        return next;
    }

    hasScheduledPathsDue(now: Date): boolean {
        return this.state.scheduledPaths.some((path) => new Date(path.runAt) <= now);
    }

    /** Read-only view for tests and the seed check. */
    snapshot(): State {
        return JSON.parse(JSON.stringify(this.state)) as State;
    }

    replace(state: State): void {
        this.state = state;
        this.persist();
    }
}

export { KEY_PREFIX };
