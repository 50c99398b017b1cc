import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepUntouched, matchLines } from '../../../src/domain/authoring/line-merge.ts';

/** The longest common subsequence's length, by dynamic programming (slow, obviously right). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe('matchLines', () => {
  it('matches a longest common subsequence, in order, of equal lines', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', '  x'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const match = matchLines(a, b);
        const pairs = [...match].map((j, i) => [i, j] as const).filter(([, j]) => j >= 0);
        for (const [i, j] of pairs) expect(a[i]).toBe(b[j]);
        pairs.forEach(([, j], index) => index && expect(j).toBeGreaterThan(pairs[index - 1]![1]));
        expect(pairs).toHaveLength(lcsLength(a, b));
      }),
    );
  });
});

describe('keepUntouched', () => {
  const original = ['title: A', 'tags: [a, b]', 'lines:', '  - { sku: A, qty: 1 }', '  - { sku: B, qty: 2 }', ''].join('\n');
  const printed = ['title: A', 'tags: [ a, b ]', 'lines:', '  - {sku: A, qty: 1}', '  - {sku: B, qty: 2}', ''].join('\n');

  it('gives back the original when the edit changed nothing', () => {
    expect(keepUntouched(original, printed, printed)).toBe(original);
  });

  it('takes the edited lines where the edit reached and the original lines everywhere else', () => {
    const edited = printed.replace('title: A', 'title: B');
    expect(keepUntouched(original, printed, edited)).toBe(original.replace('title: A', 'title: B'));
    const row = printed.replace('{sku: B, qty: 2}', '{sku: B, qty: 3}');
    expect(keepUntouched(original, printed, row)).toBe(original.replace('  - { sku: B, qty: 2 }', '  - {sku: B, qty: 3}'));
  });

  it('keeps the original around lines the edit added or removed', () => {
    const added = printed.replace('lines:\n', 'lines:\n  - {sku: C, qty: 5}\n');
    expect(keepUntouched(original, printed, added)).toBe(original.replace('lines:\n', 'lines:\n  - {sku: C, qty: 5}\n'));
    const removed = printed.replace('  - {sku: A, qty: 1}\n', '');
    expect(keepUntouched(original, printed, removed)).toBe(original.replace('  - { sku: A, qty: 1 }\n', ''));
  });
});
