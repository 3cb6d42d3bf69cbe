// Minimal stand-in for lightning/uiRecordApi. updateRecord saves through the local org's order of execution as the
// tab's persona (validation rules and flows run; errors arrive as the UI API's { body: { message, output } }).
// getRecord is not served: no component of the project wires it yet, and it says so plainly.
import { updateRecordOnServer } from 'wb/runtime';
const fieldName = (field) => (typeof field === 'string' ? field.split('.').slice(1).join('.') : field.fieldApiName);

function fieldOf(record, field) {
    let current = record;
    for (const part of fieldName(field).split('.')) {
        current = current?.fields?.[part];
        if (current?.value && typeof current.value === 'object' && 'fields' in current.value) current = current.value;
    }
    return current;
}

export function getFieldValue(record, field) {
    const value = fieldOf(record, field);
    return value && 'value' in value ? value.value : value;
}

export function getFieldDisplayValue(record, field) {
    return fieldOf(record, field)?.displayValue ?? null;
}

export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {}
    disconnect() {}
    update() {
        this.dataCallback({
            data: undefined,
            error: {
                status: 501,
                body: { message: 'The workbench does not serve the UI API: read records through Apex.' }
            }
        });
    }
}

const unsupported = (name) => () =>
    Promise.reject({ status: 501, body: { message: `${name} is not available in the workbench.` } });

export const createRecord = unsupported('createRecord');

export async function updateRecord(recordInput) {
    const { id } = await updateRecordOnServer(recordInput?.fields ?? {});
    return { id, fields: {} };
}
export const deleteRecord = unsupported('deleteRecord');

/** Tells the shell a record changed (it re-renders the open page), as Lightning Data Service would. */
export function notifyRecordUpdateAvailable(items) {
    window.dispatchEvent(new CustomEvent('workbench:recordupdate', { detail: items }));
    return Promise.resolve();
}
