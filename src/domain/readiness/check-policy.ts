import type { z } from 'zod';
import type { Finding, UnplacedFinding } from '../scenario/finding.ts';
import { allowedKeys, schemaAt } from '../scenario/schema-walk.ts';
import { didYouMean, listOf } from '../scenario/suggest.ts';
import { readYaml } from '../scenario/yaml-source.ts';
import { mappingProblems } from '../scenario/check.ts';
import { readinessPolicySchema, type ReadinessPolicy } from './policy.ts';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list, such as [credit-limit, edi-failure]',
  object: 'a group of settings (indented "key: value" lines)',
};

/** `routing.accuracy`, `categories.required, entry 2`, or `The top level`. */
function placeOf(path: Path): string {
  if (path.length === 0) return 'The top level';
  return path.reduce<string>((words, key) => (typeof key === 'number' ? `${words}, entry ${key + 1}` : words ? `${words}.${key}` : key), '');
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of settings';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let value: unknown = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** One zod issue about the policy file as a sentence for a team lead: which key, what is wrong, what is allowed. */
export function explainPolicyIssue(issue: Issue, data: unknown): { path: Path; message: string }[] {
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const place = placeOf(path);
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schemaAt(readinessPolicySchema, path, data));
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `${place}: "${key}" is not a setting of the readiness policy.${didYouMean(key, allowed)} Allowed here: ${allowed.join(', ')}.`,
      }));
    }
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (value === undefined) return [{ path, message: `${place} is missing. Add "${String(path.at(-1))}:" with ${expected}.` }];
      return [{ path, message: `${place} must be ${expected}, but it is ${describeValue(value)}.` }];
    }
    case 'invalid_value': {
      const hint = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : '';
      return [{ path, message: `${place} must be one of ${listOf(issue.values)}, but it is ${describeValue(value)}.${hint}` }];
    }
    case 'invalid_format':
      return [{ path, message: `${place}: ${describeValue(value)} is not a category id. Ids are lowercase words joined by hyphens, like "credit-limit".` }];
    case 'too_small':
      if (issue.origin === 'array')
        return [{ path, message: `${place} needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}.` }];
      return [{ path, message: `${place} must be ${String(issue.minimum)} or more, but it is ${describeValue(value)}.` }];
    case 'too_big':
      return [{ path, message: `${place} must be ${String(issue.maximum)} or less (percentages are written 0 to 100), but it is ${describeValue(value)}.` }];
    default:
      return [{ path, message: `${place}: ${issue.message}.` }];
  }
}

/** The checked policy, present only when there are no errors, and every finding placed at its line. */
export interface CheckedPolicy {
  value?: ReadinessPolicy;
  findings: Finding[];
}

/** Parses and checks the policy file's text; required categories must be ids of the taxonomy (when it is known). */
export function checkPolicyText(text: string, categoryIds: readonly string[] | undefined): CheckedPolicy {
  const source = readYaml(text);
  const unreadable = mappingProblems(source);
  if (unreadable.length) return { findings: unreadable };
  const parsed = readinessPolicySchema.safeParse(source.data);
  if (!parsed.success) {
    const findings = parsed.error.issues.flatMap((issue) =>
      explainPolicyIssue(issue, source.data).map((explained): UnplacedFinding => ({ severity: 'error', code: `schema-${issue.code}`, ...explained })),
    );
    return { findings: sortByLine(findings.map(source.place)) };
  }
  if (!categoryIds) return { value: parsed.data, findings: [] };
  const known = new Set(categoryIds);
  const seen = new Set<string>();
  const problems: UnplacedFinding[] = [];
  parsed.data.categories.required.forEach((category, index) => {
    const path = ['categories', 'required', index];
    if (seen.has(category))
      problems.push({
        severity: 'error',
        code: 'duplicate-category',
        path,
        message: `${placeOf(path)}: "${category}" is listed twice. List each category once.`,
      });
    else if (!known.has(category)) {
      problems.push({
        severity: 'error',
        code: 'unknown-category',
        path,
        message: `${placeOf(path)}: "${category}" is not a category in scenarios/taxonomy.yaml.${didYouMean(category, known)}`,
      });
    }
    seen.add(category);
  });
  return problems.length ? { findings: sortByLine(problems.map(source.place)) } : { value: parsed.data, findings: [] };
}

const sortByLine = (findings: Finding[]) => [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
