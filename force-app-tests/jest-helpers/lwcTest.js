// What every component test needs: mount a component, let its promises settle, empty the page afterwards.
// Mapped as `test/lwcTest` in jest.config.js; typed in types/lwc-test.d.ts.
import { createElement } from 'lwc';

/** Settles pending promises without relying on timers, so it also works under fake timers. */
export function flush() {
    return Array.from({ length: 10 }).reduce((settled) => settled.then(() => undefined), Promise.resolve());
}

/** Creates the component with its @api properties, attaches it to the page and waits for its first loads. */
export async function mount(tagName, constructor, props = {}) {
    const element = createElement(tagName, { is: constructor });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flush();
    return element;
}

/** Removes everything the test attached to the page. */
export function removeAll() {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}
