// The engines the runner wires together: the SOQL engine and the access model (data area), the save engine with
// its flows (automation area), and the Apex engine as the save engine's ApexInvoker for invocable actions.
import type { ProjectMetadata } from '../core/metadata.ts';
import type { Store, Transaction } from '../core/runtime.ts';
import { evaluateFormula } from '../formula/index.ts';
import type { ApexEngine } from '../apex/index.ts';
import type { AccessChecks } from '../apex/stdlib/registry.ts';
import { accessFromSecurity, createSaveEngine } from '../save/index.ts';
import { createAccessModel, type AccessModel } from '../security/index.ts';
import { createQueryEngine, type FormulaEvaluator } from '../soql/index.ts';
import type { Engines } from './runner.ts';

function apexAccess(access: AccessModel): AccessChecks {
    return {
        object: (user, store, object) => access.forUser(user, store).object(object),
        field: (user, store, object, field) => access.forUser(user, store).field(object, field),
        customPermission: (user, store, name) => access.hasCustomPermission(user, name, store)
    };
}

/** Formula fields read through SOQL, computed for the running user of the current transaction. */
function formulaFields(
    metadata: ProjectMetadata,
    access: AccessModel,
    current: () => Transaction | null
): FormulaEvaluator {
    return (record, field) => {
        const tx = current();
        if (!tx) throw new Error('a formula field was read outside a transaction');
        return evaluateFormula(
            field.calculatedFormula ?? '',
            {
                record,
                prior: null,
                isNew: false,
                user: tx.user,
                now: tx.now(),
                hasPermission: (name) => access.hasCustomPermission(tx.user, name, tx.store),
                schema: metadata.schema,
                customMetadata: metadata.customMetadata,
                recordById: (id) => tx.store.get(id)
            },
            field.type
        );
    };
}

export function buildEngines(
    metadata: ProjectMetadata,
    apex: ApexEngine,
    store: Store,
    current: () => Transaction | null
): Engines {
    const access = createAccessModel(metadata, store);
    const queryEngine = createQueryEngine(metadata, access, { formula: formulaFields(metadata, access, current) });
    const saveEngine = createSaveEngine({ metadata, query: queryEngine, apex, access: accessFromSecurity(access) });
    return { queryEngine, saveEngine, access: apexAccess(access) };
}
