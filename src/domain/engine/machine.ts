import { assertEvent, assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import type { Answer } from './answer.ts';
import type { AttemptContext, AttemptEvent, MachineEvent, Mode } from './context.ts';
import { hintOffered } from './hint.ts';
import { initialContext, resolveAnswer } from './resolve.ts';
import { stepTargets } from '../scenario/graph.ts';

/** Builds the XState machine that runs one scenario; every step and ending is a state. */
export function compileScenario(scenario: Scenario) {
  const base = setup({
    types: {
      context: {} as AttemptContext,
      events: {} as MachineEvent,
      input: {} as { mode: Mode },
    },
    guards: {
      /** The resolved answer is for this step and leads to `target`. */
      leadsTo: ({ event }, params: { stepId: string; target: string }) =>
        event.type === 'answer.resolved' && event.resolution.decision.stepId === params.stepId && event.resolution.decision.next === params.target,
      hintAvailable: ({ context, event }, params: { stepId: string }) =>
        event.type === 'hint.request' && event.stepId === params.stepId && hintOffered(scenario, context, params.stepId),
    },
    actions: {
      recordDecision: assign(({ event }) => {
        assertEvent(event, 'answer.resolved');
        return event.resolution.context;
      }),
      recordHint: assign(({ context, event }) => {
        assertEvent(event, 'hint.request');
        return { hints: [...context.hints, event.stepId] };
      }),
    },
  });

  type States = NonNullable<Parameters<typeof base.createMachine>[0]['states']>;
  const states: States = {};
  for (const [stepId, step] of Object.entries(scenario.steps)) {
    states[stepId] = {
      on: {
        'answer.resolved': stepTargets(step).map((target) => ({
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
    states,
  });
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;
export type AttemptSnapshot = SnapshotFrom<ScenarioMachine>;

/** The step or ending an attempt is at. */
export const currentNode = (snapshot: AttemptSnapshot): string => String(snapshot.value);

/** A fresh attempt at the scenario's start. */
export const startAttempt = (machine: ScenarioMachine, mode: Mode): AttemptSnapshot => initialTransition(machine, { mode })[0];

export type Submission =
  { ok: true; snapshot: AttemptSnapshot } | { ok: false; code: 'finished' | 'stale' | 'invalid'; reason: string; snapshot: AttemptSnapshot };

/**
 * Applies an answer with XState's pure `transition`. An answer for a step that is not the current one
 * (a second tab, a double click) or that does not fit the step is refused with a reason, never thrown.
 */
export function submitAnswer(scenario: Scenario, machine: ScenarioMachine, snapshot: AttemptSnapshot, stepId: string, answer: Answer): Submission {
  if (snapshot.status === 'done') return { ok: false, code: 'finished', reason: 'This attempt has already ended.', snapshot };
  if (currentNode(snapshot) !== stepId) {
    return { ok: false, code: 'stale', reason: 'That step has already been answered; here is where the case stands now.', snapshot };
  }
  const resolution = resolveAnswer(scenario, snapshot.context, stepId, answer);
  if (!resolution.ok) return { ok: false, code: 'invalid', reason: resolution.reason, snapshot };
  const [next] = transition(machine, snapshot, { type: 'answer.resolved', resolution: { decision: resolution.decision, context: resolution.context } });
  return { ok: true, snapshot: next };
}

/** Opens the current step's hint (practice and playtest only); returns the snapshot unchanged otherwise. */
export function requestHint(machine: ScenarioMachine, snapshot: AttemptSnapshot, stepId: string): AttemptSnapshot {
  return transition(machine, snapshot, { type: 'hint.request', stepId })[0];
}

/** Rebuilds an attempt by replaying its answers on the scenario: the decision log is the truth. */
export function replayAttempt(scenario: Scenario, machine: ScenarioMachine, mode: Mode, events: readonly AttemptEvent[]): AttemptSnapshot {
  let snapshot = startAttempt(machine, mode);
  for (const event of events) {
    snapshot =
      event.type === 'hint.request'
        ? requestHint(machine, snapshot, event.stepId)
        : submitAnswer(scenario, machine, snapshot, event.stepId, event.answer).snapshot;
  }
  return snapshot;
}

/** An attempt placed at any step with a given context: for playtesting from the middle of a scenario. */
export function attemptAt(machine: ScenarioMachine, stepId: string, context: AttemptContext): AttemptSnapshot {
  return machine.resolveState({ value: stepId, context });
}
