import path from 'node:path';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { DeskStore } from '../db/desk-store.ts';
import { checkScenarioText } from '../../domain/scenario/check.ts';
import { TAXONOMY_INVALID } from '../../domain/scenario/library.ts';
import type { Finding } from '../../domain/scenario/finding.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { readYaml } from '../../domain/scenario/yaml-source.ts';
import { resolveVariant, scenarioVariants } from '../../domain/scenario/variants.ts';
import { seniorPath, type SeniorPath } from '../../domain/engine/senior-path.ts';

/** A draft's check: what `npm run scenarios:check` says of it as the file `<id>.yaml` beside the library. */
export interface DraftCheck {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** The scenario, when it has no error. */
  scenario?: Scenario;
}

const fileIdOf = (file: string) => path.basename(file).replace(/\.ya?ml$/, '');

/** Checks a draft's text as the library check would check the file `<id>.yaml`: the catalog's taxonomy and playbooks, and ids other files use. */
export function checkDraft(catalog: Pick<ScenarioCatalog, 'taxonomy' | 'playbooks' | 'checked'>, id: string, text: string): DraftCheck {
  if (!catalog.taxonomy) {
    return { findings: [TAXONOMY_INVALID], errors: 1, warnings: 0 };
  }
  const result = checkScenarioText(text, { taxonomy: catalog.taxonomy, playbooks: catalog.playbooks, fileId: id });
  const findings = [...result.findings];
  let scenario = result.value;
  const other = scenario && catalog.checked.find((file) => file.scenario?.id === scenario?.id && fileIdOf(file.path) !== id);
  if (scenario && other) {
    findings.push(
      readYaml(text).place({
        severity: 'error',
        code: 'duplicate-scenario',
        path: ['id'],
        message: `The id "${scenario.id}" is already used by ${other.path}. Every scenario needs its own id.`,
      }),
    );
    scenario = undefined;
  }
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { findings, errors, warnings: findings.length - errors, scenario };
}

/** A scenario's draft for a playtest: its check's scenario (undefined when it has errors); undefined when there is no draft. */
export async function draftScenario(
  deps: { store: Pick<DeskStore, 'authoring' | 'revisions'>; catalog: ScenarioCatalog },
  id: string,
): Promise<{ scenario?: Scenario; published: boolean; inReview: boolean } | undefined> {
  const draft = deps.store.authoring.draft(id);
  if (!draft) return undefined;
  const text = await deps.store.revisions.read(id, draft.revision);
  if (text === undefined) return undefined;
  return {
    scenario: checkDraft(deps.catalog, id, text).scenario,
    published: Boolean(deps.catalog.checked.some((file) => fileIdOf(file.path) === id)),
    inReview: draft.status === 'in-review',
  };
}

/** Each variant's senior path of a checked scenario, by variant id. */
export function seniorPaths(scenario: Scenario): Map<string, SeniorPath> {
  return new Map(scenarioVariants(scenario).map(({ id }) => [id, seniorPath(resolveVariant(scenario, id))]));
}
