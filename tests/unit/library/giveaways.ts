// The giveaway rule, per step: where an option's length alone points at the answer. The check is growing the same rule; this report lets the library be fixed before it lands.
import type { Scenario } from '../../../src/domain/scenario/schema.ts';

/** How far (as a share of its length) the best option may stand out as the longest or the shortest. */
export const GIVEAWAY_MARGIN = 0.1;

export interface Giveaway {
  stepId: string;
  message: string;
}

/** Every step of a scenario whose option lengths give the answer away, with the lengths that do it. */
export function giveaways(scenario: Scenario): Giveaway[] {
  const found: Giveaway[] = [];
  for (const [stepId, step] of Object.entries(scenario.steps)) {
    if (step.kind === 'choose') {
      const best = step.options.find((option) => option.verdict === 'best');
      if (!best) continue;
      const others = step.options.filter((option) => option !== best).map((option) => option.text.length);
      if (others.length === 0) continue;
      const length = best.text.length;
      const nextLongest = Math.max(...others);
      const nextShortest = Math.min(...others);
      if (length > nextLongest * (1 + GIVEAWAY_MARGIN)) {
        found.push({ stepId, message: `best "${best.id}" is the longest: ${length} characters, the next longest ${nextLongest}` });
      }
      if (length < nextShortest * (1 - GIVEAWAY_MARGIN)) {
        found.push({ stepId, message: `best "${best.id}" is the shortest: ${length} characters, the next shortest ${nextShortest}` });
      }
    } else if (step.kind === 'choose-many') {
      const inAnswer = step.options.filter((option) => step.answer.includes(option.id)).map((option) => option.text.length);
      const outside = step.options.filter((option) => !step.answer.includes(option.id)).map((option) => option.text.length);
      if (inAnswer.length && outside.length && Math.min(...inAnswer) > Math.max(...outside)) {
        found.push({ stepId, message: `every answer option is longer than every other: shortest answer ${Math.min(...inAnswer)}, longest other ${Math.max(...outside)}` });
      }
    }
  }
  return found;
}
