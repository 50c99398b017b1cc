import type { z } from 'zod';

type AnySchema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  in?: AnySchema;
  out?: AnySchema;
  catchall?: AnySchema;
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips wrappers (optional, default, transforms) down to the schema that describes the value. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The object keys a schema allows, or [] when it is not an object. */
export function allowedKeys(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/**
 * The schema that validates the value at `path` in `data`, following discriminated unions by
 * the value actually written (a step's `kind`), so messages can list the keys allowed there.
 */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[], data: unknown): AnySchema | undefined {
  let schema: AnySchema | undefined = root;
  let value: unknown = data;
  for (const key of path) {
    if (!schema) return undefined;
    schema = branchFor(unwrap(schema), value);
    const def = defOf(schema);
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    if (def.type === 'object') schema = def.shape?.[String(key)] ?? def.catchall;
    else if (def.type === 'array') schema = def.element;
    else if (def.type === 'record') schema = def.valueType;
    else return undefined;
  }
  return schema ? branchFor(unwrap(schema), value) : undefined;
}

function branchFor(schema: AnySchema, value: unknown): AnySchema {
  const def = defOf(schema);
  if (def.type !== 'union' || !def.options) return schema;
  const written = value && typeof value === 'object' && def.discriminator ? (value as Record<string, unknown>)[def.discriminator] : undefined;
  const kindMatch = def.options.find((option) => {
    const shape = defOf(unwrap(option)).shape;
    const literal = shape && def.discriminator ? shape[def.discriminator] : undefined;
    return literal !== undefined && (literal as unknown as { _zod: { def: { values: unknown[] } } })._zod.def.values.includes(written);
  });
  if (kindMatch) return unwrap(kindMatch);
  const byShape = def.options.map(unwrap).find((option) => {
    const type = defOf(option).type;
    return Array.isArray(value) ? type === 'array' : typeof value === 'object' && value !== null ? type === 'object' : false;
  });
  return byShape ?? schema;
}
