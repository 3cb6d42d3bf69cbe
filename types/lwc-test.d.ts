// force-app-tests/jest-helpers/lwcTest.js, the shared helpers of component tests (a script file: global declaration).
declare module 'test/lwcTest' {
    /** Settles pending promises without relying on timers, so it also works under fake timers. */
    export function flush(): Promise<void>;
    /** Creates the component with its @api properties, attaches it to the page and waits for its first loads. */
    export function mount(
        tagName: string,
        constructor: new () => import('lwc').LightningElement,
        props?: Record<string, unknown>
    ): Promise<HTMLElement>;
    /** Removes everything the test attached to the page. */
    export function removeAll(): void;
}

// force-app-tests/jest-helpers/navigationMock.js, a recording lightning/navigation: jest.mock('lightning/navigation',
// () => jest.requireActual('test/navigationMock')).
declare module 'test/navigationMock' {
    import type { PageReference } from 'lightning/navigation';
    export { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
    /** Called with every page reference passed to NavigationMixin.Navigate. */
    export const navigate: import('@jest/globals').jest.Mock<(pageReference: PageReference) => void>;
    /** Called with every page reference passed to NavigationMixin.GenerateUrl. */
    export const generateUrl: import('@jest/globals').jest.Mock<(pageReference: PageReference) => void>;
    /** The URL GenerateUrl answers: `/lightning/r/Lead/<id>/view` for a record page. */
    export function urlOf(pageReference: PageReference): string;
}
