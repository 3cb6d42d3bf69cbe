// The workbench's browser runtime, shared by the platform stand-ins: who the tab is (the persona the server wrote
// into the page), Apex calls to the local server, and the one server-sent event stream of the tab.

/** { persona: { id, name, description, userId?, customPermissions? }, personas: [...] } injected by the server. */
export const session = globalThis.__WORKBENCH__ ?? { persona: null, personas: [] };

export const personaId = () => session.persona?.id ?? null;

/** POSTs to the workbench server; rejects with `{ status, body: { message, ... } }` as Lightning does. */
async function post(path, payload) {
    let response;
    try {
        response = await fetch(path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...payload, persona: personaId() })
        });
    } catch (error) {
        throw { status: 0, body: { message: `The workbench server is not reachable (${error.message}).` } };
    }
    const body = await response.json().catch(() => null);
    if (body?.error) throw body.error;
    if (response.ok) return body?.result ?? null;
    throw {
        status: response.status,
        body: { message: body?.body?.message ?? body?.message ?? `HTTP ${response.status}` },
        statusText: response.statusText
    };
}

/** An @AuraEnabled call as the tab's persona; an Apex exception rejects with its `{ status, body }`. */
export function callApex(apexClass, method, params) {
    return post(`/apex/${apexClass}.${method}`, { params: params ?? {} });
}

/** lightning/uiRecordApi updateRecord: the record saved through the org's order of execution. */
export function updateRecordOnServer(fields) {
    return post('/ui-api/records', { fields });
}

/** The adapter behind each value a wired Apex method delivered, for refreshApex. */
const wiredValues = new WeakMap();

/** `refreshApex(wiredValue)` of @salesforce/apex: calls the method again and delivers the new value. */
export function refreshApex(wiredValue) {
    const adapter = wiredValue && wiredValues.get(wiredValue);
    return adapter ? adapter.fetch() : Promise.resolve();
}

/** A @wire adapter for an Apex method: calls it with the reactive parameters whenever they change. */
export function apexWireAdapter(method) {
    return class ApexWireAdapter {
        constructor(dataCallback) {
            this.dataCallback = dataCallback;
            this.connected = false;
            this.config = undefined;
        }
        connect() {
            this.connected = true;
            if (this.config !== undefined) this.fetch();
        }
        disconnect() {
            this.connected = false;
        }
        update(config) {
            this.config = config;
            if (this.connected) this.fetch();
        }
        async fetch() {
            const config = this.config;
            let value;
            try {
                value = { data: await method(config), error: undefined };
            } catch (error) {
                value = { data: undefined, error };
            }
            if (config !== this.config) return;
            wiredValues.set(value, this);
            this.dataCallback(value);
        }
    };
}

// ------------------------------------------------------------------------------------------ server events

const listeners = new Map();
let source = null;
let failed = false;
const failureListeners = new Set();

function connect() {
    if (source || typeof EventSource === 'undefined') return source;
    source = new EventSource(`/events?as=${encodeURIComponent(personaId() ?? '')}`);
    for (const [type, callbacks] of listeners) attach(type, callbacks);
    source.addEventListener('error', () => {
        // EventSource reconnects by itself; CLOSED means it gave up (the server refused the stream).
        if (source.readyState === EventSource.CLOSED && !failed) {
            failed = true;
            for (const callback of failureListeners) callback({ error: 'The workbench event stream closed.' });
        }
    });
    return source;
}

function attach(type, callbacks) {
    source.addEventListener(type, (event) => {
        const data = JSON.parse(event.data);
        for (const callback of [...callbacks]) callback(data, event);
    });
}

/** Calls `callback(data)` for each server event of this type (e.g. 'platform-event', 'build'). */
export function onServerEvent(type, callback) {
    let callbacks = listeners.get(type);
    if (!callbacks) {
        callbacks = new Set();
        listeners.set(type, callbacks);
        if (source) attach(type, callbacks);
    }
    callbacks.add(callback);
    connect();
    return () => callbacks.delete(callback);
}

export function onServerEventsFailed(callback) {
    failureListeners.add(callback);
}

export const serverEventsAvailable = () => typeof EventSource !== 'undefined' && !failed;
