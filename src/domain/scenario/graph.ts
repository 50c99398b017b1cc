import type { Scenario, Step } from './schema.ts';

/** Every step or ending a step can lead to, in the order written, without repeats. */
export function stepTargets(step: Step): string[] {
  const branches = step.kind === 'choose' ? step.options.flatMap((option) => option.next) : step.next;
  const targets = branches.map((branch) => branch.goto);
  return [...new Set(targets)];
}

/** Steps and endings reachable from `start`, following every possible edge. */
export function reachableFrom(scenario: Scenario, start = scenario.start): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = scenario.steps[id];
    if (step) queue.push(...stepTargets(step).filter((target) => !seen.has(target)));
  }
  return seen;
}

/** Steps from which some ending can be reached. */
export function stepsThatCanEnd(scenario: Scenario): Set<string> {
  const canEnd = new Set(Object.keys(scenario.endings));
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, step] of Object.entries(scenario.steps)) {
      if (!canEnd.has(id) && stepTargets(step).some((target) => canEnd.has(target))) {
        canEnd.add(id);
        grew = true;
      }
    }
  }
  return canEnd;
}
