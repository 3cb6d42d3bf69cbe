// The sentence to show for an error thrown by an Apex call (AuraHandledException, DML, UI API, network) or by
// JavaScript, for every Lead Handoff component that calls Apex.
import UNKNOWN_ERROR from '@salesforce/label/c.LeadHandoff_Shared_UnknownError';

/**
 * True when the error carries a sentence from the server (an AuraHandledException message: `error.body.message`),
 * which already says what happened and what to do; false for a network or unknown failure.
 */
export function isServerMessage(error: unknown): boolean {
    const body = (error as { body?: unknown } | null)?.body;
    if (Array.isArray(body)) return body.some((entry: { message?: string }) => Boolean(entry?.message));
    return Boolean(body && typeof body === 'object' && (body as { message?: string }).message);
}

/** The message of an error thrown by an Apex call (AuraHandledException, DML, network) or by JavaScript. */
export function errorMessage(error: unknown): string {
    if (!error) return UNKNOWN_ERROR;
    if (typeof error === 'string') return error;
    const body = (error as { body?: unknown }).body;
    if (Array.isArray(body)) {
        const messages = body.map((entry: { message?: string }) => entry?.message).filter(Boolean);
        if (messages.length) return messages.join(' ');
    } else if (body && typeof body === 'object') {
        const { message, pageErrors, fieldErrors } = body as {
            message?: string;
            pageErrors?: { message: string }[];
            fieldErrors?: Record<string, { message: string }[]>;
        };
        const details = [
            ...(pageErrors ?? []).map((entry) => entry.message),
            ...Object.values(fieldErrors ?? {}).flatMap((entries) => entries.map((entry) => entry.message))
        ];
        if (details.length) return details.join(' ');
        if (message) return message;
    }
    const message = (error as { message?: unknown }).message;
    return typeof message === 'string' && message ? message : UNKNOWN_ERROR;
}
