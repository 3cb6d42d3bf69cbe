// The engines the runner wires together: the SOQL engine and the access model (data area), the save engine with
// its flows (automation area), and the Apex engine as the save engine's ApexInvoker for invocable actions.
import type { ProjectMetadata } from '../core/metadata.ts';
import type { Store } from '../core/runtime.ts';
import type { ApexEngine } from '../apex/index.ts';
import type { AccessChecks } from '../apex/stdlib/registry.ts';
import { createSaveEngine, type AccessModel as SaveAccess } from '../save/index.ts';
import { createAccessModel, type AccessModel } from '../security/index.ts';
import { createQueryEngine } from '../soql/index.ts';
import type { Engines } from './runner.ts';

/** The save engine asks yes/no questions; the access model answers them per user from the store. */
function saveAccess(access: AccessModel): SaveAccess {
    return {
        canCreate: (user, object) => access.forUser(user).object(object).create,
        canEdit: (user, object) => access.forUser(user).object(object).edit,
        canDelete: (user, object) => access.forUser(user).object(object).delete,
        canEditField: (user, object, field) => access.forUser(user).field(object, field).editable,
        hasCustomPermission: (user, name) => access.hasCustomPermission(user, name)
    };
}

function apexAccess(access: AccessModel): AccessChecks {
    return {
        object: (user, store, object) => access.forUser(user, store).object(object),
        field: (user, store, object, field) => access.forUser(user, store).field(object, field),
        customPermission: (user, store, name) => access.hasCustomPermission(user, name, store)
    };
}

export function buildEngines(metadata: ProjectMetadata, apex: ApexEngine, store: Store): Engines {
    const access = createAccessModel(metadata, store);
    const queryEngine = createQueryEngine(metadata, access);
    const saveEngine = createSaveEngine({ metadata, query: queryEngine, apex, access: saveAccess(access) });
    return { queryEngine, saveEngine, access: apexAccess(access) };
}
