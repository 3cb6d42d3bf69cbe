import { test } from 'node:test';
import assert from 'node:assert/strict';
import { USER_PERMISSION_DEPENDENCIES, missingDependencies } from './lib/permission-dependencies.mjs';

// Permission sets: the user-permission dependency table that cross-references checks permission sets against.
test('every user-permission dependency row names its source', () => {
    for (const row of USER_PERMISSION_DEPENDENCIES) assert.match(row.source, /^https?:\/\//, row.permission);
});

test('a feature-dependent dependency applies only when the scratch definition turns the feature on', () => {
    const granted = { userPermissions: new Set(['CustomizeApplication', 'ViewSetup']), objectPermissions: new Map() };
    assert.deepEqual(missingDependencies(granted, { settings: {} }), []);
    const translation = { settings: { languageSettings: { enableTranslationWorkbench: true } } };
    const [problem] = missingDependencies(granted, translation);
    assert.match(
        problem.message,
        /^CustomizeApplication depends on ManageTranslation when the Translation Workbench is on/
    );
});
