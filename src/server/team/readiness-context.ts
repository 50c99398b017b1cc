import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import type { ReadinessContext, ScenarioInfo } from '../../domain/readiness/types.ts';

const cache = new WeakMap<ScenarioCatalog, { generation: number; context: ReadinessContext }>();

const infoOf = (scenario: Scenario): ScenarioInfo => {
  const steps = Object.values(scenario.steps);
  return {
    id: scenario.id,
    title: scenario.title,
    category: scenario.category,
    level: scenario.level,
    routed: steps.some((step) => (step.kind === 'choose' || step.kind === 'choose-many') && step.options.some((option) => option.route)),
    written: steps.some((step) => step.kind === 'write'),
  };
};

/** What the readiness rules need from the served catalog; rebuilt only when the catalog reloads. */
export function readinessContext(catalog: ScenarioCatalog): ReadinessContext {
  const cached = cache.get(catalog);
  if (cached?.generation === catalog.generation) return cached.context;
  const context: ReadinessContext = {
    scenarios: catalog.list().map((loaded) => infoOf(loaded.scenario)),
    categoryLabel: catalog.labels.category,
  };
  cache.set(catalog, { generation: catalog.generation, context });
  return context;
}
