// src/aura: a local org for an interactive host (a workbench): @AuraEnabled calls as Lightning makes them, record
// updates as Lightning Data Service makes them, platform events to subscribers, scheduled paths when the clock
// passes their time, and the store saved to and loaded from a JSON file.
export {
    createLocalOrg,
    LocalOrg,
    type UserDefinition,
    type EventListener,
    type DeliveredNotification
} from './org.ts';
export {
    invokeAura,
    saveRecord,
    runDue,
    insertRecords,
    type InsertOutcome,
    type AuraResult,
    type AuraErrorBody,
    type SaveResult,
    type DueRun,
    type Json
} from './invoke.ts';
export {
    storeToJson,
    storeFromJson,
    STORE_FORMAT,
    STORE_VERSION,
    type StoredOrg,
    type StoredScheduledPath,
    type LoadedOrg
} from './persist.ts';
export { businessHours, type BusinessCalendar } from './business-hours.ts';
