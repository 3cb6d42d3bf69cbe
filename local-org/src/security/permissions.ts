// Object, field, user and custom permissions of one user: the profile's plus every assigned permission set's.
// Profiles: System Administrator has Modify All Data (every object and field). Standard User has Read, Create,
// Edit and Delete on the standard sales objects, no access to custom objects ("When a custom object is created,
// most profiles (except those with Modify All Data) don't give access to the object":
// https://developer.salesforce.com/docs/atlas.en-us.198.0.fundamentals.meta/fundamentals/adg_securing_data_standard_profiles.htm)
// and, with the org preference permsetsInFieldCreation, no field-level access to custom fields
// (https://help.salesforce.com/s/articleView?id=sf.users_mgmt_perm_sets_field_creation.htm): permission sets grant them.
import type { ObjectPermission, PermissionSetDefinition, ProjectMetadata } from '../core/metadata.ts';
import type { SObjectDescribe } from '../core/schema.ts';

export interface FieldAccess {
    readable: boolean;
    editable: boolean;
}

const NONE: Omit<ObjectPermission, 'object'> = {
    read: false,
    create: false,
    edit: false,
    delete: false,
    viewAll: false,
    modifyAll: false
};
const ALL: Omit<ObjectPermission, 'object'> = {
    read: true,
    create: true,
    edit: true,
    delete: true,
    viewAll: true,
    modifyAll: true
};
const CRED = { ...NONE, read: true, create: true, edit: true, delete: true };
const READ = { ...NONE, read: true };

/** Standard User's object permissions on standard objects (objects absent here: none). */
const STANDARD_USER_OBJECTS: Record<string, Omit<ObjectPermission, 'object'>> = {
    lead: CRED,
    account: CRED,
    contact: CRED,
    opportunity: CRED,
    // Read only: creating campaigns and members needs the Marketing User feature license (not emulated).
    campaign: READ,
    campaignmember: READ,
    // Edit Tasks and Edit Events of the Standard User profile.
    task: CRED,
    event: CRED,
    // Setup and reference data every user can read (queried by ordinary users' code in user mode).
    user: READ,
    profile: READ,
    userrole: READ,
    userlicense: READ,
    group: READ,
    groupmember: READ,
    queuesobject: READ,
    permissionset: READ,
    permissionsetassignment: READ,
    businesshours: READ,
    holiday: READ,
    leadstatus: READ,
    staticresource: READ,
    organization: READ,
    customnotificationtype: READ,
    name: READ
};

/** User permissions of the Standard User profile that code in this kind of project asks about. */
const STANDARD_USER_PERMISSIONS = new Set(['apienabled', 'convertleads', 'runreports', 'edittask']);

export class Permissions {
    readonly isAdmin: boolean;
    readonly profileName: string | null;
    private readonly sets: PermissionSetDefinition[];
    private readonly metadata: ProjectMetadata;
    private readonly objectCache = new Map<string, Omit<ObjectPermission, 'object'>>();

    constructor(
        metadata: ProjectMetadata,
        profileName: string | null,
        modifyAllData: boolean,
        sets: PermissionSetDefinition[]
    ) {
        this.metadata = metadata;
        this.sets = sets;
        this.isAdmin =
            modifyAllData ||
            profileName === 'System Administrator' ||
            sets.some((set) => set.userPermissions.some((name) => name.toLowerCase() === 'modifyalldata'));
        this.profileName = profileName;
    }

    hasUserPermission(name: string): boolean {
        const wanted = name.toLowerCase();
        if (this.isAdmin) return true;
        if (this.profileName === 'Standard User' && STANDARD_USER_PERMISSIONS.has(wanted)) return true;
        return this.sets.some((set) => set.userPermissions.some((permission) => permission.toLowerCase() === wanted));
    }

    hasCustomPermission(name: string): boolean {
        const wanted = name.toLowerCase();
        return this.sets.some((set) => set.customPermissions.some((permission) => permission.toLowerCase() === wanted));
    }

    object(name: string): Omit<ObjectPermission, 'object'> {
        const key = name.toLowerCase();
        const cached = this.objectCache.get(key);
        if (cached) return cached;
        const computed = this.computeObject(key);
        this.objectCache.set(key, computed);
        return computed;
    }

    private computeObject(key: string): Omit<ObjectPermission, 'object'> {
        const describe = this.metadata.schema.object(key);
        if (!describe) return NONE;
        if (this.isAdmin) return ALL;
        const result = { ...(this.profileObject(describe) ?? NONE) };
        const viewAllData = this.hasUserPermission('ViewAllData');
        for (const set of this.sets) {
            for (const permission of set.objectPermissions) {
                if (permission.object.toLowerCase() !== key) continue;
                result.read ||= permission.read || permission.viewAll || permission.modifyAll;
                result.create ||= permission.create || permission.modifyAll;
                result.edit ||= permission.edit || permission.modifyAll;
                result.delete ||= permission.delete || permission.modifyAll;
                result.viewAll ||= permission.viewAll || permission.modifyAll;
                result.modifyAll ||= permission.modifyAll;
            }
        }
        if (viewAllData) {
            result.read = true;
            result.viewAll = true;
        }
        return result;
    }

    private profileObject(describe: SObjectDescribe): Omit<ObjectPermission, 'object'> | undefined {
        // Custom metadata types are readable by every profile unless the org restricts them (not emulated: ledger).
        if (describe.kind === 'customMetadata') return READ;
        if (this.profileName !== 'Standard User') return undefined;
        return STANDARD_USER_OBJECTS[describe.name.toLowerCase()];
    }

    field(objectName: string, fieldName: string): FieldAccess {
        const describe = this.metadata.schema.object(objectName);
        const field = describe?.fields.get(fieldName.toLowerCase());
        if (!describe || !field) return { readable: false, editable: false };
        if (!this.object(describe.name).read) return { readable: false, editable: false };
        if (this.isAdmin) return { readable: true, editable: true };
        // Standard fields, custom metadata fields and universally required custom fields are visible to every user
        // who can read the object (field-level security applies to optional custom fields).
        if (!field.custom || describe.kind === 'customMetadata' || field.required)
            return { readable: true, editable: true };
        const qualified = `${describe.name}.${field.name}`.toLowerCase();
        let readable = false;
        let editable = false;
        for (const set of this.sets) {
            for (const permission of set.fieldPermissions) {
                if (permission.field.toLowerCase() !== qualified) continue;
                readable ||= permission.readable || permission.editable;
                editable ||= permission.editable;
            }
        }
        return { readable, editable };
    }
}
