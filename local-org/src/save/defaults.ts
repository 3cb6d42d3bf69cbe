// Values a new record gets on insert, and the audit fields every save sets.
// Default field values: https://help.salesforce.com/s/articleView?id=sf.customize_functions_default_values.htm
// System fields: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm
import type { Transaction } from '../core/runtime.ts';
import type { SObjectDescribe } from '../core/schema.ts';
import type { SObject } from '../core/sobject.ts';
import { SDatetime } from '../core/values.ts';
import { evaluateFormula } from '../formula/index.ts';
import { OPPORTUNITY_STAGE_OUTCOMES } from '../project/standard-sales.ts';

/** Field defaults (formula, checkbox, default picklist value) for fields the caller did not set, and OwnerId. */
export function applyDefaults(transaction: Transaction, describe: SObjectDescribe, record: SObject): void {
    for (const field of describe.fields.values()) {
        if (record.has(field.name)) continue;
        if (field.defaultValueFormula) {
            record.set(
                field.name,
                evaluateFormula(
                    field.defaultValueFormula,
                    {
                        record,
                        prior: null,
                        isNew: true,
                        user: transaction.user,
                        now: transaction.now(),
                        hasPermission: () => false,
                        schema: transaction.metadata.schema,
                        customMetadata: transaction.metadata.customMetadata
                    },
                    field.type
                )
            );
        } else if (field.type === 'boolean') {
            record.set(field.name, field.defaultChecked ?? false);
        } else if (field.type === 'picklist') {
            const preset = field.picklistValues?.find((entry) => entry.defaultValue && entry.active);
            if (preset) record.set(field.name, preset.value);
        }
    }
    if (describe.fields.has('ownerid') && (record.get('OwnerId') ?? null) === null)
        record.set('OwnerId', transaction.user.id);
}

/**
 * Audit fields, IsDeleted, the compound Name of a person (Lead, Contact) from FirstName and LastName, and an
 * Opportunity's IsClosed and IsWon from its StageName's OpportunityStage.
 */
export function stampSystemFields(
    transaction: Transaction,
    describe: SObjectDescribe,
    record: SObject,
    isInsert: boolean
): void {
    const now = new SDatetime(transaction.now());
    const set = (name: string, value: SDatetime | string | boolean): void => {
        if (describe.fields.has(name.toLowerCase())) record.set(name, value);
    };
    if (isInsert) {
        set('CreatedDate', now);
        set('CreatedById', transaction.user.id);
        set('IsDeleted', false);
    }
    set('LastModifiedDate', now);
    set('LastModifiedById', transaction.user.id);
    set('SystemModstamp', now);
    if (['lead', 'contact'].includes(describe.name.toLowerCase()) && describe.fields.has('lastname')) {
        const parts = [record.get('FirstName'), record.get('LastName')];
        const name = parts.filter((part) => typeof part === 'string' && part !== '').join(' ');
        set('Name', name);
    }
    if (describe.name.toLowerCase() === 'opportunity' && describe.fields.has('iswon')) {
        const outcome = OPPORTUNITY_STAGE_OUTCOMES[String(record.get('StageName') ?? '')];
        set('IsClosed', outcome?.isClosed ?? false);
        set('IsWon', outcome?.isWon ?? false);
    }
}
