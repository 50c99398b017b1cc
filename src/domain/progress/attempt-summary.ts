import type { AttemptScore } from '../scoring/attempt-score.ts';

/** One attempt as progress views need it: when, what, how it scored. */
export interface AttemptSummary {
  id: string;
  username: string;
  scenarioId: string;
  category: string;
  level: number;
  mode: 'practice' | 'assessment';
  /** The case variant played (`standard` for a scenario without variants and for older attempts). */
  variant: string;
  startedAt: string;
  finishedAt?: string;
  /** Set when the trainee abandoned the attempt (then `finishedAt` is set too). */
  abandonedAt?: string;
  /** An assessment still open: `score` is empty and no score part may be shown. */
  sealed: boolean;
  /** Milliseconds spent deciding, one entry per answered step. */
  decidedMs: number[];
  /** Hints the trainee asked for. */
  hints: number;
  /** The pinned scenario revision the attempt ran on. */
  revision: string;
  score: AttemptScore;
}

/** `passed` is an assessment pass, as readiness counts it; a practice pass alone is `practised`. */
export type ScenarioState = 'new' | 'in-progress' | 'attempted' | 'practised' | 'passed';

/** What each state reads as, wherever a scenario's status is shown or filtered on. */
export const scenarioStateWords: Record<ScenarioState, string> = {
  new: 'New',
  'in-progress': 'In progress',
  attempted: 'Not passed yet',
  practised: 'Passed in practice',
  passed: 'Assessment passed',
};

export interface ScenarioStatus {
  state: ScenarioState;
  attempts: number;
  /** Best finished score, if any. */
  best?: number;
  /** The newest unfinished attempt, to resume. */
  resumeId?: string;
}

/** A trainee's standing on one scenario from their attempts on it. */
export function scenarioStatus(attempts: readonly AttemptSummary[]): ScenarioStatus {
  const finished = attempts.filter((attempt) => attempt.finishedAt);
  const open = attempts.filter((attempt) => !attempt.finishedAt).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const best = finished.length ? Math.max(...finished.map((attempt) => attempt.score.score)) : undefined;
  const passed = finished.some((attempt) => attempt.mode === 'assessment' && attempt.score.passed);
  const practised = finished.some((attempt) => attempt.mode === 'practice' && attempt.score.passed);
  const state: ScenarioState = passed ? 'passed' : open.length ? 'in-progress' : practised ? 'practised' : finished.length ? 'attempted' : 'new';
  return { state, attempts: attempts.length, best, resumeId: open[0]?.id };
}

/** Groups summaries by a key. */
export function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
