/**
 * A deep copy of JSON data (objects, arrays, strings, numbers, booleans, null). Several times faster
 * than structuredClone on an attempt of a few KB, which matters: every answer copies one.
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = cloneJson((value as Record<string, unknown>)[key]);
  return copy as T;
}
