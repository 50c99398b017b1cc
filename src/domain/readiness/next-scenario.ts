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
  if (assessments.length === 0) return firstCase(ordered, context);
  const line = ordered.find((candidate) => !candidate.met && candidate.practise);
  if (line?.practise) return { scenarioId: line.practise, why: `${line.title}: ${line.detail}` };
  const times = new Map<string, number>();
  for (const summary of assessments) times.set(summary.scenarioId, (times.get(summary.scenarioId) ?? 0) + 1);
  const least = [...context.scenarios].sort(
    (a, b) => (times.get(a.id) ?? 0) - (times.get(b.id) ?? 0) || b.level - a.level || a.title.localeCompare(b.title),
  )[0];
  if (!least) return undefined;
  return {
    scenarioId: least.id,
    why: (times.get(least.id) ?? 0) === 0 ? 'Not assessed yet: keeps practice broad.' : 'Assessed least often: keeps practice broad.',
  };
}

/** Before any assessment: a case of the lowest level served, in the category the checklist asks for first. */
function firstCase(ordered: readonly ChecklistLine[], context: ReadinessContext): NextScenario | undefined {
  const categoryOf = new Map(context.scenarios.map((scenario) => [scenario.id, scenario.category]));
  const wanted = ordered.flatMap((line) => (!line.met && line.practise ? [categoryOf.get(line.practise)] : []));
  const rank = (category: string) => (wanted.includes(category) ? wanted.indexOf(category) : wanted.length);
  const lowest = Math.min(...context.scenarios.map((scenario) => scenario.level));
  const first = context.scenarios
    .filter((scenario) => scenario.level === lowest)
    .sort((a, b) => rank(a.category) - rank(b.category) || a.title.localeCompare(b.title))[0];
  return first && { scenarioId: first.id, why: 'A foundation case to start with: practise it, then take it as an assessment.' };
}
