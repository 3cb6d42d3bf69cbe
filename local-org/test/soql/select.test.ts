// SELECT, parent paths, FROM Name, semi-joins, ORDER BY, LIMIT/OFFSET, limits.
// SOQL SELECT syntax: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm
// Relationship queries and polymorphic keys: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_and_polymorph_keys.htm
// ORDER BY (nulls, picklist order): https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_orderby.htm
// FOR UPDATE without ORDER BY: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_for_update.htm
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import { PlatformException, ProjectError, UnsupportedError } from '../../src/core/errors.ts';
import type { SObject } from '../../src/core/sobject.ts';
import { SDatetime } from '../../src/core/values.ts';
import { createAccessModel } from '../../src/security/index.ts';
import { createQueryEngine } from '../../src/soql/index.ts';
import { testOrg } from './org.ts';

function leads(): ReturnType<typeof testOrg> & { queueId: string; ids: string[] } {
    const org = testOrg();
    const queueId = org.seeded.groupIds.get('Widget_Queue')!;
    const ids = [
        org.insert('Lead', {
            FirstName: 'Ada',
            LastName: 'Byron',
            Company: 'Analytical',
            OwnerId: org.seeded.admin.id,
            Stage__c: 'New'
        }),
        org.insert('Lead', { LastName: 'Hopper', Company: 'Navy', OwnerId: queueId, Stage__c: 'Done' }),
        org.insert('Lead', { LastName: 'Lovelace', Company: null, OwnerId: queueId, Stage__c: null })
    ];
    return { ...org, queueId, ids };
}

test('records hold the selected fields and Id, in the schema spelling', () => {
    const org = leads();
    const [first] = org.records("select company FROM lead WHERE lastname = 'Byron'");
    assert.equal(first.type, 'Lead');
    assert.deepEqual(first.fieldNames(), ['Id', 'Company']);
    assert.equal(first.get('Company'), 'Analytical');
    assert.equal(first.has('LastName'), false);
});

test('Name of a Lead is computed from first and last name', () => {
    const org = leads();
    assert.deepEqual(
        org.records('SELECT Name FROM Lead ORDER BY LastName').map((lead) => lead.get('Name')),
        ['Ada Byron', 'Hopper', 'Lovelace']
    );
});

test('a polymorphic Owner resolves to the User or the queue through the Name object', () => {
    const org = leads();
    const rows = org.records('SELECT Owner.Name, Owner.Type FROM Lead ORDER BY LastName');
    assert.deepEqual(
        rows.map((row) => [(row.get('Owner') as SObject).get('Name'), (row.get('Owner') as SObject).get('Type')]),
        [
            ['Local Admin', 'User'],
            ['Widget Queue', 'Queue'],
            ['Widget Queue', 'Queue']
        ]
    );
});

test('a custom relationship reads the parent; a null lookup gives a null relationship', () => {
    const org = leads();
    org.insert('Widget__c', { Name: 'w1', Size__c: 2, Lead__c: org.ids[1] });
    org.insert('Widget__c', { Name: 'w2', Size__c: 3, Lead__c: null });
    const rows = org.records('SELECT Name, Lead__r.Company, Lead__r.Owner.Name FROM Widget__c ORDER BY Name');
    const parent = rows[0].get('Lead__r') as SObject;
    assert.equal(parent.get('Company'), 'Navy');
    assert.equal((parent.get('Owner') as SObject).get('Name'), 'Widget Queue');
    assert.equal(rows[1].get('Lead__r'), null);
});

test('GroupMember paths reach Group fields; FROM Name lists users and groups', () => {
    const org = leads();
    const [member] = org.records('SELECT GroupId, Group.Type, Group.DeveloperName FROM GroupMember');
    assert.equal((member.get('Group') as SObject).get('Type'), 'Queue');
    const names = org.records('SELECT Id, Name FROM Name WHERE Id IN :ids ORDER BY Name', {
        ids: new Set([org.seeded.admin.id, org.queueId])
    });
    assert.deepEqual(
        names.map((row) => [row.type, row.get('Name')]),
        [
            ['Name', 'Local Admin'],
            ['Name', 'Widget Queue']
        ]
    );
});

test('a semi-join: Id IN (SELECT QueueId FROM QueueSobject WHERE SobjectType = ...)', () => {
    const org = leads();
    const queues = org.records(
        "SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND Id IN (SELECT QueueId FROM QueueSobject WHERE SobjectType = 'Widget__c')"
    );
    assert.deepEqual(
        queues.map((row) => row.get('DeveloperName')),
        ['Widget_Queue']
    );
});

test('ORDER BY: nulls first ascending, last descending, NULLS LAST/FIRST override; text ignores case; stable', () => {
    const org = leads();
    org.insert('Lead', { LastName: 'abbot', Company: 'zeta', OwnerId: org.queueId });
    const companies = (soql: string): unknown[] => org.records(soql).map((row) => row.get('Company'));
    assert.deepEqual(companies('SELECT Company FROM Lead ORDER BY Company'), [null, 'Analytical', 'Navy', 'zeta']);
    assert.deepEqual(companies('SELECT Company FROM Lead ORDER BY Company DESC'), ['zeta', 'Navy', 'Analytical', null]);
    assert.deepEqual(companies('SELECT Company FROM Lead ORDER BY Company ASC NULLS LAST'), [
        'Analytical',
        'Navy',
        'zeta',
        null
    ]);
    assert.deepEqual(
        org.records('SELECT LastName FROM Lead ORDER BY OwnerId, LastName DESC').map((row) => row.get('LastName')),
        ['Byron', 'Lovelace', 'Hopper', 'abbot']
    );
});

test('LIMIT and OFFSET take literals or binds', () => {
    const org = leads();
    const names = org
        .records('SELECT LastName FROM Lead ORDER BY LastName LIMIT :size OFFSET 1', { size: 1 })
        .map((row) => row.get('LastName'));
    assert.deepEqual(names, ['Hopper']);
});

test('one query and its rows count in the limits; a custom metadata query counts rows only', () => {
    const org = leads();
    org.records('SELECT Id FROM Lead');
    assert.deepEqual([org.transaction.limits.queries, org.transaction.limits.queryRows], [1, 3]);
    const [policy] = org.records("SELECT DeveloperName, Threshold__c FROM Policy__mdt WHERE DeveloperName = 'default'");
    assert.equal(policy.get('Threshold__c'), 42.5);
    assert.deepEqual([org.transaction.limits.queries, org.transaction.limits.queryRows], [1, 4]);
});

test('an Apex [SELECT …] literal hands over its QueryContext; its binds go to the resolver with the node', () => {
    const org = leads();
    const apex = 'class A { void m() { List<Lead> l = [SELECT Id FROM Lead WHERE LastName = :name]; } }';
    const parser = ApexParserFactory.createParser(apex);
    const unit = parser.compilationUnit();
    let literal: unknown;
    const visit = (node: { children?: unknown[] | null; constructor: { name: string } }): void => {
        if (node.constructor.name === 'SoqlLiteralContext') literal = (node as unknown as { query(): unknown }).query();
        for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(unit as unknown as { children: unknown[]; constructor: { name: string } });
    const seen: string[] = [];
    const result = org.engine.query(org.transaction, literal, {
        accessMode: 'system',
        enforceSharing: false,
        binds: ({ name, node }) => {
            seen.push(name);
            assert.ok(node);
            return 'hopper';
        }
    });
    assert.equal(result.kind === 'records' && result.records.length, 1);
    assert.deepEqual(seen, ['name']);
});

test('unknown fields: QueryException for dynamic SOQL, ProjectError for an Apex literal', () => {
    const org = leads();
    assert.throws(
        () => org.query('SELECT Nope__c FROM Lead'),
        (error: unknown) =>
            error instanceof PlatformException &&
            error.exceptionType === 'QueryException' &&
            /No such column 'Nope__c' on entity 'Lead'/.test(error.message)
    );
    assert.throws(() => org.query('SELECT Id FROM Nope__c'), /sObject type 'Nope__c' is not supported/);
    const tree = ApexParserFactory.createParser('SELECT Nope__c FROM Lead').query();
    assert.throws(
        () =>
            org.engine.query(org.transaction, tree, { accessMode: 'system', enforceSharing: false, binds: () => null }),
        ProjectError
    );
});

test('constructs not emulated raise UnsupportedError with the line', () => {
    const org = leads();
    const check = (soql: string, construct: RegExp): void =>
        assert.throws(
            () => org.query(soql),
            (error: unknown) =>
                error instanceof UnsupportedError && construct.test(error.construct) && error.position?.line === 2
        );
    check('SELECT Id,\n (SELECT Id FROM Widgets) FROM Lead', /subquery/);
    check('SELECT Id FROM Lead\n WHERE CreatedDate = TODAY', /date literal TODAY/);
    check('SELECT\n TYPEOF Owner WHEN User THEN Name END FROM Lead', /TYPEOF/);
});

test('1,000 leads: filter, order and page in a few milliseconds (parsed once, cached)', () => {
    const org = testOrg();
    const queueId = org.seeded.groupIds.get('Widget_Queue')!;
    for (let index = 0; index < 1000; index++) {
        org.insert('Lead', {
            LastName: `L${index}`,
            Company: 'C',
            OwnerId: queueId,
            Stage__c: index % 2 ? 'New' : 'Done',
            ConvertedDate: null,
            CreatedDate: new SDatetime(Date.UTC(2026, 0, 1) + index * 60_000)
        });
    }
    const soql =
        "SELECT Id, Name, Owner.Name FROM Lead WHERE Stage__c = 'New' AND OwnerId IN :owners ORDER BY CreatedDate DESC LIMIT 50";
    org.records(soql, { owners: [queueId] });
    const started = performance.now();
    const rows = org.records(soql, { owners: [queueId] });
    const elapsed = performance.now() - started;
    assert.equal(rows.length, 50);
    assert.equal(rows[0].get('Name'), 'L999');
    assert.ok(elapsed < 500, `took ${elapsed} ms`);
});

test('queryWithBinds: binds by name from a Map; a missing key is a QueryException', () => {
    const org = leads();
    const result = org.engine.queryWithBinds(
        org.transaction,
        'SELECT LastName FROM Lead WHERE Company = :company',
        new Map([['company', 'navy']]),
        'user'
    );
    assert.equal(result.kind === 'records' && result.records[0].get('LastName'), 'Hopper');
    assert.throws(
        () => org.engine.queryWithBinds(org.transaction, 'SELECT Id FROM Lead WHERE Company = :other', {}, 'system'),
        (error: unknown) => error instanceof PlatformException && error.exceptionType === 'QueryException'
    );
});

test('a picklist sorts in the order of its values, not alphabetically', () => {
    const org = leads();
    // Stage__c's global value set lists New before Done.
    assert.deepEqual(
        org
            .records('SELECT Stage__c FROM Lead WHERE Stage__c != null ORDER BY Stage__c')
            .map((row) => row.get('Stage__c')),
        ['New', 'Done']
    );
});

test('UnsupportedError positions: an Apex tree keeps its file lines; a text counts from its statement line', () => {
    const org = leads();
    const apex =
        'class A {\n  void m() {\n    List<Lead> l = [SELECT Id FROM Lead\n      WHERE CreatedDate = TODAY];\n  }\n}';
    const unit = ApexParserFactory.createParser(apex).compilationUnit();
    let literal: unknown;
    const visit = (node: { children?: unknown[] | null; constructor: { name: string } }): void => {
        if (node.constructor.name === 'SoqlLiteralContext') literal = (node as unknown as { query(): unknown }).query();
        for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(unit as unknown as { children: unknown[]; constructor: { name: string } });
    const options = { accessMode: 'system' as const, enforceSharing: false, binds: () => null };
    assert.throws(
        () => org.engine.query(org.transaction, literal, { ...options, source: { file: 'classes/A.cls', line: 3 } }),
        (error: unknown) =>
            error instanceof UnsupportedError && error.position?.file === 'classes/A.cls' && error.position.line === 4
    );
    assert.throws(
        () =>
            org.engine.query(org.transaction, 'SELECT Id FROM Lead\nWHERE CreatedDate = TODAY', {
                ...options,
                source: { file: 'classes/B.cls', line: 10 }
            }),
        (error: unknown) => error instanceof UnsupportedError && error.position?.line === 11
    );
});

test('a formula field is refused unless the engine is given a formula evaluator', () => {
    const org = leads();
    org.insert('Widget__c', { Name: 'w', Size__c: 2 });
    assert.throws(
        () => org.query('SELECT Double_Size__c FROM Widget__c', {}),
        (error: unknown) =>
            error instanceof UnsupportedError && /formula field Widget__c.Double_Size__c/.test(error.construct)
    );
    const engine = createQueryEngine(org.project, createAccessModel(org.project, org.store), {
        formula: (record, field) => (field.name === 'Double_Size__c' ? Number(record.get('Size__c')) * 2 : null)
    });
    const result = engine.query(org.transaction, 'SELECT Double_Size__c FROM Widget__c WHERE Double_Size__c > 3', {
        accessMode: 'system',
        enforceSharing: false,
        binds: () => null
    });
    assert.equal(result.kind === 'records' && result.records[0].get('Double_Size__c'), 4);
});

test('FOR UPDATE: accepted without ORDER BY; with ORDER BY a QueryException, or a ProjectError in an Apex literal', () => {
    const org = leads();
    const locked = org.query('SELECT Id FROM Lead WHERE Company != null FOR UPDATE');
    assert.equal(locked.kind === 'records' && locked.records.length, 2);
    assert.throws(
        () => org.query('SELECT Id FROM Lead ORDER BY LastName FOR UPDATE'),
        (error: unknown) =>
            error instanceof PlatformException &&
            error.exceptionType === 'QueryException' &&
            /ORDER BY cannot be used in a query that locks rows/.test(error.message)
    );
    const tree = ApexParserFactory.createParser('SELECT Id FROM Lead ORDER BY LastName FOR UPDATE').query();
    assert.throws(
        () =>
            org.engine.query(org.transaction, tree, { accessMode: 'system', enforceSharing: false, binds: () => null }),
        ProjectError
    );
});
