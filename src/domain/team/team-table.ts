import { z } from 'zod';
import type { Verdict } from '../readiness/types.ts';
import type { TeamRow } from './team-row.ts';

const SORTS = ['name', 'readiness', 'last', 'week', 'overdue'] as const;

/** The team page's query string: filters and sort, each falling back to its default when it makes no sense. */
export const teamQuerySchema = z.object({
  q: z.string().trim().max(64).catch(''),
  verdict: z.enum(['all', 'ready', 'close', 'not-yet']).catch('all'),
  /** A category id: only trainees who have not met it yet. */
  needs: z
    .string()
    .max(64)
    .regex(/^[a-z0-9-]*$/)
    .catch(''),
  overdue: z.enum(['', 'on']).catch(''),
  /** Which category columns: the policy's required ones, or every category served. */
  columns: z.enum(['required', 'all']).catch('required'),
  /** A named column, or `cat:<category id>` for a category's mean. */
  sort: z.union([z.enum(SORTS), z.string().regex(/^cat:[a-z0-9-]+$/)]).catch('readiness'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});
export type TeamQuery = z.output<typeof teamQuerySchema>;

/** The query from URL search params, every field defaulted. */
export const readTeamQuery = (params: URLSearchParams): TeamQuery =>
  teamQuerySchema.parse(Object.fromEntries(['q', 'verdict', 'needs', 'overdue', 'columns', 'sort', 'dir'].map((key) => [key, params.get(key) ?? undefined])));

const VERDICT_ORDER: Record<Verdict, number> = { ready: 0, close: 1, 'not yet': 2 };
const unmet = (row: TeamRow) => row.readiness.lines.filter((line) => !line.met).length;

/** The rows the filters keep. */
export function filterRows(rows: readonly TeamRow[], query: TeamQuery): TeamRow[] {
  const text = query.q.toLowerCase();
  return rows.filter(
    (row) =>
      (!text || row.name.toLowerCase().includes(text) || row.username.includes(text)) &&
      (query.verdict === 'all' || row.readiness.verdict === query.verdict.replace('-', ' ')) &&
      (!query.overdue || row.overdue > 0) &&
      (!query.needs || (row.cells[query.needs] !== undefined && row.cells[query.needs]?.mastery !== 'met')),
  );
}

/** Rows sorted by the chosen column; ties by name, so the order is stable. */
export function sortRows(rows: readonly TeamRow[], query: Pick<TeamQuery, 'sort' | 'dir'>): TeamRow[] {
  const sign = query.dir === 'desc' ? -1 : 1;
  const category = query.sort.startsWith('cat:') ? query.sort.slice(4) : undefined;
  const key = (row: TeamRow): number | string => {
    if (category) return row.cells[category]?.mean ?? -1;
    switch (query.sort) {
      case 'readiness':
        return VERDICT_ORDER[row.readiness.verdict] * 100 + unmet(row);
      case 'last':
        return row.lastActivity ?? '';
      case 'week':
        return row.attemptsThisWeek;
      case 'overdue':
        return row.overdue;
      default:
        return row.name.toLowerCase();
    }
  };
  const keyed = rows.map((row) => ({ row, key: key(row), name: row.name.toLowerCase() }));
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : a.name.localeCompare(b.name)));
  return keyed.map((entry) => entry.row);
}

/** How many trainees have each verdict. */
export function verdictCounts(rows: readonly TeamRow[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { ready: 0, close: 0, 'not yet': 0 };
  for (const row of rows) counts[row.readiness.verdict]++;
  return counts;
}
