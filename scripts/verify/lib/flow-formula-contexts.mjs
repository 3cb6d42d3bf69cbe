// Where a flow may use ISNEW(), ISCHANGED(), PRIORVALUE() and $Record__Prior. The formula function pages list these
// functions for validation rules, field updates, workflow, assignment rules and processes only; flow formulas gained
// them later, for record-triggered flows ("Use ISCHANGED, ISNEW, and PRIORVALUE in Record-Triggered Flow Formulas").
// A flow whose trigger cannot give them a meaning cannot be activated, so its deploy fails in an org.
//
// Each cell: 'allowed'; 'constant' (allowed, but always the same value there: noted, not a failure);
// 'not available' (fails the check); 'unconfirmed' (no source at hand says either way: not a failure, confirm in an
// org). Only 'not available' fails, and every such cell names its source. The same cells hold in before-save and
// after-save flows, and in entry-condition formulas (<start><filterFormula>) as in formula resources (<formulas>).

export const SOURCES = {
    flowFormulaConsiderations:
        'https://help.salesforce.com/s/articleView?id=platform.flow_considerations_feature_formulas.htm ' +
        '(Flow Formula Considerations: ISCHANGED, ISNEW and PRIORVALUE are among the functions flow formulas do not ' +
        'support, with the exception "Use ISCHANGED, ISNEW, and PRIORVALUE in Record-Triggered Flow Formulas"; read ' +
        'here as mirrored at https://qiita.com/Keiji_otsubo/items/35975b42607e1485fd73)',
    entryConditionExample:
        'https://qiita.com/Tatsuhiro_Iwasaki/items/37b8fbbc4595729c68df (entry condition ' +
        'OR(ISNEW(), ISCHANGED({!$Record.AccountNumber})) on a created-or-updated trigger; "not usable in flows ' +
        'triggered when a record is deleted")',
    isNew:
        'https://help.salesforce.com/s/articleView?id=platform.customize_functions_isnew.htm (TRUE while a new record ' +
        'is created, FALSE when an existing record is updated)',
    isChanged:
        'https://help.salesforce.com/apex/HTViewHelpDoc?id=customize_functions_ischanged.htm ("returns FALSE when ' +
        'evaluating any field on a newly created record")',
    priorValue:
        'https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.customize_functions_priorvalue.htm ("When users ' +
        'create a record, this function returns the value of the field referenced rather than null")',
    recordPrior:
        'https://tddprojects.atlassian.net/wiki/spaces/SF/pages/1643085893/Formulas+in+Flow+Triggers ($Record__Prior ' +
        'holds the values before the triggering change: without a record trigger there is none)'
};

/** Trigger contexts: a flow that is not record-triggered, or a record trigger by its <recordTriggerType>. */
export const CONTEXTS = ['not record-triggered', 'Create', 'Update', 'CreateAndUpdate', 'Delete'];

const cell = (status, source, note) => ({ status, source, note });

/** @type {{ name: string, pattern: RegExp, contexts: Record<string, { status: string, source: string, note?: string }> }[]} */
export const FLOW_FORMULA_CONTEXTS = [
    {
        name: 'ISNEW()',
        pattern: /\bISNEW\s*\(/gi,
        contexts: {
            'not record-triggered': cell('not available', SOURCES.flowFormulaConsiderations),
            Create: cell('constant', SOURCES.isNew, 'always TRUE'),
            Update: cell('constant', SOURCES.isNew, 'always FALSE'),
            CreateAndUpdate: cell('allowed', SOURCES.entryConditionExample),
            Delete: cell('not available', SOURCES.entryConditionExample)
        }
    },
    {
        name: 'ISCHANGED()',
        pattern: /\bISCHANGED\s*\(/gi,
        contexts: {
            'not record-triggered': cell('not available', SOURCES.flowFormulaConsiderations),
            Create: cell('constant', SOURCES.isChanged, 'always FALSE'),
            Update: cell('allowed', SOURCES.flowFormulaConsiderations),
            CreateAndUpdate: cell('allowed', SOURCES.entryConditionExample),
            Delete: cell('not available', SOURCES.entryConditionExample)
        }
    },
    {
        name: 'PRIORVALUE()',
        pattern: /\bPRIORVALUE\s*\(/gi,
        contexts: {
            'not record-triggered': cell('not available', SOURCES.flowFormulaConsiderations),
            Create: cell('constant', SOURCES.priorValue, 'the current value'),
            Update: cell('allowed', SOURCES.flowFormulaConsiderations),
            CreateAndUpdate: cell('allowed', SOURCES.flowFormulaConsiderations),
            Delete: cell('not available', SOURCES.entryConditionExample)
        }
    },
    {
        name: '$Record__Prior',
        pattern: /\$Record__Prior\b/gi,
        contexts: {
            'not record-triggered': cell('not available', SOURCES.recordPrior),
            Create: cell('unconfirmed', SOURCES.recordPrior, 'no prior record on create'),
            Update: cell('allowed', SOURCES.recordPrior),
            CreateAndUpdate: cell('allowed', SOURCES.recordPrior, 'empty for a created record: guard with ISNEW()'),
            Delete: cell('unconfirmed', SOURCES.recordPrior)
        }
    }
];

const RECORD_TRIGGERS = new Set(['RecordBeforeSave', 'RecordAfterSave', 'RecordBeforeDelete']);

/** The trigger context of a parsed <Flow>: one of CONTEXTS, and a label for messages. */
export function flowTriggerContext(flow) {
    const text = (value) => [value].flat()[0];
    const start = text(flow.start) ?? {};
    const triggerType = text(start.triggerType);
    if (!RECORD_TRIGGERS.has(triggerType)) {
        const kind = triggerType ?? text(flow.processType) ?? 'no trigger';
        return { context: 'not record-triggered', label: `is not record-triggered (${kind})` };
    }
    const recordTriggerType = triggerType === 'RecordBeforeDelete' ? 'Delete' : text(start.recordTriggerType);
    const context = CONTEXTS.includes(recordTriggerType) ? recordTriggerType : 'CreateAndUpdate';
    return { context, label: `runs on ${triggerType} with recordTriggerType ${recordTriggerType ?? 'unset'}` };
}

const OTHER_CONTEXTS_ALLOWED = (row) =>
    CONTEXTS.filter((context) => ['allowed', 'constant'].includes(row.contexts[context].status)).join(', ');

/**
 * Problems of one flow: [{ offset, message }], `offset` into `text` for the line. Formulas are the <expression> of
 * each <formulas> resource and the start's <filterFormula>; $Record__Prior is checked wherever the flow names it.
 */
export function flowFormulaContextProblems(flow, text) {
    const { context, label } = flowTriggerContext(flow);
    const problems = [];
    for (const row of FLOW_FORMULA_CONTEXTS) {
        const cellHere = row.contexts[context];
        if (cellHere.status !== 'not available') continue;
        const scopes =
            row.name === '$Record__Prior' ? [{ from: 0, to: text.length, where: 'this flow' }] : formulaSpans(text);
        for (const scope of scopes) {
            const pattern = new RegExp(row.pattern.source, row.pattern.flags);
            pattern.lastIndex = scope.from;
            for (let match = pattern.exec(text); match && match.index < scope.to; match = pattern.exec(text)) {
                problems.push({
                    offset: match.index,
                    message:
                        `${row.name} in ${scope.where}: not available, because the flow ${label}. It is allowed in ` +
                        `record-triggered flows that run on ${OTHER_CONTEXTS_ALLOWED(row)}: change the trigger or ` +
                        `compute the value another way (source: ${cellHere.source}).`
                });
            }
        }
    }
    return problems.sort((a, b) => a.offset - b.offset);
}

/** Character spans of every formula in a flow file: formula resources and the entry-condition formula. */
function formulaSpans(text) {
    const spans = [];
    for (const match of text.matchAll(/<formulas>([\s\S]*?)<\/formulas>/g)) {
        const name = /<name>([^<]*)<\/name>/.exec(match[1])?.[1] ?? '?';
        const expression = /<expression>[\s\S]*?<\/expression>/.exec(match[1]);
        if (!expression) continue;
        const from = match.index + '<formulas>'.length + expression.index;
        spans.push({ from, to: from + expression[0].length, where: `formula resource ${name}` });
    }
    for (const match of text.matchAll(/<filterFormula>[\s\S]*?<\/filterFormula>/g)) {
        spans.push({ from: match.index, to: match.index + match[0].length, where: 'the entry-condition formula' });
    }
    return spans;
}
