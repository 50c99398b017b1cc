import type { CaseValues } from './schema.ts';

type Path = (string | number)[];

/** `{{name}}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}\}$/;

/** A placeholder written in a text: its name and where the text is. */
export interface PlaceholderUse {
  name: string;
  path: Path;
  /** The placeholder exactly as written, to find its column inside the text. */
  written: string;
}

/** Every placeholder in every text of `data`, in document order. */
export function placeholdersIn(data: unknown, path: Path = []): PlaceholderUse[] {
  if (typeof data === 'string') {
    return [...data.matchAll(PLACEHOLDER)].map((match) => ({ name: match[1] as string, path, written: match[0] }));
  }
  if (Array.isArray(data)) return data.flatMap((item, index) => placeholdersIn(item, [...path, index]));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => placeholdersIn(value, [...path, key]));
  }
  return [];
}

/** A number as it reads inside text: thousands grouped, fractions to at least two places (7,400; 164,800.50). */
export function valueText(value: string | number): string {
  if (typeof value === 'string') return value;
  return value.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 20 });
}

/**
 * `data` with every placeholder filled from `values`. A text that is only one placeholder takes the
 * value's own type (a number stays a number); a name with no value is left as written for the check to report.
 */
export function fillPlaceholders<T>(data: T, values: CaseValues): T {
  return fill(data, values) as T;
}

function fill(data: unknown, values: CaseValues): unknown {
  if (typeof data === 'string') {
    const whole = WHOLE.exec(data);
    if (whole) {
      const value = values[whole[1] as string];
      return value === undefined ? data : value;
    }
    return data.replace(PLACEHOLDER, (written, name: string) => {
      const value = values[name];
      return value === undefined ? written : valueText(value);
    });
  }
  if (Array.isArray(data)) return data.map((item) => fill(item, values));
  if (data && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, fill(value, values)]));
  }
  return data;
}
