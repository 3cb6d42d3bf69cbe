// The standard objects and fields the platform provides, as far as projects like this one use them. Hand-written
// from the Object Reference (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/
// object_reference/sforce_api_objects_list.htm): for each field its type, whether it is required (not nillable
// and not defaulted on create), createable and updateable ("Create", "Update" in the reference's Properties).
// Key prefixes are the platform's. An object or field missing here is unknown to local-org (it fails loudly).
import type { FieldDescribe, SObjectDescribe } from '../core/schema.ts';
import { ACTIVITY_OBJECTS } from './standard-activities.ts';
import { SALES_OBJECTS } from './standard-sales.ts';
import { SETUP_OBJECTS } from './standard-setup.ts';
import { fieldOf, ro, systemFields } from './standard-spec.ts';

export { LEAD_STATUSES } from './standard-sales.ts';

const OBJECTS = [...SALES_OBJECTS, ...ACTIVITY_OBJECTS, ...SETUP_OBJECTS];

/** A fresh describe of every standard object local-org knows (callers may add the project's custom fields). */
export function standardObjects(): SObjectDescribe[] {
    return OBJECTS.map((spec) => {
        const specs = spec.noSystemFields ? { Id: ro('id'), ...spec.fields } : { ...systemFields(), ...spec.fields };
        const fields = new Map<string, FieldDescribe>();
        for (const [name, fieldSpec] of Object.entries(specs)) fields.set(name.toLowerCase(), fieldOf(name, fieldSpec));
        const createable = spec.createable ?? true;
        return {
            name: spec.name,
            label: spec.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
            labelPlural: spec.plural,
            kind: 'standard',
            keyPrefix: spec.prefix,
            fields,
            sharingModel: spec.sharingModel,
            validationRules: [],
            queryable: true,
            createable,
            updateable: createable,
            deletable: createable
        };
    });
}
