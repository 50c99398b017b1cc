import type { Answer } from '../../domain/engine/answer.ts';
import { answerSchema } from '../../domain/engine/answer.ts';
import type { Step } from '../../domain/scenario/schema.ts';
import { playtestMovesSchema, type PlaytestMove } from '../../domain/authoring/playtest.ts';

/** What the playtest form posts, read and checked; `problem` is a sentence for the author. */
export interface PlaytestPost {
  from: string;
  moves: PlaytestMove[];
  intent: 'answer' | 'undo';
  stepId?: string;
  problem?: string;
}

/** The moves so far, as the form carried them; an unreadable list is a problem, not an empty playtest. */
export function readPlaytestPost(form: FormData, fallbackFrom: string): PlaytestPost {
  const from = String(form.get('from') ?? fallbackFrom);
  const intent = form.get('intent') === 'undo' ? 'undo' : 'answer';
  const stepId = form.get('stepId') ? String(form.get('stepId')) : undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(String(form.get('moves') ?? '[]'));
  } catch {
    raw = undefined;
  }
  const moves = playtestMovesSchema.safeParse(raw);
  if (!moves.success) return { from, moves: [], intent, stepId, problem: 'The playtest could not be read back, so it starts again from the beginning.' };
  return { from, moves: moves.data, intent, stepId };
}

/** The answer the form gives for a step, by the step's kind; a problem sentence when it does not fit. */
export function answerFromForm(step: Step, form: FormData): { answer: Answer } | { problem: string } {
  let candidate: unknown;
  switch (step.kind) {
    case 'choose':
      candidate = { kind: 'choose', optionId: String(form.get('option') ?? '') };
      break;
    case 'choose-many':
      candidate = { kind: 'choose-many', optionIds: form.getAll('ticked').map(String) };
      break;
    case 'rank': {
      const places = step.items.map((item) => ({ id: item.id, place: Number(form.get(`place-${item.id}`)) }));
      if (new Set(places.map((entry) => entry.place)).size !== places.length || places.some((entry) => !Number.isInteger(entry.place))) {
        return { problem: 'Give each item its own place, from 1 to the number of items.' };
      }
      candidate = { kind: 'rank', order: places.sort((a, b) => a.place - b.place).map((entry) => entry.id) };
      break;
    }
    case 'write':
      candidate = { kind: 'write', text: String(form.get('text') ?? '') };
      break;
  }
  const parsed = answerSchema.safeParse(candidate);
  return parsed.success ? { answer: parsed.data } : { problem: parsed.error.issues[0]?.message ?? 'That answer does not fit this step.' };
}
