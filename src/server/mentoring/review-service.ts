import type { AttemptService } from '../attempts/attempt-service.ts';
import type { AttemptFile, Review } from '../db/schema.ts';
import { canReview, canSeeTraineeWork, type Viewer } from '../../domain/people/roles.ts';
import type { ReviewInput } from '../../domain/mentoring/feedback.ts';
import { MentoringError } from './mentoring-error.ts';
import { answerAt, unsealedAttempt, type AttemptLookup } from './visible-attempt.ts';
import { isSealed } from '../../domain/progress/open-attempts.ts';

/** What the review queue and grading take: the attempts, their owners, and the service that replays them. */
export interface ReviewDeps extends AttemptLookup {
  attempts: Pick<AttemptService, 'run'>;
}

/** One written answer waiting for a senior, with what the senior grades it against. */
export interface QueueItem {
  attemptId: string;
  trainee: { username: string; name: string; team?: string };
  scenarioId: string;
  title: string;
  mode: AttemptFile['mode'];
  finished: boolean;
  stepId: string;
  prompt: string;
  text: string;
  writtenAt: string;
  rubric: string[];
  model: string;
  why?: string;
}

/**
 * Written answers no senior has graded yet, oldest first, among the attempts the viewer may see.
 * Each is shown against the rubric of the revision the trainee answered, not today's file. An open
 * assessment's answers join the queue when it ends: grading one early would show a score part of it.
 */
export async function reviewQueue(desk: ReviewDeps, viewer: Viewer): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  for (const attempt of desk.store.attempts.all()) {
    if (isSealed(attempt)) continue;
    const pending = attempt.events.filter((event) => event.type === 'answer' && event.answer.kind === 'write' && !attempt.reviews[event.stepId]);
    if (!pending.length) continue;
    const owner = desk.accounts.find(attempt.username);
    if (!owner || !canSeeTraineeWork(viewer, owner)) continue;
    const running = await desk.attempts.run(attempt).catch(() => undefined);
    if (!running) continue;
    const { scenario } = running.loaded;
    for (const event of pending) {
      const step = scenario.steps[event.stepId];
      if (event.type !== 'answer' || event.answer.kind !== 'write' || step?.kind !== 'write') continue;
      items.push({
        attemptId: attempt.id,
        trainee: { username: owner.username, name: owner.name, team: owner.team },
        scenarioId: scenario.id,
        title: scenario.title,
        mode: attempt.mode,
        finished: Boolean(attempt.finishedAt),
        stepId: event.stepId,
        prompt: step.prompt,
        text: event.answer.text,
        writtenAt: event.at,
        rubric: step.rubric,
        model: step.model,
        why: step.why,
      });
    }
  }
  return items.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt) || a.attemptId.localeCompare(b.attemptId));
}

/**
 * Grades a written answer (or re-grades it): the rubric lines met and a comment. The attempt's score
 * follows at once (the scorer reads the review), and the trainee is told on their next visit.
 */
export async function saveReview(desk: ReviewDeps, viewer: Viewer, input: ReviewInput, now = new Date()): Promise<Review> {
  if (!canReview(viewer)) throw new MentoringError('FORBIDDEN', 'Only senior specialists grade written answers.');
  const { attempt } = unsealedAttempt(desk, viewer, input.attemptId);
  const event = answerAt(attempt, input.stepId);
  if (!event || event.answer.kind !== 'write') throw new MentoringError('BAD_REQUEST', 'That step has no written answer in this attempt.');
  const { loaded } = await desk.attempts.run(attempt);
  const step = loaded.scenario.steps[input.stepId];
  if (step?.kind !== 'write') throw new MentoringError('BAD_REQUEST', 'That step has no rubric to grade against.');
  const outside = input.met.find((line) => line >= step.rubric.length);
  if (outside !== undefined) throw new MentoringError('BAD_REQUEST', `The rubric has ${step.rubric.length} lines; line ${outside + 1} does not exist.`);

  const review: Review = { met: [...new Set(input.met)].sort((a, b) => a - b), comment: input.comment, reviewer: viewer.username, at: now.toISOString() };
  await desk.store.attempts.update(attempt.id, (stored) => {
    stored.reviews[input.stepId] = review;
    stored.unseenFeedback = true;
  });
  return review;
}
