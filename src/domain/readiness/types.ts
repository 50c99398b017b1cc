import type { AttemptSummary } from '../progress/attempt-summary.ts';
import type { RuleId } from './policy.ts';

export type Verdict = 'ready' | 'close' | 'not yet';

/** One line of a trainee's readiness checklist: what the policy asks, and where they stand. */
export interface ChecklistLine {
  rule: RuleId;
  /** The category a category line is about. */
  category?: string;
  /** Short name: "Credit limit exceeded", "Routing". */
  title: string;
  /** What the policy asks, in words. */
  requirement: string;
  met: boolean;
  /** Where the trainee stands, in words. */
  detail: string;
  /** A scenario that works on this line, when it is unmet. */
  practise?: string;
  /** Unmet only for want of evidence (too few decisions so far), not for what the evidence shows. */
  needsMoreEvidence?: boolean;
}

/** What readiness needs to know about a served scenario. */
export interface ScenarioInfo {
  id: string;
  title: string;
  category: string;
  level: number;
  /** Has a step whose options carry routes. */
  routed: boolean;
  /** Has a written answer step. */
  written: boolean;
}

/** The catalog and the words the checklist uses. */
export interface ReadinessContext {
  scenarios: readonly ScenarioInfo[];
  categoryLabel: (id: string) => string;
}

/** A sign-off as the rules need it. */
export interface SignOffFact {
  category: string;
  by: string;
}

/** The evidence for one trainee: finished assessments oldest first, and their sign-offs. */
export interface Evidence {
  assessments: readonly AttemptSummary[];
  signOffs: readonly SignOffFact[];
}
