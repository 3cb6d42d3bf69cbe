// What the save pipeline needs to know about the running user's access (USER_MODE DML, $Permission in formulas).
// src/security (data area) implements it from permission sets, profiles and PermissionSetAssignment records.
// Enforcing user mode: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_classes_enforce_usermode.htm
import type { UserContext } from '../core/runtime.ts';

export interface AccessModel {
    canCreate(user: UserContext, objectName: string): boolean;
    canEdit(user: UserContext, objectName: string): boolean;
    canDelete(user: UserContext, objectName: string): boolean;
    /** Field-level security: whether the user can set the field (insert) or change it (update). */
    canEditField(user: UserContext, objectName: string, fieldName: string): boolean;
    /** Custom permission granted by an assigned permission set or the profile ($Permission, FeatureManagement). */
    hasCustomPermission(user: UserContext, permissionName: string): boolean;
}

/** Everything allowed, no custom permission: for system-mode-only callers and tests. */
export const SYSTEM_ACCESS: AccessModel = {
    canCreate: () => true,
    canEdit: () => true,
    canDelete: () => true,
    canEditField: () => true,
    hasCustomPermission: () => false
};
