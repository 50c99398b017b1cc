// Every scenario in the library, played every way the answer key suggests: no path gets stuck, every ending is reachable.
import { describe, expect, test } from 'vitest';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import { hasErrors } from '../../../src/domain/scenario/finding.ts';
import { reachableFrom } from '../../../src/domain/scenario/graph.ts';
import type { Scenario, Step } from '../../../src/domain/scenario/schema.ts';
import type { Answer } from '../../../src/domain/engine/answer.ts';
import type { AttemptEvent, MachineEvent } from '../../../src/domain/engine/context.ts';
import { resolveAnswer } from '../../../src/domain/engine/resolve.ts';
import { compileScenario, currentNode, replayAttempt, type AttemptSnapshot } from '../../../src/domain/engine/machine.ts';
import { fixtureText, lines, playbooks, shippedScenarioFiles, taxonomyText } from '../../support/scenarios.ts';

/** More states than this means the scenario's branches multiply out of hand (or the analysis does). */
const STATE_LIMIT = 20_000;

/** The answers worth trying at a step: each option; the key, nothing, each one and all for choose-many; the key and its reverse for rank. */
function answersFor(step: Step): Answer[] {
  switch (step.kind) {
    case 'choose':
      return step.options.map((option) => ({ kind: 'choose', optionId: option.id }));
    case 'choose-many': {
      const ids = step.options.map((option) => option.id);
      const sets = [step.answer, [], ...ids.map((id) => [id]), ids];
      const unique = [...new Map(sets.map((set) => [[...set].sort().join(), set])).values()];
      return unique.map((optionIds) => ({ kind: 'choose-many', optionIds: [...optionIds] }));
    }
    case 'rank':
      return [
        { kind: 'rank', order: [...step.answer] },
        { kind: 'rank', order: [...step.answer].reverse() },
      ];
    case 'write':
      return [{ kind: 'write', text: 'A written answer.' }];
  }
}

/** Plays every suggested answer from every state, keyed by what branches can see: the node, minutes, sentiment and the steps visited. */
function explore(scenario: Scenario) {
  const machine = compileScenario(scenario);
  const refused: string[] = [];
  const options = {
    input: { mode: 'playtest' as const },
    limit: STATE_LIMIT,
    // The machine receives answers already resolved, as submitAnswer sends them; a refused answer is a problem.
    events: (snapshot: AttemptSnapshot): MachineEvent[] => {
      const node = currentNode(snapshot);
      const step = scenario.steps[node];
      return (step ? answersFor(step) : []).flatMap((answer): MachineEvent[] => {
        const resolution = resolveAnswer(scenario, snapshot.context, node, answer);
        if (!resolution.ok) refused.push(`${node}: ${JSON.stringify(answer)} is refused: ${resolution.reason}`);
        return resolution.ok ? [{ type: 'answer.resolved', resolution: { decision: resolution.decision, context: resolution.context } }] : [];
      });
    },
    serializeState: (snapshot: AttemptSnapshot) => {
      const { minutes, sentiment, decisions } = snapshot.context;
      return JSON.stringify([snapshot.value, minutes, sentiment, [...new Set(decisions.map((decision) => decision.stepId))].sort()]);
    },
  };
  return { machine, adjacency: getAdjacencyMap(machine, options), shortest: getShortestPaths(machine, options), serialize: options.serializeState, refused };
}

/** Everything the analysis finds wrong with a scenario's paths, as sentences; [] when every path ends. */
function pathProblems(scenario: Scenario) {
  const { machine, adjacency, shortest, serialize, refused } = explore(scenario);
  const problems: string[] = [...new Set(refused)];
  // The adjacency map's keys are branded strings, which Object.values cannot see through.
  type Move = { event: MachineEvent; state: AttemptSnapshot };
  const entries = Object.entries(adjacency).map(([key, { state, transitions }]) => [key, { state, moves: Object.values(transitions) as Move[] }] as const);

  // Each suggested answer is accepted and moves the attempt on.
  for (const [, { state, moves }] of entries) {
    if (state.status === 'done') continue;
    if (moves.length === 0) problems.push(`${currentNode(state)}: no answer to try`);
    for (const { event, state: next } of moves) {
      if (next.context.decisions.length !== state.context.decisions.length + 1) {
        problems.push(
          `${currentNode(state)}: ${JSON.stringify(event.type === 'answer.resolved' ? event.resolution.decision.answer : event)} does not move the attempt on`,
        );
      }
    }
  }

  // From every state some ending can still be reached: no path goes round for ever.
  const targets = new Map(entries.map(([key, { moves }]) => [key, moves.map(({ state }) => serialize(state))]));
  const cameFrom = new Map<string, string[]>();
  for (const [key, next] of targets) for (const target of next) cameFrom.set(target, [...(cameFrom.get(target) ?? []), key]);
  const canEnd = new Set(entries.filter(([, { state }]) => state.status === 'done').map(([key]) => key));
  const queue = [...canEnd];
  while (queue.length) {
    for (const previous of cameFrom.get(queue.shift() as string) ?? []) {
      if (!canEnd.has(previous)) {
        canEnd.add(previous);
        queue.push(previous);
      }
    }
  }
  for (const [key, { state }] of entries) {
    if (!canEnd.has(key)) problems.push(`${currentNode(state)} (after ${state.context.decisions.length} decisions): no ending can be reached`);
  }

  // The shortest path to each ending, replayed by the engine, ends there too.
  const shortestTo = new Map<string, (typeof shortest)[number]>();
  for (const path of shortest) {
    const ending = currentNode(path.state);
    if (path.state.status === 'done' && !(path.weight >= (shortestTo.get(ending)?.weight ?? Infinity))) shortestTo.set(ending, path);
  }
  for (const [ending, path] of shortestTo) {
    const events = path.steps.flatMap((step): AttemptEvent[] =>
      step.event.type === 'answer.resolved'
        ? [{ type: 'answer.submit', stepId: step.event.resolution.decision.stepId, answer: step.event.resolution.decision.answer }]
        : [],
    );
    const replayed = replayAttempt(scenario, machine, 'playtest', events);
    if (currentNode(replayed) !== ending) problems.push(`replaying the shortest path to ${ending} ends at ${currentNode(replayed)}`);
  }

  const reached = new Set(entries.filter(([, { state }]) => state.status === 'done').map(([, { state }]) => currentNode(state)));
  const onPaper = [...reachableFrom(scenario)].filter((id) => scenario.endings[id]);
  for (const id of onPaper) if (!reached.has(id)) problems.push(`ending "${id}" is reachable on paper but no sequence of answers reaches it`);
  return { problems, states: entries.length, endings: [...reached].sort() };
}

const kitchenSink = checkLibrary(taxonomyText, [{ path: 'tests/fixtures/scenarios/kitchen-sink.yaml', text: fixtureText('kitchen-sink.yaml') }], playbooks)
  .files[0]!;
const shipped = checkLibrary(taxonomyText, shippedScenarioFiles(), playbooks).files;
const library = [kitchenSink, ...shipped];

describe('the scenario library', () => {
  test('the kitchen-sink fixture reaches every one of its endings by play', () => {
    expect(pathProblems(kitchenSink.scenario!)).toMatchObject({ problems: [], endings: ['late-ship', 'missed', 'released-wrongly', 'shipped'] });
  });

  test.each(library.map((file) => [file.path, file] as const))('%s passes the check with no errors', (path, file) => {
    expect(
      lines(
        path,
        file.findings.filter((finding) => finding.severity === 'error'),
      ),
    ).toBe('');
    expect(hasErrors(file.findings)).toBe(false);
    expect(file.scenario).toBeDefined();
  });

  test.each(library.map((file) => [file.path, file] as const))('%s: every path ends, and every ending can be reached by play', (path, file) => {
    // A file with errors cannot be compiled, so it fails here too; the check test above names what to fix.
    expect(file.scenario, `${path} does not load: ${lines(path, file.findings)}`).toBeDefined();
    const { problems, states } = pathProblems(file.scenario!);
    expect(problems).toEqual([]);
    expect(states).toBeGreaterThan(Object.keys(file.scenario!.steps).length);
    // Bounded by the number of states, not by the clock: a shared machine's load must not fail the test.
    expect(states, `${path}: ${states} states`).toBeLessThan(STATE_LIMIT);
  });
});
