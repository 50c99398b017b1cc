import type { UnplacedFinding } from './finding.ts';
import type { Scenario } from './schema.ts';

/** How far the best option's length must stand out before its length gives it away: more than 10%. */
export const GIVEAWAY_MARGIN = 0.1;

const FIX = 'Make a strong distractor as long and as careful-sounding as the best answer, or tighten the best answer.';
const length = (text: string) => text.trim().length;

/**
 * Warnings where an option's length gives the answer away: on a choose step, the best option strictly the
 * longest by more than 10% of its own length over the next longest, or strictly the shortest by more than
 * 10% below the next shortest; on a choose-many step, every option in the answer longer than every other.
 */
export function giveawayFindings(scenario: Scenario): UnplacedFinding[] {
  const findings: UnplacedFinding[] = [];
  const warn = (stepId: string, message: string) => findings.push({ severity: 'warning', code: 'giveaway-length', path: ['steps', stepId], message });
  for (const [stepId, step] of Object.entries(scenario.steps)) {
    if (step.kind === 'choose') {
      const best = step.options.find((option) => option.verdict === 'best');
      const others = step.options.filter((option) => option !== best);
      if (!best || !others.length) continue;
      const bestLength = length(best.text);
      const longest = others.reduce((a, b) => (length(b.text) > length(a.text) ? b : a));
      const shortest = others.reduce((a, b) => (length(b.text) < length(a.text) ? b : a));
      if (bestLength - length(longest.text) > GIVEAWAY_MARGIN * bestLength) {
        warn(
          stepId,
          `Step "${stepId}": the best option "${best.id}" is the longest by far (${bestLength} characters; the next longest, "${longest.id}", has ${length(longest.text)}), so picking the longest option wins without reading the case. ${FIX}`,
        );
      } else if (length(shortest.text) - bestLength > GIVEAWAY_MARGIN * length(shortest.text)) {
        warn(
          stepId,
          `Step "${stepId}": the best option "${best.id}" is the shortest by far (${bestLength} characters; the next shortest, "${shortest.id}", has ${length(shortest.text)}), so picking the shortest option wins without reading the case. ${FIX}`,
        );
      }
    } else if (step.kind === 'choose-many') {
      const inAnswer = step.options.filter((option) => step.answer.includes(option.id));
      const outside = step.options.filter((option) => !step.answer.includes(option.id));
      if (!inAnswer.length || !outside.length) continue;
      const shortestIn = Math.min(...inAnswer.map((option) => length(option.text)));
      const longestOut = Math.max(...outside.map((option) => length(option.text)));
      if (shortestIn > longestOut) {
        warn(
          stepId,
          `Step "${stepId}": every option in the answer is longer than every other option (the shortest in the answer has ${shortestIn} characters; the longest outside it, ${longestOut}), so ticking the long ones wins without reading the case. Make a strong distractor as long and as careful-sounding as the answer's options.`,
        );
      }
    }
  }
  return findings;
}
