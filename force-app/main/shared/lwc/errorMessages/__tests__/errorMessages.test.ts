import { describe, expect, it } from '@jest/globals';
import { errorMessage, isServerMessage } from 'c/errorMessages';

describe('error messages', () => {
    it('reads Apex, UI API and JavaScript errors', () => {
        expect(errorMessage({ body: { message: 'Insufficient access' } })).toBe('Insufficient access');
        expect(errorMessage({ body: [{ message: 'First' }, { message: 'Second' }] })).toBe('First Second');
        expect(
            errorMessage({
                body: {
                    message: 'ignored',
                    pageErrors: [{ message: 'Page error' }],
                    fieldErrors: { Amount: [{ message: 'Amount too big' }] }
                }
            })
        ).toBe('Page error Amount too big');
        expect(errorMessage(new Error('Network down'))).toBe('Network down');
        expect(errorMessage('plain')).toBe('plain');
        expect(errorMessage(null)).toBe('Unknown error.');
        expect(errorMessage({ body: [] })).toBe('Unknown error.');
    });
});

describe('isServerMessage', () => {
    it('tells a sentence from the server (AuraHandledException body.message) from a network failure', () => {
        expect(isServerMessage({ body: { message: 'You need the Lead Handoff SDR permission set.' } })).toBe(true);
        expect(isServerMessage({ body: [{ message: 'Insufficient access' }] })).toBe(true);
        expect(isServerMessage(new Error('Failed to fetch'))).toBe(false);
        expect(isServerMessage(null)).toBe(false);
    });
});
