import { pickVariant, type LoadedScenario } from './catalog.ts';

/** The ids of a loaded scenario's variants, in the file's order (`standard` alone for a file without variants). */
export const variantIdsOf = (loaded: LoadedScenario): string[] => loaded.variants.map((variant) => variant.id);

/**
 * A pinned revision as one of its variants plays it (its scenario, machine and senior path in the
 * places an attempt reads them); undefined when the revision has no such variant.
 */
export function loadedVariant(loaded: LoadedScenario, variantId: string): LoadedScenario | undefined {
  const variant = pickVariant(loaded, variantId);
  if (!variant) return undefined;
  return variant.scenario === loaded.scenario ? loaded : { ...loaded, scenario: variant.scenario, machine: variant.machine, senior: variant.senior };
}
