import type { AttemptSummary } from '../progress/attempt-summary.ts';
import type { ChecklistLine, ReadinessContext } from './types.ts';

/** The scenario to practise next, and the line of the checklist it works on. */
export interface NextScenario {
  scenarioId: string;
  /** Why this one, in words for the trainee and the lead. */
  why: string;
}

/**
 * The first unmet line (in priority order) that names a scenario; when none does (ready, or only a
 * review or sign-off is missing), the served scenario assessed least often, so practice stays broad.
 */
export function nextScenario(ordered: readonly ChecklistLine[], assessments: readonly AttemptSummary[], context: ReadinessContext): NextScenario | undefined {
  const line = ordered.find((candidate) => !candidate.met && candidate.practise);
  if (line?.practise) return { scenarioId: line.practise, why: `${line.title}: ${line.detail}` };
  const times = new Map<string, number>();
  for (const summary of assessments) times.set(summary.scenarioId, (times.get(summary.scenarioId) ?? 0) + 1);
  const least = [...context.scenarios].sort((a, b) => (times.get(a.id) ?? 0) - (times.get(b.id) ?? 0) || b.level - a.level || a.title.localeCompare(b.title))[0];
  if (!least) return undefined;
  return { scenarioId: least.id, why: (times.get(least.id) ?? 0) === 0 ? 'Not assessed yet: keeps practice broad.' : 'Assessed least often: keeps practice broad.' };
}
