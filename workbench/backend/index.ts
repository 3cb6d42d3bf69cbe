// The workbench's org: local-org running this project's Apex, SOQL, validation rules and flows. Each Apex call of a
// component runs the @AuraEnabled method as the tab's persona; personas are Users with the permission sets and
// groups of workbench/personas.json; the sample data is data/ played through the product (seed.ts); the clock is
// the workbench's, and scheduled paths run when it passes their time. State: <stateDir>/local-org-state.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    loadAura,
    type Json,
    type LimitCounters,
    type LocalOrg,
    type PublishedEvent,
    type UserContext
} from './local-org.ts';
import { seed, sampleExtras, sampleRows, sampleTouches } from './seed.ts';
import { StateFile } from './state.ts';

export interface BackendOptions {
    /** the project folder (holds sfdx-project.json, data/, workbench/personas.json) */
    root: string;
    /** where the state lives between runs (git-ignored); null keeps it in memory */
    stateDir: string | null;
    /** the clock; tests move it */
    now?: () => Date;
    /** seed data/ into an empty store (default true) */
    seed?: boolean;
    /** where one-line notices go (a state file moved aside, a scheduled path that failed) */
    log?: (line: string) => void;
}

export interface Persona {
    id: string;
    name: string;
    description: string;
    /** the persona's User Id in local-org (`@salesforce/user/Id`) */
    userId: string;
    /** the custom permissions the persona's permission sets grant (`@salesforce/customPermission/<name>`) */
    customPermissions: string[];
}

/** What reaches a component when an Apex call fails: `error.status` and `error.body.message`, as in Lightning. */
export class ApexError extends Error {
    constructor(
        readonly status: number,
        readonly body: { message: string; exceptionType?: string; [key: string]: unknown }
    ) {
        super(body.message);
    }
}

/** A platform event as lightning/empApi hands it to a subscriber. */
export interface PlatformEvent {
    channel: string;
    data: { schema?: string; payload: Record<string, unknown>; event: { replayId: number } };
}

export type ClockStep = 'hour' | 'businessDay';

/** A custom notification as the bell shows it. */
export interface WorkbenchNotification {
    title: string;
    body: string;
    targetId: string | null;
    sentAt: string;
}

export interface Backend {
    personas(): Persona[];
    /** Calls an @AuraEnabled method as a persona; rejects with ApexError as an Apex exception reaches an LWC. */
    call(personaId: string, apexClass: string, method: string, params: Record<string, unknown>): Promise<unknown>;
    /** lightning/uiRecordApi updateRecord as a persona. */
    updateRecord(personaId: string, input: { fields: Record<string, unknown> }): Promise<{ id: string }>;
    /** Platform events (`/event/<Event__e>`), delivered after each transaction commits. */
    subscribe(listener: (event: PlatformEvent) => void): () => void;
    /** Forgets every change and seeds the sample data again. */
    reset(): Promise<void>;
    /** The workbench clock (the option's clock plus the moves of the header control). */
    now(): Date;
    /** Moves the clock forward and runs the scheduled paths it passes. */
    advanceClock(step: ClockStep): Promise<Date>;
    /** Inserts records as a persona through the order of execution (benchmarks, tests). */
    insert(personaId: string, objectName: string, rows: Record<string, unknown>[]): Promise<(string | null)[]>;
    /** A stored record's fields (Dates 'YYYY-MM-DD', Datetimes ISO), for tests; null when there is none. */
    record(id: string): Record<string, Json> | null;
    userId(personaId: string): string;
    /** SOQL queries and DML statements of the last Apex call. */
    lastLimits(): LimitCounters | null;
    /** The custom notifications that reached a persona since the workbench started, newest first. */
    notifications(personaId: string): WorkbenchNotification[];
    /** Writes pending state now. */
    flush(): void;
    /** How this backend started: 'loaded' from the state folder, or 'seeded' afresh. */
    readonly started: 'loaded' | 'seeded';
}

interface PersonaFile {
    timeZone: string;
    personas: (Persona & PersonaDefinition)[];
    dataLoader: Persona & PersonaDefinition;
}
interface PersonaDefinition {
    username: string;
    firstName: string;
    lastName: string;
    profile?: string;
    permissionSets: string[];
    groups: string[];
    /** The persona's SDR_Capacity__c record (sample data for assignment and the SDR load view), if they have one. */
    capacity?: Record<string, Json>;
}

const HOUR = 3_600_000;

function jsonOf(value: unknown): Json {
    if (value === null || value === undefined) return null;
    if (typeof value === 'object' && 'ms' in value) return new Date((value as { ms: number }).ms).toISOString();
    if (typeof value === 'object') return String(value);
    return value as Json;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
    const log = options.log ?? ((line: string) => console.log(line));
    const base = options.now ?? (() => new Date());
    let offset = 0;
    const now = () => new Date(base().getTime() + offset);
    const aura = await loadAura(options.root);
    const file = JSON.parse(readFileSync(join(options.root, 'workbench', 'personas.json'), 'utf8')) as PersonaFile;
    const org: LocalOrg = aura.createLocalOrg({ root: options.root, now: now().getTime() });
    const state = new StateFile(options.stateDir, aura, log);
    let limits: LimitCounters | null = null;

    const createUsers = () => {
        for (const persona of [...file.personas, file.dataLoader]) {
            if (!org.user(persona.username)) org.createUser({ ...persona, timeZone: file.timeZone });
        }
    };
    const user = (personaId: string): UserContext => {
        const persona = [...file.personas, file.dataLoader].find((candidate) => candidate.id === personaId);
        const found = persona && org.user(persona.username);
        if (!found) throw new ApexError(400, { message: `Unknown persona "${personaId}".` });
        return found;
    };
    const createCapacities = () => {
        const rows = file.personas
            .filter((persona) => persona.capacity)
            .map((persona) => ({ ...persona.capacity, SDR__c: user(persona.id).id }));
        if (!rows.length) return;
        const outcome = aura.insertRecords(org, user(file.dataLoader.id), 'SDR_Capacity__c', rows);
        outcome.errors.forEach((errors, index) => {
            if (errors.length) log(`seed: SDR capacity ${index + 1} was not inserted: ${errors.join(' ')}`);
        });
    };
    const seedSample = () => {
        org.reseed();
        createUsers();
        if (options.seed === false) return;
        createCapacities();
        const calendarName = org.metadata.businessHours[0]?.name;
        seed(
            {
                aura,
                org,
                dataLoader: user(file.dataLoader.id),
                deciders: file.personas.map((persona) => org.user(persona.username)!).slice(0, 3),
                calendar: aura.businessHours(org, calendarName),
                log
            },
            sampleRows(options.root),
            now().getTime(),
            sampleExtras(options.root),
            sampleTouches(options.root)
        );
    };

    /** Brings the org to the workbench clock: scheduled paths due by now run first, at their own time. */
    const sync = () => {
        const at = now().getTime();
        const pending = org.pending.size;
        for (const run of aura.runDue(org, at)) if (run.error) log(`Scheduled path ${run.description}: ${run.error}`);
        org.clock.set(at);
        if (pending !== org.pending.size) state.changed(org);
    };

    const started = state.load(org) ? 'loaded' : 'seeded';
    if (started === 'seeded') {
        seedSample();
        state.save(org);
    }
    // Paths restored from the state that fell due while the workbench was stopped run now, each at its own time.
    sync();

    let replayId = 0;
    const listeners = new Set<(event: PlatformEvent) => void>();
    org.subscribe((event: PublishedEvent) => {
        const payload: Record<string, unknown> = { CreatedDate: new Date(event.publishedAt).toISOString() };
        for (const [field, value] of Object.entries(event.fields)) payload[field] = jsonOf(value);
        const message: PlatformEvent = {
            channel: `/event/${event.type}`,
            data: { payload, event: { replayId: ++replayId } }
        };
        for (const listener of listeners) listener(message);
    });

    return {
        personas: () =>
            file.personas.map(({ id, description, firstName, lastName }) => ({
                id,
                name: `${firstName} ${lastName}`,
                description,
                userId: user(id).id,
                customPermissions: org.customPermissions(user(id))
            })),

        async call(personaId, apexClass, method, params) {
            const runner = user(personaId);
            sync();
            const result = aura.invokeAura(org, runner, apexClass, method, params ?? {});
            limits = result.limits;
            if (result.limits.dmlStatements > 0) state.changed(org);
            if (result.ok) return result.value;
            if (result.unsupported) log(`Apex ${apexClass}.${method} as ${personaId}: ${result.body.message}`);
            throw new ApexError(result.status, { ...result.body });
        },

        async updateRecord(personaId, input) {
            const runner = user(personaId);
            sync();
            const result = aura.saveRecord(org, runner, input);
            if (!result.ok) throw new ApexError(result.status, result.body);
            limits = result.limits;
            state.changed(org);
            return { id: result.id };
        },

        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },

        async reset() {
            offset = 0;
            seedSample();
            state.save(org);
        },

        now,

        async advanceClock(step) {
            const from = now().getTime();
            let to = from + HOUR;
            if (step === 'businessDay') {
                // The same moment on the next day the project's business hours are open (weekends and holidays skipped).
                const calendar = aura.businessHours(org, org.metadata.businessHours[0]?.name);
                to = from + 24 * HOUR;
                while (calendar.diff(to - 12 * HOUR, to + 12 * HOUR) === 0 && to < from + 30 * 24 * HOUR)
                    to += 24 * HOUR;
            }
            offset += to - from;
            sync();
            return now();
        },

        async insert(personaId, objectName, rows) {
            const runner = user(personaId);
            sync();
            const outcome = aura.insertRecords(org, runner, objectName, rows);
            limits = outcome.limits;
            state.changed(org);
            return outcome.ids;
        },

        record(id) {
            const stored = org.store.get(id);
            if (!stored) return null;
            const fields: Record<string, Json> = {};
            for (const name of stored.fieldNames()) {
                const value = stored.get(name);
                fields[name] = value && typeof value === 'object' && !('ms' in value) ? String(value) : jsonOf(value);
            }
            return fields;
        },

        notifications(personaId) {
            const userId = user(personaId).id;
            return org.notifications
                .filter((notification) => notification.userIds.includes(userId))
                .map(({ title, body, targetId, sentAt }) => ({
                    title,
                    body,
                    targetId,
                    sentAt: new Date(sentAt).toISOString()
                }))
                .reverse();
        },

        userId: (personaId) => user(personaId).id,
        lastLimits: () => limits,
        flush: () => state.flush(),
        started
    };
}
