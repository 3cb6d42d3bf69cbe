// Salesforce Code Analyzer: PMD rules tagged Recommended or Security on every package directory (one JVM run),
// with the project's policy from code-analyzer.yml, then the flow scanner on every flow.
// Fails on PMD severity 1-2 and on flow scanner rules of severity error (see FLOW_RULES_THAT_DO_NOT_FAIL);
// lower severities are only counted.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { FALLIBLE_KINDS, reachableFrom, readFlowGraph } from '../lib/flow-graph.mjs';
import { shortRunJavaEnv } from '../lib/java.mjs';
import { lineAt, packageDirectories, projectFiles, projectPath } from '../lib/project.mjs';

const { parse, scan } = createRequire(import.meta.url)('@flow-scanner/lightning-flow-scanner-core');

const PMD_RULE_SELECTORS = ['pmd:Recommended', 'pmd:Security'];
const PROJECT_CONFIG = 'code-analyzer.yml';

// The flow scanner's own severities decide, with every rule enabled: `error` rules (loops with DML, SOQL or
// actions, missing fault paths and null handlers, hard-coded Ids, unused or unconnected elements, inactive or
// Process Builder flows, missing descriptions, outdated API versions) describe flows that misbehave in an org or
// cannot be maintained, so they fail. `warning`/`note` rules (complexity, trigger order, all-fields lookups,
// same-record updates) are judgement calls and are counted only. One `error` rule is demoted:
const FLOW_RULES_THAT_DO_NOT_FAIL = new Set([
    // Whether the canvas uses auto-layout is cosmetic; 6.6.0 also crashes on flows with one processMetadataValues.
    'AutoLayout'
]);

function projectConfig(root) {
    const file = join(root, PROJECT_CONFIG);
    return existsSync(file) ? CodeAnalyzerConfig.fromFile(file) : CodeAnalyzerConfig.withDefaults();
}

async function pmdProblems(root, counts) {
    // The PMD engine spawns java with this process's environment; this process runs only this check.
    process.env.JAVA_TOOL_OPTIONS = shortRunJavaEnv().JAVA_TOOL_OPTIONS;
    const analyzer = new CodeAnalyzer(projectConfig(root));
    await analyzer.addEnginePlugin(createEnginePlugin());
    const directories = packageDirectories(root).filter((dir) => existsSync(dir));
    if (directories.length === 0) return [];
    const workspace = await analyzer.createWorkspace(directories);
    const rules = await analyzer.selectRules(PMD_RULE_SELECTORS, { workspace });
    const results = await analyzer.run(rules, { workspace });
    const problems = [];
    for (const violation of results.getViolations()) {
        const rule = violation.getRule();
        const location = violation.getPrimaryLocation();
        if (rule.getSeverityLevel() > SeverityLevel.High) {
            tally(counts, `pmd ${rule.getName()}`);
            continue;
        }
        const file = location.getFile();
        problems.push({
            file: file ? projectPath(root, file) : PROJECT_CONFIG,
            line: location.getStartLine(),
            message:
                `[${rule.getName()}] ${violation.getMessage().trim()} ` +
                `(PMD severity ${rule.getSeverityLevel()}; see ${violation.getResourceUrls()[0] ?? 'the rule docs'})`
        });
    }
    return problems;
}

/** The line of a flow element's <name>, so that a problem points at the element in the real file. */
function elementLine(text, name) {
    const offset = name ? text.indexOf(`<name>${name}</name>`) : -1;
    return offset >= 0 ? lineAt(text, offset) : undefined;
}

async function flowProblems(root, counts) {
    const flows = projectFiles(root, (file) => file.endsWith('.flow-meta.xml'));
    if (flows.length === 0) return [];
    const problems = [];
    const parsed = await parse(flows);
    for (const { uri, errorMessage } of parsed.filter((flow) => flow.errorMessage || !flow.flow)) {
        problems.push({
            file: projectPath(root, uri),
            message: `[flow scanner] cannot parse the flow: ${errorMessage}`
        });
    }
    for (const { flow, ruleResults } of scan(parsed)) {
        const file = projectPath(root, flow.fsPath ?? flow.uri);
        const text = readFileSync(join(root, file), 'utf8');
        for (const result of ruleResults) {
            const fails = result.severity === 'error' && !FLOW_RULES_THAT_DO_NOT_FAIL.has(result.ruleName);
            if (!fails) {
                for (let i = 0; result.occurs && i < result.details.length; i++)
                    tally(counts, `flow ${result.ruleName}`);
                continue;
            }
            const rule = result.ruleDefinition;
            if (result.errorMessage) {
                problems.push({
                    file,
                    message: `[${result.ruleName}] the flow scanner could not check this flow: ${result.errorMessage}`
                });
            }
            if (!result.occurs) continue;
            for (const violation of result.details) {
                problems.push({
                    file,
                    line: elementLine(text, violation.name),
                    message: `[${result.ruleName}] ${rule.label} at ${violation.type} ${violation.name}: ${rule.description}`
                });
            }
        }
    }
    return problems;
}

// The scanner's MissingFaultPath follows only the start connector; a scheduled path runs later, alone, and a
// failure there is silent unless the flow handles it, so the same rule is applied to every scheduled path
// (fault handlers themselves excepted, as the scanner does).
function scheduledPathFaultProblems(root) {
    const problems = [];
    for (const file of projectFiles(root, (path) => path.endsWith('.flow-meta.xml'))) {
        const graph = readFlowGraph(file);
        const text = readFileSync(file, 'utf8');
        for (const path of graph.paths.filter(({ name }) => name !== 'start')) {
            for (const name of reachableFrom(graph, path.entry, { followFaults: false })) {
                const { kind, element } = graph.elements.get(name);
                if (!FALLIBLE_KINDS.has(kind) || element.faultConnector) continue;
                problems.push({
                    file: projectPath(root, file),
                    line: elementLine(text, name),
                    message: `[MissingFaultPath] ${kind} ${name} on ${path.name} has no fault connector: add one that reports or handles the failure.`
                });
            }
        }
    }
    return problems;
}

function tally(counts, key) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
}

export async function check(root) {
    const notFailing = new Map();
    const problems = [
        ...(await pmdProblems(root, notFailing)),
        ...(await flowProblems(root, notFailing)),
        ...scheduledPathFaultProblems(root)
    ];
    if (notFailing.size > 0) {
        const total = [...notFailing.values()].reduce((sum, count) => sum + count, 0);
        const byRule = [...notFailing].map(([rule, count]) => `${rule} ${count}`).join(', ');
        console.log(`Not failing (PMD severity 3-5, flow scanner warnings and notes): ${total}. ${byRule}.`);
    }
    return problems;
}
