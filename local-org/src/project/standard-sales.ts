// Standard sales objects as the Object Reference describes them
// (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm,
// …_account.htm, …_contact.htm, …_opportunity.htm, …_task.htm, …_event.htm): the fields projects like this one use.
// Task and Event: WhoId is polymorphic (Contact or Lead), WhatId too (here Account or Opportunity).
import { bool, owner, pick, req, ref, ro, s, userOwner, type ObjectSpec } from './standard-spec.ts';

const WHO = ['Contact', 'Lead'];
const WHAT = ['Account', 'Opportunity'];

export const LEAD_STATUSES = [
    'Open - Not Contacted',
    'Working - Contacted',
    'Closed - Converted',
    'Closed - Not Converted'
];
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const INDUSTRIES = [
    'Agriculture',
    'Banking',
    'Technology',
    'Education',
    'Healthcare',
    'Manufacturing',
    'Retail',
    'Other'
];
const OPPORTUNITY_STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
];

/**
 * The default OpportunityStage records of an org: IsClosed and IsWon of an opportunity follow its StageName
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunitystage.htm);
 * every other default stage is open.
 */
export const OPPORTUNITY_STAGE_OUTCOMES: Readonly<Record<string, { isClosed: boolean; isWon: boolean }>> = {
    'Closed Won': { isClosed: true, isWon: true },
    'Closed Lost': { isClosed: true, isWon: false }
};

export const SALES_OBJECTS: ObjectSpec[] = [
    {
        name: 'Lead',
        prefix: '00Q',
        plural: 'Leads',
        sharingModel: 'ReadWrite',
        fields: {
            Name: ro(),
            Salutation: pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
            FirstName: s(40),
            LastName: req(80),
            Company: req(255),
            Title: s(128),
            Email: { type: 'email', length: 80, access: 'rw' },
            Phone: { type: 'phone', length: 40, access: 'rw' },
            MobilePhone: { type: 'phone', length: 40, access: 'rw' },
            Website: { type: 'url', length: 255, access: 'rw' },
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            Industry: pick(INDUSTRIES),
            Rating: pick(['Hot', 'Warm', 'Cold']),
            NumberOfEmployees: { type: 'int', access: 'rw' },
            AnnualRevenue: { type: 'currency', precision: 18, scale: 0, access: 'rw' },
            Street: { type: 'textarea', length: 255, access: 'rw' },
            City: s(40),
            State: s(80),
            PostalCode: s(20),
            Country: s(80),
            LeadSource: pick(LEAD_SOURCES),
            Status: pick(LEAD_STATUSES, 'rw', 'Open - Not Contacted'),
            OwnerId: owner(),
            IsConverted: bool('c'),
            ConvertedDate: ro('date'),
            ConvertedAccountId: ref(['Account'], 'ConvertedAccount', 'ro'),
            ConvertedContactId: ref(['Contact'], 'ConvertedContact', 'ro'),
            ConvertedOpportunityId: ref(['Opportunity'], 'ConvertedOpportunity', 'ro'),
            IsUnreadByOwner: bool()
        }
    },
    {
        name: 'Account',
        prefix: '001',
        plural: 'Accounts',
        sharingModel: 'ReadWrite',
        fields: {
            Name: req(255),
            Type: pick(['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other']),
            Industry: pick(INDUSTRIES),
            Website: { type: 'url', length: 255, access: 'rw' },
            Phone: { type: 'phone', length: 40, access: 'rw' },
            NumberOfEmployees: { type: 'int', access: 'rw' },
            AnnualRevenue: { type: 'currency', precision: 18, scale: 0, access: 'rw' },
            BillingCountry: s(80),
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            OwnerId: userOwner()
        }
    },
    {
        name: 'Contact',
        prefix: '003',
        plural: 'Contacts',
        sharingModel: 'ControlledByParent',
        fields: {
            Name: ro(),
            FirstName: s(40),
            LastName: req(80),
            Salutation: pick(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
            AccountId: ref(['Account'], 'Account'),
            Title: s(128),
            Email: { type: 'email', length: 80, access: 'rw' },
            Phone: { type: 'phone', length: 40, access: 'rw' },
            LeadSource: pick(LEAD_SOURCES),
            OwnerId: userOwner()
        }
    },
    {
        name: 'Opportunity',
        prefix: '006',
        plural: 'Opportunities',
        sharingModel: 'ReadWrite',
        fields: {
            Name: req(120),
            AccountId: ref(['Account'], 'Account'),
            ContactId: ref(['Contact'], 'Contact'),
            Amount: { type: 'currency', precision: 18, scale: 2, access: 'rw' },
            CloseDate: { type: 'date', access: 'req' },
            StageName: { ...pick(OPPORTUNITY_STAGES), access: 'req' },
            Probability: { type: 'percent', precision: 3, scale: 0, access: 'rw' },
            Type: pick(['Existing Business', 'New Business']),
            LeadSource: pick(LEAD_SOURCES),
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            IsClosed: ro('boolean'),
            IsWon: ro('boolean'),
            CampaignId: ref(['Campaign'], 'Campaign'),
            OwnerId: userOwner()
        }
    },
    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaign.htm
    {
        name: 'Campaign',
        prefix: '701',
        plural: 'Campaigns',
        sharingModel: 'ReadWrite',
        fields: {
            Name: req(80),
            Type: pick([
                'Conference',
                'Webinar',
                'Trade Show',
                'Public Relations',
                'Partners',
                'Referral Program',
                'Advertisement',
                'Banner Ads',
                'Direct Mail',
                'Email',
                'Telemarketing',
                'Other'
            ]),
            Status: pick(['Planned', 'In Progress', 'Completed', 'Aborted']),
            StartDate: { type: 'date', access: 'rw' },
            EndDate: { type: 'date', access: 'rw' },
            IsActive: bool(),
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            ParentId: ref(['Campaign'], 'Parent'),
            OwnerId: userOwner()
        }
    },
    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_campaignmember.htm
    // (LeadId and ContactId: "Create, Filter, Group, Nillable, Sort", not Update). Sharing follows the campaign.
    {
        name: 'CampaignMember',
        prefix: '00v',
        plural: 'Campaign Members',
        sharingModel: 'ControlledByParent',
        fields: {
            // Required in an org; the notation has no "required, create only", so a missing one is not refused here.
            CampaignId: ref(['Campaign'], 'Campaign', 'c'),
            LeadId: ref(['Lead'], 'Lead', 'c'),
            ContactId: ref(['Contact'], 'Contact', 'c'),
            Status: pick(['Sent', 'Responded']),
            HasResponded: ro('boolean'),
            FirstRespondedDate: ro('date')
        }
    },
    {
        name: 'Task',
        prefix: '00T',
        plural: 'Tasks',
        sharingModel: 'Private',
        fields: {
            Subject: s(255),
            Status: pick(
                ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
                'rw',
                'Not Started'
            ),
            Priority: pick(['High', 'Normal', 'Low'], 'rw', 'Normal'),
            ActivityDate: { type: 'date', access: 'rw' },
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            Type: pick(['Call', 'Email', 'Meeting', 'Other']),
            TaskSubtype: pick(['Task', 'Email', 'Call'], 'c'),
            WhoId: ref(WHO, 'Who'),
            WhatId: ref(WHAT, 'What'),
            IsClosed: ro('boolean'),
            CompletedDateTime: ro('datetime'),
            OwnerId: userOwner()
        }
    },
    {
        name: 'Event',
        prefix: '00U',
        plural: 'Events',
        sharingModel: 'Private',
        fields: {
            Subject: s(255),
            StartDateTime: { type: 'datetime', access: 'rw' },
            EndDateTime: { type: 'datetime', access: 'rw' },
            ActivityDateTime: { type: 'datetime', access: 'rw' },
            DurationInMinutes: { type: 'int', access: 'rw' },
            Location: s(255),
            Description: { type: 'textarea', length: 32000, access: 'rw' },
            Type: pick(['Call', 'Email', 'Meeting', 'Other']),
            WhoId: ref(WHO, 'Who'),
            WhatId: ref(WHAT, 'What'),
            OwnerId: userOwner()
        }
    }
];
