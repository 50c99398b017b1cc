import type { AttemptSummary } from '../../progress/attempt-summary.ts';
import type { ReadinessPolicy } from '../policy.ts';
import { mean } from '../evidence.ts';
import { plural } from '../../text/format.ts';
import type { ChecklistLine, ReadinessContext } from '../types.ts';

export type WrittenAnswersRule = NonNullable<ReadinessPolicy['writtenAnswers']>;

/** Rule: written answers in assessments reviewed by a senior, averaging enough of their rubric. None yet is not enough. */
export function writtenAnswersLine(rule: WrittenAnswersRule, assessments: readonly AttemptSummary[], context: ReadinessContext): ChecklistLine {
  const written = assessments.flatMap((summary) =>
    summary.score.decisions.flatMap((decision) => (decision.kind === 'write' ? [{ score: decision.score, scenarioId: summary.scenarioId }] : [])),
  );
  const pending = written.filter((answer) => answer.score === null).length;
  const graded = written.flatMap(({ score, scenarioId }) => (score === null ? [] : [{ score, scenarioId }]));
  const share = mean(graded.map((answer) => answer.score));
  const percent = share === null ? null : Math.round(share * 100);
  const met = graded.length > 0 && (!rule.allReviewed || pending === 0) && percent !== null && percent >= rule.rubricShare;
  const parts = [
    percent === null ? '' : `${percent}% of the rubric on average over ${plural(graded.length, 'reviewed answer')}`,
    pending ? `${plural(pending, 'answer')} waiting for a senior's review` : '',
  ].filter(Boolean);
  const weakest = [...graded].sort((a, b) => a.score - b.score)[0];
  const firstWriting = [...context.scenarios].filter((scenario) => scenario.written).sort((a, b) => a.level - b.level || a.title.localeCompare(b.title))[0];
  return {
    rule: 'written-answers',
    title: 'Written answers',
    requirement: `${rule.allReviewed ? 'Every written answer reviewed by a senior, averaging' : 'Written answers averaging'} ${rule.rubricShare}% or more of the rubric`,
    met,
    detail: written.length === 0 ? 'No written answer in an assessment yet.' : `${parts.join('; ')}.`.replace(/^./, (first) => first.toUpperCase()),
    practise: met
      ? undefined
      : graded.length === 0
        ? pending
          ? undefined
          : firstWriting?.id
        : percent !== null && percent < rule.rubricShare
          ? weakest?.scenarioId
          : undefined,
  };
}
