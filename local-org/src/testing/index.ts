// src/testing: run the project's Apex tests against local-org (`runApexTests`) and report like the platform.
import { loadProject, seedOrg } from '../project/index.ts';
import { runTests, type MethodResult, type OrgSetup } from './runner.ts';
import { buildEngines } from './wiring.ts';

export interface ApexTestRun {
    projectRoot: string;
    /** 'Class' or 'Class.method'. */
    filter?: string[];
    now?: number;
}

export async function runApexTests(run: ApexTestRun): Promise<MethodResult[]> {
    const metadata = loadProject(run.projectRoot);
    const setup: OrgSetup = {
        metadata,
        seed: (store, now) => seedOrg(metadata, store, { now }).admin,
        engines: buildEngines
    };
    return runTests(setup, { filter: run.filter, now: run.now });
}

export { runTests, type MethodResult, type Outcome, type OrgSetup } from './runner.ts';
export { formatReport } from './report.ts';
