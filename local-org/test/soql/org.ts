// A small org for the SOQL specifications: the project fixture's schema, the seeded records, a transaction.
import type { UserContext } from '../../src/core/runtime.ts';
import { SObject } from '../../src/core/sobject.ts';
import type { FieldValue } from '../../src/core/values.ts';
import { MemoryStore } from '../../src/data/memory-store.ts';
import { Clock, OrgTransaction } from '../../src/platform/transaction.ts';
import { loadProject, seedOrg, type LoadedProject, type SeededOrg } from '../../src/project/index.ts';
import { createAccessModel } from '../../src/security/index.ts';
import { bindsFromMap, createQueryEngine, type SoqlEngine } from '../../src/soql/index.ts';
import { FIXTURE } from '../project/fixture.ts';

let project: LoadedProject | undefined;

export interface TestOrg {
    project: LoadedProject;
    store: MemoryStore;
    seeded: SeededOrg;
    transaction: OrgTransaction;
    engine: SoqlEngine;
    insert(type: string, values: Record<string, FieldValue>): string;
    /** A Standard User with the given permission sets (assigned through PermissionSetAssignment rows). */
    standardUser(lastName: string, permissionSets?: string[]): UserContext;
    /** Runs SOQL as the transaction's user; binds from a plain object. */
    query(
        soql: string,
        binds?: Record<string, unknown>,
        accessMode?: 'user' | 'system',
        enforceSharing?: boolean
    ): ReturnType<SoqlEngine['query']>;
    records(soql: string, binds?: Record<string, unknown>): SObject[];
}

export function testOrg(): TestOrg {
    project ??= loadProject(FIXTURE);
    const loaded = project;
    const store = new MemoryStore(loaded.schema);
    const seeded = seedOrg(loaded, store, { now: Date.UTC(2026, 11, 4, 12) });
    const transaction = new OrgTransaction(loaded, store, new Clock(), seeded.admin);
    const engine = createQueryEngine(loaded, createAccessModel(loaded, store));
    const insert = (type: string, values: Record<string, FieldValue>): string => {
        const id = store.newId(type);
        store.put(new SObject(type, { Id: id, ...values }));
        return id;
    };
    const query: TestOrg['query'] = (soql, binds = {}, accessMode = 'system', enforceSharing = false) =>
        engine.query(transaction, soql, { accessMode, enforceSharing, binds: bindsFromMap(binds) });
    return {
        project: loaded,
        store,
        seeded,
        transaction,
        engine,
        insert,
        standardUser(lastName, permissionSets = []) {
            const profileId = seeded.profileIds['Standard User'];
            const id = insert('User', {
                LastName: lastName,
                Username: `${lastName.toLowerCase()}@example.com`,
                ProfileId: profileId,
                IsActive: true
            });
            for (const name of permissionSets) {
                insert('PermissionSetAssignment', {
                    AssigneeId: id,
                    PermissionSetId: seeded.permissionSetIds.get(name)!
                });
            }
            return {
                id,
                username: `${lastName}@example.com`,
                profileId,
                timeZone: 'UTC',
                locale: 'en_US',
                permissionSets: []
            };
        },
        query,
        records(soql, binds) {
            const result = query(soql, binds);
            if (result.kind !== 'records') throw new Error(`expected records, got ${result.kind}`);
            return result.records;
        }
    };
}
