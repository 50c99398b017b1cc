import type { z } from 'zod';
import { schemaAt, unwrap } from './schema-walk.ts';

type Path = (string | number)[];
type AnySchema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: AnySchema;
  innerType?: AnySchema;
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** How many rounds of stand-ins are tried before giving up. */
const ROUNDS = 8;

/**
 * The data with every part the schema refuses replaced by a stand-in that passes (unknown keys dropped,
 * a missing or malformed value given a valid one), so the rest of the file can be checked in the same run.
 * Returns the parsed value and the paths stood in for; undefined when no stand-in makes the data pass.
 */
export function withStandIns<T>(data: unknown, schema: z.ZodType<T>): { value: T; replaced: Path[] } | undefined {
  let current: unknown = structuredClone(data);
  const replaced: Path[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const parsed = schema.safeParse(current);
    if (parsed.success) return { value: parsed.data, replaced };
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
      if (issue.code === 'unrecognized_keys') {
        const holder = valueAt(current, path);
        for (const key of issue.keys) if (isMapping(holder)) delete holder[key];
        replaced.push(...issue.keys.map((key) => [...path, key]));
        continue;
      }
      const target = issue.code === 'invalid_union' && issue.discriminator && path.at(-1) === issue.discriminator ? path.slice(0, -1) : path;
      const fixed = standInFor(schema, current, target);
      if (fixed === NONE) return undefined;
      current = setAt(current, target, fixed);
      replaced.push(target === path ? target : path);
    }
  }
  return undefined;
}

const NONE = Symbol('none');
const DELETE = Symbol('delete');

/** A value for `path` that the schema accepts: the key dropped when it is optional, else a sample. */
function standInFor(root: AnySchema, data: unknown, path: Path): unknown {
  const key = path.at(-1);
  const holderSchema = path.length ? schemaAt(root, path.slice(0, -1), data) : undefined;
  const holderDef = holderSchema ? defOf(holderSchema) : undefined;
  const field = typeof key === 'string' && holderDef?.type === 'object' ? holderDef.shape?.[key] : undefined;
  // An optional key is dropped when written; one a refinement asks for (it is missing) gets a sample instead.
  if (field && (defOf(field).type === 'optional' || defOf(field).type === 'default') && valueAt(data, path) !== undefined) return DELETE;
  const schema = schemaAt(root, path, data);
  if (!schema) return NONE;
  const written = valueAt(data, path);
  // A step with a wrong `kind`: take the kind whose keys fit what is written, so its other parts are checked.
  const declared = holderDef?.type === 'record' ? holderDef.valueType : holderDef?.type === 'array' ? holderDef.element : field;
  const def = defOf(declared ? unwrap(declared) : schema);
  if (def.type === 'union' && def.discriminator && isMapping(written) && def.options) {
    const fits = (option: AnySchema) => Object.keys(defOf(unwrap(option)).shape ?? {}).filter((name) => name in written).length;
    const best = [...def.options].sort((a, b) => fits(b) - fits(a))[0];
    const literal = best ? defOf(unwrap(defOf(unwrap(best)).shape?.[def.discriminator] as AnySchema)).values?.[0] : undefined;
    if (literal !== undefined) return { ...written, [def.discriminator]: literal };
  }
  const value = sample(schema, 0);
  return value === NONE ? NONE : value;
}

/** A small value the schema accepts, or NONE. */
function sample(schema: AnySchema, depth: number): unknown {
  if (depth > 6) return NONE;
  const def = defOf(schema);
  const accepted = (candidates: unknown[]) => candidates.find((candidate) => candidate !== NONE && schema.safeParse(candidate).success) ?? NONE;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return def.innerType ? sample(def.innerType, depth + 1) : NONE;
    case 'pipe':
      return def.in ? accepted([sample(def.in, depth + 1)]) : NONE;
    case 'string':
      return accepted(['x', 'stand-in', '2000-01-01T00:00', '2000-01-01']);
    case 'number':
      return accepted([0, 1, 100]);
    case 'boolean':
      return false;
    case 'enum':
      return accepted(Object.values(def.entries ?? {}));
    case 'literal':
      return accepted(def.values ?? []);
    case 'array':
      return accepted([
        [],
        def.element ? [sample(def.element, depth + 1)] : NONE,
        def.element ? [sample(def.element, depth + 1), sample(def.element, depth + 1)] : NONE,
      ]);
    case 'record':
      return {};
    case 'union':
      return accepted((def.options ?? []).map((option) => sample(option, depth + 1)));
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(def.shape ?? {})) {
        const type = defOf(field).type;
        if (type === 'optional' || type === 'default') continue;
        const value = sample(field, depth + 1);
        if (value === NONE) return NONE;
        result[name] = value;
      }
      return accepted([result]);
    }
    default:
      return NONE;
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** `data` with the value at `path` set (or deleted), changing the data in place below the root. */
function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value === DELETE ? undefined : value;
  const holder = valueAt(data, path.slice(0, -1));
  const key = path.at(-1) as string | number;
  if (holder && typeof holder === 'object') {
    if (value === DELETE) delete (holder as Record<string | number, unknown>)[key];
    else (holder as Record<string | number, unknown>)[key] = value;
  }
  return data;
}
