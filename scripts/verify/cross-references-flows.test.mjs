import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { CONTEXTS, FLOW_FORMULA_CONTEXTS, flowFormulaContextProblems } from './lib/flow-formula-contexts.mjs';

// Flow formula contexts, on small flows: which trigger allows ISNEW, ISCHANGED, PRIORVALUE and $Record__Prior.
const flowParser = new XMLParser({ parseTagValue: false, isArray: (_name, jpath) => jpath.split('.').length > 1 });

function flowXml({ triggerType, recordTriggerType, processType = 'AutoLaunchedFlow', formula, filterFormula }) {
    const trigger = triggerType
        ? `<object>Widget__c</object><recordTriggerType>${recordTriggerType}</recordTriggerType><triggerType>${triggerType}</triggerType>`
        : '';
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Flow xmlns="http://soap.sforce.com/2006/04/metadata">',
        formula
            ? `    <formulas>\n        <name>Probe</name>\n        <expression>${formula}</expression>\n    </formulas>`
            : '',
        `    <processType>${processType}</processType>`,
        `    <start>${filterFormula ? `<filterFormula>${filterFormula}</filterFormula>` : ''}${trigger}</start>`,
        '</Flow>'
    ].join('\n');
}

function contextProblems(options) {
    const text = flowXml(options);
    return flowFormulaContextProblems(flowParser.parse(text).Flow, text).map(
        (problem) => problem.message.split(':')[0]
    );
}

test('flow formulas: the functions and $Record__Prior are allowed where record-triggered flows on create or update run', () => {
    const formula = 'IF(ISNEW(), 0, PRIORVALUE({!$Record.Size__c})) + IF(ISCHANGED({!$Record.Size__c}), 1, 0)';
    for (const triggerType of ['RecordBeforeSave', 'RecordAfterSave']) {
        for (const recordTriggerType of ['Create', 'Update', 'CreateAndUpdate']) {
            assert.deepEqual(contextProblems({ triggerType, recordTriggerType, formula, filterFormula: formula }), []);
        }
        assert.deepEqual(
            contextProblems({ triggerType, recordTriggerType: 'Update', formula: '{!$Record__Prior.Size__c}' }),
            []
        );
    }
});

test('flow formulas: not available in flows without a record trigger, nor on delete', () => {
    assert.deepEqual(contextProblems({ processType: 'Flow', formula: 'ISCHANGED({!widget.Size__c})' }), [
        'ISCHANGED() in formula resource Probe'
    ]);
    assert.deepEqual(contextProblems({ processType: 'Flow', formula: 'TEXT({!$Record__Prior.Size__c})' }), [
        '$Record__Prior in this flow'
    ]);
    assert.deepEqual(
        contextProblems({ triggerType: 'RecordBeforeDelete', recordTriggerType: 'Delete', filterFormula: 'ISNEW()' }),
        ['ISNEW() in the entry-condition formula']
    );
});

test('flow formula contexts: every cell is known, and every failing cell names its source', () => {
    for (const row of FLOW_FORMULA_CONTEXTS) {
        assert.deepEqual(Object.keys(row.contexts).sort(), [...CONTEXTS].sort(), row.name);
        for (const cell of Object.values(row.contexts)) {
            assert.ok(['allowed', 'constant', 'not available', 'unconfirmed'].includes(cell.status));
            assert.match(cell.source, /^https:\/\//, row.name);
        }
    }
});
