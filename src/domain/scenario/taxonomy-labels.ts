import type { Taxonomy } from './schema.ts';

/** The words people read for the taxonomy's ids; an id the taxonomy does not know reads as itself. */
export interface TaxonomyLabels {
  category(id: string): string;
  route(id: string): string;
  /** Several routes in words, joined with `separator`; `empty` when there are none. */
  routes(ids: readonly string[], separator?: string, empty?: string): string;
}

/** The label lookups of one taxonomy (none loaded yet: every id reads as itself). */
export function taxonomyLabels(taxonomy: Taxonomy | undefined): TaxonomyLabels {
  const categories = new Map((taxonomy?.categories ?? []).map((term) => [term.id, term.label]));
  const routes = new Map((taxonomy?.routes ?? []).map((term) => [term.id, term.label]));
  const route = (id: string) => routes.get(id) ?? id;
  return {
    category: (id) => categories.get(id) ?? id,
    route,
    routes: (ids, separator = ', ', empty = 'none') => ids.map(route).join(separator) || empty,
  };
}
