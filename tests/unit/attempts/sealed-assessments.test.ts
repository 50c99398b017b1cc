// Sealed assessments on the real attempt service: no practice beside an open assessment, abandoning,
// the open-attempt cap, and no score part of an open assessment in any summary, export or queue.
import { describe, expect, test } from 'vitest';
import { seniorAnswer } from '../../../src/domain/engine/senior-path.ts';
import type { Answer } from '../../../src/domain/engine/answer.ts';
import { ABANDONED_SHORTFALL } from '../../../src/domain/scoring/closed-scores.ts';
import { MAX_OPEN_ATTEMPTS } from '../../../src/domain/progress/open-attempts.ts';
import { attemptOutcome } from '../../../src/domain/progress/attempt-outcome.ts';
import { attemptRow } from '../../../src/domain/export/attempt-rows.ts';
import { attemptXapi } from '../../../src/server/export/xapi.ts';
import { reviewQueue, saveReview } from '../../../src/server/mentoring/review-service.ts';
import { addComment } from '../../../src/server/mentoring/comment-service.ts';
import { abandonOwnAttempt, debriefSeal, startAttempt } from '../../../src/server/attempts/open-attempts.ts';
import type { Desk } from '../../../src/server/desk.ts';
import { standingOf } from '../../../src/server/team/team-overview.ts';
import type { AttemptFile, User } from '../../../src/server/db/schema.ts';
import { addTrainees, closeTestDesk, openTestDesk, tempDataDir } from '../../support/desk.ts';

const SCENARIO = 'same-po-two-doors';

/** Answers along the senior path: all of it, or the first `steps` answers. */
async function playSenior(desk: Desk, attempt: AttemptFile, steps = Infinity): Promise<void> {
  const { scenario } = (await desk.attempts.run(attempt)).loaded;
  let view = await desk.attempts.view(attempt);
  for (let count = 0; view.step && count < steps; count++) {
    view = (await desk.attempts.answer(attempt, view.step.id, seniorAnswer(scenario.steps[view.step.id]!) as Answer)).view;
  }
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error, 'expected a refusal').toBeDefined();
  return error as { code: string; message: string; refusal?: { reason: string; blocking: { id: string }[] } };
}

describe('no practice beside an open assessment', () => {
  test('practice of the scenario is refused with the reason and the assessment to finish or abandon; it opens again after', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const assessment = await desk.attempts.start(trainee!, SCENARIO, 'assessment');
    const refused = await refusal(desk.attempts.start(trainee!, SCENARIO, 'practice'));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/assessment of this scenario is still open/);
    expect(refused.refusal).toMatchObject({ reason: 'assessment-open', blocking: [{ id: assessment.id }] });
    expect(desk.attempts.attemptsOf(trainee!.username)).toHaveLength(1);

    // The page's service words it for the trainee, with where to resume.
    const page = await startAttempt(desk, trainee!, SCENARIO, 'practice');
    expect(page).toMatchObject({ refused: { blocking: [{ id: assessment.id, mode: 'assessment', resumeHref: `/play/${assessment.id}` }] } });

    await playSenior(desk, assessment);
    expect(assessment.finishedAt).toBeDefined();
    const practice = await desk.attempts.start(trainee!, SCENARIO, 'practice');
    expect(practice.mode).toBe('practice');
  });

  test('a practice attempt left open from before pauses (no answer, no hint) while an assessment of its scenario is open', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const practice = await desk.attempts.start(trainee!, SCENARIO, 'practice');
    // As stored before the rule existed: both open at once.
    const assessment: AttemptFile = { ...structuredClone(practice), id: `${SCENARIO}-legacy`, mode: 'assessment' };
    await desk.store.attempts.create(assessment);
    const stepId = (await desk.attempts.view(practice)).step!.id;
    const step = (await desk.attempts.run(practice)).loaded.scenario.steps[stepId]!;
    expect((await refusal(desk.attempts.answer(practice, stepId, seniorAnswer(step) as Answer))).message).toMatch(/practice on it is paused/);
    expect((await refusal(desk.attempts.hint(practice, stepId))).code).toBe('CONFLICT');
    expect(practice.events).toHaveLength(0);
    // Meanwhile the trainee's finished debriefs of the scenario are closed too.
    expect(debriefSeal(desk, trainee!.username, practice)).toMatch(/debriefs of it are closed/);
  });
});

describe('abandoning', () => {
  test('an abandoned assessment is final, counts as not passed, shows as abandoned and survives a restart', async () => {
    const dir = await tempDataDir();
    const desk = await openTestDesk(dir);
    const [trainee] = await addTrainees(desk, 1);
    const attempt = await desk.attempts.start(trainee!, SCENARIO, 'assessment');
    await playSenior(desk, attempt, 2);
    const result = await abandonOwnAttempt(desk, trainee!, attempt.id);
    expect('attempt' in result).toBe(true);
    expect(attempt.abandonedAt).toBeDefined();
    expect(attempt.finishedAt).toBe(attempt.abandonedAt);

    const summary = await desk.attempts.summary(attempt);
    expect(summary.sealed).toBe(false);
    expect(summary.score.passed).toBe(false);
    expect(summary.score.shortfalls[0]).toBe(ABANDONED_SHORTFALL);
    expect(summary.score.decisions).toHaveLength(2);
    expect(attemptOutcome(summary).words).toBe('Abandoned');

    const stepId = (await desk.attempts.view(attempt)).step!.id;
    const step = (await desk.attempts.run(attempt)).loaded.scenario.steps[stepId]!;
    expect((await refusal(desk.attempts.answer(attempt, stepId, seniorAnswer(step) as Answer))).message).toMatch(/abandoned, so it is final/);
    expect((await refusal(desk.attempts.abandon(attempt))).message).toBe('This attempt is already abandoned.');
    closeTestDesk(desk);

    const reopened = await openTestDesk(dir);
    const again = reopened.store.attempts.get(attempt.id)!;
    expect(again.abandonedAt).toBe(attempt.abandonedAt);
    expect((await reopened.attempts.summary(again)).score.passed).toBe(false);
  });

  test('the team standing counts an abandoned assessment at once (no new answer needed to notice)', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const attempt = await desk.attempts.start(trainee!, SCENARIO, 'assessment');
    await playSenior(desk, attempt, 1);
    const category = desk.catalog.get(SCENARIO)!.scenario.category;
    const cell = async () => (await standingOf(desk, trainee!, desk.attempts.attemptsOf(trainee!.username), [], [category])).cells[category];
    expect(await cell()).toMatchObject({ assessed: 0, mean: null });
    await desk.attempts.abandon(attempt);
    expect(await cell()).toMatchObject({ assessed: 1, mean: 0, mastery: 'weak' });
  });

  test("only the trainee's own open attempt can be abandoned; a finished one cannot", async () => {
    const desk = await openTestDesk();
    const [mine, theirs] = await addTrainees(desk, 2);
    const attempt = await desk.attempts.start(mine!, SCENARIO, 'practice');
    expect(await abandonOwnAttempt(desk, theirs!, attempt.id)).toEqual({ refused: { message: 'There is no such attempt among yours.', blocking: [] } });
    expect(attempt.finishedAt).toBeUndefined();
    await playSenior(desk, attempt);
    expect(await abandonOwnAttempt(desk, mine!, attempt.id)).toMatchObject({
      refused: { message: 'This attempt is finished; only an open attempt can be abandoned.' },
    });
    expect(attempt.abandonedAt).toBeUndefined();
  });
});

describe('the open-attempt cap', () => {
  test('one open per scenario and mode', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const first = await desk.attempts.start(trainee!, SCENARIO, 'practice');
    const refused = await refusal(desk.attempts.start(trainee!, SCENARIO, 'practice'));
    expect(refused.message).toBe('You already have a practice attempt of this scenario open. Resume it, or abandon it to start a new one.');
    expect(refused.refusal?.blocking.map((attempt) => attempt.id)).toEqual([first.id]);
    expect((await refusal(desk.attempts.start(trainee!, SCENARIO, 'assessment'))).refusal?.reason).toBe('practice-open');
  });

  test('a burst of starts at once opens no more than the cap, and the rest are told why', async () => {
    const desk = await openTestDesk();
    const [trainee] = await addTrainees(desk, 1);
    const ids = desk.catalog.list().map((loaded) => loaded.scenario.id);
    expect(ids.length).toBeGreaterThan(MAX_OPEN_ATTEMPTS);
    const settled = await Promise.allSettled(
      ids.flatMap((id) => [desk.attempts.start(trainee!, id, 'practice'), desk.attempts.start(trainee!, id, 'practice')]),
    );
    const started = settled.filter((result) => result.status === 'fulfilled');
    expect(started).toHaveLength(MAX_OPEN_ATTEMPTS);
    expect(desk.attempts.attemptsOf(trainee!.username)).toHaveLength(MAX_OPEN_ATTEMPTS);
    const reasons = new Set(
      settled.flatMap((result) => (result.status === 'rejected' ? [(result.reason as { refusal?: { reason: string } }).refusal?.reason] : [])),
    );
    expect(reasons).toEqual(new Set(['already-open', 'too-many']));
    const open = desk.attempts.attemptsOf(trainee!.username);
    const last = ids.find((id) => !open.some((attempt) => attempt.scenarioId === id))!;
    const page = await startAttempt(desk, trainee!, last, 'assessment');
    expect('refused' in page && page.refused.blocking).toHaveLength(MAX_OPEN_ATTEMPTS);
    // Abandoning one makes room.
    await desk.attempts.abandon(open[0]!);
    expect((await desk.attempts.start(trainee!, last, 'assessment')).scenarioId).toBe(last);
  });
});

describe('an open assessment shows no score part anywhere', () => {
  /** A weak answer where the step has one (a leak would then show a verdict), the senior's elsewhere; a note for a written step. */
  function weakAnswer(step: ReturnType<typeof stepOf>): Answer {
    if (step.kind === 'write') return { kind: 'write', text: 'A note to the customer.' };
    const weak = step.kind === 'choose' ? step.options.find((option) => option.verdict !== 'best') : undefined;
    return weak ? { kind: 'choose', optionId: weak.id } : (seniorAnswer(step) as Answer);
  }
  const stepOf = (scenario: Awaited<ReturnType<Desk['attempts']['run']>>['loaded']['scenario'], id: string) => scenario.steps[id]!;

  /**
   * An assessment left open after a written answer and at least one other decision: a trial run (by
   * another trainee) finds a scenario where the written answer is not the last move, then the trainee
   * plays all but that run's last move.
   */
  async function openAssessment(): Promise<{ desk: Desk; trainee: User; senior: User; attempt: AttemptFile }> {
    const desk = await openTestDesk();
    const [trainee, scout] = await addTrainees(desk, 2);
    const senior = await desk.accounts.add({ username: 'sid', name: 'Sid', role: 'senior', password: '' }, 'not-a-real-hash');
    for (const loaded of desk.catalog.list()) {
      if (!Object.values(loaded.scenario.steps).some((step) => step.kind === 'write')) continue;
      const trial = await desk.attempts.start(scout!, loaded.scenario.id, 'practice');
      const moves: [string, Answer][] = [];
      let view = await desk.attempts.view(trial);
      while (view.step) {
        const answer = weakAnswer(stepOf(loaded.scenario, view.step.id));
        moves.push([view.step.id, answer]);
        view = (await desk.attempts.answer(trial, view.step.id, answer)).view;
      }
      const written = moves.findIndex(([, answer]) => answer.kind === 'write');
      if (written < 0 || written >= moves.length - 1) continue;
      const attempt = await desk.attempts.start(trainee!, loaded.scenario.id, 'assessment');
      for (const [stepId, answer] of moves.slice(0, -1)) await desk.attempts.answer(attempt, stepId, answer);
      return { desk, trainee: trainee!, senior, attempt };
    }
    throw new Error('no scenario in the library has a written step before its last move');
  }

  test('the summary carries no score, decision, routing or critical error until it ends', async () => {
    const { desk, attempt } = await openAssessment();
    expect(attempt.events.length).toBeGreaterThan(0);
    const summary = await desk.attempts.summary(attempt);
    expect(summary.sealed).toBe(true);
    expect(summary.score).toMatchObject({ score: 0, decisions: [], critical: false, routing: { accuracy: null, routed: 0 }, pendingReview: [] });
    const row = attemptRow(summary, { trainee: 'T', title: 'X' });
    expect(row).toMatchObject({ score: '', passed: '', critical: '', routing_accuracy: '', minutes: '', sentiment: '', dollars: '', abandoned: 'no' });
  });

  test('xAPI (export and LRS) says only "attempted" until it ends', async () => {
    const { desk, attempt } = await openAssessment();
    const statements = await attemptXapi(desk, attempt);
    expect(statements.map((statement) => statement.verb.display['en-US'])).toEqual(['attempted']);
    expect(JSON.stringify(statements)).not.toMatch(/correctResponsesPattern|critical|routing/);
  });

  test('its written answers wait outside the review queue, and grading or commenting on it is refused', async () => {
    const { desk, senior, attempt } = await openAssessment();
    const viewer = { username: senior.username, role: senior.role };
    expect((await reviewQueue(desk, viewer)).map((item) => item.attemptId)).not.toContain(attempt.id);
    const written = attempt.events.find((event) => event.type === 'answer' && event.answer.kind === 'write')!;
    const graded = await saveReview(desk, viewer, { attemptId: attempt.id, stepId: written.stepId, met: [0], comment: 'ok' }).catch((error: Error) => error);
    expect((graded as Error).message).toMatch(/still open/);
    const commented = await addComment(desk, viewer, { attemptId: attempt.id, stepId: written.stepId, text: 'Hmm' }).catch((error: Error) => error);
    expect((commented as Error).message).toMatch(/still open/);
    expect(attempt.reviews).toEqual({});
    expect(debriefSeal(desk, senior.username, attempt)).toMatch(/stay sealed/);

    await desk.attempts.abandon(attempt);
    expect((await reviewQueue(desk, viewer)).map((item) => item.attemptId)).toContain(attempt.id);
    expect(debriefSeal(desk, senior.username, attempt)).toBeUndefined();
  });
});
