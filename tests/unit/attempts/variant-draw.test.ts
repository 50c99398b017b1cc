// Which case variant a new attempt plays: assessments take one the trainee has not seen while one is left.
import { describe, expect, test } from 'vitest';
import { drawVariant, variantOf } from '../../../src/domain/progress/variant-draw.ts';
import { STANDARD_VARIANT } from '../../../src/domain/scenario/variants.ts';

const VARIANTS = ['wire-short', 'wire-covers', 'no-wire', 'two-wires'];

describe('drawVariant', () => {
  test('a scenario without variants plays standard, and stored attempts without a variant mean standard', () => {
    expect(drawVariant([STANDARD_VARIANT], [], 'assessment', 'a-1')).toBe(STANDARD_VARIANT);
    expect(drawVariant([], [], 'practice', 'a-1')).toBe(STANDARD_VARIANT);
    expect(variantOf({})).toBe(STANDARD_VARIANT);
    expect(variantOf({ variant: 'no-wire' })).toBe('no-wire');
  });

  test('an assessment never repeats a variant seen in practice or an assessment while one is left', () => {
    for (let seed = 0; seed < 200; seed++) {
      const seen = [{ variant: 'wire-short' }, { variant: 'no-wire' }, { variant: 'wire-short' }];
      expect(['wire-covers', 'two-wires']).toContain(drawVariant(VARIANTS, seen, 'assessment', `attempt-${seed}`));
    }
  });

  test('successive assessments go through every variant before any repeats', () => {
    const seen: { variant: string }[] = [];
    for (let round = 0; round < VARIANTS.length; round++) seen.push({ variant: drawVariant(VARIANTS, seen, 'assessment', `round-${round}`) });
    expect(seen.map((attempt) => attempt.variant).sort()).toEqual([...VARIANTS].sort());
  });

  test('once every variant is seen, an assessment takes one of the least-seen', () => {
    const seen = [...VARIANTS, 'wire-short', 'no-wire', 'two-wires'].map((variant) => ({ variant }));
    for (let seed = 0; seed < 50; seed++) expect(drawVariant(VARIANTS, seen, 'assessment', `s${seed}`)).toBe('wire-covers');
  });

  test('practice takes one of the least-seen, and the same seed always draws the same variant', () => {
    const seen = [{ variant: 'wire-short' }, { variant: 'wire-covers' }, {}];
    const drawn = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const variant = drawVariant(VARIANTS, seen, 'practice', `p${seed}`);
      expect(['no-wire', 'two-wires']).toContain(variant);
      expect(drawVariant(VARIANTS, seen, 'practice', `p${seed}`)).toBe(variant);
      drawn.add(variant);
    }
    // Ties are broken by the seed, so both least-seen variants come up.
    expect(drawn.size).toBe(2);
  });

  test('the draw does not depend on the order the variants are written in', () => {
    for (let seed = 0; seed < 50; seed++) {
      expect(drawVariant([...VARIANTS].reverse(), [], 'practice', `o${seed}`)).toBe(drawVariant(VARIANTS, [], 'practice', `o${seed}`));
    }
  });
});
