// Jest stand-in for lightning/modal, which @salesforce/sfdx-lwc-jest does not stub: a plain LightningElement
// whose static open() tests can resolve with the result a user would choose (`LightningModal.open.mockResolvedValue`).
import { LightningElement, api } from 'lwc';

export default class LightningModal extends LightningElement {
    static open = jest.fn().mockResolvedValue(undefined);

    @api label;
    @api size;
    @api description;
    @api disableClose;

    close(result) {
        this.dispatchEvent(new CustomEvent('close', { detail: result }));
    }
}
