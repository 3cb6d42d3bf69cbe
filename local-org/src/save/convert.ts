// Database.convertLead: creates (or uses) an Account, a Contact and an Opportunity, then marks the lead converted.
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_database.htm#apex_System_Database_convertLead
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_Database_LeadConvert.htm
// A call converts its leads in bulk: one insert of the new Accounts, one of the Contacts, one of the Opportunities,
// then one update of the leads, so each object's automation sees the call's records once. "We recommend passing a
// maximum of 100 LeadConvert objects … Including more than 100 objects per call can result in Apex governor limit
// errors"; "Each executed convertLead method counts against the governor limit for DML statements" (the Database
// class page above). A lead whose records fail is left out and the call is converted again without it, from the
// state before the call (as a partial-save retry does), so none of its records or their automation's work stay:
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dml_bulk_exceptions.htm
// Validation rules and automation on the converted lead run only when the org requires validation for converted
// leads (LeadConvertSettings / "Require Validation for Converted Leads"; scratch definition
// settings.leadConfigSettings.shouldLeadConvertRequireValidation):
// https://help.salesforce.com/s/articleView?id=sf.leads_enable_validation_on_convert.htm
import { PlatformException, UnsupportedError, type RecordError } from '../core/errors.ts';
import type { AccessMode, DmlRecordResult, LimitCounters, Transaction } from '../core/runtime.ts';
import { SObject } from '../core/sobject.ts';
import type { FieldValue } from '../core/values.ts';
import { dateInZone } from '../formula/index.ts';
import { countStatement, type LocalSaveEngine } from './engine.ts';

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

/** The most LeadConvert objects one call takes (the documented recommendation, enforced). */
const MAX_LEADS_PER_CONVERT = 100;

/** One lead of the call that passed the checks, with the owner of the records it creates and its result. */
interface Conversion {
    request: LeadConvertRequest;
    lead: SObject;
    ownerId: string;
    result: LeadConvertResult;
}

interface Batch {
    engine: LocalSaveEngine;
    transaction: Transaction;
    options: ConvertOptions;
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
    refuseOversizedCall(requests);
    refuseDuplicateLeads(requests);
    countStatement(transaction, requests.length);
    const batch: Batch = { engine, transaction, options };
    const results = requests.map(emptyResult);
    const conversions = requests
        .map((request, index) => prepare(batch, request, results[index]))
        .filter((conversion): conversion is Conversion => conversion !== null);
    const refusedBeforeSaving = results.some((result) => result.errors.length > 0);
    if (!(options.allOrNone && refusedBeforeSaving)) convertInBulk(batch, conversions);
    const failed = results.some((result) => result.errors.length > 0);
    results.forEach((result, index) => {
        result.success = result.errors.length === 0 && !(options.allOrNone && failed);
        if (!result.success) clearCreatedIds(result, requests[index]);
    });
    return results;
}

function refuseOversizedCall(requests: LeadConvertRequest[]): void {
    if (requests.length > MAX_LEADS_PER_CONVERT) {
        throw new PlatformException(
            'LimitException',
            `Too many LeadConvert objects in one convertLead call: ${requests.length} (at most ${MAX_LEADS_PER_CONVERT})`
        );
    }
}

// Two conversions of one lead would insert its records twice and update it twice in one statement.
function refuseDuplicateLeads(requests: LeadConvertRequest[]): void {
    const seen = new Set<string>();
    for (const request of requests) {
        if (seen.has(request.leadId))
            throw new PlatformException('ListException', `Duplicate id in list: ${request.leadId}`);
        if (request.leadId) seen.add(request.leadId);
    }
}

function emptyResult(request: LeadConvertRequest): LeadConvertResult {
    const result: LeadConvertResult = {
        leadId: request.leadId,
        accountId: null,
        contactId: null,
        opportunityId: null,
        success: false,
        errors: []
    };
    clearCreatedIds(result, request);
    return result;
}

function clearCreatedIds(result: LeadConvertResult, request: LeadConvertRequest): void {
    result.accountId = request.accountId ?? null;
    result.contactId = request.contactId ?? null;
    result.opportunityId = null;
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

/** The checks made before anything is saved; a refused lead gets its error and takes no part in the saves. */
function prepare(batch: Batch, request: LeadConvertRequest, result: LeadConvertResult): Conversion | null {
    const { engine, transaction, options } = batch;
    const fail = (statusCode: string, message: string): null => {
        result.errors.push({ statusCode, message, fields: [] });
        return null;
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
    if (
        options.accessMode === 'user' &&
        engine.access.hasUserPermission?.(transaction.user, 'ConvertLeads') === false
    ) {
        return fail(
            'INSUFFICIENT_ACCESS_OR_READONLY',
            'insufficient access rights: the Convert Leads permission is required'
        );
    }
    const owner = request.ownerId ?? (lead.get('OwnerId') as string | null);
    const ownerId = typeof owner === 'string' && owner.startsWith('005') ? owner : transaction.user.id;
    return { request, lead, ownerId, result };
}

/**
 * Converts the leads together; while some fail, undoes the call's saves and converts the others again without them.
 * With allOrNone the first failure undoes everything. Limits return to the call's start for each new attempt.
 */
function convertInBulk(batch: Batch, conversions: Conversion[]): void {
    const { transaction, options } = batch;
    const savepoint = transaction.store.savepoint();
    const eventsAtStart = transaction.publishedEvents.length;
    const limitsAtStart = { ...transaction.limits };
    let pending = conversions;
    while (pending.length > 0) {
        const failed = attempt(batch, pending);
        if (failed.length === 0) return;
        transaction.store.rollback(savepoint);
        transaction.publishedEvents.length = eventsAtStart;
        if (options.allOrNone) return;
        Object.assign(transaction.limits as LimitCounters, limitsAtStart);
        pending = pending.filter((conversion) => !failed.includes(conversion));
    }
}

/** A record a conversion creates unless its request names one (or, for the Opportunity, asks for none). */
interface CreatedRecord {
    type: string;
    given: (request: LeadConvertRequest) => unknown;
    fields: (transaction: Transaction, conversion: Conversion) => Record<string, FieldValue>;
    resultId: 'accountId' | 'contactId' | 'opportunityId';
}

const CREATED: CreatedRecord[] = [
    { type: 'Account', given: (request) => request.accountId, fields: accountFields, resultId: 'accountId' },
    { type: 'Contact', given: (request) => request.contactId, fields: contactFields, resultId: 'contactId' },
    {
        type: 'Opportunity',
        given: (request) => request.doNotCreateOpportunity,
        fields: opportunityFields,
        resultId: 'opportunityId'
    }
];

/** One pass over the leads: Accounts, Contacts, Opportunities, then the leads; returns the leads that failed. */
function attempt(batch: Batch, conversions: Conversion[]): Conversion[] {
    for (const conversion of conversions) clearCreatedIds(conversion.result, conversion.request);
    for (const created of CREATED) {
        const failed = insert(
            batch,
            created,
            conversions.filter((conversion) => !created.given(conversion.request))
        );
        if (failed.length > 0) return failed;
    }
    return markConverted(batch, conversions);
}

/** One insert of the records of this type that the leads create. */
function insert(batch: Batch, created: CreatedRecord, conversions: Conversion[]): Conversion[] {
    if (conversions.length === 0) return [];
    const { engine, transaction, options } = batch;
    const records = conversions.map((conversion) =>
        mapped(transaction, created.type, created.fields(transaction, conversion))
    );
    const saved = engine.statement(
        transaction,
        'insert',
        records,
        { allOrNone: true, accessMode: options.accessMode },
        { counted: false }
    );
    return settle(conversions, saved, (conversion, id) => {
        conversion.result[created.resultId] = id;
    });
}

/** The leads whose records failed get those errors; if none failed, each is given its saved record's Id. */
function settle(
    conversions: Conversion[],
    saved: DmlRecordResult[],
    succeeded: (conversion: Conversion, id: string) => void
): Conversion[] {
    const failed = conversions.filter((conversion, index) => {
        conversion.result.errors.push(...saved[index].errors);
        return saved[index].errors.length > 0;
    });
    if (failed.length === 0) conversions.forEach((conversion, index) => succeeded(conversion, saved[index].id!));
    return failed;
}

// Standard lead field mapping, limited to the fields the schema describes.
function mapped(transaction: Transaction, type: string, values: Record<string, FieldValue>): SObject {
    const record = new SObject(type);
    for (const [name, value] of Object.entries(values)) {
        if (value !== null && transaction.metadata.schema.field(type, name)) record.set(name, value);
    }
    return record;
}

function accountFields(_transaction: Transaction, conversion: Conversion): Record<string, FieldValue> {
    return { Name: conversion.lead.get('Company') ?? null, OwnerId: conversion.ownerId };
}

function contactFields(_transaction: Transaction, conversion: Conversion): Record<string, FieldValue> {
    const lead = conversion.lead;
    return {
        FirstName: lead.get('FirstName') ?? null,
        LastName: lead.get('LastName') ?? null,
        Email: lead.get('Email') ?? null,
        Phone: lead.get('Phone') ?? null,
        Title: lead.get('Title') ?? null,
        AccountId: conversion.result.accountId,
        OwnerId: conversion.ownerId
    };
}

function opportunityFields(transaction: Transaction, conversion: Conversion): Record<string, FieldValue> {
    const stage = transaction.metadata.schema
        .field('Opportunity', 'StageName')
        ?.picklistValues?.find((entry) => entry.defaultValue);
    return {
        Name: conversion.request.opportunityName ?? `${String(conversion.lead.get('Company') ?? '')}-`,
        StageName: stage?.value ?? 'Prospecting',
        CloseDate: dateInZone(transaction.now(), transaction.user.timeZone),
        AccountId: conversion.result.accountId,
        OwnerId: conversion.ownerId
    };
}

/** One update of the leads; its validation rules and automation run only when the org requires them on convert. */
function markConverted(batch: Batch, conversions: Conversion[]): Conversion[] {
    const { engine, transaction, options } = batch;
    const convertedDate = dateInZone(transaction.now(), transaction.user.timeZone);
    const changes = conversions.map(
        ({ lead, request, result }) =>
            new SObject('Lead', {
                Id: lead.id,
                IsConverted: true,
                ConvertedDate: convertedDate,
                ConvertedAccountId: result.accountId,
                ConvertedContactId: result.contactId,
                ConvertedOpportunityId: result.opportunityId,
                Status: request.convertedStatus
            })
    );
    const saved = engine.statement(
        transaction,
        'update',
        changes,
        { allOrNone: true, accessMode: options.accessMode },
        { internal: true, automation: requiresValidation(transaction), counted: false }
    );
    return settle(conversions, saved, () => undefined);
}
