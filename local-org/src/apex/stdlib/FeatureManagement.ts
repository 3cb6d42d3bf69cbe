// FeatureManagement.checkPermission: the running user's custom permissions (permission sets and profile).
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_FeatureManagement.htm
import type { StdlibClass } from './registry.ts';

export const FeatureManagementClass: StdlibClass = {
    name: 'FeatureManagement',
    statics: {
        checkpermission: (rt, [name]) => {
            if (!rt.access) return rt.unsupported('FeatureManagement.checkPermission (no access model wired)');
            return rt.access.customPermission(rt.tx.user, rt.tx.store, String(name));
        }
    }
};
