import { scenarioVariants, resolveVariant } from '../../domain/scenario/variants.ts';
import { compileScenario } from '../../domain/engine/machine.ts';
import { seniorPath } from '../../domain/engine/senior-path.ts';
import { STANDARD_VARIANT } from '../../domain/progress/variant-draw.ts';
import type { LoadedScenario } from './catalog.ts';

/** The ids of a scenario's variants, in the file's order (`standard` alone for a scenario without variants). */
export const variantIdsOf = (loaded: LoadedScenario): string[] => scenarioVariants(loaded.scenario).map((variant) => variant.id);

// One resolved, compiled variant per loaded revision and variant id; a WeakMap lets old revisions go with their scenario.
const resolved = new WeakMap<LoadedScenario, Map<string, LoadedScenario>>();

/**
 * A revision as one variant plays it: resolved, compiled and with its own senior path. An id the
 * revision does not declare is undefined, except `standard` on a scenario without variants.
 */
export function loadedVariant(loaded: LoadedScenario, variantId: string): LoadedScenario | undefined {
  let byId = resolved.get(loaded);
  if (!byId) resolved.set(loaded, (byId = new Map()));
  const known = byId.get(variantId);
  if (known) return known;
  if (!variantIdsOf(loaded).includes(variantId)) return undefined;
  const variants = scenarioVariants(loaded.scenario);
  const scenario = variants.length === 1 && variants[0]?.id === STANDARD_VARIANT ? loaded.scenario : resolveVariant(loaded.scenario, variantId);
  const entry: LoadedScenario = { ...loaded, scenario, machine: compileScenario(scenario), senior: seniorPath(scenario) };
  byId.set(variantId, entry);
  return entry;
}
