// Every SOQL literal in the repository's own Apex parses and resolves against the loaded schema: the standard
// objects and fields the project queries are described (src/project/standard-objects.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import { loadProject } from '../../src/project/index.ts';
import { parseQuery } from '../../src/soql/index.ts';
import { plan } from '../../src/soql/plan.ts';
import { REPOSITORY } from '../project/fixture.ts';

interface Node {
    children?: Node[] | null;
    constructor: { name: string };
}

test("the project's SOQL literals all resolve", () => {
    const project = loadProject(REPOSITORY);
    const failures: string[] = [];
    let count = 0;
    for (const source of project.apexClasses) {
        const unit = ApexParserFactory.createParser(source.text).compilationUnit() as unknown as Node;
        const visit = (node: Node): void => {
            if (node.constructor.name === 'SoqlLiteralContext') {
                const tree = (node as unknown as { query(): { getText(): string; start: { line: number } } }).query();
                count++;
                try {
                    plan(project.schema, parseQuery(tree, { file: source.file, line: 1 }), false);
                } catch (error) {
                    failures.push(`${source.file}:${tree.start.line}: ${(error as Error).message}`);
                }
            }
            for (const child of node.children ?? []) visit(child);
        };
        visit(unit);
    }
    assert.ok(count > 40, `found ${count} SOQL literals`);
    assert.deepEqual(failures, []);
});
