import type { z } from 'zod';
import { allowedKeys, schemaAt } from './schema-walk.ts';
import { describePlace } from './place.ts';
import { didYouMean, listOf } from './suggest.ts';

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a group of keys (key: value lines, indented)',
  record: 'a group of keys (key: value lines, indented)',
};

const VARIANT_HINT = " A variant changes the setting, case, steps, endings and values; the id, category, level, start and the set of steps stay the base's.";
const COMMA_HINT = ' Inside { ... } a comma starts a new key: put text that contains a comma (112,400.00) in quotes.';

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of keys';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

const FORMAT_HELP: Record<string, (value: unknown) => string> = {
  'kebab-case': (value) => `${describeValue(value)} is not a valid id. Use lowercase letters, digits and hyphens, like "${suggestId(value)}".`,
  'date-time': (value) => `${describeValue(value)} is not a date and time. Write it like 2026-03-30T13:55 (local time, no zone).`,
  date: (value) => `${describeValue(value)} is not a date. Write it like 2026-03-30 or 2026-03-30T13:55.`,
};

function suggestId(value: unknown): string {
  const slug = String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'first-look';
}

/** Rewrites one zod issue as a sentence for a senior specialist: where, what is wrong, how to fix it. */
export function explainIssue(issue: Issue, data: unknown, root: z.ZodType): { path: (string | number)[]; message: string }[] {
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const place = describePlace(path, data);
  const value = valueAt(data, path);
  const key = path.at(-1);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schemaAt(root, path, data));
      return issue.keys.map((unknownKey) => ({
        path: [...path, unknownKey],
        message: `${place}: "${unknownKey}" is not a key this format knows.${didYouMean(unknownKey, allowed)} Allowed here: ${allowed.join(', ')}.${/^[\d\s]/.test(unknownKey) ? COMMA_HINT : ''}${path.length === 2 && path[0] === 'variants' ? VARIANT_HINT : ''}`,
      }));
    }
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (value === undefined) {
        return [{ path, message: `${place} is missing. Add "${String(key)}:" with ${expected}.` }];
      }
      return [{ path, message: `${place} must be ${expected}, but it is ${describeValue(value)}.` }];
    }
    case 'invalid_value': {
      const allowed = issue.values;
      const hint = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : '';
      const word = allowed.length === 1 ? `must be ${listOf(allowed)}` : `must be one of ${listOf(allowed)}`;
      return [{ path, message: `${place} ${word}, but it is ${describeValue(value)}.${hint}` }];
    }
    case 'invalid_union': {
      if (issue.discriminator) {
        const kinds = ('options' in issue ? issue.options : undefined) ?? [];
        // zod ends the path with the discriminator key itself; describe the step that holds it.
        const holder = key === issue.discriminator ? path.slice(0, -1) : path;
        const written = valueAt(data, [...holder, issue.discriminator]);
        const hint = typeof written === 'string' ? didYouMean(written, kinds.map(String)) : '';
        const what = written === undefined ? `has no "${issue.discriminator}"` : `has ${issue.discriminator} ${JSON.stringify(written)}`;
        return [{ path: [...holder, issue.discriminator], message: `${describePlace(holder, data)} ${what}. Use one of ${listOf(kinds)}.${hint}` }];
      }
      if (key === 'next') {
        return [{ path, message: `${place} must name a step or ending, or be a list of "- when: ... goto: ..." branches ending with a plain "- goto: ...".` }];
      }
      return [{ path, message: `${place} is ${describeValue(value)}, which does not fit here.` }];
    }
    case 'invalid_format': {
      const help = FORMAT_HELP[issue.message];
      return [{ path, message: `${place}: ${help ? help(value) : `${describeValue(value)} has the wrong format.`}` }];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return [{ path, message: `${place} is empty. Write the text, or remove the key if it is optional.` }];
      if (issue.origin === 'array') return [{ path, message: `${place} needs at least ${min} ${min === 1 ? 'entry' : 'entries'}.` }];
      return [{ path, message: `${place} must be at least ${min}, but it is ${describeValue(value)}.` }];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return [{ path, message: `${place} may have at most ${max} entries.` }];
      return [{ path, message: `${place} must be at most ${max}, but it is ${describeValue(value)}.` }];
    }
    case 'invalid_key': {
      const nested = issue.issues[0];
      const help = nested?.code === 'invalid_format' ? FORMAT_HELP[nested.message] : undefined;
      const badKey = String(issue.input);
      return [{ path: [...path, badKey], message: `${place}: the id "${badKey}" is not valid. ${help ? help(badKey).replace(/^[^.]*\. /, '') : ''}`.trim() }];
    }
    case 'custom':
      // The schema's own refinements write their message to follow the place ("is missing. ...").
      return [{ path, message: `${place} ${issue.message}` }];
    default:
      return [{ path, message: `${place}: ${issue.message}.` }];
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}
