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

export type AttemptEvent =
  | { type: 'answer.submit'; stepId: string; answer: Answer }
  | { type: 'hint.request'; stepId: string };
