// A long-lived local org for an interactive host (a workbench server): the project loaded once, one store, one clock
// the host moves, the Apex engine wired to the SOQL, save and access engines, users created from plain descriptions,
// and scheduled paths kept between transactions until the clock passes their time.
import type { ProjectMetadata } from '../core/metadata.ts';
import type {
    CustomNotificationSent,
    PublishedEvent,
    ScheduledWork,
    Transaction,
    UserContext
} from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import { SDatetime, type FieldValue } from '../core/values.ts';
import { MemoryStore } from '../data/memory-store.ts';
import type { FlowRunner } from '../flow/index.ts';
import { LocalSaveEngine } from '../save/engine.ts';
import { Clock } from '../platform/transaction.ts';
import { createApexEngine, type ApexEngine } from '../apex/index.ts';
import { loadProject, seedOrg, STANDARD_USER } from '../project/index.ts';
import { buildEngines } from '../testing/wiring.ts';
import { userContextOf } from '../testing/users.ts';
import type { Engines } from '../testing/runner.ts';

export interface UserDefinition {
    username: string;
    firstName: string;
    lastName: string;
    /** Profile name (default Standard User). */
    profile?: string;
    /** Permission set API names, assigned with PermissionSetAssignment rows. */
    permissionSets?: string[];
    /** Public groups (DeveloperName) the user is a member of (GroupMember rows). */
    groups?: string[];
    timeZone?: string;
}

export type EventListener = (event: PublishedEvent) => void;

/** A custom notification as its recipients see it: sent by a committed transaction, groups and queues expanded. */
export interface DeliveredNotification extends CustomNotificationSent {
    /** The active users it reached: users named, and the active user members of groups and queues named. */
    userIds: string[];
}

export class LocalOrg {
    readonly metadata: ProjectMetadata;
    readonly store: MemoryStore;
    readonly clock = new Clock();
    readonly apex: ApexEngine;
    readonly engines: Engines;
    /** The save engine's record-triggered flows (pending scheduled paths are restored through it). */
    readonly flows: FlowRunner;
    admin!: UserContext;
    /** The transaction being run (formula fields read through SOQL need its user and clock). */
    current: Transaction | null = null;
    /** Scheduled paths waiting for their time, by key (a later schedule of the same key replaces it). */
    readonly pending = new Map<string, ScheduledWork>();
    /** Custom notifications sent by committed transactions, oldest first (what a host shows in a bell). */
    readonly notifications: DeliveredNotification[] = [];
    private readonly listeners = new Set<EventListener>();
    private anonymous = 0;

    constructor(metadata: ProjectMetadata, now: number) {
        this.metadata = metadata;
        this.store = new MemoryStore(metadata.schema);
        this.apex = createApexEngine({ classes: metadata.apexClasses });
        this.engines = buildEngines(metadata, this.apex, this.store, () => this.current);
        this.apex.queryEngine = this.engines.queryEngine;
        this.apex.saveEngine = this.engines.saveEngine;
        this.apex.access = this.engines.access;
        const save = this.engines.saveEngine;
        if (!(save instanceof LocalSaveEngine)) throw new Error('the org needs the save engine with its flow runner');
        this.flows = save.flows;
        this.clock.set(now);
        this.reseed();
    }

    /** Empties the store and seeds what every org and the deployed metadata create. */
    reseed(): void {
        this.store.restore({ issued: 0, records: [] });
        this.pending.clear();
        this.admin = seedOrg(this.metadata, this.store, { now: this.clock.now() }).admin;
    }

    /** Inserts a user with their permission sets and group memberships (setup data, as a deploy script would). */
    createUser(definition: UserDefinition): UserContext {
        const stamp = new SDatetime(this.clock.now());
        const put = (type: string, values: Record<string, FieldValue>): string => {
            const id = this.store.newId(type);
            const record = new SObject(type, { Id: id, ...values });
            const describe = this.metadata.schema.object(type);
            if (describe?.fields.has('createddate')) {
                record.set('CreatedDate', stamp);
                record.set('CreatedById', this.admin.id);
            }
            if (describe?.fields.has('lastmodifieddate')) {
                record.set('LastModifiedDate', stamp);
                record.set('LastModifiedById', this.admin.id);
            }
            this.store.put(record);
            return id;
        };
        const profileName = definition.profile ?? STANDARD_USER;
        const profile = this.store.all('Profile').find((row) => row.get('Name') === profileName);
        if (!profile) throw new Error(`No profile named ${profileName} in the org`);
        const alias = `u${++this.anonymous}`;
        const userId = put('User', {
            Username: definition.username,
            FirstName: definition.firstName,
            LastName: definition.lastName,
            Name: `${definition.firstName} ${definition.lastName}`.trim(),
            Alias: alias,
            Email: definition.username,
            CommunityNickname: alias,
            ProfileId: profile.id,
            IsActive: true,
            TimeZoneSidKey: definition.timeZone ?? this.admin.timeZone,
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US',
            UserType: 'Standard'
        });
        for (const name of definition.permissionSets ?? []) {
            const set = this.store.all('PermissionSet').find((row) => row.get('Name') === name);
            if (!set) throw new Error(`No permission set ${name} in the project (user ${definition.username})`);
            put('PermissionSetAssignment', { AssigneeId: userId, PermissionSetId: set.id });
        }
        for (const name of definition.groups ?? []) {
            const group = this.store.all('Group').find((row) => row.get('DeveloperName') === name);
            if (!group) throw new Error(`No group ${name} in the project (user ${definition.username})`);
            put('GroupMember', { GroupId: group.id, UserOrGroupId: userId });
        }
        return this.user(definition.username)!;
    }

    /** The running-user context of a stored user, by username or Id. */
    user(usernameOrId: string): UserContext | null {
        const record = this.store
            .all('User')
            .find((row) => row.get('Username') === usernameOrId || row.id === usernameOrId);
        return record ? userContextOf(this.store, record) : null;
    }

    /** The custom permissions the user has (profile and permission sets), as `$Permission` and FeatureManagement see them. */
    customPermissions(user: UserContext): string[] {
        const access = this.engines.access;
        if (!access) return [];
        return [...this.metadata.customPermissions].filter((name) => access.customPermission(user, this.store, name));
    }

    subscribe(listener: EventListener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /**
     * Keeps the notifications of a committed transaction, each with the active users it reached: a group or queue
     * named as recipient reaches its active user members, through member groups too ("GroupId — sent to all active
     * group members", "QueueId — sent to all active queue members": Custom Notification Actions, REST API Developer
     * Guide, https://developer.salesforce.com/docs/platform/api-action/guide/actions-obj-custom-notification.html).
     */
    deliverNotifications(sent: CustomNotificationSent[]): void {
        for (const notification of sent) {
            const users = new Set<string>();
            const seen = new Set<string>();
            const expand = (id: string): void => {
                if (seen.has(id)) return;
                seen.add(id);
                const record = this.store.get(id);
                if (record?.type === 'User') {
                    if (record.get('IsActive') !== false) users.add(id);
                    return;
                }
                for (const member of this.store.all('GroupMember'))
                    if (member.get('GroupId') === id) expand(String(member.get('UserOrGroupId')));
            };
            for (const id of notification.recipientIds) expand(id);
            this.notifications.push({ ...notification, userIds: [...users] });
        }
    }

    /** Platform events are delivered after the transaction that published them commits. */
    deliver(events: PublishedEvent[]): void {
        for (const event of events) for (const listener of this.listeners) listener(event);
    }
}

export function createLocalOrg(options: { root: string; now?: number }): LocalOrg {
    return new LocalOrg(loadProject(options.root), options.now ?? Date.now());
}
