// The one place the library tests learn which variants a scenario has.
import type { Scenario } from '../../../src/domain/scenario/schema.ts';
import { resolveVariant, scenarioVariants } from '../../../src/domain/scenario/variants.ts';

/** A scenario as one variant plays it. */
export interface PlayedVariant {
  id: string;
  scenario: Scenario;
}

/** Every variant of a scenario, each resolved into the whole scenario it plays as (`standard` for one without variants). */
export const variantsOf = (scenario: Scenario): PlayedVariant[] =>
  scenarioVariants(scenario).map((variant) => ({ id: variant.id, scenario: resolveVariant(scenario, variant.id) }));
