// The first deploy (POLICY_SOURCES) must hold every Custom Metadata type and record that a `$CustomMetadata.`
// reference names, and nothing that could depend on the second deploy: then the SQL_Needs_* validation rules
// always reach an org whose policy records already exist.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { POLICY_SOURCES } from './lib/project.mjs';

function* files(dir) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) yield* files(path);
        else yield path;
    }
}

test('the first deploy holds Custom Metadata types and records only', () => {
    for (const source of POLICY_SOURCES) {
        for (const path of files(source)) {
            assert.match(path, /\/objects\/\w+__mdt\/|\/customMetadata\/\w+\.\w+\.md-meta\.xml$/, path);
            assert.doesNotMatch(
                readFileSync(path, 'utf8'),
                /<referenceTo>|<valueSetName>/,
                `${path} depends on other metadata`
            );
        }
    }
});

test('every $CustomMetadata reference in the app names a type and record of the first deploy', () => {
    const references = [];
    for (const path of files('force-app')) {
        if (!path.endsWith('-meta.xml')) continue;
        for (const match of readFileSync(path, 'utf8').matchAll(/\$CustomMetadata\.(\w+)__mdt\.(\w+)\.(\w+)/g))
            references.push({ path, type: match[1], record: match[2] });
    }
    assert.ok(references.length >= 4, 'the SQL_Needs_* rules reference SQL_Criterion__mdt');
    const [objects, records] = POLICY_SOURCES;
    for (const { path, type, record } of references) {
        assert.ok(existsSync(join(objects, `${type}__mdt`)), `${path}: ${type}__mdt is not in ${objects}`);
        assert.ok(
            existsSync(join(records, `${type}.${record}.md-meta.xml`)),
            `${path}: ${type}.${record} is not in ${records}`
        );
    }
});
