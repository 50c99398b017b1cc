import { assertEvent, assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import type { Answer } from './answer.ts';
import type { AttemptContext, AttemptEvent, Mode } from './context.ts';
import { initialContext, resolveAnswer } from './resolve.ts';
import { stepTargets } from '../scenario/graph.ts';

/** Builds the XState machine that runs one scenario; every step and ending is a state. */
export function compileScenario(scenario: Scenario) {
  const answered = (context: AttemptContext, event: AttemptEvent) =>
    event.type === 'answer.submit' ? resolveAnswer(scenario, context, event.stepId, event.answer) : undefined;

  const base = setup({
    types: {
      context: {} as AttemptContext,
      events: {} as AttemptEvent,
      input: {} as { mode: Mode },
    },
    guards: {
      /** The answer fits this step and leads to `target`. */
      leadsTo: ({ context, event }, params: { stepId: string; target: string }) => {
        if (event.type !== 'answer.submit' || event.stepId !== params.stepId) return false;
        const resolution = answered(context, event);
        return resolution?.ok === true && resolution.decision.next === params.target;
      },
      /** Hints are offered in practice and playtest, once per step, where the author wrote one. */
      hintAvailable: ({ context, event }, params: { stepId: string }) =>
        event.type === 'hint.request' &&
        event.stepId === params.stepId &&
        context.mode !== 'assessment' &&
        !context.hints.includes(params.stepId) &&
        Boolean(scenario.steps[params.stepId]?.hint),
    },
    actions: {
      recordDecision: assign(({ context, event }) => {
        assertEvent(event, 'answer.submit');
        const resolution = answered(context, event);
        return resolution?.ok ? resolution.context : {};
      }),
      recordHint: assign(({ context, event }) => {
        assertEvent(event, 'hint.request');
        return { hints: [...context.hints, event.stepId] };
      }),
    },
  });

  const states: Record<string, object> = {};
  for (const [stepId, step] of Object.entries(scenario.steps)) {
    states[stepId] = {
      on: {
        'answer.submit': stepTargets(step).map((target) => ({
          target,
          guard: { type: 'leadsTo', params: { stepId, target } },
          actions: 'recordDecision',
        })),
        'hint.request': { guard: { type: 'hintAvailable', params: { stepId } }, actions: 'recordHint' },
      },
    };
  }
  for (const endingId of Object.keys(scenario.endings)) states[endingId] = { type: 'final' };

  // Contexts are never mutated, so one initial context per mode serves every attempt. XState's pure
  // `transition` builds a throwaway actor (with no input) on every call, which asks for it too.
  const initial = new Map<Mode, AttemptContext>();
  const contextFor = (mode: Mode = 'practice') => initial.get(mode) ?? initial.set(mode, initialContext(scenario, mode)).get(mode)!;

  return base.createMachine({
    id: scenario.id,
    initial: scenario.start,
    context: ({ input }) => contextFor(input?.mode),
    states: states as never,
  });
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;
export type AttemptSnapshot = SnapshotFrom<ScenarioMachine>;

/** The step or ending an attempt is at. */
export const currentNode = (snapshot: AttemptSnapshot): string => String(snapshot.value);

/** A fresh attempt at the scenario's start. */
export const startAttempt = (machine: ScenarioMachine, mode: Mode): AttemptSnapshot =>
  initialTransition(machine, { mode })[0];

export type Submission =
  | { ok: true; snapshot: AttemptSnapshot }
  | { ok: false; code: 'finished' | 'stale' | 'invalid'; reason: string; snapshot: AttemptSnapshot };

/**
 * Applies an answer with XState's pure `transition`. An answer for a step that is not the current one
 * (a second tab, a double click) or that does not fit the step is refused with a reason, never thrown.
 */
export function submitAnswer(scenario: Scenario, machine: ScenarioMachine, snapshot: AttemptSnapshot, stepId: string, answer: Answer): Submission {
  if (snapshot.status === 'done') return { ok: false, code: 'finished', reason: 'This attempt has already ended.', snapshot };
  if (currentNode(snapshot) !== stepId) {
    return { ok: false, code: 'stale', reason: 'That step has already been answered; here is where the case stands now.', snapshot };
  }
  const check = resolveAnswer(scenario, snapshot.context, stepId, answer);
  if (!check.ok) return { ok: false, code: 'invalid', reason: check.reason, snapshot };
  const [next] = transition(machine, snapshot, { type: 'answer.submit', stepId, answer });
  return { ok: true, snapshot: next };
}

/** Opens the current step's hint (practice and playtest only); returns the snapshot unchanged otherwise. */
export function requestHint(machine: ScenarioMachine, snapshot: AttemptSnapshot, stepId: string): AttemptSnapshot {
  return transition(machine, snapshot, { type: 'hint.request', stepId })[0];
}

/** Rebuilds an attempt by replaying its answers on the scenario: the decision log is the truth. */
export function replayAttempt(
  scenario: Scenario,
  machine: ScenarioMachine,
  mode: Mode,
  events: readonly AttemptEvent[],
): AttemptSnapshot {
  let snapshot = startAttempt(machine, mode);
  for (const event of events) {
    snapshot = event.type === 'hint.request'
      ? requestHint(machine, snapshot, event.stepId)
      : submitAnswer(scenario, machine, snapshot, event.stepId, event.answer).snapshot;
  }
  return snapshot;
}

/** An attempt placed at any step with a given context: for playtesting from the middle of a scenario. */
export function attemptAt(machine: ScenarioMachine, stepId: string, context: AttemptContext): AttemptSnapshot {
  return machine.resolveState({ value: stepId, context });
}
