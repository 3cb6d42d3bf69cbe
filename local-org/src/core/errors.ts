// Errors shared by every layer.

/** Where in the project's source something is: a file relative to the project root, and a 1-based line. */
export interface SourcePosition {
    file: string;
    line?: number;
    column?: number;
}

export function formatPosition(position: SourcePosition | undefined): string {
    if (!position) return 'an unknown position';
    return position.line ? `${position.file}:${position.line}` : position.file;
}

/**
 * local-org met something it does not emulate. A test that meets one is reported "not run: unsupported <construct>
 * at <file:line>", never passed or failed: emulating it wrongly would be worse than not at all.
 */
export class UnsupportedError extends Error {
    readonly construct: string;
    readonly position: SourcePosition | undefined;

    constructor(construct: string, position?: SourcePosition) {
        super(`unsupported ${construct} at ${formatPosition(position)}`);
        this.name = 'UnsupportedError';
        this.construct = construct;
        this.position = position;
    }
}

/** The project's metadata or source cannot be read (a broken file): not the product's runtime behaviour. */
export class ProjectError extends Error {
    constructor(message: string, position?: SourcePosition) {
        super(position ? `${formatPosition(position)}: ${message}` : message);
        this.name = 'ProjectError';
    }
}

/**
 * One error of one record in a DML operation, as the platform reports it (Database.Error): a status code such as
 * FIELD_CUSTOM_VALIDATION_EXCEPTION, REQUIRED_FIELD_MISSING, INVALID_FIELD_FOR_INSERT_UPDATE, the message, and the
 * fields concerned.
 */
export interface RecordError {
    statusCode: string;
    message: string;
    fields: string[];
}

/**
 * A platform error that Apex code sees as an exception of a standard type (QueryException, DmlException,
 * SObjectException, LimitException, ...). The Apex interpreter turns it into an instance of that exception class.
 * `dml` carries the per-record failures of a DmlException (index in the statement, errors).
 */
export class PlatformException extends Error {
    readonly exceptionType: string;
    readonly dml: { index: number; id: string | null; errors: RecordError[] }[] | undefined;

    constructor(
        exceptionType: string,
        message: string,
        dml?: { index: number; id: string | null; errors: RecordError[] }[]
    ) {
        super(message);
        this.name = exceptionType;
        this.exceptionType = exceptionType;
        this.dml = dml;
    }
}
