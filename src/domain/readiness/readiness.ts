import type { AttemptSummary } from '../progress/attempt-summary.ts';
import { evidenceOf } from './evidence.ts';
import { nextScenario, type NextScenario } from './next-scenario.ts';
import type { ReadinessPolicy } from './policy.ts';
import { categoryLine } from './rules/category.ts';
import { criticalErrorsLine } from './rules/critical-errors.ts';
import { routingLine } from './rules/routing.ts';
import { signOffLine } from './rules/sign-off.ts';
import { writtenAnswersLine } from './rules/written-answers.ts';
import type { ChecklistLine, ReadinessContext, SignOffFact, Verdict } from './types.ts';
import { orderLines, verdictOf } from './verdict.ts';

/** A trainee's readiness: the verdict, every checklist line (unmet first), the reasons and what to practise next. */
export interface Readiness {
  verdict: Verdict;
  lines: ChecklistLine[];
  /** The unmet lines in words; one sentence when every line is met. */
  reasons: string[];
  next?: NextScenario;
}

/** The checklist lines the policy asks for, in the policy's order. */
export function checklist(
  policy: ReadinessPolicy,
  summaries: readonly AttemptSummary[],
  signOffs: readonly SignOffFact[],
  context: ReadinessContext,
): ChecklistLine[] {
  const { assessments } = evidenceOf(summaries, signOffs);
  const lines: (ChecklistLine | undefined)[] = [
    ...policy.categories.required.map((category) => categoryLine(policy.categories, category, assessments, context)),
    policy.criticalErrors && criticalErrorsLine(policy.criticalErrors, assessments, context),
    policy.routing && routingLine(policy.routing, assessments),
    policy.writtenAnswers && writtenAnswersLine(policy.writtenAnswers, assessments, context),
    signOffLine(policy, signOffs, context),
  ];
  return lines.filter((line): line is ChecklistLine => line !== undefined);
}

/** Judges a trainee against the readiness policy from their attempt summaries (any order) and sign-offs. */
export function assessReadiness(
  policy: ReadinessPolicy,
  summaries: readonly AttemptSummary[],
  signOffs: readonly SignOffFact[],
  context: ReadinessContext,
): Readiness {
  const lines = orderLines(checklist(policy, summaries, signOffs, context));
  const unmet = lines.filter((line) => !line.met);
  return {
    verdict: verdictOf(lines, policy.close),
    lines,
    reasons: unmet.length ? unmet.map((line) => `${line.title}: ${line.detail}`) : ['Meets every line of the readiness policy.'],
    next: nextScenario(lines, evidenceOf(summaries).assessments, context),
  };
}
