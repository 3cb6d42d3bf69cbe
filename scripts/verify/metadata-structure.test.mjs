import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectWith, runCheck } from './lib/fixture.mjs';

function failsWith(mistake, expectedLines) {
    const { status, output } = runCheck('metadata-structure', projectWith(mistake));
    assert.equal(status, 1, output);
    for (const expected of expectedLines) assert.match(output, expected);
}

test('the clean fixture passes', () => {
    const { status, output } = runCheck('metadata-structure', projectWith());
    assert.equal(status, 0, output);
});

test('a realistic record-triggered Flow, PermissionSet, CustomMetadata record, FlexiPage, Report and more pass', () => {
    const { status, output } = runCheck('metadata-structure', projectWith('realistic-metadata-valid'));
    assert.equal(status, 0, output);
});

test('an unknown element in a CustomField is named with its line and the close known name', () => {
    failsWith('unknown-field-element', [
        /fields\/Code__c\.field-meta\.xml:5: CustomField: unknown element <lenght> \(known: length/
    ]);
});

test('an invalid enum value in a CustomField is named with the expected values', () => {
    failsWith('invalid-enum-value', [
        /fields\/Size__c\.field-meta\.xml:8: invalid value "Numbr" for CustomField\.type; expected one of Number/
    ]);
});

test('an invalid Flow trigger type is found inside <start>', () => {
    failsWith('invalid-flow-trigger-type', [
        /flows\/Widget_Grow\.flow-meta\.xml:44: invalid value "BeforeSave" for Flow\.start\.triggerType; expected one of RecordBeforeSave/
    ]);
});

test('an unknown element nested in a Flow is found', () => {
    failsWith('unknown-flow-element', [/flows\/Widget_Grow\.flow-meta\.xml:35: Flow\.start: unknown element <filter>/]);
});

test('a .cls without its -meta.xml fails', () => {
    failsWith('class-without-meta', [/classes\/WidgetNames\.cls: has no WidgetNames\.cls-meta\.xml beside it/]);
});

test('a non-boolean in a boolean element fails', () => {
    failsWith('non-boolean-value', [
        /Widget_User\.permissionset-meta\.xml:33: invalid value "yes" for PermissionSet\.objectPermissions\.allowRead; expected true or false/
    ]);
});

test('malformed XML names the line of the bad tag', () => {
    failsWith('malformed-xml', [/widgetList\.js-meta\.xml:4: malformed XML: .*'isExposd'/]);
});

test('a CustomMetadata value is checked against its xsi:type and every <values> needs a <field>', () => {
    failsWith('invalid-custom-metadata-value', [
        /Widget_Policy\.Default\.md-meta\.xml:7: invalid value "ten" for CustomMetadata\.values\.value; expected xsd:double/,
        /Widget_Policy\.Default\.md-meta\.xml:9: CustomMetadata\.values lacks <field>/
    ]);
});

test('scratch org definition settings are checked against the Metadata API settings types', () => {
    failsWith('scratch-def-unknown-setting', [
        /config\/project-scratch-def\.json:6: settings\.leadConfigSettings: unknown element <shouldLeadConvertRequireValidaton> \(known: .*shouldLeadConvertRequireValidation,/,
        /config\/project-scratch-def\.json:\d+: invalid value "sometimes" for settings\.businessHoursSettings\.businessHours\.default; expected true or false/,
        /config\/project-scratch-def\.json:12: settings\.leadConvertSetings: no Metadata API settings type LeadConvertSetings/
    ]);
});

test('text over the length Salesforce accepts fails, naming the element and the limit', () => {
    failsWith('text-over-limit', [
        /permissionsets\/Widget_User\.permissionset-meta\.xml:\d+: PermissionSet\.description has \d+ characters; Salesforce accepts at most 255/,
        /fields\/Size__c\.field-meta\.xml:\d+: CustomField\.label has 48 characters; Salesforce accepts at most 40/
    ]);
});
