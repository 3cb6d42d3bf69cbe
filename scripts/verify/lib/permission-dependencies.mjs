// Permissions that Salesforce only grants together with others. A permission set that turns one on without its
// dependencies fails to deploy ("Permission CustomizeApplication depends on permission(s): ...") or, for run-time
// requirements, fails when the user acts. No org is reachable here, so the table is what the sources below show.
//
// The authority is the org itself: the Tooling API object PermissionDependency lists every dependency for that org's
// features (https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_permissiondependency.htm).
// To refresh a row against an org:
//   npx sf data query --use-tooling-api --query "SELECT Permission, RequiredPermission FROM PermissionDependency
//     WHERE PermissionType = 'User Permission' AND Permission = 'CustomizeApplication'"
// Add a row only with its source; a row with `when` applies only when the scratch definition turns that feature on.

const TOOLING_PERMISSION_DEPENDENCY =
    'https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_permissiondependency.htm';
const DEPENDENT_PERMS_LIST = 'http://www.sfdccloudninja.com/admin/dependent-perms/';

/**
 * @typedef {{
 *   permission: string,
 *   requires: { user?: string[], objects?: Record<string, string[]> },
 *   enforced: 'deploy' | 'run time',
 *   when?: { feature: string, setting: string[] },
 *   source: string
 * }} Dependency
 * @type {Dependency[]}
 */
export const USER_PERMISSION_DEPENDENCIES = [
    {
        permission: 'CustomizeApplication',
        requires: { user: ['ViewSetup'] },
        enforced: 'deploy',
        source: `${DEPENDENT_PERMS_LIST} ("Customize Application: View Setup and Configuration"); ${TOOLING_PERMISSION_DEPENDENCY}`
    },
    {
        permission: 'CustomizeApplication',
        requires: { user: ['ManageTranslation'] },
        enforced: 'deploy',
        when: { feature: 'the Translation Workbench', setting: ['languageSettings', 'enableTranslationWorkbench'] },
        source:
            'https://github.com/Kathy-Lueckeman/EASY-Open-Source-Solution/issues/6 (deploy error: "Permission ' +
            'CustomizeApplication depends on permission(s): ManageTranslation")'
    },
    {
        permission: 'ModifyAllData',
        requires: { user: ['ViewAllData'] },
        enforced: 'deploy',
        source: `${TOOLING_PERMISSION_DEPENDENCY} ("Modify All Data, which requires View All Data and other permissions")`
    },
    {
        permission: 'AuthorApex',
        requires: { user: ['ViewSetup', 'ModifyAllData'] },
        enforced: 'deploy',
        source: `${DEPENDENT_PERMS_LIST} ("Author Apex: View Setup and Configuration, Modify All Data")`
    },
    {
        permission: 'CreateCustomizeReports',
        requires: { user: ['RunReports'] },
        enforced: 'deploy',
        source: `${DEPENDENT_PERMS_LIST} ("Create and Customize Reports: Run Reports")`
    },
    {
        permission: 'ConvertLeads',
        requires: {
            objects: {
                Lead: ['allowEdit'],
                Account: ['allowCreate', 'allowEdit'],
                Contact: ['allowCreate', 'allowEdit'],
                Opportunity: ['allowCreate', 'allowEdit']
            }
        },
        enforced: 'run time',
        source:
            'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_convertlead.htm ' +
            '("the “Convert Leads” permission and the “Edit” permission on leads, as well as “Create” and “Edit” on ' +
            'the Account, Contact, and Opportunity objects"); Database.convertLead in USER_MODE checks them'
    }
];

const OBJECT_ACCESS_LABEL = {
    allowRead: 'Read',
    allowCreate: 'Create',
    allowEdit: 'Edit',
    allowDelete: 'Delete',
    viewAllRecords: 'View All',
    modifyAllRecords: 'Modify All'
};

function settingEnabled(scratchDefinition, path) {
    let value = scratchDefinition?.settings;
    for (const key of path) value = value?.[key];
    return value === true;
}

/**
 * What a permission set lacks: [{ permission, message }], one per missing dependency.
 * @param {{ userPermissions: Set<string>, objectPermissions: Map<string, Set<string>> }} granted enabled user
 *   permissions and, per object, its enabled access flags (allowRead, allowEdit, ...)
 * @param {object} [scratchDefinition] config/project-scratch-def.json, for the feature-dependent rows
 */
export function missingDependencies(granted, scratchDefinition, table = USER_PERMISSION_DEPENDENCIES) {
    const problems = [];
    for (const row of table) {
        if (!granted.userPermissions.has(row.permission)) continue;
        if (row.when && !settingEnabled(scratchDefinition, row.when.setting)) continue;
        const missing = (row.requires.user ?? []).filter((name) => !granted.userPermissions.has(name));
        for (const [object, flags] of Object.entries(row.requires.objects ?? {})) {
            const has = granted.objectPermissions.get(object) ?? new Set();
            const lacking = flags.filter((flag) => !has.has(flag));
            if (lacking.length)
                missing.push(`${lacking.map((flag) => OBJECT_ACCESS_LABEL[flag]).join(' and ')} on ${object}`);
        }
        if (!missing.length) continue;
        const context = row.when
            ? ` when ${row.when.feature} is on (${row.when.setting.join('.')} in the scratch definition)`
            : '';
        const effect =
            row.enforced === 'deploy'
                ? 'Salesforce rejects the permission set at deploy'
                : 'the action fails at run time for users of this permission set';
        problems.push({
            permission: row.permission,
            message:
                `${row.permission} depends on ${missing.join(', ')}${context}: ${effect}. Enable ` +
                `${missing.length === 1 ? 'it' : 'them'} too, or remove ${row.permission} if the app does not need it ` +
                `(source: ${row.source}).`
        });
    }
    return problems;
}
