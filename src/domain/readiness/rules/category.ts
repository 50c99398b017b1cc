import type { AttemptSummary } from '../../progress/attempt-summary.ts';
import type { ReadinessPolicy } from '../policy.ts';
import { distinctCases, mean } from '../evidence.ts';
import { plural } from '../../text/format.ts';
import type { ChecklistLine, ReadinessContext } from '../types.ts';

export type CategoryRule = ReadinessPolicy['categories'];

/** Where a trainee stands in one category: what the team matrix colours and the category line explains. */
export interface CategoryStanding {
  assessed: number;
  passed: number;
  /** Mean score of the last `lastAssessments` assessments; null with none. */
  mean: number | null;
  met: boolean;
  /** Assessments left out as repeats of a case already counted. */
  repeats: number;
}

/**
 * A trainee's standing in a category from their finished assessments (oldest first) in it. Counts
 * distinct cases (scenario and variant): a case passed twice is one pass, and the mean is over the
 * latest assessment of each of the last few cases, so repeating one memorised case proves nothing new.
 */
export function categoryStanding(rule: CategoryRule, inCategory: readonly AttemptSummary[]): CategoryStanding {
  const cases = distinctCases(inCategory);
  const passedCases = new Set(inCategory.filter((summary) => summary.score.passed).map((summary) => `${summary.scenarioId}\u0000${summary.variant}`));
  const passed = passedCases.size;
  const last = cases.slice(-rule.lastAssessments);
  const average = mean(last.map((summary) => summary.score.score));
  const met = passed >= rule.passedAssessments && average !== null && average >= rule.meanScore;
  return { assessed: cases.length, passed, mean: average, met, repeats: inCategory.length - cases.length };
}

/** The category's scenario to work next: one not passed yet before one passed, easier levels first. */
export function scenarioForCategory(category: string, assessments: readonly AttemptSummary[], context: ReadinessContext): string | undefined {
  const passed = new Set(assessments.filter((summary) => summary.score.passed).map((summary) => summary.scenarioId));
  return context.scenarios
    .filter((scenario) => scenario.category === category)
    .sort((a, b) => Number(passed.has(a.id)) - Number(passed.has(b.id)) || a.level - b.level || a.title.localeCompare(b.title))[0]?.id;
}

/** Rule: in a required category, enough passed assessments and a high enough mean over the last few. */
export function categoryLine(rule: CategoryRule, category: string, assessments: readonly AttemptSummary[], context: ReadinessContext): ChecklistLine {
  const inCategory = assessments.filter((summary) => summary.category === category);
  const standing = categoryStanding(rule, inCategory);
  const asks =
    rule.passedAssessments > 0 ? `${rule.passedAssessments === 1 ? 'a passed assessment' : `${rule.passedAssessments} passed assessments`} and ` : '';
  const requirement = `${asks}a mean of ${rule.meanScore} or more over the last ${plural(rule.lastAssessments, 'assessment')}`;
  const detail =
    standing.mean === null
      ? 'No assessment in this category yet.'
      : `${plural(standing.passed, 'passed assessment')}; mean ${Math.round(standing.mean)} over the last ${plural(Math.min(standing.assessed, rule.lastAssessments), 'assessment')}${standing.repeats ? ` (${plural(standing.repeats, 'repeat')} of a case already assessed not counted)` : ''}.`;
  return {
    rule: 'category',
    category,
    title: context.categoryLabel(category),
    requirement: requirement.charAt(0).toUpperCase() + requirement.slice(1),
    met: standing.met,
    detail,
    practise: standing.met ? undefined : scenarioForCategory(category, inCategory, context),
  };
}
