import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { seniorAnswer } from '../../../src/domain/engine/senior-path.ts';
import type { Answer } from '../../../src/domain/engine/answer.ts';
import { addTrainees, closeTestDesk, openTestDesk, tempDataDir } from '../../support/desk.ts';

const SCENARIO = 'same-po-two-doors';

function keyFor(desk: Awaited<ReturnType<typeof openTestDesk>>, stepId: string): Answer {
  const step = desk.catalog.get(SCENARIO)?.scenario.steps[stepId];
  if (!step) throw new Error(`no step ${stepId}`);
  return seniorAnswer(step) as Answer;
}

describe('AttemptService', () => {
  test('an attempt resumes exactly where it was after the server restarts', async () => {
    const dir = await tempDataDir();
    const desk = await openTestDesk(dir);
    const [trainee] = await addTrainees(desk, 1);
    const attempt = await desk.attempts.start(trainee!, SCENARIO, 'practice');
    let view = await desk.attempts.view(attempt);
    for (let count = 0; count < 2; count++) {
      const stepId = view.step!.id;
      view = (await desk.attempts.answer(attempt, stepId, keyFor(desk, stepId))).view;
    }
    closeTestDesk(desk);

    const reopened = await openTestDesk(dir);
    const again = reopened.store.attempts.get(attempt.id)!;
    const resumed = await reopened.attempts.view(again);
    expect(resumed.step?.id).toBe(view.step?.id);
    expect(resumed.decided).toBe(2);
    expect(resumed.clock).toBe(view.clock);
    expect(again.revision).toBe(attempt.revision);
  });

  test('an answer for a step that is no longer current changes nothing and returns the current state', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const attempt = await desk.attempts.start(trainee!, SCENARIO, 'assessment');
    const first = (await desk.attempts.view(attempt)).step!.id;
    const applied = await desk.attempts.answer(attempt, first, keyFor(desk, first));
    expect(applied.outcome).toBe('applied');
    const replayed = await desk.attempts.answer(attempt, first, keyFor(desk, first));
    expect(replayed.outcome).toBe('stale');
    expect(attempt.events).toHaveLength(1);
    expect(replayed.view.step?.id).toBe(applied.view.step?.id);
  });

  test('a double click (two answers at once) is applied once', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const attempt = await desk.attempts.start(trainee!, SCENARIO, 'practice');
    const stepId = (await desk.attempts.view(attempt)).step!.id;
    const outcomes = await Promise.all([1, 2, 3].map(() => desk.attempts.answer(attempt, stepId, keyFor(desk, stepId))));
    expect(outcomes.map((result) => result.outcome).sort()).toEqual(['applied', 'stale', 'stale']);
    expect(attempt.events).toHaveLength(1);
  });

  test('an option that is not on the step is a 400 with a reason, and nothing is stored', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const attempt = await desk.attempts.start(trainee!, SCENARIO, 'practice');
    const stepId = (await desk.attempts.view(attempt)).step!.id;
    await expect(desk.attempts.answer(attempt, stepId, { kind: 'choose', optionId: 'no-such-option' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '"no-such-option" is not one of this step\'s options.',
    });
    expect(attempt.events).toHaveLength(0);
  });

  test('answers from many trainees at once are all stored, none lost', async () => {
    const dir = await tempDataDir();
    const desk = await openTestDesk(dir);
    const trainees = await addTrainees(desk, 40);
    const attempts = await Promise.all(trainees.map((trainee) => desk.attempts.start(trainee, SCENARIO, 'practice')));
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        attempts.map(async (attempt) => {
          const view = await desk.attempts.view(attempt);
          if (view.step) await desk.attempts.answer(attempt, view.step.id, keyFor(desk, view.step.id));
        }),
      );
    }
    const acknowledged = attempts.reduce((sum, attempt) => sum + attempt.events.length, 0);
    expect(acknowledged).toBe(120);
    closeTestDesk(desk);

    let stored = 0;
    for (const user of await readdir(path.join(dir, 'attempts'))) {
      for (const file of (await readdir(path.join(dir, 'attempts', user))).filter((name) => name.endsWith('.json'))) {
        stored += (JSON.parse(await readFile(path.join(dir, 'attempts', user, file), 'utf8')) as { events: unknown[] }).events.length;
      }
    }
    expect(stored).toBe(acknowledged);
  });

  test('a debrief stays right after the scenario file is edited: the attempt keeps its pinned revision', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const attempt = await desk.attempts.start(trainee!, SCENARIO, 'practice');
    const pinned = await desk.store.revisions.read(SCENARIO, attempt.revision);
    expect(pinned).toBe(desk.catalog.get(SCENARIO)?.text);
    // The catalog forgets the revision (as after an edit and a restart): it is rebuilt from the stored copy.
    const rebuilt = await desk.catalog.revision('0000000000000000', async () => undefined);
    expect(rebuilt).toBeUndefined();
    const summary = await desk.attempts.summary(attempt);
    expect(summary.scenarioId).toBe(SCENARIO);
  });
});
