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

    it('skips entries without a message, and reads field errors alone or a body message without details', () => {
        expect(errorMessage({ body: [{ message: 'First' }, {}, { message: '' }] })).toBe('First');
        expect(errorMessage({ body: [{}] })).toBe('Unknown error.');
        expect(errorMessage({ body: [null, { message: 'After a null entry' }] })).toBe('After a null entry');
        expect(errorMessage({ body: null, message: 'No body' })).toBe('No body');
        expect(errorMessage({ body: { fieldErrors: { Amount: [{ message: 'Amount too big' }] } } })).toBe(
            'Amount too big'
        );
        expect(errorMessage({ body: { pageErrors: [{ message: 'Page error' }] } })).toBe('Page error');
        expect(errorMessage({ body: { message: 'Only this', pageErrors: [], fieldErrors: {} } })).toBe('Only this');
        expect(errorMessage({ body: { pageErrors: [] }, message: 'Outer' })).toBe('Outer');
    });

    it('falls back to the unknown-error sentence for an empty or non-text message', () => {
        expect(errorMessage(new Error(''))).toBe('Unknown error.');
        expect(errorMessage({ message: 42 })).toBe('Unknown error.');
        expect(errorMessage({})).toBe('Unknown error.');
        expect(errorMessage('')).toBe('Unknown error.');
        expect(errorMessage(undefined)).toBe('Unknown error.');
    });
});

describe('isServerMessage', () => {
    it('tells a sentence from the server (AuraHandledException body.message) from a network failure', () => {
        expect(isServerMessage({ body: { message: 'You need the Lead Handoff SDR permission set.' } })).toBe(true);
        expect(isServerMessage({ body: [{ message: 'Insufficient access' }] })).toBe(true);
        expect(isServerMessage(new Error('Failed to fetch'))).toBe(false);
        expect(isServerMessage(null)).toBe(false);
    });

    it('needs a message: an array of entries with one, or a body object with one', () => {
        expect(isServerMessage({ body: [{}, { message: 'Second' }] })).toBe(true);
        expect(isServerMessage({ body: [{}, { message: '' }] })).toBe(false);
        expect(isServerMessage({ body: [] })).toBe(false);
        expect(isServerMessage({ body: [null, { message: 'Second' }] })).toBe(true);
        expect(isServerMessage({ body: { message: '' } })).toBe(false);
        expect(isServerMessage({ body: {} })).toBe(false);
        expect(isServerMessage({ body: null })).toBe(false);
        expect(isServerMessage({ body: 'Insufficient access' })).toBe(false);
        expect(isServerMessage({})).toBe(false);
    });
});
