import { idSchema } from '../scenario/schema.ts';

/** Names a scenario id cannot take: files in the scenarios folder that are not scenarios, and studio pages. */
const RESERVED_IDS = new Set(['taxonomy', 'new', 'stamp', 'check']);

/**
 * Why `id` cannot name a new scenario, as a sentence for the author; undefined when it can. `taken` holds
 * the ids of files and drafts that exist already.
 */
export function newScenarioIdProblem(id: string, taken: ReadonlySet<string>): string | undefined {
  if (!id) return 'Give the scenario an id, such as credit-hold-month-end.';
  if (id.length > 60) return 'Keep the id to 60 characters or fewer.';
  if (!idSchema.safeParse(id).success)
    return `"${id}" is not a usable id: use lowercase letters and digits in words joined by hyphens, such as credit-hold-month-end.`;
  if (RESERVED_IDS.has(id)) return `"${id}" is the name of a page or file the desk uses; choose another id.`;
  if (taken.has(id)) return `A scenario or draft with the id "${id}" exists already; choose another id, or open that one from the studio.`;
  return undefined;
}

/** Gives a copied scenario's text the new id (the top-level `id:` line), keeping everything else, comments included. */
export function withScenarioId(text: string, id: string): string {
  const line = /^id:[ \t]*[^\s#]*/m;
  return line.test(text) ? text.replace(line, `id: ${id}`) : `id: ${id}\n${text}`;
}
