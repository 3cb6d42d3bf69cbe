// What the save pipeline needs to know about the running user's access (USER_MODE DML, $Permission in formulas).
// src/security (data area) implements it from permission sets, profiles and PermissionSetAssignment records.
// Enforcing user mode: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_enforce_usermode.htm
import type { UserContext } from '../core/runtime.ts';
import type { SObject } from '../core/sobject.ts';
import type { AccessModel as SecurityAccessModel } from '../security/index.ts';

export interface AccessModel {
    canCreate(user: UserContext, objectName: string): boolean;
    canEdit(user: UserContext, objectName: string): boolean;
    canDelete(user: UserContext, objectName: string): boolean;
    /** Field-level security: whether the user can set the field (insert) or change it (update). */
    canEditField(user: UserContext, objectName: string, fieldName: string): boolean;
    /** Custom permission granted by an assigned permission set or the profile ($Permission, FeatureManagement). */
    hasCustomPermission(user: UserContext, permissionName: string): boolean;
    /** A user permission ('ConvertLeads') from the profile or a permission set; absent: not checked. */
    hasUserPermission?(user: UserContext, permissionName: string): boolean;
    /** Record-level edit access (sharing) for USER_MODE update and delete; absent: not checked. */
    canEditRecord?(user: UserContext, record: SObject): boolean;
}

/** The save layer's view of src/security's access model (permission sets, profiles, sharing). */
export function accessFromSecurity(model: SecurityAccessModel): AccessModel {
    return {
        canCreate: (user, objectName) => model.forUser(user).object(objectName).create,
        canEdit: (user, objectName) => model.forUser(user).object(objectName).edit,
        canDelete: (user, objectName) => model.forUser(user).object(objectName).delete,
        canEditField: (user, objectName, fieldName) => model.forUser(user).field(objectName, fieldName).editable,
        hasCustomPermission: (user, name) => model.hasCustomPermission(user, name),
        hasUserPermission: (user, name) => model.forUser(user).hasUserPermission(name),
        canEditRecord: (user, record) => model.forUser(user).canEdit(record)
    };
}

/** Everything allowed, no custom permission: for system-mode-only callers and tests. */
export const SYSTEM_ACCESS: AccessModel = {
    canCreate: () => true,
    canEdit: () => true,
    canDelete: () => true,
    canEditField: () => true,
    hasCustomPermission: () => false
};
