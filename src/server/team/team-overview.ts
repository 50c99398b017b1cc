import type { DeskStore } from '../db/desk-store.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { AttemptService } from '../attempts/attempt-service.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { ReadinessPolicyFile } from '../readiness/policy-file.ts';
import type { AttemptFile, User } from '../db/schema.ts';
import type { AttemptSummary } from '../../domain/progress/attempt-summary.ts';
import type { ReadinessPolicy } from '../../domain/readiness/policy.ts';
import type { SignOffFact } from '../../domain/readiness/types.ts';
import { teamRow, traineeStanding, type TeamRow, type TraineeStanding } from '../../domain/team/team-row.ts';
import { readinessContext } from './readiness-context.ts';

/** A category column of the matrix. */
export interface CategoryColumn {
  id: string;
  label: string;
  required: boolean;
}

export interface TeamOverview {
  team: { id: string; name: string };
  policy: ReadinessPolicy;
  /** Required categories first (in the policy's order), then the rest served, by label. */
  columns: CategoryColumn[];
  rows: TeamRow[];
}

/** What the team's pages and exports read: attempts, sign-offs, assignments and teams, the trainees, scoring, the catalog and the policy. */
export interface TeamDeps {
  store: Pick<DeskStore, 'attempts' | 'signOffs' | 'assignments' | 'teams'>;
  accounts: Pick<AccountService, 'trainees'>;
  attempts: Pick<AttemptService, 'summary'>;
  catalog: ScenarioCatalog;
  readiness: Pick<ReadinessPolicyFile, 'policy' | 'generation'>;
}

/** Attempts of the given trainees, grouped in one pass over the store (never one scan per trainee). */
export function attemptsByTrainee(desk: { store: Pick<DeskStore, 'attempts'> }, usernames: ReadonlySet<string>): Map<string, AttemptFile[]> {
  const groups = new Map<string, AttemptFile[]>();
  for (const attempt of desk.store.attempts.all()) {
    if (!usernames.has(attempt.username)) continue;
    const list = groups.get(attempt.username);
    if (list) list.push(attempt);
    else groups.set(attempt.username, [attempt]);
  }
  return groups;
}

/** Cached summaries of attempts (the attempt service caches each until its log or reviews change); unloadable ones are skipped. */
export async function summariesOf(desk: Pick<TeamDeps, 'attempts'>, attempts: readonly AttemptFile[]): Promise<AttemptSummary[]> {
  const summaries: AttemptSummary[] = [];
  for (const attempt of attempts) {
    try {
      summaries.push(await desk.attempts.summary(attempt));
    } catch {
      // The attempt's pinned revision can no longer be loaded: it cannot be scored, so it is left out.
    }
  }
  return summaries;
}

/** Sign-offs by trainee, as the readiness rules take them. */
export function signOffsByTrainee(desk: { store: Pick<DeskStore, 'signOffs'> }): Map<string, SignOffFact[]> {
  const map = new Map<string, SignOffFact[]>();
  for (const signOff of desk.store.signOffs.list()) {
    const list = map.get(signOff.trainee) ?? [];
    list.push({ category: signOff.category, by: signOff.by });
    map.set(signOff.trainee, list);
  }
  return map;
}

/** The category columns: the policy's required ones, then every other category with a served scenario. */
export function categoryColumns(desk: Pick<TeamDeps, 'catalog'>, policy: ReadinessPolicy): CategoryColumn[] {
  const context = readinessContext(desk.catalog);
  const required = policy.categories.required.map((id) => ({ id, label: context.categoryLabel(id), required: true }));
  const served = new Set(context.scenarios.map((scenario) => scenario.category));
  const others = [...served]
    .filter((id) => !policy.categories.required.includes(id))
    .map((id) => ({ id, label: context.categoryLabel(id), required: false }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [...required, ...others];
}

/** The pause between two attempts scored by the background warm-up. */
const WARM_PAUSE_MS = 2;

/** Cached standings per attempt service (one per desk) and trainee, each with the key it was computed for. */
const standings = new WeakMap<object, Map<string, { key: string; standing: TraineeStanding }>>();

/** Changes whenever anything a trainee's standing is computed from changes: attempts, answers, ends, reviews. */
function attemptsKey(attempts: readonly AttemptFile[]): string {
  let events = 0;
  let reviews = 0;
  let latest = '';
  for (const attempt of attempts) {
    events += attempt.events.length;
    for (const review of Object.values(attempt.reviews)) {
      reviews++;
      if (review.at > latest) latest = review.at;
    }
    if (attempt.startedAt > latest) latest = attempt.startedAt;
    // An abandon ends an attempt without a new event.
    if (attempt.finishedAt && attempt.finishedAt > latest) latest = attempt.finishedAt;
  }
  return `${attempts.length}.${events}.${reviews}.${latest}`;
}

/**
 * A trainee's readiness and matrix cells, recomputed only when their attempts, the policy, the catalog
 * or sign-offs change: a warm team page costs one pass over the attempts, with no scoring at all.
 */
export async function standingOf(
  desk: Pick<TeamDeps, 'attempts' | 'catalog' | 'readiness'>,
  trainee: User,
  attempts: readonly AttemptFile[],
  signOffs: readonly SignOffFact[],
  columns: readonly string[],
): Promise<TraineeStanding> {
  let cache = standings.get(desk.attempts);
  if (!cache) standings.set(desk.attempts, (cache = new Map()));
  const lastSignOff = signOffs.at(-1);
  const key = `${desk.readiness.generation}|${desk.catalog.generation}|${columns.length}|${signOffs.length}.${lastSignOff?.category ?? ''}|${attemptsKey(attempts)}`;
  const cached = cache.get(trainee.username);
  if (cached?.key === key) return cached.standing;
  const summaries = await summariesOf(desk, attempts);
  const standing = traineeStanding(summaries, signOffs, desk.readiness.policy, readinessContext(desk.catalog), columns);
  cache.set(trainee.username, { key, standing });
  return standing;
}

/** Everything the team page shows, for the team's active trainees; linear in the team's attempts. */
export async function teamOverview(desk: TeamDeps, teamId: string, now = new Date()): Promise<TeamOverview> {
  const policy = desk.readiness.policy;
  const columns = categoryColumns(desk, policy);
  const columnIds = columns.map((column) => column.id);
  const trainees = desk.accounts.trainees(teamId);
  const attempts = attemptsByTrainee(desk, new Set(trainees.map((trainee) => trainee.username)));
  const signOffs = signOffsByTrainee(desk);
  const assignments = desk.store.assignments.ofTeam(teamId);
  const rows: TeamRow[] = [];
  for (const trainee of trainees) {
    const own = attempts.get(trainee.username) ?? [];
    const standing = await standingOf(desk, trainee, own, signOffs.get(trainee.username) ?? [], columnIds);
    rows.push(teamRow(trainee, standing, own, assignments, now));
  }
  const team = desk.store.teams.find(teamId) ?? { id: teamId, name: teamId };
  return { team, policy, columns, rows };
}

/**
 * Scores every team's trainees once, in the background after start, so the first team page after a
 * restart is as fast as the rest; it yields after every attempt so requests are served meanwhile.
 */
export async function warmStandings(desk: TeamDeps): Promise<void> {
  const teams = new Set(desk.accounts.trainees().flatMap((trainee) => (trainee.team ? [trainee.team] : [])));
  for (const team of teams) {
    const columns = categoryColumns(desk, desk.readiness.policy).map((column) => column.id);
    const trainees = desk.accounts.trainees(team);
    const attempts = attemptsByTrainee(desk, new Set(trainees.map((trainee) => trainee.username)));
    const signOffs = signOffsByTrainee(desk);
    for (const trainee of trainees) {
      const own = attempts.get(trainee.username) ?? [];
      // One attempt at a time with a pause after each: answers arriving meanwhile wait for one attempt's
      // scoring at most, and the warm-up takes a fifth of a core or so instead of all of it.
      for (const attempt of own) {
        await desk.attempts.summary(attempt).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, WARM_PAUSE_MS));
      }
      await standingOf(desk, trainee, own, signOffs.get(trainee.username) ?? [], columns);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
