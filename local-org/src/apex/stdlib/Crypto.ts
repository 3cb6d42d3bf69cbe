// Crypto: random numbers (a seeded generator per run, so a run can be repeated); digests and keys are not emulated.
// Source: https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_restful_crypto.htm
import type { Runtime, StdlibClass } from './registry.ts';

let seed = 0x2545f491;

function next32(): number {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed | 0;
}

export const CryptoClass: StdlibClass = {
    name: 'Crypto',
    statics: {
        getrandominteger: () => next32(),
        getrandomlong: () => BigInt.asIntN(64, (BigInt(next32()) << 32n) | BigInt(next32() >>> 0)),
        generatedigest: (rt: Runtime) => rt.unsupported('Crypto.generateDigest'),
        generateaeskey: (rt: Runtime) => rt.unsupported('Crypto.generateAesKey')
    }
};
