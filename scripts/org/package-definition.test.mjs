// sfdx-project.json declares the unlocked package: it must validate against the CLI's own project schema
// (@salesforce/schemas, the schema `sf` validates the file with), package the app in force-app and keep the Apex
// tests in force-app-tests as unpackaged metadata, which package version creation deploys for its test run only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const schema = require('@salesforce/schemas/sfdx-project.schema.json');
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const project = JSON.parse(readFileSync('sfdx-project.json', 'utf8'));

test('sfdx-project.json validates against the Salesforce project schema', () => {
    assert.ok(validate(project), JSON.stringify(validate.errors, null, 2));
});

test('the schema check is live: a package without a version number is refused', () => {
    const broken = structuredClone(project);
    delete broken.packageDirectories.find((dir) => dir.package).versionNumber;
    assert.equal(validate(broken), false);
});

test('the package holds force-app; the Apex tests are unpackaged metadata, still a package directory', () => {
    const packaged = project.packageDirectories.filter((dir) => dir.package);
    assert.deepEqual(
        packaged.map((dir) => dir.path),
        ['force-app']
    );
    assert.equal(packaged[0].unpackagedMetadata?.path, 'force-app-tests');
    assert.match(packaged[0].versionNumber, /^\d+\.\d+\.\d+\.NEXT$/);
    assert.ok(project.packageDirectories.some((dir) => dir.path === 'force-app-tests' && !dir.package));
});

test('no placeholder package Id: package:version creates the package and the CLI writes its alias', () => {
    for (const id of Object.values(project.packageAliases ?? {}))
        assert.match(id, /^0Ho[0-9A-Za-z]{15}$|^04t[0-9A-Za-z]{15}$/);
});
