import { z } from 'zod';
import type { Step } from '../scenario/schema.ts';

/** The longest written answer accepted, in characters. */
export const MAX_WRITTEN_ANSWER = 4000;

const optionRef = z.string().min(1).max(100);

/** A trainee's answer to one step, as it arrives from the browser. */
export const answerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choose'), optionId: optionRef }),
  z.strictObject({ kind: z.literal('choose-many'), optionIds: z.array(optionRef).max(50) }),
  z.strictObject({ kind: z.literal('rank'), order: z.array(optionRef).min(1).max(50) }),
  z.strictObject({ kind: z.literal('write'), text: z.string().trim().min(1, 'Write an answer before you send it.').max(MAX_WRITTEN_ANSWER) }),
]);
export type Answer = z.output<typeof answerSchema>;

/** Why an answer does not fit the step it was sent for, in words a trainee can act on; undefined when it fits. */
export function answerProblem(step: Step, answer: Answer): string | undefined {
  if (answer.kind !== step.kind) return `This step asks for a "${step.kind}" answer, not "${answer.kind}".`;
  switch (answer.kind) {
    case 'choose': {
      const ids = (step as Extract<Step, { kind: 'choose' }>).options.map((option) => option.id);
      return ids.includes(answer.optionId) ? undefined : `"${answer.optionId}" is not one of this step's options.`;
    }
    case 'choose-many': {
      const ids = new Set((step as Extract<Step, { kind: 'choose-many' }>).options.map((option) => option.id));
      const unknown = answer.optionIds.find((id) => !ids.has(id));
      if (unknown) return `"${unknown}" is not one of this step's options.`;
      if (new Set(answer.optionIds).size !== answer.optionIds.length) return 'An option was ticked twice.';
      return undefined;
    }
    case 'rank': {
      const ids = (step as Extract<Step, { kind: 'rank' }>).items.map((item) => item.id);
      const sameSet = answer.order.length === ids.length && ids.every((id) => answer.order.includes(id));
      return sameSet ? undefined : `Put every item in order exactly once (${ids.length} items).`;
    }
    case 'write':
      return undefined;
  }
}
