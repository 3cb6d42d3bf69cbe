import { describe, expect, it } from '@jest/globals';
import { formatCount, formatLabel } from 'c/labelFormat';

describe('formatLabel', () => {
    it('puts each value where its placeholder is, in any order and as often as written', () => {
        expect(formatLabel('{0} of {1} leads', 2, 3)).toBe('2 of 3 leads');
        expect(formatLabel('{1} Leads, davon {0}', 2, 3)).toBe('3 Leads, davon 2');
        expect(formatLabel('{0} and {0}', 'x')).toBe('x and x');
    });

    it('keeps a placeholder without a value, and quotes as written', () => {
        expect(formatLabel('{0} to {1}', 'a')).toBe('a to {1}');
        expect(formatLabel('"{0}" isn\'t one')).toBe('"{0}" isn\'t one');
        expect(formatLabel('Nothing to fill')).toBe('Nothing to fill');
    });

    it('writes an empty value as empty, and zero as 0', () => {
        expect(formatLabel('[{0}]', '')).toBe('[]');
        expect(formatLabel('{0} min', 0)).toBe('0 min');
    });

    it('reads placeholders of more than one digit, and leaves braces around other text alone', () => {
        const values = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];
        expect(formatLabel('{10}-{1}', ...values)).toBe('k-b');
        expect(formatLabel('{x} {} {0}', 'a')).toBe('{x} {} a');
    });
});

describe('formatCount', () => {
    it('takes the singular label for exactly one, the plural otherwise', () => {
        expect(formatCount(1, '{0} day', '{0} days')).toBe('1 day');
        expect(formatCount(0, '{0} day', '{0} days')).toBe('0 days');
        expect(formatCount(12, '{0} day', '{0} days')).toBe('12 days');
    });
});
