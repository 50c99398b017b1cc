import type { z } from 'zod';
import type { Finding, UnplacedFinding } from './finding.ts';
import { lintScenario, type LintContext } from './lint.ts';
import { explainIssue } from './messages.ts';
import { scenarioSchema, taxonomySchema, variantsPartSchema, type Scenario, type Taxonomy } from './schema.ts';
import { readYaml, type YamlSource } from './yaml-source.ts';
import { hasErrors } from './finding.ts';
import { describePlace } from './place.ts';
import { placeholdersIn } from './placeholders.ts';
import { didYouMean, listOf } from './suggest.ts';
import { withStandIns } from './stand-in.ts';
import { overlayOf, STANDARD_VARIANT, variantData, type VariantData } from './variants.ts';

export interface Checked<T> {
  /** Present only when there are no errors. */
  value?: T;
  findings: Finding[];
}

/** The syntax errors of a YAML file, or the one error of a file that is not a mapping at the top; none when it is one. */
export function mappingProblems(source: YamlSource): Finding[] {
  if (source.syntaxErrors.length) return source.syntaxErrors;
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return [
      source.place({
        severity: 'error',
        code: 'not-a-mapping',
        path: [],
        message: 'The file must be a set of "key: value" lines at the top level (it is empty or a list).',
      }),
    ];
  }
  return [];
}

function validate<T>(source: YamlSource, schema: z.ZodType<T>): { value?: T; findings: Finding[] } {
  const problems = mappingProblems(source);
  if (problems.length) return { findings: problems };
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

/**
 * Parses and checks one scenario file's text. Each variant (or the file itself, when it declares none) is
 * checked as a whole scenario: schema, placeholders, then the graph and its references. Findings are placed
 * where the author wrote the part concerned, in the base or in a variant's overlay.
 */
export function checkScenarioText(text: string, lint: LintContext): Checked<Scenario> {
  const source = readYaml(text);
  const shape = validate(source, variantsPartSchema);
  // A variant the schema refuses is still checked, with stand-ins for what it refused.
  const isMapping = source.data !== null && typeof source.data === 'object' && !Array.isArray(source.data);
  const stood = shape.value || !isMapping ? undefined : withStandIns(source.data, variantsPartSchema);
  const part = shape.value ?? stood?.value;
  if (!part) return { findings: shape.findings };
  const raw = (stood ? withoutPaths(source.data as Record<string, unknown>, stood.replaced) : source.data) as Record<string, unknown>;
  const { variants: writtenVariants, ...base } = raw;
  const overlays = part.variants ?? [];
  const fileFindings: Finding[] = [
    ...shape.findings,
    ...duplicateVariantIds(overlays).map((index) =>
      source.place({
        severity: 'error',
        code: 'duplicate-id',
        path: ['variants', index, 'id'],
        message: `Variant id "${overlays[index]?.id}" is used twice. Each variant needs its own id.`,
      }),
    ),
    ...unusedValues(raw, overlays).map((finding) => source.place(finding)),
  ];

  const rawVariants = Array.isArray(writtenVariants) ? (writtenVariants as Record<string, unknown>[]) : [];
  const plans = overlays.length
    ? overlays.map((variant, index) => ({ id: variant.id, overlay: overlayOf(rawVariants[index] ?? {}), path: ['variants', index] }))
    : [{ id: STANDARD_VARIANT, overlay: undefined, path: [] }];
  const checked = plans.map((plan) => checkVariant(source, variantData(base, plan.overlay, plan.path), lint));
  const findings = sortFindings([
    ...fileFindings,
    ...mergeVariantFindings(
      plans.map((plan) => plan.id),
      checked.map((entry) => entry.findings),
    ),
  ]);
  const first = checked[0]?.scenario;
  if (hasErrors(findings) || !first) return { findings };
  const value: Scenario = overlays.length ? { ...first, variant: overlays[0]?.id, variantSource: { base, variants: overlays } } : first;
  return { value, findings };
}

/** One variant's findings, placed in the file, and the scenario it resolves to when the schema passes. */
function checkVariant(source: YamlSource, variant: VariantData, lint: LintContext): { findings: PlacedInVariant[]; scenario?: Scenario } {
  const place = (finding: UnplacedFinding, needle?: string): PlacedInVariant => {
    const path = variant.origin(finding.path);
    const moved = { ...finding, path };
    return { ...(needle ? source.placeWithin(moved, needle) : source.place(moved)), inOverlay: path[0] === 'variants' };
  };
  const findings: PlacedInVariant[] = variant.problems.map((problem) => ({ ...source.place(problem), inOverlay: true }));
  const names = Object.keys(variant.values);
  const dangling = placeholdersIn({ ...variant.data, values: undefined });
  for (const use of dangling) {
    findings.push(
      place(
        {
          severity: 'error',
          code: 'unknown-placeholder',
          path: use.path,
          message: `${describePlace(use.path, variant.data)}: "${use.written}" names no value.${didYouMean(use.name, names)} Add "${use.name}:" under "values:" (or the variant's values), or correct the name.`,
        },
        use.written,
      ),
    );
  }
  const danglingAt = new Set(dangling.map((use) => use.path.join('/')));
  const parsed = scenarioSchema.safeParse(variant.data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const explained of explainIssue(issue, variant.data, scenarioSchema)) {
        if (danglingAt.has(explained.path.join('/'))) continue;
        findings.push(place({ severity: 'error', code: `schema-${issue.code}`, ...explained }));
      }
    }
    // The rest of the file is checked in the same run, with stand-ins where the schema refused a part.
    const stood = withStandIns(variant.data, scenarioSchema);
    if (stood)
      findings.push(
        ...lintScenario(stood.value, lint)
          .filter((finding) => !explainedByStandIn(finding, stood.replaced))
          .map((finding) => place(finding)),
      );
    return { findings };
  }
  findings.push(...lintScenario(parsed.data, lint).map((finding) => place(finding)));
  return { findings, scenario: parsed.data };
}

/** Findings about the graph, untrusted while a stand-in sits in a part that shapes the graph. */
const GRAPH = new Set(['unreachable', 'no-way-out', 'unreachable-by-conditions']);
/** Findings about the senior path, untrusted while a stand-in sits in a part the senior path follows. */
const SENIOR = new Set(['senior-path', 'senior-path-result', 'short-senior-path']);
const SENIOR_KEYS = new Set([
  'verdict',
  'answer',
  'next',
  'goto',
  'when',
  'start',
  'effect',
  'minutes',
  'sentiment',
  'options',
  'items',
  'steps',
  'endings',
  'result',
]);
const GRAPH_KEYS = new Set(['next', 'goto', 'when', 'start', 'kind', 'steps', 'endings', 'options']);

/** True when a lint finding may come from a stand-in rather than from what the author wrote. */
function explainedByStandIn(finding: UnplacedFinding, replaced: readonly (string | number)[][]): boolean {
  if (SENIOR.has(finding.code) && replaced.some((path) => path.length <= 2 || SENIOR_KEYS.has(String(path.at(-1))) || path.includes('next'))) return true;
  if (GRAPH.has(finding.code) && replaced.some((path) => path.length <= 2 || GRAPH_KEYS.has(String(path.at(-1))) || path.includes('next'))) return true;
  const within = (outer: readonly (string | number)[], inner: readonly (string | number)[]) => outer.every((key, index) => inner[index] === key);
  return replaced.some((path) => within(path, finding.path) || within(finding.path, path));
}

type PlacedInVariant = Finding & { inOverlay: boolean };

/** Findings about reaching a part: a part any one variant reaches is fine. */
const ANY_VARIANT = new Set(['unreachable', 'unreachable-by-conditions']);

/**
 * One list of findings from every variant's: a finding every variant shares is reported once; one only some
 * variants have names them, unless it sits in a variant's own overlay. A part unreachable in some variants
 * only is fine: every step and ending must be reachable in at least one.
 */
function mergeVariantFindings(ids: readonly string[], perVariant: readonly PlacedInVariant[][]): Finding[] {
  const byKey = new Map<string, { finding: PlacedInVariant; variants: string[] }>();
  perVariant.forEach((findings, index) => {
    for (const finding of findings) {
      const key = [finding.severity, finding.code, finding.line, finding.column, ANY_VARIANT.has(finding.code) ? '' : finding.message].join('|');
      const entry = byKey.get(key) ?? byKey.set(key, { finding, variants: [] }).get(key)!;
      if (!entry.variants.includes(ids[index] as string)) entry.variants.push(ids[index] as string);
    }
  });
  const merged: Finding[] = [];
  for (const { finding, variants } of byKey.values()) {
    const { inOverlay, ...plain } = finding;
    if (variants.length === ids.length || inOverlay) merged.push(plain);
    else if (!ANY_VARIANT.has(finding.code)) {
      const label = variants.length === 1 ? `Variant "${variants[0]}"` : `Variants ${listOf(variants, 'and')}`;
      merged.push({ ...plain, message: `${label}: ${plain.message}` });
    }
  }
  return merged;
}

/** The data without the keys at `paths` (parts of a variant the schema refused). */
function withoutPaths(data: Record<string, unknown>, paths: readonly (string | number)[][]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const path of paths) {
    let holder: unknown = copy;
    for (const key of path.slice(0, -1)) holder = holder && typeof holder === 'object' ? (holder as Record<string | number, unknown>)[key] : undefined;
    if (holder && typeof holder === 'object' && !Array.isArray(holder)) delete (holder as Record<string | number, unknown>)[path.at(-1) as string];
  }
  return copy;
}

/** Indexes of variants whose id repeats an earlier one. */
function duplicateVariantIds(variants: readonly { id: string }[]): number[] {
  const seen = new Set<string>();
  return variants.flatMap((variant, index) => (seen.has(variant.id) ? [index] : (seen.add(variant.id), [])));
}

/** Values that no text in the file names. */
function unusedValues(raw: Record<string, unknown>, variants: readonly { values?: Record<string, unknown> }[]): UnplacedFinding[] {
  const { values: _base, ...texts } = raw;
  const used = new Set(placeholdersIn({ ...texts, variants: variants.map(({ values: _values, ...rest }) => rest) }).map((use) => use.name));
  const declared: [string, (string | number)[]][] = [
    ...Object.keys((raw.values as Record<string, unknown> | undefined) ?? {}).map((name): [string, (string | number)[]] => [name, ['values', name]]),
    ...variants.flatMap((variant, index) =>
      Object.keys(variant.values ?? {}).map((name): [string, (string | number)[]] => [name, ['variants', index, 'values', name]]),
    ),
  ];
  return declared
    .filter(([name]) => !used.has(name))
    .map(([name, path]) => ({
      severity: 'warning',
      code: 'unused-value',
      path,
      message: `The value "${name}" is not used: no text names "{{${name}}}". Use it in a text or remove it.`,
    }));
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
        repeats.push(
          source.place({
            severity: 'error',
            code: 'duplicate-id',
            path: [list, index, 'id'],
            message: `"${term.id}" appears twice in ${list}. Each id must be unique.`,
          }),
        );
      }
      seen.add(term.id);
    });
  }
  return repeats.length ? { findings: repeats } : { value, findings: [] };
}

const sortFindings = (findings: Finding[]) => [...findings].sort((a, b) => a.line - b.line || a.column - b.column);
