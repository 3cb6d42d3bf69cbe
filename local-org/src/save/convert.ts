// Database.convertLead: creates (or uses) an Account, a Contact and an Opportunity, then marks the lead converted.
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_database.htm#apex_System_Database_convertLead
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_Database_LeadConvert.htm
// Validation rules and automation on the converted lead run only when the org requires validation for converted
// leads (LeadConvertSettings / "Require Validation for Converted Leads"; scratch definition
// settings.leadConfigSettings.shouldLeadConvertRequireValidation):
// https://help.salesforce.com/s/articleView?id=sf.leads_enable_validation_on_convert.htm
import { UnsupportedError, type RecordError } from '../core/errors.ts';
import type { AccessMode, Transaction } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import { dateInZone } from '../formula/index.ts';
import type { LocalSaveEngine } from './engine.ts';

export interface LeadConvertRequest {
    leadId: string;
    convertedStatus: string;
    accountId?: string | null;
    contactId?: string | null;
    opportunityName?: string | null;
    doNotCreateOpportunity?: boolean;
    ownerId?: string | null;
}

export interface LeadConvertResult {
    leadId: string;
    accountId: string | null;
    contactId: string | null;
    opportunityId: string | null;
    success: boolean;
    errors: RecordError[];
}

export interface ConvertOptions {
    allOrNone: boolean;
    accessMode: AccessMode;
}

function requiresValidation(transaction: Transaction): boolean {
    const settings = transaction.metadata.orgSettings as {
        settings?: { leadConfigSettings?: Record<string, unknown> };
    };
    const lead =
        settings.settings?.leadConfigSettings ??
        (transaction.metadata.orgSettings.leadConfigSettings as Record<string, unknown> | undefined);
    return lead?.shouldLeadConvertRequireValidation === true;
}

export function convertLeads(
    engine: LocalSaveEngine,
    transaction: Transaction,
    requests: LeadConvertRequest[],
    options: ConvertOptions
): LeadConvertResult[] {
    for (const name of ['Account', 'Contact', 'Opportunity', 'Lead']) {
        if (!transaction.metadata.schema.object(name))
            throw new UnsupportedError(`convertLead without ${name} in the schema`);
    }
    const savepoint = transaction.store.savepoint();
    const results = requests.map((request) => convertOne(engine, transaction, request, options));
    if (options.allOrNone && results.some((result) => !result.success)) {
        transaction.store.rollback(savepoint);
        for (const result of results) result.success = false;
    }
    return results;
}

function convertOne(
    engine: LocalSaveEngine,
    transaction: Transaction,
    request: LeadConvertRequest,
    options: ConvertOptions
): LeadConvertResult {
    const result: LeadConvertResult = {
        leadId: request.leadId,
        accountId: null,
        contactId: null,
        opportunityId: null,
        success: false,
        errors: []
    };
    const fail = (statusCode: string, message: string): LeadConvertResult => {
        result.errors.push({ statusCode, message, fields: [] });
        return result;
    };
    const lead = transaction.store.get(request.leadId);
    if (!lead || lead.type !== 'Lead') return fail('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    if (lead.get('IsConverted') === true)
        return fail('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');
    if (!request.convertedStatus) return fail('REQUIRED_FIELD_MISSING', 'Converted Status is required');
    const statuses = transaction.store.all('LeadStatus');
    if (statuses.length > 0) {
        const status = statuses.find(
            (record) =>
                record.get('MasterLabel') === request.convertedStatus ||
                record.get('ApiName') === request.convertedStatus
        );
        if (!status || status.get('IsConverted') !== true)
            return fail('INVALID_STATUS', 'invalid convertedStatus: ' + request.convertedStatus);
    }
    // "To convert a Lead, … the “Convert Leads” permission and the “Edit” permission on leads" (convertLead()).
    const user = transaction.user;
    if (options.accessMode === 'user' && engine.access.hasUserPermission?.(user, 'ConvertLeads') === false) {
        return fail(
            'INSUFFICIENT_ACCESS_OR_READONLY',
            'insufficient access rights: the Convert Leads permission is required'
        );
    }
    const savepoint = transaction.store.savepoint();
    const dmlOptions = { allOrNone: true, accessMode: options.accessMode };
    const insert = (type: string, values: Record<string, FieldValue>): string | null => {
        // Standard lead field mapping, limited to the fields the schema describes.
        const record = new SObject(type);
        for (const [name, value] of Object.entries(values)) {
            if (value !== null && transaction.metadata.schema.field(type, name)) record.set(name, value);
        }
        const [saved] = engine.dml(transaction, 'insert', [record], dmlOptions);
        if (!saved.success) {
            result.errors.push(...saved.errors);
            return null;
        }
        return saved.id;
    };
    const owner = request.ownerId ?? (lead.get('OwnerId') as string | null);
    const userOwner = typeof owner === 'string' && owner.startsWith('005') ? owner : transaction.user.id;
    result.accountId =
        request.accountId ?? insert('Account', { Name: lead.get('Company') ?? null, OwnerId: userOwner });
    if (result.accountId) {
        result.contactId =
            request.contactId ??
            insert('Contact', {
                FirstName: lead.get('FirstName') ?? null,
                LastName: lead.get('LastName') ?? null,
                Email: lead.get('Email') ?? null,
                Phone: lead.get('Phone') ?? null,
                Title: lead.get('Title') ?? null,
                AccountId: result.accountId,
                OwnerId: userOwner
            });
    }
    if (result.contactId && !request.doNotCreateOpportunity) {
        const today = dateInZone(transaction.now(), transaction.user.timeZone);
        const stage = transaction.metadata.schema
            .field('Opportunity', 'StageName')
            ?.picklistValues?.find((entry) => entry.defaultValue);
        result.opportunityId = insert('Opportunity', {
            Name: request.opportunityName ?? `${String(lead.get('Company') ?? '')}-`,
            StageName: stage?.value ?? 'Prospecting',
            CloseDate: today,
            AccountId: result.accountId,
            OwnerId: userOwner
        });
    }
    const created = result.accountId && result.contactId && (request.doNotCreateOpportunity || result.opportunityId);
    if (created) {
        const change = new SObject('Lead', {
            Id: lead.id,
            IsConverted: true,
            ConvertedDate: dateInZone(transaction.now(), transaction.user.timeZone),
            ConvertedAccountId: result.accountId,
            ConvertedContactId: result.contactId,
            ConvertedOpportunityId: result.opportunityId,
            Status: request.convertedStatus
        });
        const [saved] = engine.statement(transaction, 'update', [change], dmlOptions, {
            internal: true,
            automation: requiresValidation(transaction)
        });
        if (!saved.success) result.errors.push(...saved.errors);
    }
    result.success = result.errors.length === 0;
    if (!result.success) {
        transaction.store.rollback(savepoint);
        result.accountId = request.accountId ?? null;
        result.contactId = request.contactId ?? null;
        result.opportunityId = null;
    }
    return result;
}
