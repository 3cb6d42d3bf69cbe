// System.runAs: the user record a test passes (inserted by the test, or `new User(Id = …)`) becomes the running
// user: profile, time zone, locale and permission sets from the store (PermissionSetAssignment rows).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_testing_tools_runas.htm
import { UnsupportedError } from '../core/errors.ts';
import { sameId } from '../core/ids.ts';
import type { Store, UserContext } from '../core/runtime.ts';
import type { SObject } from '../core/sobject.ts';

export function userContextOf(store: Store, record: SObject): UserContext {
    const id = record.id;
    const stored = id ? store.get(id) : undefined;
    if (!stored) throw new UnsupportedError('System.runAs with a User that is not inserted');
    const text = (field: string, fallback: string) => {
        const value = stored.get(field);
        return typeof value === 'string' && value ? value : fallback;
    };
    const permissionSets: string[] = [];
    for (const assignment of store.all('PermissionSetAssignment')) {
        if (!sameId(assignment.get('AssigneeId') as string | null, stored.id)) continue;
        const set = store.get(assignment.get('PermissionSetId') as string);
        const name = set?.get('Name');
        if (typeof name === 'string') permissionSets.push(name);
    }
    return {
        id: stored.id!,
        username: text('Username', stored.id!),
        profileId: text('ProfileId', ''),
        timeZone: text('TimeZoneSidKey', 'America/Los_Angeles'),
        locale: text('LocaleSidKey', 'en_US'),
        permissionSets
    };
}
