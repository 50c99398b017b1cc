import type { z } from 'zod';
import type { Finding, UnplacedFinding } from './finding.ts';
import { lintScenario, type LintContext } from './lint.ts';
import { explainIssue } from './messages.ts';
import { scenarioSchema, taxonomySchema, type Scenario, type Taxonomy } from './schema.ts';
import { readYaml, type YamlSource } from './yaml-source.ts';
import { hasErrors } from './finding.ts';

export interface Checked<T> {
  /** Present only when there are no errors. */
  value?: T;
  findings: Finding[];
}

function validate<T>(source: YamlSource, schema: z.ZodType<T>): { value?: T; findings: Finding[] } {
  if (source.syntaxErrors.length) return { findings: source.syntaxErrors };
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return { findings: [source.place({ severity: 'error', code: 'not-a-mapping', path: [], message: 'The file must be a set of "key: value" lines at the top level (it is empty or a list).' })] };
  }
  const parsed = schema.safeParse(source.data);
  if (parsed.success) return { value: parsed.data, findings: [] };
  const findings = parsed.error.issues.flatMap((issue) =>
    explainIssue(issue, source.data, schema).map((explained): UnplacedFinding => ({
      severity: 'error',
      code: `schema-${issue.code}`,
      ...explained,
    })),
  );
  return { findings: sortFindings(findings.map(source.place)) };
}

/** Parses and checks one scenario file's text: schema first, then the graph and its references. */
export function checkScenarioText(text: string, lint: LintContext): Checked<Scenario> {
  const source = readYaml(text);
  const { value, findings } = validate(source, scenarioSchema);
  if (!value) return { findings };
  const all = sortFindings(lintScenario(value, lint).map(source.place));
  return hasErrors(all) ? { findings: all } : { value, findings: all };
}

/** Parses and checks `taxonomy.yaml`, including ids that repeat. */
export function checkTaxonomyText(text: string): Checked<Taxonomy> {
  const source = readYaml(text);
  const { value, findings } = validate(source, taxonomySchema);
  if (!value) return { findings };
  const repeats: Finding[] = [];
  for (const list of ['categories', 'routes', 'competencies'] as const) {
    const seen = new Set<string>();
    value[list].forEach((term, index) => {
      if (seen.has(term.id)) {
        repeats.push(source.place({ severity: 'error', code: 'duplicate-id', path: [list, index, 'id'], message: `"${term.id}" appears twice in ${list}. Each id must be unique.` }));
      }
      seen.add(term.id);
    });
  }
  return repeats.length ? { findings: repeats } : { value, findings: [] };
}

const sortFindings = (findings: Finding[]) => [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
