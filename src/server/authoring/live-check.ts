import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import { checkScenarioFile, TAXONOMY_INVALID } from '../../domain/scenario/library.ts';
import type { Finding } from '../../domain/scenario/finding.ts';
import { checkScenarioText } from '../../domain/scenario/check.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { resolveVariant, scenarioVariants } from '../../domain/scenario/variants.ts';
import { compileScenario, currentNode } from '../../domain/engine/machine.ts';
import { seniorPath, type SeniorPath } from '../../domain/engine/senior-path.ts';
import { playtestStart } from '../../domain/authoring/playtest.ts';
import { traineeView, type TraineeView } from '../../domain/view/trainee-view.ts';
import type { LiveCheckRequest } from '../../domain/authoring/live-check.ts';
import { scenarioMap } from './map-cache.ts';
import type { MapLayout } from '../../domain/authoring/map-layout.ts';
import { revisionOf } from '../scenarios/catalog.ts';

/** One variant of a checked text, ready to map and preview. */
export interface LiveVariant {
  id: string;
  title: string;
  scenario: Scenario;
  senior: SeniorPath;
  map: MapLayout;
  stepIds: string[];
  /** The step previewed, and what a trainee sees there (the world as the senior path leaves it, where it passes). */
  step: string;
  preview: TraineeView;
}

/** The live check of one text: its findings, and the variant to draw when it has no error. */
export interface LiveCheck {
  findings: Finding[];
  variants: { id: string; title: string }[];
  shown?: LiveVariant;
}

// Typing changes the text, but choosing another step or variant re-checks the same one: the last few checked
// texts are kept (by hash) so that costs no second parse, compile and layout.
const RECENT = 8;
const recent = new Map<string, { findings: Finding[]; scenario?: Scenario }>();

function checkText(catalog: ScenarioCatalog, text: string, id: string | undefined): { findings: Finding[]; scenario?: Scenario } {
  const taxonomy = catalog.taxonomy;
  if (!taxonomy) return { findings: [{ ...TAXONOMY_INVALID }] };
  const key = `${catalog.generation}:${id ?? ''}:${revisionOf(text)}`;
  const known = recent.get(key);
  if (known) return known;
  // Exactly what `npm run scenarios:check` runs on one file, with the catalog's taxonomy and playbooks;
  // without an id there is no file name for the text's id to match.
  const result = id
    ? checkScenarioFile(taxonomy, { path: `${id}.yaml`, text }, catalog.playbooks)
    : (({ value, findings }) => ({ scenario: value, findings }))(checkScenarioText(text, { taxonomy, playbooks: catalog.playbooks }));
  recent.set(key, { findings: result.findings, scenario: result.scenario });
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
  return result;
}

const compiled = new WeakMap<Scenario, { machine: ReturnType<typeof compileScenario>; senior: SeniorPath }>();

/**
 * Checks a draft's text as `npm run scenarios:check` checks a file (the id, when given, must match the
 * text's `id:`), and when it has no error, maps the variant asked for and shows the step asked for as a
 * trainee would see it. Nothing is stored.
 */
export function liveCheck(catalog: ScenarioCatalog, request: LiveCheckRequest): LiveCheck {
  const { findings, scenario } = checkText(catalog, request.text, request.id || undefined);
  if (!scenario) return { findings, variants: [] };
  const variants = scenarioVariants(scenario);
  const variant = variants.find((candidate) => candidate.id === request.variant) ?? (variants[0] as { id: string; title: string });
  const resolved = resolveVariant(scenario, variant.id);
  let built = compiled.get(resolved);
  if (!built) {
    built = { machine: compileScenario(resolved), senior: seniorPath(resolved) };
    compiled.set(resolved, built);
  }
  const stepIds = Object.keys(resolved.steps);
  const step = request.step && resolved.steps[request.step] ? request.step : resolved.start;
  const snapshot = playtestStart(resolved, built.machine, built.senior, step);
  const preview = traineeView(resolved, currentNode(snapshot), snapshot.context, `preview:${step}`);
  return {
    findings,
    variants,
    shown: {
      ...variant,
      scenario: resolved,
      senior: built.senior,
      map: scenarioMap(resolved, built.senior),
      stepIds,
      step,
      preview,
    },
  };
}
