// A tiny org for interpreter specifications: Apex classes from strings, an empty schema, a fixed clock.
import type { ProjectMetadata } from '../../src/core/metadata.ts';
import type { QueryEngine } from '../../src/core/runtime.ts';
import { Schema } from '../../src/core/schema.ts';
import { MemoryStore } from '../../src/data/memory-store.ts';
import { Clock, OrgTransaction } from '../../src/platform/transaction.ts';
import { createApexEngine } from '../../src/apex/index.ts';
import type { Value } from '../../src/apex/values.ts';

export function metadataWith(classes: Record<string, string>): ProjectMetadata {
    return {
        root: '/tmp/apex-spec',
        packageDirectories: ['force-app'],
        schema: new Schema(),
        customMetadata: new Map(),
        permissionSets: new Map(),
        customPermissions: new Set(),
        queues: new Map(),
        groups: new Map(),
        labels: new Map([['Greeting', 'Hello']]),
        staticResources: new Map(),
        apexClasses: Object.entries(classes).map(([name, text]) => ({ name, file: `classes/${name}.cls`, text })),
        apexTriggers: [],
        flows: [],
        businessHours: [],
        holidays: [],
        orgSettings: {}
    };
}

/** Runs `static Object run()` of class `Spec` (plus any other classes given) and returns its value as a string. */
export function run(
    specBody: string,
    others: Record<string, string> = {},
    now = Date.UTC(2026, 11, 4, 18, 0),
    queryEngine: QueryEngine | null = null
): string {
    const metadata = metadataWith({ Spec: `public class Spec { ${specBody} }`, ...others });
    const engine = createApexEngine({ classes: metadata.apexClasses, queryEngine });
    const clock = new Clock();
    clock.set(now);
    const tx = new OrgTransaction(metadata, new MemoryStore(metadata.schema), clock, {
        id: '005000000000001AAA',
        username: 'spec@example.com',
        profileId: '00e000000000001AAA',
        timeZone: 'America/New_York',
        locale: 'en_US',
        permissionSets: []
    });
    const ip = engine.interpreter(tx);
    const cls = engine.classes.resolve('Spec', null)!;
    const value: Value = ip.runStatic(cls, 'run', []);
    return ip.stringOf(value);
}
