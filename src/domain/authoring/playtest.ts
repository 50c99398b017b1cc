import { z } from 'zod';
import { answerSchema } from '../engine/answer.ts';
import type { SeniorPath } from '../engine/senior-path.ts';
import { attemptAt, currentNode, startAttempt, submitAnswer, type AttemptSnapshot, type ScenarioMachine } from '../engine/machine.ts';
import { initialContext, revealFor } from '../engine/resolve.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The longest playtest the form carries back and forth. */
export const MAX_PLAYTEST_MOVES = 100;

/** The answers given so far in a playtest; the browser carries them in the form, so nothing is stored. */
export const playtestMovesSchema = z.array(z.strictObject({ stepId: z.string().min(1).max(100), answer: answerSchema })).max(MAX_PLAYTEST_MOVES);
export type PlaytestMove = z.output<typeof playtestMovesSchema>[number];

/**
 * A playtest placed at `from`: at the start, a fresh attempt; on the senior path, the world as the
 * senior path leaves it there; elsewhere, the starting world with that step's documents revealed.
 */
export function playtestStart(scenario: Scenario, machine: ScenarioMachine, senior: SeniorPath, from: string): AttemptSnapshot {
  let snapshot = startAttempt(machine, 'playtest');
  if (from === scenario.start) return snapshot;
  const index = senior.decisions.findIndex((decision) => decision.stepId === from);
  if (index >= 0) {
    for (const decision of senior.decisions.slice(0, index)) {
      const next = submitAnswer(scenario, machine, snapshot, decision.stepId, decision.answer);
      if (!next.ok) break;
      snapshot = next.snapshot;
    }
    if (currentNode(snapshot) === from) return snapshot;
  }
  const context = initialContext(scenario, 'playtest');
  return attemptAt(machine, from, { ...context, revealed: revealFor(scenario, from, context.revealed) });
}

export type PlaytestReplay = { ok: true; snapshot: AttemptSnapshot } | { ok: false; snapshot: AttemptSnapshot; reason: string; applied: number };

/** Replays a playtest's answers from its starting step; the first one refused stops it, with the reason. */
export function replayPlaytest(scenario: Scenario, machine: ScenarioMachine, senior: SeniorPath, from: string, moves: readonly PlaytestMove[]): PlaytestReplay {
  let snapshot = playtestStart(scenario, machine, senior, from);
  for (const [index, move] of moves.entries()) {
    const next = submitAnswer(scenario, machine, snapshot, move.stepId, move.answer);
    if (!next.ok) return { ok: false, snapshot, reason: next.reason, applied: index };
    snapshot = next.snapshot;
  }
  return { ok: true, snapshot };
}
