// The local "org": users (the personas plus a data-load admin and the Automated Process user), queues and public
// groups from force-app/main/access, and what each user may read, edit and do, from the permission sets.
import { KEY_PREFIX, makeId } from './ids.ts';
import type { PermissionSetDefinition, ProjectMetadata, QueueDefinition } from './metadata.ts';

export const SALES_REVIEW_PERMISSION = 'Lead_Handoff_Sales_Review';
/** The manager views' permission; it also opens every routing queue's inbox read-only. */
export const VIEW_QUEUE_HEALTH_PERMISSION = 'Lead_Handoff_View_Queue_Health';
export const BYPASS_VALIDATION_PERMISSION = 'Lead_Handoff_Bypass_Validation';
export const USER_TIME_ZONE = 'America/New_York';

export interface PersonaDefinition {
    id: string;
    name: string;
    description: string;
    permissionSets: string[];
    groups: string[];
}

export interface User {
    Id: string;
    Name: string;
    personaId: string | null;
    permissionSets: string[];
    groups: string[];
}

export interface Queue {
    Id: string;
    DeveloperName: string;
    Name: string;
    memberGroups: string[];
}

/** The people you can be in the workbench: each one shows a different side of queue ownership and access. */
export const PERSONAS: PersonaDefinition[] = [
    {
        id: 'sdr-a',
        name: 'Dana Reyes',
        description: 'SDR (Lead_Handoff_SDR), works the SDR Inbound queue through Lead_Handoff_SDRs.',
        permissionSets: ['Lead_Handoff_SDR'],
        groups: ['Lead_Handoff_SDRs']
    },
    {
        id: 'sdr-b',
        name: 'Sam Okafor',
        description: 'A second SDR in the same queue: accept the same lead in two tabs and only one of you wins.',
        permissionSets: ['Lead_Handoff_SDR'],
        groups: ['Lead_Handoff_SDRs']
    },
    {
        id: 'manager',
        name: 'Morgan Lee',
        description:
            'Sales development manager (Lead_Handoff_Manager, Sales review permission): works Sales Review, Nurture and Escalations.',
        permissionSets: ['Lead_Handoff_Manager'],
        groups: ['Lead_Handoff_Managers']
    },
    {
        id: 'no-access',
        name: 'Jordan Blake',
        description: 'In the SDR group but without the Lead Handoff SDR permission set: every action is refused.',
        permissionSets: [],
        groups: ['Lead_Handoff_SDRs']
    }
];

/** Loads the sample data (like `sf data tree import` run by an admin) and owns the leads no queue took. */
export const DATA_LOAD_ADMIN: PersonaDefinition = {
    id: 'admin',
    name: 'Avery Admin',
    description: 'Lead Handoff admin who imported the sample data.',
    permissionSets: ['Lead_Handoff_Admin'],
    groups: []
};

/** Runs scheduled paths (the SLA breach), as in an org. */
export const AUTOMATED_PROCESS: PersonaDefinition = {
    id: 'automated-process',
    name: 'Automated Process',
    description: 'Runs the SLA breach scheduled path.',
    permissionSets: [],
    groups: []
};

export class Org {
    readonly users: User[];
    readonly queues: Queue[];
    private readonly permissionSets = new Map<string, PermissionSetDefinition>();

    constructor(metadata: ProjectMetadata) {
        for (const permissionSet of metadata.permissionSets) this.permissionSets.set(permissionSet.name, permissionSet);
        const everyone = [...PERSONAS, DATA_LOAD_ADMIN, AUTOMATED_PROCESS];
        this.users = everyone.map((persona, index) => ({
            Id: makeId(KEY_PREFIX.user, index + 1),
            Name: persona.name,
            personaId: persona.id,
            permissionSets: persona.permissionSets,
            groups: persona.groups
        }));
        for (const user of this.users) {
            for (const name of user.permissionSets) {
                if (!this.permissionSets.has(name)) {
                    throw new Error(
                        `Persona ${user.Name} names permission set ${name}, which force-app does not define.`
                    );
                }
            }
        }
        this.queues = metadata.queues
            .filter((queue: QueueDefinition) => queue.sobjectTypes.includes('Lead'))
            .sort((left, right) => (left.developerName < right.developerName ? -1 : 1))
            .map((queue, index) => ({
                Id: makeId(KEY_PREFIX.group, index + 1),
                DeveloperName: queue.developerName,
                Name: queue.name,
                memberGroups: queue.memberGroups
            }));
    }

    user(personaId: string): User | undefined {
        return this.users.find((user) => user.personaId === personaId);
    }

    userById(id: string | null | undefined): User | undefined {
        return this.users.find((user) => user.Id === id);
    }

    queueByName(developerName: string | null | undefined): Queue | undefined {
        return this.queues.find((queue) => queue.DeveloperName === developerName);
    }

    queueById(id: string | null | undefined): Queue | undefined {
        return this.queues.find((queue) => queue.Id === id);
    }

    /** The name of a user or queue Id (Owner.Name). */
    ownerName(id: string | null | undefined): string | null {
        return this.queueById(id)?.Name ?? this.userById(id)?.Name ?? null;
    }

    hasCustomPermission(user: User, permission: string): boolean {
        return user.permissionSets.some((name) =>
            this.permissionSets.get(name)?.customPermissions.includes(permission)
        );
    }

    /**
     * Field-level security on Lead. Standard fields come with the Standard User profile's Lead access; custom fields
     * only through a permission set's fieldPermissions.
     */
    canReadLeadField(user: User, field: string): boolean {
        return this.leadFieldAccess(user, field, 'readable');
    }

    canEditLeadField(user: User, field: string): boolean {
        return this.leadFieldAccess(user, field, 'editable');
    }

    private leadFieldAccess(user: User, field: string, access: 'readable' | 'editable'): boolean {
        if (!field.endsWith('__c')) return true;
        return user.permissionSets.some((name) => this.permissionSets.get(name)?.fields[`Lead.${field}`]?.[access]);
    }

    /** The Standard User profile creates accounts, contacts and opportunities and converts leads. */
    mayConvert(user: User): boolean {
        return user.personaId !== AUTOMATED_PROCESS.id;
    }

    /** Queues the user belongs to through a public group (as LeadQueueAccess resolves them: one level). */
    memberQueues(user: User): Queue[] {
        return this.queues.filter((queue) => queue.memberGroups.some((group) => user.groups.includes(group)));
    }
}
