import type { SeniorPath } from '../../domain/engine/senior-path.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { scenarioGraph } from '../../domain/authoring/map-graph.ts';
import { layoutMap, type MapLayout } from '../../domain/authoring/map-layout.ts';

// The catalog keeps one Scenario object per revision, so a layout is computed once per file version
// (dagre takes ~70 ms on a 30-step scenario); a WeakMap lets old versions go with their scenario.
const layouts = new WeakMap<Scenario, MapLayout>();

/** The laid-out map of a scenario, computed on first use for each version of the file. */
export function scenarioMap(scenario: Scenario, senior: SeniorPath): MapLayout {
  let map = layouts.get(scenario);
  if (!map) {
    map = layoutMap(scenarioGraph(scenario, senior));
    layouts.set(scenario, map);
  }
  return map;
}
