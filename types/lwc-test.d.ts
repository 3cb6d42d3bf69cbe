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
