import type { UnplacedFinding } from './finding.ts';
import type { Branch, Effect, Scenario, When } from './schema.ts';
import { VERDICT_SCORE } from '../scoring/step-score.ts';

interface Range {
  lo: number;
  hi: number;
}
/** What a path can have spent and where the customer can stand on arriving somewhere. */
interface Bounds {
  minutes: Range;
  sentiment: Range;
}

type Path = (string | number)[];

/** One way out of a step: an option's (or the step's) effect and branches, and the score it can carry. */
interface Exit {
  path: Path;
  effect: Effect;
  branches: readonly Branch[];
  score?: Range;
}

/** How many passes widen the bounds before a still-growing range is taken as unbounded (a loop). */
const ROUNDS = 60;

function exitsOf(scenario: Scenario, stepId: string): Exit[] {
  const step = scenario.steps[stepId];
  if (!step) return [];
  const at: Path = ['steps', stepId];
  if (step.kind === 'choose') {
    return step.options.map((option, index) => {
      const score = VERDICT_SCORE[option.verdict];
      return { path: [...at, 'options', index, 'next'], effect: option.effect, branches: option.next, score: { lo: score, hi: score } };
    });
  }
  return [{ path: [...at, 'next'], effect: step.effect, branches: step.next, ...(step.kind === 'write' ? {} : { score: { lo: 0, hi: 1 } }) }];
}

const clamp = (value: number) => Math.max(0, Math.min(100, value));
const shown = (value: number) => (Number.isFinite(value) ? String(Math.round(value * 10) / 10) : 'any number of');

/** Why a condition can never hold with these bounds after the decision, or undefined when it can. */
function neverHolds(when: When, after: Bounds, score: Range | undefined): string | undefined {
  if (when.minutesAtLeast !== undefined && after.minutes.hi < when.minutesAtLeast) {
    return `"minutesAtLeast: ${when.minutesAtLeast}" needs ${when.minutesAtLeast} simulated minutes, but no path has spent more than ${shown(after.minutes.hi)} by then`;
  }
  if (when.sentimentBelow !== undefined && !(after.sentiment.lo < when.sentimentBelow)) {
    return `"sentimentBelow: ${when.sentimentBelow}" needs the customer below ${when.sentimentBelow}, but no path brings them lower than ${shown(after.sentiment.lo)} by then`;
  }
  if (when.sentimentAtLeast !== undefined && after.sentiment.hi < when.sentimentAtLeast) {
    return `"sentimentAtLeast: ${when.sentimentAtLeast}" needs the customer at ${when.sentimentAtLeast} or more, but no path brings them higher than ${shown(after.sentiment.hi)} by then`;
  }
  if (score && when.scoreAtLeast !== undefined && score.hi < when.scoreAtLeast - 1e-9) {
    return `"scoreAtLeast: ${when.scoreAtLeast}" can never hold: this answer scores ${shown(score.hi)}`;
  }
  if (score && when.scoreBelow !== undefined && score.lo >= when.scoreBelow - 1e-9) {
    return `"scoreBelow: ${when.scoreBelow}" can never hold: this answer scores ${shown(score.lo)}`;
  }
  return undefined;
}

/** The bounds a branch's own condition leaves for the step it leads to. */
function narrowed(when: When | undefined, after: Bounds): Bounds {
  if (!when) return after;
  const minutes = { lo: Math.max(after.minutes.lo, when.minutesAtLeast ?? -Infinity), hi: after.minutes.hi };
  const sentiment = {
    lo: Math.max(after.sentiment.lo, when.sentimentAtLeast ?? -Infinity),
    hi: Math.min(after.sentiment.hi, when.sentimentBelow ?? Infinity),
  };
  return { minutes, sentiment };
}

const join = (a: Bounds | undefined, b: Bounds): Bounds =>
  a
    ? {
        minutes: { lo: Math.min(a.minutes.lo, b.minutes.lo), hi: Math.max(a.minutes.hi, b.minutes.hi) },
        sentiment: { lo: Math.min(a.sentiment.lo, b.sentiment.lo), hi: Math.max(a.sentiment.hi, b.sentiment.hi) },
      }
    : b;
const same = (a: Bounds | undefined, b: Bounds | undefined) =>
  Boolean(a && b) &&
  a!.minutes.lo === b!.minutes.lo &&
  a!.minutes.hi === b!.minutes.hi &&
  a!.sentiment.lo === b!.sentiment.lo &&
  a!.sentiment.hi === b!.sentiment.hi;

/**
 * Warnings for steps and endings the graph reaches but no play can, because every branch to them has a
 * condition that never holds (a `minutesAtLeast` longer than any path runs, a `scoreAtLeast` above what
 * the option scores). Works on ranges of simulated minutes and sentiment carried through the graph.
 */
export function conditionFindings(scenario: Scenario, graphReachable: ReadonlySet<string>): UnplacedFinding[] {
  const start: Bounds = { minutes: { lo: 0, hi: 0 }, sentiment: { lo: scenario.setting.sentiment, hi: scenario.setting.sentiment } };
  let bounds = new Map<string, Bounds>([[scenario.start, start]]);
  const dead: { path: Path; target: string; stepId: string; reason: string }[] = [];

  const pass = (record: boolean) => {
    const next = new Map(bounds);
    dead.length = 0;
    for (const [stepId, here] of bounds) {
      for (const exit of exitsOf(scenario, stepId)) {
        const after: Bounds = {
          minutes: { lo: here.minutes.lo + exit.effect.minutes, hi: here.minutes.hi + exit.effect.minutes },
          sentiment: { lo: clamp(here.sentiment.lo + exit.effect.sentiment), hi: clamp(here.sentiment.hi + exit.effect.sentiment) },
        };
        exit.branches.forEach((branch, index) => {
          const reason = branch.when ? neverHolds(branch.when, after, exit.score) : undefined;
          if (reason) {
            if (record) dead.push({ path: [...exit.path, index, 'when'], target: branch.goto, stepId, reason });
            return;
          }
          next.set(branch.goto, join(next.get(branch.goto), narrowed(branch.when, after)));
        });
      }
    }
    return next;
  };

  for (let round = 0; ; round++) {
    const next = pass(false);
    const changed = [...next].filter(([id, value]) => !same(bounds.get(id), value));
    if (!changed.length) break;
    if (round >= ROUNDS) {
      // A loop keeps adding minutes: from here on a path through it can run as long as it likes.
      for (const [id, value] of changed) next.set(id, { minutes: { lo: value.minutes.lo, hi: Infinity }, sentiment: { lo: 0, hi: 100 } });
      bounds = next;
      if (round >= ROUNDS + 2) break;
      continue;
    }
    bounds = next;
  }
  pass(true);

  const findings: UnplacedFinding[] = [];
  const warned = new Set<string>();
  for (const branch of dead) {
    if (bounds.has(branch.target) || !graphReachable.has(branch.target) || warned.has(branch.target)) continue;
    warned.add(branch.target);
    const what = scenario.endings[branch.target] ? 'Ending' : 'Step';
    findings.push({
      severity: 'warning',
      code: 'unreachable-by-conditions',
      path: branch.path,
      message: `${what} "${branch.target}" can never be reached: the branches to it have conditions no play meets. Here, on step "${branch.stepId}", ${branch.reason}. Change the condition, or the effects that lead here.`,
    });
  }
  return findings;
}
