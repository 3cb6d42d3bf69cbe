// Exceptions as Apex sees them. A thrown Apex exception travels as ApexThrown (carrying the exception object) and
// is caught by type. Assertion failures are AssertionFailure: Apex code cannot catch them ("a failed assertion
// cannot be caught", System.assert docs). UnsupportedError (core/errors.ts) passes every catch: the test is not run.
import { PlatformException } from '../core/errors.ts';
import type { ApexObject } from './values.ts';

export class ApexThrown extends Error {
    constructor(readonly exception: ApexObject) {
        super(exception.exception?.message ?? exception.cls.name);
    }
}

export class AssertionFailure extends Error {
    constructor(
        message: string,
        readonly stack: string
    ) {
        super(message);
        this.name = 'System.AssertException';
    }
}

/** What a test reports for an exception nobody caught: 'System.QueryException: List has no rows…'. */
export function describeThrown(exception: ApexObject): string {
    const name = exception.cls.standard ? `System.${exception.cls.name}` : exception.cls.name;
    const message = exception.exception?.message;
    return message ? `${name}: ${message}` : name;
}

export { PlatformException };
