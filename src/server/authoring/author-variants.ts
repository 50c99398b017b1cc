import type { LoadedVariant, ScenarioCatalog } from '../scenarios/catalog.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { resolveVariant, scenarioVariants } from '../../domain/scenario/variants.ts';
import { compileScenario } from '../../domain/engine/machine.ts';
import { seniorPath } from '../../domain/engine/senior-path.ts';

/** The variants an author page offers, and the one it shows. */
export interface AuthorVariants {
  /** Every variant of the file, in the order written (`standard` alone for a file without variants). */
  variants: { id: string; title: string }[];
  /** The variant shown: the one asked for, or the first when none (or an unknown id) was asked for. */
  shown: LoadedVariant;
  /** True when the file declares variants, so the page offers a choice. */
  several: boolean;
}

/**
 * The variants of a checked scenario for the map, playtest and analysis pages: the served revision's
 * loaded variants when this file is the one served, otherwise resolved here from the checked file.
 */
export function authorVariants(catalog: ScenarioCatalog, scenario: Scenario, served: boolean, requested: string | null | undefined): AuthorVariants {
  const loaded = served ? catalog.current(scenario.id) : undefined;
  const all: LoadedVariant[] =
    loaded?.variants ??
    scenarioVariants(scenario).map(({ id, title }) => {
      const resolved = resolveVariant(scenario, id);
      return { id, title, scenario: resolved, machine: compileScenario(resolved), senior: seniorPath(resolved) };
    });
  const shown = all.find((variant) => variant.id === requested) ?? (all[0] as LoadedVariant);
  return { variants: all.map(({ id, title }) => ({ id, title })), shown, several: Boolean(scenario.variantSource?.variants.length) };
}
