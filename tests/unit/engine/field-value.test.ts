import { describe, expect, test } from 'vitest';
import { fieldValue } from '../../../src/domain/text/format.ts';

describe('fieldValue: a case-file field as the trainee reads it', () => {
  test('money keys carry the currency', () => {
    expect(fieldValue('creditLimit', 250000, 'USD')).toBe('$250,000.00');
    expect(fieldValue('pastDue', 1234.5, 'EUR')).toBe('€1,234.50');
  });

  test('a year is shown as written, not grouped like a count', () => {
    expect(fieldValue('since', 2017, 'USD')).toBe('2017');
    expect(fieldValue('founded', 1998, 'USD')).toBe('1998');
  });

  test('other numbers are grouped, text is as written, and a flag reads Yes or No', () => {
    expect(fieldValue('openOrderLines', 12500, 'USD')).toBe('12,500');
    expect(fieldValue('tier', 'Key', 'USD')).toBe('Key');
    expect(fieldValue('taxExempt', true, 'USD')).toBe('Yes');
    expect(fieldValue('creditHold', false, 'USD')).toBe('No');
  });
});
