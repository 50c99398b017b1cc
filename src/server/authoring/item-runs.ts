import type { DeskStore } from '../db/desk-store.ts';
import { reviewsOf, type AttemptService } from '../attempts/attempt-service.ts';
import { currentNode } from '../../domain/engine/machine.ts';
import type { AnalysedAttempt } from '../../domain/authoring/item-analysis.ts';
import { isSealed } from '../../domain/progress/open-attempts.ts';
import { variantOf } from '../../domain/progress/variant-draw.ts';

/**
 * Every trainee attempt at a scenario (of one variant, when given), on any revision, replayed as the
 * item analysis reads it. Attempts whose revision can no longer be loaded are skipped, and so are open
 * assessments: what they picked is a score part, shown once they end.
 */
export async function analysedAttempts(
  desk: { store: Pick<DeskStore, 'attempts'>; attempts: Pick<AttemptService, 'run'> },
  scenarioId: string,
  variant?: string,
): Promise<AnalysedAttempt[]> {
  const attempts = [...desk.store.attempts.all()].filter(
    (attempt) => attempt.scenarioId === scenarioId && !isSealed(attempt) && (variant === undefined || variantOf(attempt) === variant),
  );
  const runs = await Promise.allSettled(attempts.map((attempt) => desk.attempts.run(attempt)));
  return runs.flatMap((run): AnalysedAttempt[] => {
    if (run.status !== 'fulfilled') return [];
    const { attempt, snapshot } = run.value;
    const answers = attempt.events.filter((event) => event.type === 'answer');
    return [
      {
        decisions: snapshot.context.decisions,
        decidedMs: answers.map((event) => (event.type === 'answer' ? event.decidedMs : undefined)),
        finished: Boolean(attempt.finishedAt),
        at: currentNode(snapshot),
        lastActiveAt: [attempt.stepShownAt, ...attempt.events.map((event) => event.at)].sort().at(-1) ?? attempt.startedAt,
        reviews: reviewsOf(attempt),
      },
    ];
  });
}
