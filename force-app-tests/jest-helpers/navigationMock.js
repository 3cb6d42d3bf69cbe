// A recording lightning/navigation for component tests (the sfdx-lwc-jest stub drops page references). Use it with
//     jest.mock('lightning/navigation', () => jest.requireActual('test/navigationMock'));
// and read what the component asked for from `navigate` (Navigate) and `generateUrl` (GenerateUrl).
// Mapped as `test/navigationMock` in jest.config.js; typed in types/lwc-test.d.ts.
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

/** Called with every page reference passed to NavigationMixin.Navigate. */
export const navigate = jest.fn();
/** Called with every page reference passed to NavigationMixin.GenerateUrl. */
export const generateUrl = jest.fn();

/** The URL GenerateUrl answers: a record page as Lightning Experience writes it, else a URL naming the page. */
export function urlOf(pageReference) {
    const { type, attributes = {}, state = {} } = pageReference ?? {};
    if (type === 'standard__recordPage') {
        return `/lightning/r/${attributes.objectApiName ?? 'Lead'}/${attributes.recordId}/${attributes.actionName ?? 'view'}`;
    }
    const query = new URLSearchParams(state).toString();
    const path = `/lightning/n/${attributes.apiName ?? type}`;
    return query ? `${path}?${query}` : path;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = Object.assign(
    (Base) =>
        class extends Base {
            [Navigate](pageReference) {
                navigate(pageReference);
            }
            [GenerateUrl](pageReference) {
                generateUrl(pageReference);
                return Promise.resolve(urlOf(pageReference));
            }
        },
    { Navigate, GenerateUrl }
);
