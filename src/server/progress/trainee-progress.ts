import type { DeskStore } from '../db/desk-store.ts';
import type { AttemptService } from '../attempts/attempt-service.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { User } from '../db/schema.ts';
import type { LoadedScenario } from '../scenarios/catalog.ts';
import { groupBy, scenarioStatus, type AttemptSummary, type ScenarioStatus } from '../../domain/progress/attempt-summary.ts';
import { assignmentProgress, passedInAssessment, assignmentsFor, type AssignmentProgress } from '../../domain/progress/assignments.ts';

export interface CatalogEntry {
  loaded: LoadedScenario;
  status: ScenarioStatus;
  /** Due date of the earliest open assignment that includes this scenario. */
  assignedDue?: string;
}

export interface TraineeCatalog {
  summaries: AttemptSummary[];
  assignments: AssignmentProgress[];
  /** Assigned scenarios first (soonest due first), then by category and level. */
  entries: CatalogEntry[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** The catalog as one trainee sees it: every served scenario with their status, assigned work first. */
export async function traineeCatalog(
  desk: { store: Pick<DeskStore, 'assignments'>; attempts: Pick<AttemptService, 'summariesOf'>; catalog: Pick<ScenarioCatalog, 'list'> },
  user: User,
): Promise<TraineeCatalog> {
  const summaries = await desk.attempts.summariesOf(user.username);
  const byScenario = groupBy(summaries, (summary) => summary.scenarioId);
  const passed = passedInAssessment(summaries);
  const assignments = assignmentsFor(user.username, user.team, desk.store.assignments.list()).map((assignment) =>
    assignmentProgress(assignment, summaries, passed, today()),
  );
  const open = assignments
    .filter((progress) => !progress.complete)
    .sort((a, b) => a.assignment.due.localeCompare(b.assignment.due) || a.assignment.createdAt.localeCompare(b.assignment.createdAt));
  const openFor = (id: string) => open.find((progress) => progress.assignment.scenarioIds.includes(id) && !progress.done.includes(id));
  const dueFor = (id: string) => openFor(id)?.assignment.due;
  // Within an assignment, the order the lead listed the scenarios in.
  const placeIn = (id: string) => {
    const progress = openFor(id);
    return progress ? open.indexOf(progress) * 100 + progress.assignment.scenarioIds.indexOf(id) : Infinity;
  };
  const entries = desk.catalog.list().map((loaded) => ({
    loaded,
    status: scenarioStatus(byScenario.get(loaded.scenario.id) ?? []),
    assignedDue: dueFor(loaded.scenario.id),
  }));
  entries.sort(
    (a, b) =>
      (a.assignedDue ?? '9999').localeCompare(b.assignedDue ?? '9999') ||
      (a.assignedDue ? placeIn(a.loaded.scenario.id) - placeIn(b.loaded.scenario.id) : 0) ||
      a.loaded.scenario.category.localeCompare(b.loaded.scenario.category) ||
      a.loaded.scenario.level - b.loaded.scenario.level,
  );
  return { summaries, assignments, entries };
}
