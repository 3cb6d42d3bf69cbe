// Which engines the runner uses: the other areas' factories when their folders are present (they are built in
// parallel), else none, and a test that reaches SOQL or DML is reported not run with the construct.
import type { ProjectMetadata } from '../core/metadata.ts';
import type { QueryEngine, SaveEngine } from '../core/runtime.ts';
import type { ApexEngine } from '../apex/index.ts';
import type { Engines } from './runner.ts';

type Factory = (...args: unknown[]) => unknown;

async function load(path: string): Promise<Record<string, unknown> | null> {
    try {
        return (await import(new URL(path, import.meta.url).href)) as Record<string, unknown>;
    } catch (error) {
        if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
        throw error;
    }
}

export interface EngineModules {
    soql: Record<string, unknown> | null;
    save: Record<string, unknown> | null;
}

export async function loadEngineModules(): Promise<EngineModules> {
    return { soql: await load('../soql/index.js'), save: await load('../save/index.js') };
}

export function buildEngines(modules: EngineModules, metadata: ProjectMetadata, apex: ApexEngine): Engines {
    const createQueryEngine = modules.soql?.['createQueryEngine'] as Factory | undefined;
    const queryEngine = createQueryEngine ? (createQueryEngine(metadata) as QueryEngine) : null;
    const createSaveEngine = modules.save?.['createSaveEngine'] as Factory | undefined;
    const saveEngine = createSaveEngine ? (createSaveEngine({ metadata, queryEngine, apex }) as SaveEngine) : null;
    return { queryEngine, saveEngine };
}
