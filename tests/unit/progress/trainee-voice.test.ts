import { describe, expect, test } from 'vitest';
import { plainSentences, traineeDraft } from '../../../src/server/demo/trainee-voice.ts';

const model = `Hi Tomasz,

**SO-2261047 is on a credit hold** while our credit analyst applies the wire you sent on Monday.

- We will confirm by **13:00** whether it makes today's 15:00 truck.
- If it does not, it ships first thing tomorrow and I will call you before noon.

Regards, Dana`;

const seeded = (seed: number) => {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T };
};

describe('traineeDraft', () => {
  test('plain sentences drop markdown marks and bullets', () => {
    expect(plainSentences(model).join(' ')).not.toMatch(/\*\*|^- /m);
    expect(plainSentences(model)).toContain('SO-2261047 is on a credit hold while our credit analyst applies the wire you sent on Monday.');
  });
  test('a draft is never the model pasted, and never carries markdown', () => {
    for (let seed = 1; seed < 60; seed++) {
      const draft = traineeDraft(model, (seed % 10) / 10, seeded(seed));
      expect(draft).not.toContain('**');
      expect(draft.trim()).not.toBe(model.trim());
    }
  });
  test('a strong draft keeps more of the model than a weak one', () => {
    const kept = (quality: number) => {
      let total = 0;
      for (let seed = 1; seed < 40; seed++)
        total += plainSentences(model).filter((sentence) => traineeDraft(model, quality, seeded(seed)).includes(sentence.slice(0, 20))).length;
      return total;
    };
    expect(kept(0.95)).toBeGreaterThan(kept(0.2));
  });
});
