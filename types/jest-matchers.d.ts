// Types for the matchers scripts/jest/setup.js registers, on the `expect` that tests import from @jest/globals.
import type { A11yConfig } from '@sa11y/common';

declare module 'expect' {
    // Merged declarations must repeat the type parameters of expect's Matchers, T included.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    interface Matchers<R extends void | Promise<void>, T = unknown> {
        /** @sa11y/jest: the element and its children pass the axe accessibility rules. */
        toBeAccessible(config?: A11yConfig): Promise<R>;
    }
}
