import { describe, expect, test } from 'vitest';
import { playtestStart, replayPlaytest } from '../../../src/domain/authoring/playtest.ts';
import { stepKey, whenWords } from '../../../src/domain/authoring/answer-key.ts';
import { compileScenario, currentNode } from '../../../src/domain/engine/machine.ts';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { choose, loadFixture, many } from '../../support/scenarios.ts';

const scenario = loadFixture('kitchen-sink');
const machine = compileScenario(scenario);
const senior = seniorPath(scenario);

describe('playtestStart', () => {
  test('from the start: a fresh playtest', () => {
    const snapshot = playtestStart(scenario, machine, senior, 'first-look');
    expect([currentNode(snapshot), snapshot.context.mode, snapshot.context.decisions.length]).toEqual(['first-look', 'playtest', 0]);
  });

  test('from a step on the senior path: the world as the senior path leaves it there', () => {
    const snapshot = playtestStart(scenario, machine, senior, 'queue');
    expect(currentNode(snapshot)).toBe('queue');
    expect(snapshot.context.decisions.map((decision) => decision.stepId)).toEqual(['first-look', 'loop-in']);
    expect(snapshot.context.minutes).toBe(15);
    expect(snapshot.context.revealed).toContain('ar-ledger');
  });

  test('from a step off the senior path: the starting world, with what that step reveals', () => {
    const snapshot = playtestStart(scenario, machine, senior, 'sales-bounces');
    expect(currentNode(snapshot)).toBe('sales-bounces');
    expect(snapshot.context.decisions).toEqual([]);
    expect(snapshot.context.sentiment).toBe(55);
    expect(snapshot.context.revealed).toEqual(['credit-note']);
  });
});

describe('replayPlaytest', () => {
  test('replays the answers carried by the form and lands where they lead', () => {
    const replay = replayPlaytest(scenario, machine, senior, 'first-look', [
      { stepId: 'first-look', answer: choose('ask-sales') },
      { stepId: 'sales-bounces', answer: choose('wait') },
    ]);
    expect(replay.ok).toBe(true);
    expect(currentNode(replay.snapshot)).toBe('missed');
    expect(replay.snapshot.status).toBe('done');
  });

  test('stops at the first answer that no longer fits, with the reason and how many applied', () => {
    const replay = replayPlaytest(scenario, machine, senior, 'first-look', [
      { stepId: 'first-look', answer: choose('check-cash') },
      { stepId: 'loop-in', answer: many('credit', 'fax-machine') },
    ]);
    expect(replay).toMatchObject({ ok: false, applied: 1, reason: '"fax-machine" is not one of this step\'s options.' });
    expect(currentNode(replay.snapshot)).toBe('loop-in');
  });
});

describe('the answer key a playtest shows', () => {
  test('every option of a choose step with its verdict, why, effect and where it leads', () => {
    const key = stepKey(scenario, 'first-look', scenario.steps['first-look']!);
    expect(key.choices.map((choice) => [choice.id, choice.verdict, choice.leadsTo?.map((branch) => branch.goto)])).toEqual([
      ['ask-sales', 'wrong', ['sales-bounces']],
      ['check-cash', 'best', ['loop-in']],
      ['release-it', 'critical', ['released-wrongly']],
    ]);
    expect(key.choices[2]).toMatchObject({
      why: 'Only credit may release a credit hold. This is a control breach.',
      effect: { minutes: 5, sentiment: 0, dollars: 2500 },
    });
    expect(key.choices[2]?.leadsTo?.[0]?.result).toBe('failed');
  });

  test('a choose-many step: which options are in the answer, and the branches in words', () => {
    const key = stepKey(scenario, 'loop-in', scenario.steps['loop-in']!);
    expect(key.choices.map((choice) => [choice.id, choice.inAnswer, choice.critical])).toEqual([
      ['credit', true, false],
      ['am', true, false],
      ['warehouse', false, false],
      ['release', false, true],
    ]);
    expect(key.leadsTo.map((branch) => `${branch.when}: ${branch.goto}`)).toEqual([
      'score ≥ 0.8: queue',
      'ticked release: released-wrongly',
      'sentiment < 30 and minutes ≥ 100: missed',
      'otherwise: credit-asks-why',
    ]);
  });

  test('a rank step gives each item its senior position; a write step its rubric and model', () => {
    expect(stepKey(scenario, 'queue', scenario.steps.queue!).choices.map((choice) => choice.position)).toEqual([1, 2, 3]);
    const write = stepKey(scenario, 'note-to-buyer', scenario.steps['note-to-buyer']!);
    expect(write.rubric).toHaveLength(2);
    expect(write.model).toContain('I will update you by 15:00');
  });

  test('whenWords reads nothing for a plain goto', () => {
    expect(whenWords(undefined)).toBeUndefined();
    expect(whenWords({ visited: 'queue', scoreBelow: 0.5 })).toBe('score < 0.5 and visited queue');
  });
});
