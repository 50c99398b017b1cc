// The format reference (scenarios/FORMAT.md) lists every key that order lines, holds, documents, queue items, the order and the customer accept: walked from the zod schema, so a key added to the schema without a line in the guide fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { customerSchema, documentSchema, holdSchema, lineSchema, orderSchema, queueItemSchema } from '../../../src/domain/scenario/schema.ts';
import { allowedKeys } from '../../../src/domain/scenario/schema-walk.ts';

const reference = readFileSync(new URL('../../../scenarios/FORMAT.md', import.meta.url), 'utf8');

/** The keys named in the first column of the table that follows the paragraph opening with `` `part` `` (e.g. "`lines`, one entry per order line:"). */
function documentedKeys(markdown: string, part: string): string[] {
  const rows = markdown.split('\n');
  const start = rows.findIndex((row) => row.startsWith(`\`${part}\``));
  if (start < 0) return [];
  const table = rows.slice(start + 1).findIndex((row) => row.startsWith('| key |'));
  if (table < 0) return [];
  const keys: string[] = [];
  for (const row of rows.slice(start + 1 + table + 2)) {
    if (!row.startsWith('|')) break;
    const first = row.split('|')[1] ?? '';
    keys.push(...[...first.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1] as string));
  }
  return keys;
}

const PARTS: [part: string, schema: z.ZodType][] = [
  ['order', orderSchema],
  ['customer', customerSchema],
  ['lines', lineSchema],
  ['holds', holdSchema],
  ['documents', documentSchema],
  ['queue', queueItemSchema],
];

describe('the format reference lists every key of the case file', () => {
  test('the table reader finds a table after its part and reads every key in a row', () => {
    const sample = '`lines`, one entry:\n\n| key | required | value |\n| --- | --- | --- |\n| `sku` | yes | x |\n| `qty`, `uom` | yes | y |\n\nafter';
    expect(documentedKeys(sample, 'lines')).toEqual(['sku', 'qty', 'uom']);
    expect(documentedKeys(sample, 'holds')).toEqual([]);
  });

  for (const [part, schema] of PARTS) {
    test(`"${part}": every key the schema accepts has a row, and every row is a key the schema accepts`, () => {
      const documented = documentedKeys(reference, part);
      const accepted = allowedKeys(schema);
      expect(accepted.length, `the schema of ${part} is an object`).toBeGreaterThan(0);
      expect(
        accepted.filter((key) => !documented.includes(key)),
        `keys of ${part} missing from FORMAT.md`,
      ).toEqual([]);
      expect(
        documented.filter((key) => !accepted.includes(key)),
        `keys in FORMAT.md that ${part} does not accept`,
      ).toEqual([]);
    });
  }
});
