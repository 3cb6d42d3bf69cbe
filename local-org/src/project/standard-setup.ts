// Standard setup and reference objects (users, profiles, groups and queues, permission sets, business hours, lead
// statuses, static resources, the organization, the Name view) as the Object Reference describes them.
import { bool, pick, ref, req, ro, s, time, type ObjectSpec } from './standard-spec.ts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const SETUP_OBJECTS: ObjectSpec[] = [
    {
        name: 'User',
        prefix: '005',
        plural: 'Users',
        sharingModel: 'Read',
        fields: {
            Username: req(80),
            Name: ro(),
            FirstName: s(40),
            LastName: req(80),
            Alias: req(8),
            Email: { type: 'email', length: 128, access: 'req' },
            CommunityNickname: s(40),
            Title: s(80),
            Department: s(80),
            CompanyName: s(80),
            ProfileId: ref(['Profile'], 'Profile', 'req'),
            UserRoleId: ref(['UserRole'], 'UserRole'),
            ManagerId: ref(['User'], 'Manager'),
            IsActive: bool('rw', true),
            // The Marketing User checkbox: creating campaigns and adding members needs it (not enforced here).
            UserPermissionsMarketingUser: bool(),
            TimeZoneSidKey: { type: 'picklist', access: 'req' },
            LocaleSidKey: { type: 'picklist', access: 'req' },
            EmailEncodingKey: { type: 'picklist', access: 'req' },
            LanguageLocaleKey: { type: 'picklist', access: 'req' },
            UserType: ro('picklist')
        }
    },
    {
        name: 'UserRole',
        prefix: '00E',
        plural: 'Roles',
        fields: { Name: req(80), DeveloperName: s(80), ParentRoleId: ref(['UserRole'], undefined) }
    },
    {
        name: 'Profile',
        prefix: '00e',
        plural: 'Profiles',
        createable: false,
        fields: {
            Name: ro(),
            Description: ro(),
            UserType: ro('picklist'),
            UserLicenseId: ref(['UserLicense'], 'UserLicense', 'ro'),
            PermissionsModifyAllData: ro('boolean'),
            PermissionsViewAllData: ro('boolean'),
            PermissionsApiEnabled: ro('boolean'),
            PermissionsConvertLeads: ro('boolean'),
            PermissionsCustomizeApplication: ro('boolean')
        }
    },
    {
        name: 'UserLicense',
        prefix: '100',
        plural: 'User Licenses',
        createable: false,
        fields: { Name: ro(), LicenseDefinitionKey: ro(), Status: ro() }
    },
    {
        name: 'Group',
        prefix: '00G',
        plural: 'Groups',
        fields: {
            Name: s(40),
            DeveloperName: s(80),
            Type: pick(['Regular', 'Queue', 'Role', 'RoleAndSubordinates', 'Organization'], 'c'),
            DoesIncludeBosses: bool(),
            DoesSendEmailToMembers: bool(),
            Email: { type: 'email', length: 255, access: 'rw' },
            RelatedId: ref(['User', 'UserRole'], 'Related', 'ro'),
            OwnerId: ref(['User', 'Organization'], 'Owner', 'ro')
        }
    },
    {
        name: 'GroupMember',
        prefix: '011',
        plural: 'Group Members',
        noSystemFields: true,
        fields: {
            GroupId: ref(['Group'], 'Group', 'c'),
            UserOrGroupId: ref(['User', 'Group'], undefined, 'c'),
            SystemModstamp: ro('datetime')
        }
    },
    {
        name: 'QueueSobject',
        prefix: '03g',
        plural: 'Queue Sobjects',
        noSystemFields: true,
        fields: {
            QueueId: ref(['Group'], 'Queue', 'c'),
            SobjectType: pick(['Lead', 'Case'], 'c'),
            CreatedById: ref(['User'], 'CreatedBy', 'ro'),
            SystemModstamp: ro('datetime')
        }
    },
    {
        name: 'PermissionSet',
        prefix: '0PS',
        plural: 'Permission Sets',
        fields: {
            Name: req(80),
            Label: req(80),
            Description: s(255),
            IsCustom: ro('boolean'),
            IsOwnedByProfile: ro('boolean'),
            ProfileId: ref(['Profile'], 'Profile', 'ro'),
            PermissionsModifyAllData: bool(),
            PermissionsViewAllData: bool(),
            PermissionsConvertLeads: bool()
        }
    },
    {
        name: 'PermissionSetAssignment',
        prefix: '0Pa',
        plural: 'Permission Set Assignments',
        noSystemFields: true,
        fields: {
            AssigneeId: ref(['User'], 'Assignee', 'c'),
            PermissionSetId: ref(['PermissionSet'], 'PermissionSet', 'c'),
            PermissionSetGroupId: ref(['PermissionSetGroup'], 'PermissionSetGroup', 'c'),
            IsActive: ro('boolean'),
            ExpirationDate: { type: 'datetime', access: 'rw' },
            SystemModstamp: ro('datetime')
        }
    },
    {
        name: 'BusinessHours',
        prefix: '01m',
        plural: 'Business Hours',
        fields: {
            Name: req(80),
            IsActive: bool(),
            IsDefault: bool(),
            TimeZoneSidKey: { type: 'picklist', access: 'req' },
            ...Object.fromEntries(
                DAYS.flatMap((day) => [
                    [`${day}StartTime`, time()],
                    [`${day}EndTime`, time()]
                ])
            )
        }
    },
    {
        name: 'Holiday',
        prefix: '0C0',
        plural: 'Holidays',
        fields: {
            Name: req(80),
            Description: s(100),
            ActivityDate: { type: 'date', access: 'rw' },
            IsAllDay: bool('rw', true),
            IsRecurrence: bool(),
            StartTimeInMinutes: { type: 'int', access: 'rw' },
            EndTimeInMinutes: { type: 'int', access: 'rw' }
        }
    },
    {
        name: 'LeadStatus',
        prefix: '01J',
        plural: 'Lead Status Values',
        createable: false,
        fields: {
            MasterLabel: ro(),
            ApiName: ro(),
            SortOrder: ro('int'),
            IsDefault: ro('boolean'),
            IsConverted: ro('boolean')
        }
    },
    {
        name: 'StaticResource',
        prefix: '081',
        plural: 'Static Resources',
        fields: {
            Name: req(255),
            NamespacePrefix: ro(),
            Body: { type: 'base64', access: 'rw' },
            BodyLength: ro('int'),
            ContentType: s(120),
            CacheControl: pick(['Private', 'Public']),
            Description: s(255)
        }
    },
    {
        name: 'CustomNotificationType',
        prefix: '0ML',
        plural: 'Custom Notification Types',
        createable: false,
        fields: { DeveloperName: ro(), MasterLabel: ro(), CustomNotifTypeName: ro(), Description: ro() }
    },
    {
        name: 'Organization',
        prefix: '00D',
        plural: 'Organizations',
        createable: false,
        fields: {
            Name: ro(),
            OrganizationType: ro(),
            IsSandbox: ro('boolean'),
            TimeZoneSidKey: ro('picklist'),
            DefaultLocaleSidKey: ro('picklist'),
            LanguageLocaleKey: ro('picklist'),
            DefaultCurrencyIsoCode: ro('picklist')
        }
    },
    {
        // The polymorphic view of record owners (User and Group/Queue): queryable, never stored. It has no key
        // prefix of its own; '000' is one no record Id starts with.
        name: 'Name',
        prefix: '000',
        plural: 'Names',
        createable: false,
        noSystemFields: true,
        fields: {
            Name: ro(),
            Type: ro(),
            Alias: ro(),
            FirstName: ro(),
            LastName: ro(),
            Email: ro('email'),
            Username: ro(),
            IsActive: ro('boolean'),
            ProfileId: ref(['Profile'], 'Profile', 'ro'),
            UserRoleId: ref(['UserRole'], 'UserRole', 'ro'),
            Title: ro()
        }
    }
];
