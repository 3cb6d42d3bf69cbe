// The workbench's local "org": the Apex controllers' contract (types/apex) on a JSON store, with the Lead automation,
// policy and sample data read from the project's files. Used by the workbench server and by Jest.
import { Automation, type SaveContext } from './automation.ts';
import { BusinessHoursClock } from './clock.ts';
import { ApexError, CONTROLLERS, WRITE_METHODS, type Services } from './controllers.ts';
import { loadProjectMetadata } from './metadata.ts';
import { Org, PERSONAS, type User } from './org.ts';
import { Policy } from './policy.ts';
import { seed, sampleRows } from './seed.ts';
import { LeadHandoffService } from './service.ts';
import { Store, emptyState, type PlatformEvent, type Transaction } from './store.ts';

export { ApexError } from './controllers.ts';
export type { PlatformEvent } from './store.ts';

export interface BackendOptions {
    /** the project folder (holds sfdx-project.json, data/, config/) */
    root: string;
    /** where the state lives between runs (git-ignored); null keeps it in memory */
    stateDir: string | null;
    /** the clock; tests move it */
    now?: () => Date;
    /** seed data/ into an empty store (default true) */
    seed?: boolean;
}

export interface Persona {
    id: string;
    name: string;
    description: string;
}

export interface Backend {
    personas(): Persona[];
    /** Calls an @AuraEnabled method as a persona; rejects with ApexError like an Apex exception reaches an LWC. */
    call(personaId: string, apexClass: string, method: string, params: Record<string, unknown>): Promise<unknown>;
    /** Platform events (`/event/Lead_Handoff_Event__e`), delivered after each call commits. */
    subscribe(listener: (event: PlatformEvent) => void): () => void;
    /** Forgets every change and seeds the sample data again. */
    reset(): Promise<void>;
    /** For tests and scripts: runs work in one transaction with the org's services. */
    run<T>(work: (tx: Transaction, services: Services & WorkbenchServices) => T): Promise<T>;
}

export interface WorkbenchServices {
    clock: BusinessHoursClock;
    automation: Automation;
    now: () => Date;
    user(personaId: string): User;
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export async function createBackend(options: BackendOptions): Promise<Backend> {
    const now = options.now ?? (() => new Date());
    const metadata = loadProjectMetadata(options.root);
    const policy = new Policy(metadata.customMetadata);
    const org = new Org(metadata);
    const clock = new BusinessHoursClock(metadata.businessHours);
    const automation = new Automation(org, policy, clock, metadata.leadValidationRules);
    const service = new LeadHandoffService(org, policy, automation, metadata.leadFieldTypes);
    const user = (personaId: string) => {
        const found = org.user(personaId);
        if (!found) throw new ApexError(`Unknown persona "${personaId}".`, 400);
        return found;
    };
    const services = {
        org,
        policy,
        service,
        leadFieldTypes: metadata.leadFieldTypes,
        leadPicklistLabels: metadata.leadPicklistLabels,
        clock,
        automation,
        now,
        user
    };
    const store = new Store(options.stateDir);
    const listeners = new Set<(event: PlatformEvent) => void>();
    const publish = (events: PlatformEvent[]) => {
        for (const event of events) for (const listener of listeners) listener(clone(event));
    };
    const automatedProcess = user('automated-process');
    const seedSample = (tx: Transaction) => seed(tx, services, sampleRows(options.root), now());

    if (store.isEmpty && options.seed !== false) await store.transaction(seedSample, () => undefined);

    return {
        personas: () => PERSONAS.map(({ id, name, description }) => ({ id, name, description })),

        call(personaId, apexClass, method, params) {
            const handler = CONTROLLERS[apexClass]?.[method];
            if (!handler)
                return Promise.reject(new ApexError(`No Apex method ${apexClass}.${method} in the workbench.`, 404));
            const request = clone(params ?? {});
            const work = (tx: Transaction) => {
                const ctx: SaveContext = { user: user(personaId), now: now() };
                automation.runScheduledPaths(tx, ctx.now, automatedProcess);
                return clone(handler(tx, ctx, request, services));
            };
            const needsWrite = WRITE_METHODS.has(`${apexClass}.${method}`) || store.hasScheduledPathsDue(now());
            return needsWrite ? store.transaction(work, publish) : store.read(work);
        },

        subscribe(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },

        async reset() {
            await store.transaction(
                (tx) => {
                    Object.assign(tx.state, emptyState());
                    tx.reindex();
                    if (options.seed !== false) seedSample(tx);
                },
                () => undefined
            );
        },

        run: (work) => store.transaction((tx) => work(tx, services), publish)
    };
}
