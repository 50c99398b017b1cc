import type { Answer } from './answer.ts';
import type { Effect, StepKind } from '../scenario/schema.ts';

export type Mode = 'practice' | 'assessment' | 'playtest';

/** One committed decision, as the engine recorded it. */
export interface DecisionRecord {
  stepId: string;
  kind: StepKind;
  answer: Answer;
  /** In [0, 1]; null for a written answer until a senior reviews it. */
  score: number | null;
  critical: boolean;
  hinted: boolean;
  effect: Effect;
  /** The step or ending the decision led to. */
  next: string;
  /** What the ending this decision led to cost, when it led to an ending that carries an effect. */
  endingEffect?: Effect;
}

/** What an attempt's machine carries: the simulated world and the decision log. */
export interface AttemptContext {
  mode: Mode;
  /** Simulated minutes since the scenario's clock started. */
  minutes: number;
  sentiment: number;
  dollars: number;
  /** Hidden documents revealed so far, in the order they appeared. */
  revealed: string[];
  decisions: DecisionRecord[];
  /** Steps whose hint the trainee opened. */
  hints: string[];
}

/** What a trainee asks of an attempt, as stored and replayed. */
export type AttemptEvent = { type: 'answer.submit'; stepId: string; answer: Answer } | { type: 'hint.request'; stepId: string };

/** An answer worked out once, outside the machine: the decision it makes and the context after it. */
export interface ResolvedAnswer {
  decision: DecisionRecord;
  context: AttemptContext;
}

/** What the machine itself receives: answers arrive already resolved, so guards and actions only read them. */
export type MachineEvent = { type: 'answer.resolved'; resolution: ResolvedAnswer } | { type: 'hint.request'; stepId: string };
