import { applyOverlay, type Overlaid } from './overlay.ts';
import { fillPlaceholders } from './placeholders.ts';
import { scenarioSchema, type CaseValues, type Scenario, type VariantOverlay, type VariantSource } from './schema.ts';
import { listOf } from './suggest.ts';

/** The one variant of a scenario that declares none. */
export const STANDARD_VARIANT = 'standard';

type Data = Record<string, unknown>;

/** The variants a scenario can be played in, in the order written; a scenario without variants has one, `standard`. */
export function scenarioVariants(scenario: Scenario): { id: string; title: string }[] {
  const variants = scenario.variantSource?.variants;
  if (!variants?.length) return [{ id: STANDARD_VARIANT, title: scenario.title }];
  return variants.map((variant) => ({ id: variant.id, title: variant.title }));
}

/** The variant a resolved scenario is (`standard` for a scenario without variants). */
export const variantIdOf = (scenario: Scenario): string => scenario.variant ?? STANDARD_VARIANT;

/** A variant's data before the schema: the base with its overlay applied and its placeholders filled. */
export interface VariantData extends Omit<Overlaid, 'data'> {
  data: Data;
  values: CaseValues;
}

/** The overlay parts of a variant as written (everything but its id and title). */
export const overlayOf = (variant: Data): Data => {
  const { id: _id, title: _title, ...overlay } = variant;
  return overlay;
};

/** Applies a variant's overlay (written at `overlayPath`) to the base data and fills its placeholders. */
export function variantData(base: Data, overlay: Data | undefined, overlayPath: (string | number)[]): VariantData {
  const overlaid: Overlaid = overlay ? applyOverlay(base, overlay, overlayPath) : { data: base, problems: [], origin: (path) => [...path] };
  const values = isValues(overlaid.data.values) ? overlaid.data.values : {};
  const { values: written, ...rest } = overlaid.data;
  const data: Data = { ...fillPlaceholders(rest, values), ...(written === undefined ? {} : { values: written }) };
  return { ...overlaid, data, values };
}

const isValues = (value: unknown): value is CaseValues =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.values(value).every((entry) => typeof entry === 'string' || typeof entry === 'number');

const resolved = new WeakMap<VariantSource, Map<string, Scenario>>();

/**
 * The scenario as played in one variant: overlay applied, placeholders filled, defaults expanded.
 * `standard` on a scenario without variants is the scenario itself. Throws on a variant id the scenario
 * does not declare, or on a variant that does not pass the schema (the check reports both first).
 */
export function resolveVariant(scenario: Scenario, variantId: string): Scenario {
  const source = scenario.variantSource;
  if (!source?.variants.length) {
    if (variantId === STANDARD_VARIANT) return scenario;
    throw new Error(`Scenario "${scenario.id}" has no variants, so no variant "${variantId}"; play it as "${STANDARD_VARIANT}".`);
  }
  const cache = resolved.get(source) ?? resolved.set(source, new Map()).get(source)!;
  const known = cache.get(variantId);
  if (known) return known;
  const index = source.variants.findIndex((variant) => variant.id === variantId);
  const variant: VariantOverlay | undefined = source.variants[index];
  if (!variant) {
    throw new Error(
      `Scenario "${scenario.id}" has no variant "${variantId}"; its variants are ${listOf(
        source.variants.map((entry) => entry.id),
        'and',
      )}.`,
    );
  }
  const { data } = variantData(source.base as Data, overlayOf(variant), ['variants', index]);
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`Variant "${variantId}" of scenario "${scenario.id}" does not pass the schema; run npm run scenarios:check for where and why.`);
  }
  const result: Scenario = { ...parsed.data, variant: variantId, variantSource: source };
  cache.set(variantId, result);
  return result;
}
