// The records every org has before a test runs, and those the project's metadata creates on deploy: profiles, the
// admin user who runs things by default, the organization, groups and queues with their members, permission sets,
// business hours and holidays from the scratch definition, lead status values, static resources and custom
// notification types. The Name object is not stored: the query engine resolves it from User and Group.
import type { ProjectMetadata } from '../core/metadata.ts';
import type { Store, UserContext } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import { SDate, SDatetime, STime, type FieldValue } from '../core/values.ts';
import type { NotificationTypeDefinition } from './load.ts';
import { LEAD_STATUSES } from './standard-objects.ts';

export const SYSTEM_ADMINISTRATOR = 'System Administrator';
export const STANDARD_USER = 'Standard User';

export interface SeedOptions {
    /** The admin user's TimeZoneSidKey (default 'America/Los_Angeles'). */
    timeZone?: string;
    /** Time stamped on CreatedDate/LastModifiedDate (default: now). */
    now?: number;
    username?: string;
}

export interface SeededOrg {
    /** The default running user (System Administrator profile). */
    admin: UserContext;
    profileIds: Record<string, string>;
    organizationId: string;
    /** Group Ids by DeveloperName, queues included. */
    groupIds: Map<string, string>;
    permissionSetIds: Map<string, string>;
}

const DAY_FIELDS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function seedOrg(metadata: ProjectMetadata, store: Store, options: SeedOptions = {}): SeededOrg {
    const stamp = new SDatetime(options.now ?? Date.now());
    let adminId = '';
    const insert = (type: string, values: Record<string, FieldValue>): string => {
        const id = store.newId(type);
        const describe = metadata.schema.object(type)!;
        const record = new SObject(describe.name, { Id: id });
        const audit = describe.fields.has('createddate');
        if (audit) {
            record.set('CreatedDate', stamp);
            record.set('CreatedById', adminId || id);
        }
        for (const [name, value] of Object.entries(values)) record.set(name, value);
        if (audit && describe.fields.has('lastmodifieddate')) {
            record.set('LastModifiedDate', stamp);
            record.set('LastModifiedById', adminId || id);
        }
        if (describe.fields.has('systemmodstamp')) record.set('SystemModstamp', stamp);
        if (describe.fields.has('isdeleted')) record.set('IsDeleted', false);
        store.put(record);
        return id;
    };

    const timeZone = options.timeZone ?? 'America/Los_Angeles';
    const licenseId = insert('UserLicense', { Name: 'Salesforce', LicenseDefinitionKey: 'SFDC', Status: 'Active' });
    const profile = (name: string, all: boolean): string =>
        insert('Profile', {
            Name: name,
            UserType: 'Standard',
            UserLicenseId: licenseId,
            PermissionsModifyAllData: all,
            PermissionsViewAllData: all,
            PermissionsApiEnabled: true,
            PermissionsConvertLeads: true,
            PermissionsCustomizeApplication: all
        });
    const profileIds = {
        [SYSTEM_ADMINISTRATOR]: profile(SYSTEM_ADMINISTRATOR, true),
        [STANDARD_USER]: profile(STANDARD_USER, false)
    };
    const username = options.username ?? 'admin@local-org.example';
    adminId = insert('User', {
        Username: username,
        FirstName: 'Local',
        LastName: 'Admin',
        Name: 'Local Admin',
        Alias: 'ladmin',
        Email: username,
        CommunityNickname: 'ladmin',
        ProfileId: profileIds[SYSTEM_ADMINISTRATOR],
        IsActive: true,
        TimeZoneSidKey: timeZone,
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        UserType: 'Standard'
    });
    // The records inserted before the admin existed were stamped with their own Id: restamp them.
    for (const type of ['UserLicense', 'Profile', 'User']) {
        for (const record of store.all(type)) {
            record.set('CreatedById', adminId);
            record.set('LastModifiedById', adminId);
            store.put(record);
        }
    }
    const organizationId = insert('Organization', {
        Name: String(metadata.orgSettings['orgName'] ?? 'local-org'),
        OrganizationType: 'Enterprise Edition',
        IsSandbox: true,
        TimeZoneSidKey: timeZone,
        DefaultLocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        // A new org's currency follows its locale at sign-up; a scratch org definition names none (en_US: USD).
        DefaultCurrencyIsoCode: 'USD'
    });

    const groupIds = new Map<string, string>();
    for (const group of metadata.groups.values()) {
        groupIds.set(
            group.name,
            insert('Group', {
                Name: group.label,
                DeveloperName: group.name,
                Type: 'Regular',
                DoesIncludeBosses: group.doesIncludeBosses,
                DoesSendEmailToMembers: false,
                OwnerId: organizationId
            })
        );
    }
    for (const queue of metadata.queues.values()) {
        const queueId = insert('Group', {
            Name: queue.label,
            DeveloperName: queue.name,
            Type: 'Queue',
            DoesIncludeBosses: false,
            DoesSendEmailToMembers: false,
            OwnerId: organizationId
        });
        groupIds.set(queue.name, queueId);
        for (const sobjectType of queue.sobjectTypes)
            insert('QueueSobject', { QueueId: queueId, SobjectType: sobjectType });
    }
    for (const queue of metadata.queues.values()) {
        for (const member of queue.memberGroups) {
            const memberId = groupIds.get(member);
            if (memberId) insert('GroupMember', { GroupId: groupIds.get(queue.name)!, UserOrGroupId: memberId });
        }
    }

    const permissionSetIds = new Map<string, string>();
    for (const permissionSet of metadata.permissionSets.values()) {
        permissionSetIds.set(
            permissionSet.name,
            insert('PermissionSet', {
                Name: permissionSet.name,
                Label: permissionSet.label,
                IsCustom: true,
                IsOwnedByProfile: false,
                PermissionsModifyAllData: permissionSet.userPermissions.includes('ModifyAllData'),
                PermissionsViewAllData: permissionSet.userPermissions.includes('ViewAllData'),
                PermissionsConvertLeads: permissionSet.userPermissions.includes('ConvertLeads')
            })
        );
    }

    seedBusinessHours(metadata, insert, timeZone);
    const statuses =
        metadata.schema.field('Lead', 'Status')?.picklistValues?.map((entry) => entry.value) ?? LEAD_STATUSES;
    statuses.forEach((status, index) =>
        insert('LeadStatus', {
            MasterLabel: status,
            ApiName: status,
            SortOrder: index + 1,
            IsDefault: index === 0,
            IsConverted: /converted/i.test(status) && !/not converted/i.test(status)
        })
    );
    for (const resource of metadata.staticResources.values()) {
        insert('StaticResource', {
            Name: resource.name,
            NamespacePrefix: null,
            Body: resource.content.toString('base64'),
            BodyLength: resource.content.length,
            ContentType: resource.contentType,
            CacheControl: 'Private'
        });
    }
    const notificationTypes =
        (metadata as { notificationTypes?: NotificationTypeDefinition[] }).notificationTypes ?? [];
    for (const type of notificationTypes) {
        insert('CustomNotificationType', {
            DeveloperName: type.name,
            MasterLabel: type.label,
            CustomNotifTypeName: type.label
        });
    }

    return {
        admin: {
            id: adminId,
            username,
            profileId: profileIds[SYSTEM_ADMINISTRATOR],
            timeZone,
            locale: 'en_US',
            permissionSets: []
        },
        profileIds,
        organizationId,
        groupIds,
        permissionSetIds
    };
}

function seedBusinessHours(
    metadata: ProjectMetadata,
    insert: (type: string, values: Record<string, FieldValue>) => string,
    timeZone: string
): void {
    const hoursIds = new Map<string, string>();
    const definitions = [...metadata.businessHours];
    // Every org has a default "Default" business hours record, open 24 hours, 7 days (Help: "Set Business Hours"),
    // in the org's time zone (here the admin's).
    if (!definitions.some((hours) => hours.isDefault)) {
        const allDay = { start: '00:00:00.000', end: '00:00:00.000' };
        definitions.unshift({
            name: 'Default',
            active: true,
            isDefault: true,
            timeZoneId: timeZone,
            days: {
                monday: allDay,
                tuesday: allDay,
                wednesday: allDay,
                thursday: allDay,
                friday: allDay,
                saturday: allDay,
                sunday: allDay
            }
        });
    }
    for (const hours of definitions) {
        const values: Record<string, FieldValue> = {
            Name: hours.name,
            IsActive: hours.active,
            IsDefault: hours.isDefault,
            TimeZoneSidKey: hours.timeZoneId
        };
        for (const day of DAY_FIELDS) {
            const times = hours.days[day.toLowerCase() as keyof typeof hours.days];
            values[`${day}StartTime`] = times.start === null ? null : STime.parse(times.start);
            values[`${day}EndTime`] = times.end === null ? null : STime.parse(times.end);
        }
        hoursIds.set(hours.name, insert('BusinessHours', values));
    }
    for (const holiday of metadata.holidays) {
        const allDay = holiday.startTimeInMinutes === undefined;
        insert('Holiday', {
            Name: holiday.name,
            Description: holiday.description ?? null,
            ActivityDate: SDate.parse(holiday.activityDate),
            IsAllDay: allDay,
            IsRecurrence: holiday.isRecurring,
            StartTimeInMinutes: holiday.startTimeInMinutes ?? null,
            EndTimeInMinutes: holiday.endTimeInMinutes ?? null
        });
    }
}
