// One shape for what a check found, so that every check reports "file:line: what is wrong and what to do".

/** @typedef {{ file: string, line?: number, message: string }} Problem */

export function formatProblem({ file, line, message }) {
    return `${file}${line ? `:${line}` : ''}: ${message}`;
}
