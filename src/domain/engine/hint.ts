import type { Scenario } from '../scenario/schema.ts';
import type { AttemptContext } from './context.ts';

/** The one hint rule: offered in practice and playtest, once per step, where the author wrote one. */
export const hintOffered = (scenario: Scenario, context: AttemptContext, stepId: string): boolean =>
  context.mode !== 'assessment' && !context.hints.includes(stepId) && Boolean(scenario.steps[stepId]?.hint);
