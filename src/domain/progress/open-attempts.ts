/** The most attempts one trainee may have open at once, across every scenario and mode. */
export const MAX_OPEN_ATTEMPTS = 10;

/** An attempt as the start rules need it. */
export interface AttemptRef {
  id: string;
  scenarioId: string;
  mode: 'practice' | 'assessment';
  startedAt: string;
  finishedAt?: string;
}

/** Why a new attempt may not start, with the open attempts the trainee can resume or abandon instead. */
export interface StartRefusal {
  reason: 'assessment-open' | 'practice-open' | 'already-open' | 'too-many';
  message: string;
  /** The attempts in the way, newest first. */
  blocking: AttemptRef[];
}

/** An assessment still being played: its score parts stay hidden everywhere until it ends. */
export const isSealed = (attempt: Pick<AttemptRef, 'mode' | 'finishedAt'>): boolean => attempt.mode === 'assessment' && !attempt.finishedAt;

const newestFirst = (list: AttemptRef[]) => list.sort((a, b) => b.startedAt.localeCompare(a.startedAt));

/**
 * Whether a trainee may start an attempt of a scenario in a mode, given their attempts. Practice and an
 * assessment of one scenario never run side by side (practice feedback would give the assessment's key
 * away); one attempt per scenario and mode; at most `limit` open in all.
 */
export function startRefusal(
  attempts: readonly AttemptRef[],
  scenarioId: string,
  mode: AttemptRef['mode'],
  limit = MAX_OPEN_ATTEMPTS,
): StartRefusal | undefined {
  const open = attempts.filter((attempt) => !attempt.finishedAt);
  const here = (wanted: AttemptRef['mode']) => newestFirst(open.filter((attempt) => attempt.scenarioId === scenarioId && attempt.mode === wanted));
  const assessments = here('assessment');
  if (mode === 'practice' && assessments.length) {
    return {
      reason: 'assessment-open',
      message:
        'Your assessment of this scenario is still open, so practice on it is closed: practice shows the answers the assessment is asking for. Finish the assessment, or abandon it (it then counts as not passed), and practice opens again.',
      blocking: assessments,
    };
  }
  const same = here(mode);
  if (same.length) {
    return {
      reason: 'already-open',
      message: `You already have ${mode === 'practice' ? 'a practice attempt' : 'an assessment'} of this scenario open. Resume it, or abandon it to start a new one.`,
      blocking: same,
    };
  }
  const practice = here('practice');
  if (mode === 'assessment' && practice.length) {
    return {
      reason: 'practice-open',
      message:
        'You have a practice attempt of this scenario open. An assessment cannot run beside practice on the same case; finish or abandon the practice attempt first.',
      blocking: practice,
    };
  }
  if (open.length >= limit) {
    return {
      reason: 'too-many',
      message: `You have ${open.length} attempts open, and ${limit} is the most a trainee can have at once. Finish or abandon one of them to start another.`,
      blocking: newestFirst([...open]),
    };
  }
  return undefined;
}

/** The open assessment of a scenario that keeps practice closed on it, if any. */
export function openAssessmentOf(attempts: readonly AttemptRef[], scenarioId: string): AttemptRef | undefined {
  return attempts.find((attempt) => attempt.scenarioId === scenarioId && isSealed(attempt));
}
