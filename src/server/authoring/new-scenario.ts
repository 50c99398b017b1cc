import path from 'node:path';
import { AuthoringError } from './authoring-error.ts';
import { publishedFile, saveDraft, type AuthoringDeps } from './drafts.ts';
import { newScenarioIdProblem, withScenarioId } from '../../domain/authoring/scenario-id.ts';
import { starterScenario } from '../../domain/authoring/starter-scenario.ts';
import type { Viewer } from '../../domain/people/roles.ts';

/** Where a new scenario's text comes from. */
export type NewScenarioSource =
  { from: 'template'; category: string; level: number; title?: string } | { from: 'copy'; copyOf: string } | { from: 'upload'; text: string; name: string };

/** Every id a new scenario may not take: files (served or not) and drafts. */
export function takenIds(deps: Pick<AuthoringDeps, 'store' | 'catalog'>): Set<string> {
  return new Set([
    ...deps.catalog.checked.map((file) => path.basename(file.path).replace(/\.ya?ml$/, '')),
    ...deps.store.authoring.drafts().map((draft) => draft.scenarioId),
  ]);
}

/** Starts a draft of a new scenario, from the template, a copy of another scenario or an uploaded file; a taken or unusable id is a 400. */
export async function newScenario(deps: AuthoringDeps, viewer: Viewer, id: string, source: NewScenarioSource, now = new Date()): Promise<void> {
  const problem = newScenarioIdProblem(id, takenIds(deps));
  if (problem) throw new AuthoringError(400, problem);
  let text: string;
  let message: string;
  if (source.from === 'template') {
    const taxonomy = deps.catalog.taxonomy;
    if (!taxonomy) throw new AuthoringError(400, 'The taxonomy has errors, so no template can be made; fix scenarios/taxonomy.yaml first.');
    if (!taxonomy.categories.some((category) => category.id === source.category))
      throw new AuthoringError(400, 'Pick the category the scenario belongs to from the list.');
    const level = source.level;
    if (level !== 1 && level !== 2 && level !== 3) throw new AuthoringError(400, 'Pick a level: 1 (foundation), 2 (practitioner) or 3 (senior desk).');
    text = starterScenario({
      id,
      category: source.category,
      level,
      title: source.title?.trim() || undefined,
      day: now.toISOString().slice(0, 10),
      taxonomy,
      playbooks: deps.catalog.playbooks,
    });
    message = 'Started from the template.';
  } else if (source.from === 'copy') {
    const original = await publishedFile(deps.catalog, source.copyOf);
    if (!original) throw new AuthoringError(400, `There is no scenario file "${source.copyOf}" to copy; pick one from the list.`);
    text = withScenarioId(original.text, id);
    message = `Copied from ${source.copyOf}.`;
  } else {
    text = withScenarioId(source.text, id);
    message = `Started from the uploaded file ${source.name}.`;
  }
  await saveDraft(deps, viewer, id, { text, version: 0, message }, { allowNew: true, now });
}
