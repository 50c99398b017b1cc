// A triage case file laid out as a queue: the schema, the check's messages and the variant overlay of queue items.
import { describe, expect, test } from 'vitest';
import { applyOverlay } from '../../../src/domain/scenario/overlay.ts';
import { resolveVariant } from '../../../src/domain/scenario/variants.ts';
import { caseSchema } from '../../../src/domain/scenario/schema.ts';
import { traineeView } from '../../../src/domain/view/trainee-view.ts';
import { startAttempt, compileScenario } from '../../../src/domain/engine/machine.ts';
import { checkText, fixtureText, lines, scenarioFrom } from '../../support/scenarios.ts';
import { edit, where } from './text-edits.ts';

const minimal = fixtureText('minimal.yaml');
const queueCase = `case:
  queue:
    - { id: q1, ref: Q1, order: SO-100, customer: Brightwell Bakery, received: 2026-04-01T16:20, code: ADDR, value: 640, summary: Suite missing on the ship-to }
    - { id: q2, order: SO-101, customer: Oakhurst Mills, tier: Key, received: 2026-03-30, code: CRCHK, value: 12000, due: 2026-04-02T15:00, summary: "Over its limit by 2,000" }
`;
const asQueue = (text: string) => edit(text, ['case:\n  order: { number: SO-100 }\n  customer: { name: Brightwell Bakery }\n', queueCase]);
const report = (text: string) => lines('minimal.yaml', checkText(text, 'minimal').findings);

describe('a case file laid out as a queue', () => {
  test('a queue stands in for the order and the customer; the check passes with no finding', () => {
    const text = asQueue(minimal);
    expect(report(text)).toBe('');
    const scenario = scenarioFrom(text, 'minimal');
    expect(scenario.case.order).toBeUndefined();
    expect(scenario.case.queue?.map((item) => [item.id, item.order, item.customer, item.value])).toEqual([
      ['q1', 'SO-100', 'Brightwell Bakery', 640],
      ['q2', 'SO-101', 'Oakhurst Mills', 12000],
    ]);
  });

  test('without a queue the order and the customer are still required, each with a message that says both ways out', () => {
    const text = edit(minimal, ['  order: { number: SO-100 }\n', '']);
    expect(report(text)).toBe(
      `minimal.yaml:11:1: error: "order" is missing. A case file needs "order:" (the order header and the customer), or a "queue:" with one entry per item when the case is a whole queue.`,
    );
    const both = caseSchema.safeParse({});
    expect(both.success).toBe(false);
    expect(both.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['order', 'customer']);
  });

  test('a queue item missing its summary, or with a key the format does not know, is reported at its line with the keys allowed', () => {
    const text = edit(asQueue(minimal), [', summary: Suite missing on the ship-to }', ', owner: Dana }']);
    const found = report(text);
    const at = where(text, 'Dana'); // an unknown key is placed at what it holds
    expect(found).toContain(
      `minimal.yaml:${at.line}:${at.column}: error: Queue item "q1": "owner" is not a key this format knows. Did you mean "order"? Allowed here: id, ref, order, customer, account, tier, received, code, status, value, currency, due, summary, note.`,
    );
    expect(found).toMatch(/Queue item "q1", "summary" is missing\. Add "summary:" with text\./);
  });

  test('two queue items with one id is an error', () => {
    const text = edit(asQueue(minimal), ['- { id: q2,', '- { id: q1,']);
    expect(report(text)).toMatch(/error: Queue item id "q1" is used twice\. Each queue item needs its own id\./);
  });

  test('the trainee sees the queue, and no order when there is none', () => {
    const scenario = scenarioFrom(asQueue(minimal), 'minimal');
    const view = traineeView(scenario, scenario.start, startAttempt(compileScenario(scenario), 'practice').context, 'seed');
    expect(view.caseFile.order).toBeUndefined();
    expect(view.caseFile.queue?.map((item) => item.ref ?? item.id)).toEqual(['Q1', 'q2']);
  });
});

describe('variants overlay queue items by id', () => {
  const base = {
    case: {
      queue: [
        { id: 't1', customer: 'A', value: 100, summary: 'One' },
        { id: 't2', customer: 'B', value: 200, summary: 'Two' },
        { id: 't3', customer: 'C', value: 300, summary: 'Three' },
      ],
    },
  };

  test('a listed item merges into the base item with its id; a new id is added at the end; remove: true drops one', () => {
    const { data, problems } = applyOverlay(
      base,
      {
        case: {
          queue: [
            { id: 't2', value: 250 },
            { id: 'walk-in', customer: 'D', summary: 'Four' },
            { id: 't3', remove: true },
          ],
        },
      },
      ['variants', 0],
    );
    expect(problems).toEqual([]);
    expect((data.case as { queue: unknown[] }).queue).toEqual([
      { id: 't1', customer: 'A', value: 100, summary: 'One' },
      { id: 't2', customer: 'B', value: 250, summary: 'Two' },
      { id: 'walk-in', customer: 'D', summary: 'Four' },
    ]);
  });

  test('an item without its id, or one close to a base id, is reported', () => {
    const { problems } = applyOverlay(base, { case: { queue: [{ value: 1 }, { id: 't22', value: 2 }] } }, ['variants', 0]);
    expect(problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['overlay-no-key', 'error'],
      ['overlay-new-item', 'warning'],
    ]);
    expect(problems[0]?.message).toMatch(/A variant's queue item needs its "id"/);
  });

  test('a variant of a queue scenario plays its own queue', () => {
    const text = `${asQueue(minimal)}values: { late: 300 }
variants:
  - id: as-written
    title: The queue as written
    case: { queue: [{ id: q1, note: "Waiting {{late}} minutes" }] }
  - id: bigger
    title: The credit item is bigger
    case: { queue: [{ id: q2, value: 48000 }, { id: q1, remove: true }] }
`;
    expect(report(text)).toBe('');
    const scenario = scenarioFrom(text, 'minimal');
    expect(resolveVariant(scenario, 'as-written').case.queue?.[0]?.note).toBe('Waiting 300 minutes');
    expect(resolveVariant(scenario, 'bigger').case.queue?.map((item) => [item.id, item.value])).toEqual([['q2', 48000]]);
  });
});
