// The save layer: SaveEngine.dml (insert, update, upsert by Id, delete) through the order of execution, and
// Database.convertLead.
import type { Transaction } from '../core/runtime.ts';
import { convertLeads, type ConvertOptions, type LeadConvertRequest, type LeadConvertResult } from './convert.ts';
import { LocalSaveEngine, type SaveEngineOptions } from './engine.ts';

export type { AccessModel } from './access.ts';
export { SYSTEM_ACCESS, accessFromSecurity } from './access.ts';
export type { SaveEngineOptions, SaveControl } from './engine.ts';
export type { ConvertOptions, LeadConvertRequest, LeadConvertResult } from './convert.ts';

export interface LocalOrgSaveEngine extends LocalSaveEngine {
    convertLead(transaction: Transaction, requests: LeadConvertRequest[], options: ConvertOptions): LeadConvertResult[];
}

export function createSaveEngine(options: SaveEngineOptions): LocalOrgSaveEngine {
    const engine = new LocalSaveEngine(options) as LocalOrgSaveEngine;
    engine.convertLead = (transaction, requests, convertOptions) =>
        convertLeads(engine, transaction, requests, convertOptions);
    return engine;
}
