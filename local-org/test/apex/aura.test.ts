// @AuraEnabled calls as a Lightning component makes them: JSON parameters converted to the declared types, only
// @AuraEnabled members in the result. https://developer.salesforce.com/docs/platform/lwc/guide/apex-call-imperative.html
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStore } from '../../src/data/memory-store.ts';
import { Clock, OrgTransaction } from '../../src/platform/transaction.ts';
import { createApexEngine } from '../../src/apex/index.ts';
import { metadataWith } from './harness.ts';

const controller = `public with sharing class Inbox {
    public class Request { @AuraEnabled public Integer pageSize { get; set; } @AuraEnabled public List<Id> ids; }
    public class Page {
        @AuraEnabled public Integer size;
        @AuraEnabled public Decimal total;
        public String hidden = 'not serialized';
    }
    @AuraEnabled
    public static Page load(Request request, Date since) {
        Page page = new Page();
        page.size = request.pageSize + request.ids.size() + since.day();
        page.total = 1.50;
        return page;
    }
}`;

test('parameters are converted from JSON; the result carries only @AuraEnabled members', () => {
    const metadata = metadataWith({ Inbox: controller });
    const engine = createApexEngine({ classes: metadata.apexClasses });
    const tx = new OrgTransaction(metadata, new MemoryStore(metadata.schema), new Clock(), {
        id: '005000000000001AAA',
        username: 'a@example.com',
        profileId: '00e000000000001AAA',
        timeZone: 'America/New_York',
        locale: 'en_US',
        permissionSets: []
    });
    const result = engine.callAuraEnabled(tx, 'Inbox', 'load', {
        request: { pageSize: 10, ids: ['00Q000000000001'] },
        since: '2026-12-04'
    });
    assert.deepEqual(result, { size: 15, total: 1.5 });
});
