// One emulated transaction (or Apex test method): the shared state every layer reads and writes.
import type { ProjectMetadata } from '../core/metadata.ts';
import type {
    CustomNotificationSent,
    LimitCounters,
    PublishedEvent,
    ScheduledWork,
    Store,
    Transaction,
    UserContext
} from '../core/runtime.ts';

/** A clock that tests and the workbench can set and move; by default it follows the real one. */
export class Clock {
    private fixed: number | null = null;

    now(): number {
        return this.fixed ?? Date.now();
    }

    set(ms: number): void {
        this.fixed = ms;
    }

    advance(ms: number): void {
        this.fixed = this.now() + ms;
    }

    /** Follows the real clock again. */
    release(): void {
        this.fixed = null;
    }
}

export function emptyLimits(): LimitCounters {
    return { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0, customNotifications: 0, publishImmediateDml: 0 };
}

export class OrgTransaction implements Transaction {
    readonly metadata: ProjectMetadata;
    readonly store: Store;
    readonly clock: Clock;
    /** The running user; System.runAs pushes and pops. */
    private readonly users: UserContext[];
    /** Test.startTest gives the code under test fresh limits; stopTest returns to the test's own. */
    private readonly limitStack: LimitCounters[] = [emptyLimits()];
    readonly publishedEvents: PublishedEvent[] = [];
    readonly notifications: CustomNotificationSent[] = [];
    readonly scheduled: ScheduledWork[] = [];

    constructor(metadata: ProjectMetadata, store: Store, clock: Clock, user: UserContext) {
        this.metadata = metadata;
        this.store = store;
        this.clock = clock;
        this.users = [user];
    }

    now(): number {
        return this.clock.now();
    }

    get user(): UserContext {
        return this.users[this.users.length - 1];
    }

    get limits(): LimitCounters {
        return this.limitStack[this.limitStack.length - 1];
    }

    runAs<T>(user: UserContext, body: () => T): T {
        this.users.push(user);
        try {
            return body();
        } finally {
            this.users.pop();
        }
    }

    startLimitsContext(): void {
        this.limitStack.push(emptyLimits());
    }

    endLimitsContext(): void {
        if (this.limitStack.length > 1) this.limitStack.pop();
    }
}
