// Salesforce record Ids: 15 case-sensitive characters (3-character key prefix, then the record part) plus a
// 3-character suffix that encodes the case of the first 15, so that the 18-character form compares equal when case
// is ignored. Apex compares Ids of 15 and 18 characters as equal (the Id type converts a 15-character String).
// Source: https://help.salesforce.com/s/articleView?id=000385008 ("What are Salesforce IDs composed of?").

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The 3-character suffix of a 15-character Id. */
export function idSuffix(id15: string): string {
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let position = 0; position < 5; position++) {
            const character = id15.charAt(block * 5 + position);
            if (character >= 'A' && character <= 'Z') bits |= 1 << position;
        }
        suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return suffix;
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** The 18-character form of a 15- or 18-character Id, or null when the text is not shaped like an Id. */
export function toId18(text: string | null | undefined): string | null {
    if (text == null || !ID_PATTERN.test(text)) return null;
    const id15 = text.substring(0, 15);
    const id18 = id15 + idSuffix(id15);
    if (text.length === 18 && text.toUpperCase() !== id18.toUpperCase()) return null;
    return id18;
}

/** Ids compare equal when their 18-character forms do (a 15-character Id equals its 18-character form). */
export function sameId(left: string | null | undefined, right: string | null | undefined): boolean {
    if (left == null || right == null) return left == right;
    const a = toId18(left);
    const b = toId18(right);
    return a != null && a === b;
}

export function keyPrefixOf(id: string): string {
    return id.substring(0, 3);
}

/** Makes Ids for one store: the key prefix, a pod-like '00000' infix and a base-62 counter. */
export class IdGenerator {
    private counter = 0;

    next(keyPrefix: string): string {
        if (!/^[a-zA-Z0-9]{3}$/.test(keyPrefix)) throw new Error(`Invalid key prefix: ${keyPrefix}`);
        this.counter++;
        let number = this.counter;
        let digits = '';
        while (number > 0) {
            digits = BASE62.charAt(number % 62) + digits;
            number = Math.floor(number / 62);
        }
        const id15 = keyPrefix + '000' + digits.padStart(9, '0');
        return id15 + idSuffix(id15);
    }

    /** The state to persist alongside a store, so a reloaded store never reuses an Id. */
    get issued(): number {
        return this.counter;
    }

    set issued(value: number) {
        this.counter = value;
    }
}
