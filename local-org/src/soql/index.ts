// src/soql: SOQL parsed by apex-parser's query rule, resolved against the schema, run against the store.
export {
    bindsFromMap,
    createQueryEngine,
    QUERY_LIMIT,
    QUERY_ROW_LIMIT,
    type EngineQueryOptions,
    type QueryEngineOptions,
    type SoqlEngine
} from './engine.ts';
export { InaccessibleQueryException } from './access-check.ts';
export { parseQuery } from './parse.ts';
export type { Query } from './ast.ts';
export type { FormulaEvaluator } from './paths.ts';
