// A generated scenario of any length, for tests that need a big map: a main line of choose steps,
// each with a best option, a weak one that rejoins a step later, and a wrong one that fails.
import type { Scenario } from '../../../src/domain/scenario/schema.ts';
import { scenarioSchema } from '../../../src/domain/scenario/schema.ts';
import { loadFixture } from '../../support/scenarios.ts';

/** A valid scenario with `count` steps, built on the kitchen-sink fixture's header and case file. */
export function longScenario(count: number): Scenario {
  const base = loadFixture('kitchen-sink');
  const id = (index: number) => (index >= count ? 'done' : `step-${index + 1}`);
  const steps = Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      id(index),
      {
        kind: 'choose',
        prompt: `Decision ${index + 1}: the buyer asks again where the order is, and the warehouse wants an answer before the next wave.`,
        hint: 'Look at the case file.',
        options: [
          { id: 'best', text: 'The right move.', verdict: 'best', why: 'Right.', next: id(index + 1) },
          { id: 'slow', text: 'A slow move.', verdict: 'weak', why: 'Slow.', effect: { minutes: 20 }, next: id(index + 2) },
          { id: 'wrong', text: 'A wrong move.', verdict: 'wrong', why: 'Wrong.', next: index % 2 ? 'failed' : 'late' },
        ],
      },
    ]),
  );
  return scenarioSchema.parse({
    ...base,
    id: 'long-scenario',
    start: 'step-1',
    steps,
    endings: {
      done: { result: 'resolved', title: 'Done', text: 'It shipped.' },
      late: { result: 'partial', title: 'Late', text: 'It shipped late.' },
      failed: { result: 'failed', title: 'Failed', text: 'It did not ship.' },
    },
  });
}
