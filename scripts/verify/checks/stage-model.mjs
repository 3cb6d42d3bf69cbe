// Stage model: the stages of a record, the moves between them and the action recorded for each live in ONE Apex
// table, and the copies that cannot call Apex are proven equal to it. config/stage-model.json names the parts:
//   apexClass   the Apex class holding the table: String constants for the names, and a static `TABLE` of rows
//               `onPath(NAME)` (the main path, in order) or `exit(NAME)`, each followed by `.move(TARGET, ACTION)`s
//   lwcModule   the LWC module with the same model in TypeScript, exporting MAIN_PATH, EXIT_STAGES, STAGES,
//               allowedTransitions(from) and actionFor(from, to)
//   object, field   the picklist whose values are the stages; the object's active validation rules that read
//               PRIORVALUE(field) are its transition checks
// It fails when the picklist values, the Apex table and the TypeScript module name different stages or orders; when
// the table, the module and the rules allow different moves (each rule is evaluated, by local-org's formula engine,
// for every pair of stages, without the bypass permission); when the module records another action for a move; and
// when any other Apex class of the app spells a stage name as a string literal instead of using the class's constant;
// when another LWC TypeScript file spells one instead of importing the module's constant (an `objectApiName` names an
// object, not a stage); and when a flow spells an action of the table (the ACTION_ constants) instead of asking the
// Apex class for it through an invocable action, so the action of each move has one definition.
// A project without config/stage-model.json has nothing to check.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ApexLexer, ApexParserFactory } from '@apexdevtools/apex-parser';
import { childRule, descendants, parseApex, ruleChildren, ruleOf } from '../lib/apex-classes.mjs';
import { lineAt, projectFiles, projectPath, readMetadataXml } from '../lib/project.mjs';

export const CONFIG_FILE = 'config/stage-model.json';
const ts = createRequire(import.meta.url)('typescript');
const repository = dirname(dirname(dirname(dirname(fileURLToPath(import.meta.url)))));
const LOCAL_ORG = join(repository, '.build/local-org/src');

const ROW = /^(onPath|exit)\(([^()]+)\)((?:\.move\([^()]+,[^()]+\))*)$/;
const MOVE = /\.move\(([^(),]+),([^(),]+)\)/g;
const APEX_STRING = /^'((?:[^'\\]|\\.)*)'$/;

const unescapeApex = (text) => text.replace(/\\(.)/g, (_, char) => ({ n: '\n', t: '\t' })[char] ?? char);
const arrow = (from, to) => `${from} → ${to}`;
const listed = (items) => (items.length ? items.join(', ') : 'nothing');

// ---------------------------------------------------------------------------------------------------------- the parts

/** The Apex table: { file, rows: [{ name, exit, moves: [{ to, action }], line }], constants } or { problem }. */
function readApexTable(root, path) {
    const file = projectPath(root, path);
    const source = readFileSync(path, 'utf8');
    const { tree, errors } = parseApex(source);
    if (errors.length) return { problem: { file, line: errors[0].line, message: 'does not parse; fix the Apex.' } };
    const declarators = descendants(tree, (node) => ruleOf(node) === 'VariableDeclarator');
    // The initializer: the declarator's one rule after its name (a labelled expression: NewExpression, Primary…).
    const initializer = (declarator) => ruleChildren(declarator).find((child) => ruleOf(child) !== 'Id');
    const constants = new Map();
    for (const declarator of declarators) {
        const value = initializer(declarator)?.getText().match(APEX_STRING);
        if (value) constants.set(childRule(declarator, 'Id').getText().toLowerCase(), unescapeApex(value[1]));
    }
    const table = declarators.find((node) => childRule(node, 'Id').getText() === 'TABLE');
    const shape =
        'declare `private static final List<…> TABLE = new List<…>{ onPath(LEAD).move(MQL, ACTION_PROMOTE), …, ' +
        'exit(REJECTED) }` with String constants (or literals) as arguments';
    if (!table) return { problem: { file, line: 1, message: `has no TABLE of stages: ${shape}.` } };
    const text = initializer(table)?.getText() ?? '';
    const body = text.match(/^newList<[^{]*>\{(.*)\}$/s)?.[1];
    const value = (argument) => {
        const literal = argument.match(APEX_STRING);
        return literal ? unescapeApex(literal[1]) : constants.get(argument.toLowerCase());
    };
    const rows = [];
    for (const element of body === undefined ? [text] : splitTopLevel(body)) {
        const row = element.match(ROW);
        const moves = row ? [...row[3].matchAll(MOVE)].map(([, to, action]) => [value(to), value(action)]) : [];
        const name = row && value(row[2]);
        if (!row || name === undefined || moves.flat().includes(undefined)) {
            const line = table.start.line;
            return { problem: { file, line, message: `TABLE cannot be read at "${element}": ${shape}.` } };
        }
        const rowLine = lineAt(source, source.search(new RegExp(`\\b${row[1]}\\(\\s*${escape(row[2])}\\s*\\)`)));
        rows.push({
            name,
            exit: row[1] === 'exit',
            moves: moves.map(([to, action]) => ({ to, action })),
            line: rowLine
        });
    }
    return { file, rows, constants, tableLine: table.start.line };
}

function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits `a(b,c),d` at the commas outside brackets and quotes. */
function splitTopLevel(text) {
    const parts = [];
    let depth = 0;
    let quoted = false;
    let start = 0;
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (quoted) {
            if (char === '\\') index++;
            else if (char === "'") quoted = false;
        } else if (char === "'") quoted = true;
        else if ('([{'.includes(char)) depth++;
        else if (')]}'.includes(char)) depth--;
        else if (char === ',' && depth === 0) {
            parts.push(text.slice(start, index));
            start = index + 1;
        }
    }
    parts.push(text.slice(start));
    return parts.filter((part) => part !== '');
}

/** The TypeScript module, transpiled and imported: { file, text, module } or { problem }. */
async function readTypeScriptModule(root, path) {
    const file = projectPath(root, path);
    const text = readFileSync(path, 'utf8');
    const { outputText } = ts.transpileModule(text, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    });
    // Custom Label imports carry display text only: the stage model needs their names, not their values.
    const runnable = outputText.replace(
        /^import (\w+) from '@salesforce\/label\/c\.(\w+)';$/gm,
        (_, binding, label) => `const ${binding} = ${JSON.stringify(label)};`
    );
    let module;
    try {
        module = await import(`data:text/javascript;base64,${Buffer.from(runnable).toString('base64')}`);
    } catch (error) {
        return { problem: { file, line: 1, message: `cannot be run on its own (${error.message}).` } };
    }
    const missing = ['MAIN_PATH', 'EXIT_STAGES', 'STAGES', 'allowedTransitions', 'actionFor'].filter(
        (name) => module[name] === undefined
    );
    if (missing.length) {
        return {
            problem: { file, line: 1, message: `does not export ${missing.join(', ')}: export the stage model.` }
        };
    }
    return { file, text, module };
}

/** The field's picklist values in order (global value set or inline): { file, values } or { problem }. */
function readPicklist(root, objectDir, field) {
    const fieldPath = join(objectDir, 'fields', `${field}.field-meta.xml`);
    if (!existsSync(fieldPath))
        return {
            problem: { file: CONFIG_FILE, message: `names ${field}, which has no ${projectPath(root, fieldPath)}.` }
        };
    const valueSet = readMetadataXml(fieldPath).CustomField?.valueSet?.[0];
    const globalName = valueSet?.valueSetName?.[0];
    if (globalName) {
        const [globalPath] = projectFiles(root, (path) =>
            path.endsWith(`/globalValueSets/${globalName}.globalValueSet-meta.xml`)
        );
        if (!globalPath)
            return {
                problem: {
                    file: projectPath(root, fieldPath),
                    message: `uses the global value set ${globalName}, which the project lacks.`
                }
            };
        const values = (readMetadataXml(globalPath).GlobalValueSet?.customValue ?? []).map(
            (value) => value.fullName[0]
        );
        return { file: projectPath(root, globalPath), values };
    }
    const inline = valueSet?.valueSetDefinition?.[0]?.value ?? [];
    return { file: projectPath(root, fieldPath), values: inline.map((value) => value.fullName[0]) };
}

/** Active validation rules that read PRIORVALUE(field): [{ file, name, formula }]. */
function transitionRules(root, objectDir, field) {
    const priorValue = new RegExp(`PRIORVALUE\\(\\s*${escape(field)}\\s*\\)`, 'i');
    return projectFiles(
        root,
        (path) => path.startsWith(join(objectDir, 'validationRules')) && path.endsWith('.validationRule-meta.xml')
    )
        .map((path) => {
            const rule = readMetadataXml(path).ValidationRule;
            const text = readFileSync(path, 'utf8');
            return {
                file: projectPath(root, path),
                line: lineAt(text, Math.max(0, text.indexOf('<errorConditionFormula>'))),
                name: basename(path).replace('.validationRule-meta.xml', ''),
                active: rule?.active?.[0] === 'true',
                formula: rule?.errorConditionFormula?.[0] ?? ''
            };
        })
        .filter((rule) => rule.active && priorValue.test(rule.formula));
}

/** For every pair of different stages, the rules that refuse the move: Map<'from\nto', rule[]>, or { problem }. */
async function refusingRules(rules, object, field, stages) {
    const formulaModule = join(LOCAL_ORG, 'formula/index.js');
    if (!existsSync(formulaModule)) {
        return {
            problem: { file: CONFIG_FILE, message: 'needs local-org built to evaluate the rules: run npm run build.' }
        };
    }
    const { evaluateFormula } = await import(pathToFileURL(formulaModule).href);
    const { SObject } = await import(pathToFileURL(join(LOCAL_ORG, 'core/sobject.js')).href);
    const schema = {
        object: () => ({ fields: new Map([[field.toLowerCase(), { name: field, type: 'picklist' }]]) }),
        relationship: () => undefined
    };
    const user = { id: '005000000000001AAA', username: 'stage-model@example.com', timeZone: 'UTC', locale: 'en_US' };
    const refusing = new Map();
    for (const from of stages) {
        for (const to of stages) {
            if (from === to) continue;
            const context = {
                record: new SObject(object, { [field]: to }),
                prior: new SObject(object, { [field]: from }),
                isNew: false,
                user,
                now: Date.UTC(2026, 0, 5, 12),
                hasPermission: () => false,
                schema
            };
            const refused = [];
            for (const rule of rules) {
                try {
                    if (evaluateFormula(rule.formula, context, 'checkbox') === true) refused.push(rule);
                } catch (error) {
                    const message = `cannot be evaluated on a move of ${field} alone (${error.message}); keep the transition rules to ${field}, PRIORVALUE, ISCHANGED and $Permission.`;
                    return { problem: { file: rule.file, line: rule.line, message } };
                }
            }
            refusing.set(`${from}\n${to}`, refused);
        }
    }
    return { refusing };
}

// ---------------------------------------------------------------------------------------------------------- comparisons

function compareStages(apex, typescript, picklist, problems) {
    const apexStages = apex.rows.map((row) => row.name);
    const apexPath = apex.rows.filter((row) => !row.exit).map((row) => row.name);
    const apexExits = apex.rows.filter((row) => row.exit).map((row) => row.name);
    const { module } = typescript;
    const same = (a, b) => JSON.stringify([...a]) === JSON.stringify([...b]);
    if (!same(apexStages, picklist.values)) {
        problems.push({
            file: apex.file,
            line: apex.tableLine,
            message: `TABLE lists the stages ${listed(apexStages)}, but the picklist (${picklist.file}) has ${listed(picklist.values)}: the table lists every picklist value, in picklist order.`
        });
    }
    for (const [name, ours, theirs] of [
        ['MAIN_PATH', apexPath, module.MAIN_PATH],
        ['EXIT_STAGES', apexExits, module.EXIT_STAGES],
        ['STAGES', apexStages, module.STAGES]
    ]) {
        if (same(ours, theirs)) continue;
        problems.push({
            file: typescript.file,
            line: lineAt(typescript.text, Math.max(0, typescript.text.indexOf(name))),
            message: `${name} is ${listed([...theirs])}, but the Apex table (${apex.file}:${apex.tableLine}) says ${listed(ours)}: make them equal.`
        });
    }
}

function compareMoves({ apex, typescript, rules, refusing, config }, problems) {
    const { module, text, file } = typescript;
    const stages = apex.rows.map((row) => row.name);
    for (const row of apex.rows) {
        const apexTargets = row.moves.map((move) => move.to);
        const tsTargets = [...(module.allowedTransitions(row.name) ?? [])];
        if (JSON.stringify(apexTargets) !== JSON.stringify(tsTargets)) {
            const keyLine = lineAt(
                text,
                Math.max(0, text.search(new RegExp(`^\\s*'?${escape(row.name)}'?\\s*:`, 'm')))
            );
            problems.push({
                file,
                line: keyLine,
                message: `allowedTransitions('${row.name}') is ${listed(tsTargets)}, but the Apex table (${apex.file}:${row.line}) allows ${listed(apexTargets)}: make them equal, in the same order.`
            });
        }
        for (const move of row.moves) {
            const action = module.actionFor(row.name, move.to);
            if (action === move.action) continue;
            problems.push({
                file,
                line: lineAt(text, Math.max(0, text.indexOf('actionFor'))),
                message: `actionFor('${row.name}', '${move.to}') is ${JSON.stringify(action)}, but the Apex table (${apex.file}:${row.line}) records ${arrow(row.name, move.to)} as '${move.action}'.`
            });
        }
        for (const to of stages) {
            if (to === row.name) continue;
            const inTable = apexTargets.includes(to);
            const refusedBy = refusing.get(`${row.name}\n${to}`);
            if (inTable && refusedBy.length) {
                for (const rule of refusedBy) {
                    problems.push({
                        file: rule.file,
                        line: rule.line,
                        message: `refuses ${arrow(row.name, to)}, which the Apex table allows (${apex.file}:${row.line}): let the rule allow it, or remove the move from the table and from ${config.lwcModule} alike.`
                    });
                }
            } else if (!inTable && !refusedBy.length) {
                problems.push({
                    file: apex.file,
                    line: row.line,
                    message: `the validation rules (${listed(rules.map((rule) => rule.name))}) let ${arrow(row.name, to)} be saved without the bypass permission, but the table has no such move: add a rule that refuses it, or add the move here and in the TypeScript module.`
                });
            }
        }
    }
}

/** Stage names spelt as string literals in the app's other Apex classes (tests and test-only directories excepted). */
function stageLiterals(root, apex, config) {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
    const testOnly = project.packageDirectories.map((dir) => dir.unpackagedMetadata?.path).filter(Boolean);
    const stages = new Map(apex.rows.map((row) => [row.name, row]));
    const constantOf = (stage) => [...apex.constants].find(([, value]) => value === stage)?.[0]?.toUpperCase();
    const problems = [];
    for (const path of projectFiles(root, (file) => file.endsWith('.cls'))) {
        const file = projectPath(root, path);
        if (file === apex.file || testOnly.some((dir) => file.startsWith(`${dir}/`))) continue;
        const source = readFileSync(path, 'utf8');
        if (/@IsTest\b/i.test(source.slice(0, source.search(/\bclass\b/i) + 1))) continue;
        const tokens = ApexParserFactory.createLexer(source)
            .getAllTokens()
            .filter((token) => token.channel === 0);
        tokens.forEach((token, index) => {
            if (token.type !== ApexLexer.StringLiteral) return;
            const value = unescapeApex(token.text.slice(1, -1));
            if (!stages.has(value)) return;
            // `SobjectType = 'Lead'` names an object, not a stage.
            if (tokens[index - 1]?.text === '=' && /^SobjectType$/i.test(tokens[index - 2]?.text ?? '')) return;
            problems.push({
                file,
                line: token.line,
                message: `spells the ${config.field} value '${value}': use ${config.apexClass}.${constantOf(value) ?? '<its constant>'} (a bind variable in SOQL), so each stage name has one definition.`
            });
        });
    }
    return problems;
}

/** Stage names spelt as string literals in the other TypeScript files of the app's LWCs (tests excepted). */
function typescriptStageLiterals(root, apex, config) {
    const stages = new Set(apex.rows.map((row) => row.name));
    const moduleFile = new RegExp(`/lwc/${config.lwcModule}/${config.lwcModule}\\.ts$`);
    const problems = [];
    const files = projectFiles(
        root,
        (path) => /\/lwc\/[^/]+\/[^/]+\.ts$/.test(path) && !moduleFile.test(path) && !path.includes('/__tests__/')
    );
    for (const path of files) {
        const source = readFileSync(path, 'utf8');
        const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true);
        const visit = (node) => {
            const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
            const inType = literal && ts.isLiteralTypeNode(node.parent);
            const importPath = literal && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent));
            const objectName =
                literal && ts.isPropertyAssignment(node.parent) && node.parent.name.getText(file) === 'objectApiName';
            if (literal && stages.has(node.text) && !inType && !importPath && !objectName) {
                problems.push({
                    file: projectPath(root, path),
                    line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1,
                    message: `spells the ${config.field} value '${node.text}': import its constant from c/${config.lwcModule}, so each stage name has one definition.`
                });
            }
            ts.forEachChild(node, visit);
        };
        visit(file);
    }
    return problems;
}

/** Actions of the table spelt in the app's flows: a flow asks the Apex class (through an invocable action). */
function flowActionLiterals(root, apex, config) {
    const actions = [...apex.constants].filter(([name]) => name.startsWith('action_')).map(([, value]) => value);
    const problems = [];
    for (const path of projectFiles(root, (file) => file.endsWith('.flow-meta.xml'))) {
        const source = readFileSync(path, 'utf8');
        for (const action of actions) {
            const spelt = new RegExp(
                `'${escape(action)}'|&apos;${escape(action)}&apos;|"${escape(action)}"|&quot;${escape(action)}&quot;|<stringValue>${escape(action)}</stringValue>`,
                'g'
            );
            for (const match of source.matchAll(spelt)) {
                problems.push({
                    file: projectPath(root, path),
                    line: lineAt(source, match.index),
                    message: `spells the action '${action}' of the stage model: take the action of a move from ${config.apexClass} through an invocable action, so each move's action has one definition.`
                });
            }
        }
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------------------- check

function findFile(root, accept, what) {
    const [path] = projectFiles(root, accept);
    return path ?? { problem: { file: CONFIG_FILE, message: `names ${what}, which the project lacks.` } };
}

export async function check(root) {
    const configPath = join(root, CONFIG_FILE);
    if (!existsSync(configPath)) return [];
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    const apexPath = findFile(
        root,
        (path) => basename(path) === `${config.apexClass}.cls`,
        `the Apex class ${config.apexClass}`
    );
    const lwcPath = findFile(
        root,
        (path) => new RegExp(`/lwc/${config.lwcModule}/${config.lwcModule}\\.ts$`).test(path),
        `the LWC module ${config.lwcModule} (TypeScript)`
    );
    const objectDir = projectFiles(root, (path) => path.includes(`/objects/${config.object}/`))[0]?.split(
        `/objects/${config.object}/`
    )[0];
    const found = [apexPath, lwcPath].filter((item) => item.problem).map((item) => item.problem);
    if (!objectDir)
        found.push({
            file: CONFIG_FILE,
            message: `names the object ${config.object}, which has no objects/${config.object} folder.`
        });
    if (found.length) return found;

    const objectPath = join(objectDir, 'objects', config.object);
    const apex = readApexTable(root, apexPath);
    const typescript = await readTypeScriptModule(root, lwcPath);
    const picklist = readPicklist(root, objectPath, config.field);
    const unreadable = [apex, typescript, picklist].filter((part) => part.problem).map((part) => part.problem);
    if (unreadable.length) return unreadable;

    const problems = [];
    compareStages(apex, typescript, picklist, problems);
    const rules = transitionRules(root, objectPath, config.field);
    const evaluated = await refusingRules(
        rules,
        config.object,
        config.field,
        apex.rows.map((row) => row.name)
    );
    if (evaluated.problem) return [...problems, evaluated.problem];
    compareMoves({ apex, typescript, rules, refusing: evaluated.refusing, config }, problems);
    problems.push(...stageLiterals(root, apex, config));
    problems.push(...typescriptStageLiterals(root, apex, config));
    problems.push(...flowActionLiterals(root, apex, config));
    return problems;
}
