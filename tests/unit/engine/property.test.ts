// Random play on every scenario: the engine never throws and every score stays in range.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Answer } from '../../../src/domain/engine/answer.ts';
import type { Mode } from '../../../src/domain/engine/context.ts';
import { compileScenario, currentNode, requestHint, startAttempt, submitAnswer, type AttemptSnapshot } from '../../../src/domain/engine/machine.ts';
import { seniorAnswer, seniorPath } from '../../../src/domain/engine/senior-path.ts';
import type { Scenario, Step } from '../../../src/domain/scenario/schema.ts';
import { scoreAttempt, seniorReviews, type Reviews } from '../../../src/domain/scoring/attempt-score.ts';
import { traineeView } from '../../../src/domain/view/trainee-view.ts';
import { checkText, fixtureText, shippedScenarioFiles } from '../../support/scenarios.ts';

/** Kitchen-sink and every shipped scenario that passes the check (library-paths.test.ts reports those that do not). */
const scenarios: Scenario[] = [{ id: 'kitchen-sink', text: fixtureText('kitchen-sink.yaml') }, ...shippedScenarioFiles()].flatMap(
  ({ id, text }) => checkText(text, id).value ?? [],
);

/** One trainee action, as raw numbers the test turns into an answer for whatever step the attempt is at. */
const actionArb = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('answer' as const), weight: 8 },
    { arbitrary: fc.constantFrom('hint' as const, 'stale' as const, 'unknown-option' as const, 'wrong-kind' as const), weight: 1 },
  ),
  pick: fc.nat(1000),
  ticks: fc.array(fc.boolean(), { maxLength: 12 }),
  sortKeys: fc.array(fc.nat(1000), { maxLength: 12 }),
  text: fc.string({ maxLength: 40 }),
});
type Action = typeof actionArb extends fc.Arbitrary<infer T> ? T : never;

/** A fitting answer to the step, chosen by the action's numbers. */
function answerFor(step: Step, action: Action): Answer {
  switch (step.kind) {
    case 'choose':
      return { kind: 'choose', optionId: step.options[action.pick % step.options.length]!.id };
    case 'choose-many':
      return { kind: 'choose-many', optionIds: step.options.filter((_, index) => action.ticks[index]).map((option) => option.id) };
    case 'rank': {
      const keyed = step.items.map((item, index) => ({ id: item.id, key: action.sortKeys[index] ?? index }));
      return { kind: 'rank', order: keyed.sort((a, b) => a.key - b.key).map((item) => item.id) };
    }
    case 'write':
      return { kind: 'write', text: action.text || 'Noted.' };
  }
}

/** Plays the actions; refusals are fine, throwing is not. Returns the final snapshot. */
function playActions(scenario: Scenario, mode: Mode, actions: readonly Action[]): AttemptSnapshot {
  const machine = compileScenario(scenario);
  let snapshot = startAttempt(machine, mode);
  for (const action of actions) {
    const node = currentNode(snapshot);
    const step = scenario.steps[node];
    if (action.kind === 'hint') {
      snapshot = requestHint(machine, snapshot, node);
      continue;
    }
    const fitting: Answer = step ? answerFor(step, action) : { kind: 'write', text: action.text || 'after the end' };
    const answer: Answer =
      action.kind === 'unknown-option'
        ? { kind: 'choose-many', optionIds: ['no-such-option'] }
        : action.kind === 'wrong-kind'
          ? fitting.kind === 'rank'
            ? { kind: 'choose', optionId: 'x' }
            : { kind: 'rank', order: ['x'] }
          : fitting;
    const others = Object.keys(scenario.steps).filter((id) => id !== node);
    const stepId = action.kind === 'stale' && others.length ? others[action.pick % others.length]! : node;
    const submission = submitAnswer(scenario, machine, snapshot, stepId, answer);
    if (!submission.ok) expect(submission.snapshot).toBe(snapshot);
    snapshot = submission.snapshot;
    traineeView(scenario, currentNode(snapshot), snapshot.context, 'property');
  }
  return snapshot;
}

/** Random review ticks for the written answers of an attempt, some of them out of range. */
const reviewsArb = fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 6 });

describe.each(scenarios.map((scenario) => [scenario.id, scenario] as const))('%s', (_, scenario) => {
  test('random play never throws, and every score stays in range', () => {
    fc.assert(
      fc.property(fc.constantFrom<Mode>('practice', 'assessment', 'playtest'), fc.array(actionArb, { maxLength: 30 }), reviewsArb, (mode, actions, ticks) => {
        const snapshot = playActions(scenario, mode, actions);
        const reviews: Reviews = Object.fromEntries(
          snapshot.context.decisions.filter((decision) => decision.kind === 'write').map((decision) => [decision.stepId, ticks]),
        );
        const ending = snapshot.status === 'done' ? currentNode(snapshot) : undefined;
        const result = scoreAttempt(scenario, seniorPath(scenario), snapshot.context, ending, reviews);
        for (const decision of snapshot.context.decisions) {
          if (decision.score !== null) expect(decision.score).toBeGreaterThanOrEqual(0);
          if (decision.score !== null) expect(decision.score).toBeLessThanOrEqual(1);
        }
        for (const decision of result.decisions) {
          if (decision.score !== null) expect(decision.score).toBeGreaterThanOrEqual(0);
          if (decision.score !== null) expect(decision.score).toBeLessThanOrEqual(1);
        }
        for (const part of Object.values(result.parts)) {
          expect(part).toBeGreaterThanOrEqual(0);
          expect(part).toBeLessThanOrEqual(1);
        }
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(snapshot.context.sentiment).toBeGreaterThanOrEqual(0);
        expect(snapshot.context.sentiment).toBeLessThanOrEqual(100);
        if (result.passed) expect(result.critical || result.result === 'failed').toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  test('the senior path scores 100 and passes, however many refused answers are sent along the way', () => {
    const senior = seniorPath(scenario);
    expect(senior.result).toBe('resolved');
    expect(scoreAttempt(scenario, senior, senior.context, senior.ending, seniorReviews(scenario, senior))).toMatchObject({ score: 100, passed: true });
    fc.assert(
      fc.property(
        fc.constantFrom<Mode>('practice', 'assessment'),
        fc.array(fc.constantFrom('stale', 'unknown-option', 'wrong-kind', 'none'), { maxLength: 20 }),
        (mode, noise) => {
          const noisy: Action[] = [];
          const pending = [...noise];
          for (const decision of senior.decisions) {
            for (const kind of pending.splice(0, 2))
              if (kind !== 'none') noisy.push({ kind: kind as Action['kind'], pick: noisy.length + 1, ticks: [], sortKeys: [], text: '' });
            noisy.push(seniorAction(scenario.steps[decision.stepId]!));
          }
          const snapshot = playActions(scenario, mode, noisy);
          expect(currentNode(snapshot)).toBe(senior.ending);
          const result = scoreAttempt(scenario, senior, snapshot.context, currentNode(snapshot), seniorReviews(scenario, senior));
          expect(result).toMatchObject({ score: 100, passed: true });
        },
      ),
      { numRuns: 30 },
    );
  });
});

/** The action that makes `answerFor` give the senior's answer to a step. */
function seniorAction(step: Step): Action {
  const key = seniorAnswer(step)!;
  const base: Action = { kind: 'answer', pick: 0, ticks: [], sortKeys: [], text: '' };
  switch (key.kind) {
    case 'choose':
      return { ...base, pick: step.kind === 'choose' ? step.options.findIndex((option) => option.id === key.optionId) : 0 };
    case 'choose-many':
      return { ...base, ticks: step.kind === 'choose-many' ? step.options.map((option) => key.optionIds.includes(option.id)) : [] };
    case 'rank':
      return { ...base, sortKeys: step.kind === 'rank' ? step.items.map((item) => key.order.indexOf(item.id)) : [] };
    case 'write':
      return { ...base, text: key.text };
  }
}

test('the property tests cover kitchen-sink and every valid shipped scenario', () => {
  expect(scenarios[0]?.id).toBe('kitchen-sink');
  expect(scenarios.length).toBeGreaterThanOrEqual(1);
});
