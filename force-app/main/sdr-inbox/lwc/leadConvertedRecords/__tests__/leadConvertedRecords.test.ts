import { afterEach, describe, expect, it, jest } from '@jest/globals';
import LeadConvertedRecords from 'c/leadConvertedRecords';
import { flush, mount, removeAll } from 'test/lwcTest';

// The sfdx-lwc-jest navigation stub drops page references and generates no URL: this one records both.
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](pageReference: unknown) {
                    navigate(pageReference);
                }
                [GenerateUrl](pageReference: { attributes: { recordId: string } }) {
                    return Promise.resolve(`/lightning/r/${pageReference.attributes.recordId}/view`);
                }
            },
        { Navigate, GenerateUrl }
    );
    return { NavigationMixin, navigate };
});

type ConvertedRecords = LeadStagePanelController.ConvertedRecords;

const CONVERTED = jest.requireActual<ConvertedRecords>('./data/LeadStagePanelController.converted.json');
const { navigate } = jest.requireMock<{ navigate: jest.Mock }>('lightning/navigation');

const create = (records: ConvertedRecords | null) =>
    mount('c-lead-converted-records', LeadConvertedRecords, { records });
const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const rows = (element: HTMLElement) =>
    Array.from(root(element).querySelectorAll('dd')).map((cell) => [
        cell.previousElementSibling?.textContent?.trim(),
        cell.textContent?.trim(),
        cell.querySelector('a')?.getAttribute('href') ?? null
    ]);

describe('c-lead-converted-records', () => {
    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
    });

    it('links the opportunity, the account and the contact by name, with their record page URLs', async () => {
        const element = await create(CONVERTED);
        expect(root(element).querySelector('h3')?.textContent).toBe('Converted into');
        expect(rows(element)).toEqual([
            ['Opportunity', 'Acme - Platform', '/lightning/r/006000000000001AAA/view'],
            ['Account', 'Acme', '/lightning/r/001000000000001AAA/view'],
            ['Contact', 'Jane Doe', '/lightning/r/003000000000001AAA/view']
        ]);
        await expect(element).toBeAccessible();
    });

    it('opens a record page in the app on click', async () => {
        const element = await create(CONVERTED);
        const account = root(element).querySelector('[data-id="account"] a') as HTMLAnchorElement;
        const click = new MouseEvent('click', { bubbles: true, cancelable: true });
        account.dispatchEvent(click);
        expect(click.defaultPrevented).toBe(true);
        expect(navigate).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '001000000000001AAA', objectApiName: 'Account', actionName: 'view' }
        });
    });

    it('names a record the user cannot read without linking it, and leaves out what was not created', async () => {
        const element = await create({ ...CONVERTED, accountName: null, opportunityId: null, opportunityName: null });
        expect(rows(element)).toEqual([
            ['Account', 'not visible to you', null],
            ['Contact', 'Jane Doe', '/lightning/r/003000000000001AAA/view']
        ]);
    });

    it('shows nothing for a lead that is not converted, and follows new records', async () => {
        const element = await create(null);
        expect(root(element).querySelector('section')).toBeNull();
        Object.assign(element, { records: CONVERTED });
        await flush();
        expect(rows(element)).toHaveLength(3);
    });
});
