// Stand-in for lightning/empApi: platform events the workbench server relays from its backend over Server-Sent Events.
import { onServerEvent, onServerEventsFailed, serverEventsAvailable } from 'wb/runtime';

let nextId = 1;
const active = new Map();
let debug = false;

export function isEmpEnabled() {
    return Promise.resolve(serverEventsAvailable());
}

export function subscribe(channel, replayId, onMessage) {
    const id = String(nextId++);
    const stop = onServerEvent('platform-event', (message) => {
        if (message.channel !== channel) return;
        if (debug) console.log('[empApi]', message);
        onMessage(message);
    });
    active.set(id, stop);
    return Promise.resolve({ id, channel, replayId });
}

export function unsubscribe(subscription, callback) {
    const stop = active.get(subscription?.id);
    active.delete(subscription?.id);
    if (stop) stop();
    const response = { successful: Boolean(stop), subscription: subscription?.channel };
    if (callback) callback(response);
    return Promise.resolve(response);
}

export function onError(callback) {
    onServerEventsFailed(callback);
}

export function setDebugFlag(enabled) {
    debug = Boolean(enabled);
    return Promise.resolve(true);
}
