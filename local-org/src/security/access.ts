// createAccessModel: what a user may do, from the profile and permission set assignments in the store, and which
// records they can see, as far as sharing is emulated: the object's organization-wide default (sharingModel),
// ownership (directly, or through a queue or public group the user belongs to, nested groups included) and
// View All / Modify All. Role hierarchy, sharing rules, manual shares and teams are not emulated (ledger).
// OWD: https://help.salesforce.com/s/articleView?id=sf.security_sharing_owd_about.htm
import type { ProjectMetadata } from '../core/metadata.ts';
import type { Store, UserContext } from '../core/runtime.ts';
import type { SObjectDescribe } from '../core/schema.ts';
import type { SObject } from '../core/sobject.ts';
import { sameId, toId18 } from '../core/ids.ts';
import { Permissions, type FieldAccess } from './permissions.ts';

export type { FieldAccess } from './permissions.ts';

/** One user's access, computed once (per query or DML statement) from the store. */
export interface UserAccess {
    readonly userId: string;
    /** Modify All Data (System Administrator). */
    readonly isAdmin: boolean;
    readonly profileName: string | null;
    /** Assigned permission sets (API names). */
    readonly permissionSets: string[];
    object(name: string): {
        read: boolean;
        create: boolean;
        edit: boolean;
        delete: boolean;
        viewAll: boolean;
        modifyAll: boolean;
    };
    field(objectName: string, fieldName: string): FieldAccess;
    hasCustomPermission(name: string): boolean;
    hasUserPermission(name: string): boolean;
    /** Groups and queues the user belongs to (18-character Ids), directly or through nested groups. */
    groupIds(): Set<string>;
    /** Record visibility (sharing). */
    canSee(record: SObject): boolean;
    /** Record edit access (sharing): owner, group/queue member of the owner, public read/write, Modify All. */
    canEdit(record: SObject): boolean;
}

export interface AccessModel {
    forUser(user: UserContext, store?: Store): UserAccess;
    /** FeatureManagement.checkPermission and $Permission. */
    hasCustomPermission(user: UserContext, name: string, store?: Store): boolean;
}

const VISIBLE_MODELS = new Set([
    'read',
    'readwrite',
    'readwritetransfer',
    'publicreadwrite',
    'publicread',
    'fullaccess',
    'public'
]);
const EDITABLE_MODELS = new Set(['readwrite', 'readwritetransfer', 'publicreadwrite', 'fullaccess']);

class StoreUserAccess implements UserAccess {
    readonly userId: string;
    readonly permissionSets: string[];
    private readonly permissions: Permissions;
    private groups: Set<string> | null = null;

    constructor(
        private readonly metadata: ProjectMetadata,
        private readonly store: Store,
        user: UserContext
    ) {
        this.userId = toId18(user.id) ?? user.id;
        const userRecord = store.get(user.id);
        const profileId = (userRecord?.get('ProfileId') as string | null | undefined) ?? user.profileId;
        const profile = profileId ? store.get(profileId) : undefined;
        const names = new Set(user.permissionSets);
        for (const assignment of store.all('PermissionSetAssignment')) {
            if (!sameId(assignment.get('AssigneeId') as string, user.id)) continue;
            const set = store.get(assignment.get('PermissionSetId') as string);
            if (set) names.add(String(set.get('Name')));
        }
        this.permissionSets = [...names];
        const definitions = this.permissionSets
            .map((name) => metadata.permissionSets.get(name))
            .filter((definition) => definition !== undefined);
        this.permissions = new Permissions(
            metadata,
            (profile?.get('Name') as string | undefined) ?? null,
            profile?.get('PermissionsModifyAllData') === true,
            definitions
        );
    }

    get isAdmin(): boolean {
        return this.permissions.isAdmin;
    }

    get profileName(): string | null {
        return this.permissions.profileName;
    }

    object(name: string): ReturnType<UserAccess['object']> {
        return this.permissions.object(name);
    }

    field(objectName: string, fieldName: string): FieldAccess {
        return this.permissions.field(objectName, fieldName);
    }

    hasCustomPermission(name: string): boolean {
        return this.permissions.hasCustomPermission(name);
    }

    hasUserPermission(name: string): boolean {
        return this.permissions.hasUserPermission(name);
    }

    groupIds(): Set<string> {
        if (this.groups) return this.groups;
        const members = this.store.all('GroupMember');
        const groups = new Set<string>();
        let added = true;
        while (added) {
            added = false;
            for (const member of members) {
                const memberId = toId18(member.get('UserOrGroupId') as string);
                const groupId = toId18(member.get('GroupId') as string);
                if (!memberId || !groupId || groups.has(groupId)) continue;
                if (memberId === this.userId || groups.has(memberId)) {
                    groups.add(groupId);
                    added = true;
                }
            }
        }
        this.groups = groups;
        return groups;
    }

    canSee(record: SObject): boolean {
        return this.shared(record, VISIBLE_MODELS, (access) => access.viewAll, 0);
    }

    canEdit(record: SObject): boolean {
        return this.shared(record, EDITABLE_MODELS, (access) => access.modifyAll, 0);
    }

    private shared(
        record: SObject,
        openModels: Set<string>,
        overrides: (access: ReturnType<UserAccess['object']>) => boolean,
        depth: number
    ): boolean {
        const describe = this.metadata.schema.object(record.type);
        if (!describe || this.isAdmin || overrides(this.object(describe.name))) return true;
        if (openModels === VISIBLE_MODELS && this.hasUserPermission('ViewAllData')) return true;
        const model = describe.sharingModel?.toLowerCase();
        if (!model || openModels.has(model)) return true;
        if (model === 'controlledbyparent') {
            const parentField = masterField(describe);
            const parentId = parentField ? (record.get(parentField) as string | null | undefined) : null;
            const parent = parentId && depth < 5 ? this.store.get(parentId) : undefined;
            if (parent) return this.shared(parent, openModels, overrides, depth + 1);
        }
        const ownerId = toId18(record.get('OwnerId') as string | null | undefined);
        if (!describe.fields.has('ownerid')) return true;
        return ownerId === this.userId || (ownerId !== null && this.groupIds().has(ownerId));
    }
}

/** The master-detail parent of a ControlledByParent object (Contact → Account; a custom object's master). */
function masterField(describe: SObjectDescribe): string | undefined {
    if (describe.name === 'Contact') return 'AccountId';
    for (const field of describe.fields.values()) {
        if (field.type === 'reference' && field.custom && field.required) return field.name;
    }
    return undefined;
}

export function createAccessModel(metadata: ProjectMetadata, defaultStore: Store): AccessModel {
    const forUser = (user: UserContext, store: Store = defaultStore): UserAccess =>
        new StoreUserAccess(metadata, store, user);
    return {
        forUser,
        hasCustomPermission: (user, name, store) => forUser(user, store).hasCustomPermission(name)
    };
}
