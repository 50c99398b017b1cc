import type { DeskStore } from '../db/desk-store.ts';
import { reviewsOf, type AttemptService } from '../attempts/attempt-service.ts';
import { currentNode } from '../../domain/engine/machine.ts';
import type { AnalysedAttempt } from '../../domain/authoring/item-analysis.ts';

/**
 * Every trainee attempt at a scenario, on any revision, replayed as the item analysis reads it;
 * attempts whose revision can no longer be loaded are skipped.
 */
export async function analysedAttempts(desk: { store: Pick<DeskStore, 'attempts'>; attempts: Pick<AttemptService, 'run'> }, scenarioId: string): Promise<AnalysedAttempt[]> {
  const attempts = [...desk.store.attempts.all()].filter((attempt) => attempt.scenarioId === scenarioId);
  const runs = await Promise.allSettled(attempts.map((attempt) => desk.attempts.run(attempt)));
  return runs.flatMap((run): AnalysedAttempt[] => {
    if (run.status !== 'fulfilled') return [];
    const { attempt, snapshot } = run.value;
    const answers = attempt.events.filter((event) => event.type === 'answer');
    return [{
      decisions: snapshot.context.decisions,
      decidedMs: answers.map((event) => (event.type === 'answer' ? event.decidedMs : undefined)),
      finished: Boolean(attempt.finishedAt),
      at: currentNode(snapshot),
      lastActiveAt: [attempt.stepShownAt, ...attempt.events.map((event) => event.at)].sort().at(-1) ?? attempt.startedAt,
      reviews: reviewsOf(attempt),
    }];
  });
}
