import { z } from 'zod';
import type { ScenarioState, ScenarioStatus } from './attempt-summary.ts';

const STATES = ['new', 'in-progress', 'attempted', 'practised', 'passed'] as const satisfies readonly ScenarioState[];

/** The catalog's query string: each filter falls back to "any" when its value makes no sense. */
export const catalogQuerySchema = z.object({
  q: z.string().trim().max(80).catch(''),
  category: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]*$/)
    .catch(''),
  level: z.enum(['', '1', '2', '3']).catch(''),
  status: z.enum(['', ...STATES]).catch(''),
  assigned: z.enum(['', 'on']).catch(''),
});
export type CatalogQuery = z.output<typeof catalogQuerySchema>;

/** The query from URL search params, every field defaulted. */
export const readCatalogQuery = (params: URLSearchParams): CatalogQuery =>
  catalogQuerySchema.parse(Object.fromEntries(['q', 'category', 'level', 'status', 'assigned'].map((key) => [key, params.get(key) ?? undefined])));

/** True when any filter narrows the list. */
export const isFiltered = (query: CatalogQuery): boolean => Object.values(query).some(Boolean);

/** What the filters read of a catalog entry. */
export interface CatalogItem {
  scenario: { id: string; title: string; summary: string; category: string; level: number };
  status: ScenarioStatus;
  assignedDue?: string;
}

/** The entries the query keeps; the search matches every word in the title, summary or category label. */
export function filterCatalog<T extends CatalogItem>(entries: readonly T[], query: CatalogQuery, categoryLabel: (id: string) => string): T[] {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter(({ scenario, status, assignedDue }) => {
    const text = `${scenario.title} ${scenario.summary} ${categoryLabel(scenario.category)} ${scenario.id}`.toLowerCase();
    return (
      words.every((word) => text.includes(word)) &&
      (!query.category || scenario.category === query.category) &&
      (!query.level || scenario.level === Number(query.level)) &&
      (!query.status || status.state === query.status) &&
      (!query.assigned || assignedDue !== undefined)
    );
  });
}
