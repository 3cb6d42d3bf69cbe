// Salesforce-shaped record Ids: a 3-character key prefix, a 12-character base-62 serial, and the 3-character
// case-safe suffix, so 18-character Ids look and validate like the real ones (the UI and cursors pass them around).
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export const KEY_PREFIX = {
    lead: '00Q',
    user: '005',
    group: '00G',
    account: '001',
    contact: '003',
    opportunity: '006',
    stageEvent: 'a01'
} as const;

export type KeyPrefix = (typeof KEY_PREFIX)[keyof typeof KEY_PREFIX];

function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let position = 0; position < 5; position++) {
            const character = id15[chunk * 5 + position];
            if (character >= 'A' && character <= 'Z') bits |= 1 << position;
        }
        suffix += SUFFIX_ALPHABET[bits];
    }
    return suffix;
}

/** The 18-character Id of serial number `serial` for a key prefix. Serials in order give Ids in SOQL `Id` order. */
export function makeId(prefix: KeyPrefix, serial: number): string {
    let digits = '';
    let rest = serial;
    for (let position = 0; position < 12; position++) {
        digits = BASE62[rest % 62] + digits;
        rest = Math.floor(rest / 62);
    }
    const id15 = prefix + digits;
    return id15 + caseSafeSuffix(id15);
}

/** An Id read from a request, as 18 characters; null when blank, malformed or of another object (Apex `Id.valueOf`). */
export function toId(value: unknown, prefix: KeyPrefix): string | null {
    if (typeof value !== 'string') return null;
    const text = value.trim();
    if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(text) || !text.startsWith(prefix)) return null;
    const id15 = text.slice(0, 15);
    const id18 = id15 + caseSafeSuffix(id15);
    if (text.length === 18 && text.slice(15).toUpperCase() !== id18.slice(15)) return null;
    return id18;
}

export function isQueueId(id: string | null | undefined): boolean {
    return typeof id === 'string' && id.startsWith(KEY_PREFIX.group);
}
