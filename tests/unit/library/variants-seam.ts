// The one place the library tests learn which variants a scenario has.
import type { Scenario } from '../../../src/domain/scenario/schema.ts';

/** A scenario as one variant plays it. */
export interface PlayedVariant {
  id: string;
  scenario: Scenario;
}

/**
 * Every variant of a scenario, each as a whole scenario. Until case variants land, a scenario plays as
 * one implicit variant, `standard`; then this body becomes
 * `scenarioVariants(scenario).map((variant) => ({ id: variant.id, scenario: resolveVariant(scenario, variant.id) }))`.
 */
export const variantsOf = (scenario: Scenario): PlayedVariant[] => [{ id: 'standard', scenario }];
