import { describe, expect, test } from 'vitest';
import { WriteRateLimit } from '../../../src/server/limits/write-rate.ts';

describe('WriteRateLimit', () => {
  test('an account makes the limit at once, then one more each 60/limit seconds; other kinds and accounts are apart', () => {
    let now = 0;
    const limit = new WriteRateLimit(6, () => now);
    for (let n = 0; n < 6; n++) expect(limit.take('ava', 'case starts')).toBe(0);
    expect(limit.take('ava', 'case starts')).toBe(10);
    expect(limit.take('ava', 'assignment changes')).toBe(0);
    expect(limit.take('ben', 'case starts')).toBe(0);
    now += 5_000;
    expect(limit.take('ava', 'case starts')).toBe(5);
    now += 5_000;
    expect(limit.take('ava', 'case starts')).toBe(0);
    expect(limit.take('ava', 'case starts')).toBe(10);
    now += 10 * 60_000;
    for (let n = 0; n < 6; n++) expect(limit.take('ava', 'case starts')).toBe(0);
    expect(limit.take('ava', 'case starts')).toBeGreaterThan(0);
  });
});
