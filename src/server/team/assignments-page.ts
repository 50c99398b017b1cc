import type { Assignment, User } from '../db/schema.ts';
import type { LoadedScenario } from '../scenarios/catalog.ts';
import { createAssignment, removeAssignment, type AssignmentDeps } from './assignment-service.ts';
import { teamOverview, type TeamDeps } from './team-overview.ts';
import { readAssignmentForm, type AssignmentField } from '../../domain/progress/assignment-form.ts';
import { ASSIGNMENT_RULE_WORDS, dueWords, ruleOf } from '../../domain/progress/assignments.ts';
import { plural } from '../../domain/text/format.ts';

/** One current assignment with how the team is doing on it. */
export interface AssignmentCard {
  assignment: Assignment;
  /** The assignee's name; undefined for the whole team. */
  assigneeName?: string;
  tone: 'bad' | 'good' | 'info';
  /** `Due …`, or `Overdue: due …`. */
  dueWords: string;
  /** When a scenario of it counts as done, in words. */
  ruleWords: string;
  /** How far the trainee or the team has got. */
  progressWords: string;
  /** Names of the trainees late with it. */
  late: string[];
  /** The path's scenario titles, a withdrawn one marked so. */
  titles: string[];
}

/** Everything the assignments page renders: the form (as posted, with its errors) and the team's assignments. */
export interface AssignmentsView {
  status: 200 | 400 | 404;
  errors: Partial<Record<AssignmentField, string>>;
  values: { title: string; assignee: string; due: string; rule: string };
  /** The scenarios picked for the path, in order, when a post is shown again. */
  steps: string[];
  /** A removal of an assignment this team does not have (another team's, or removed already). */
  missing: boolean;
  trainees: { username: string; name: string }[];
  /** Served scenarios by level, for the path's lists. */
  byLevel: { level: number; list: LoadedScenario[] }[];
  cards: AssignmentCard[];
  today: string;
}

export type AssignmentsPage = { kind: 'redirect'; location: string } | ({ kind: 'page' } & AssignmentsView);

/** The progress line of one assignment: one trainee's scenarios, or the team's count. */
function progressWords(assignment: Assignment, progress: { complete: boolean; done: string[] }[]): string {
  const single = progress.length === 1 ? progress[0] : undefined;
  if (single && assignment.assignee) return `${single.done.length} of ${assignment.scenarioIds.length} scenarios done`;
  const done = progress.filter((entry) => entry.complete).length;
  const started = progress.filter((entry) => !entry.complete && entry.done.length > 0).length;
  return `${done} of ${plural(progress.length, 'trainee')} done${started ? `, ${started} under way` : ''}`;
}

/**
 * The lead's assignments page: a posted new assignment is created (or its errors shown), a posted
 * removal removes one of the team's assignments; then the team's assignments with their progress.
 */
export async function assignmentsPage(
  desk: TeamDeps & AssignmentDeps,
  lead: User,
  team: string,
  request: { assignee: string | null; form?: FormData },
  now = new Date(),
): Promise<AssignmentsPage> {
  let status: AssignmentsView['status'] = 200;
  let errors: AssignmentsView['errors'] = {};
  let values = { title: '', assignee: request.assignee ?? '', due: '', rule: 'pass' };
  let steps: string[] = [];
  let missing = false;
  const form = request.form;
  if (form?.get('intent') === 'remove') {
    if (await removeAssignment(desk, team, String(form.get('id') ?? ''))) return { kind: 'redirect', location: '/team/assignments?removed=1' };
    // Another team's id, or one removed in another tab: nothing of another team is revealed.
    status = 404;
    missing = true;
  } else if (form) {
    const input = readAssignmentForm(form);
    const result = await createAssignment(desk, lead, team, input, now);
    if (result.ok) return { kind: 'redirect', location: `/team/assignments?created=${result.assignment.id}` };
    status = 400;
    errors = result.errors;
    values = { title: String(input.title), assignee: String(input.assignee), due: String(input.due), rule: String(input.rule) };
    steps = input.scenarioIds as string[];
  }

  const overview = await teamOverview(desk, team, now);
  const names = new Map(overview.rows.map((row) => [row.username, row.name]));
  const scenarios = desk.catalog.list();
  const titles = new Map(scenarios.map((loaded) => [loaded.scenario.id, loaded.scenario.title]));
  const cards = desk.store.assignments
    .ofTeam(team)
    .sort((a, b) => a.due.localeCompare(b.due))
    .map((assignment): AssignmentCard => {
      const progress = overview.rows.flatMap((row) =>
        row.assignments.filter((entry) => entry.assignment.id === assignment.id).map((entry) => ({ row, entry })),
      );
      const late = progress.filter(({ entry }) => entry.overdue).map(({ row }) => row.name);
      const allDone = progress.length > 0 && progress.every(({ entry }) => entry.complete);
      return {
        assignment,
        assigneeName: assignment.assignee ? (names.get(assignment.assignee) ?? assignment.assignee) : undefined,
        tone: late.length ? 'bad' : allDone ? 'good' : 'info',
        dueWords: dueWords(assignment.due, late.length > 0),
        ruleWords: ASSIGNMENT_RULE_WORDS[ruleOf(assignment)],
        progressWords: progressWords(
          assignment,
          progress.map(({ entry }) => entry),
        ),
        late,
        titles: assignment.scenarioIds.map((id) => titles.get(id) ?? `${id} (withdrawn)`),
      };
    });
  return {
    kind: 'page',
    status,
    errors,
    values,
    steps,
    missing,
    trainees: overview.rows.map((row) => ({ username: row.username, name: row.name })),
    byLevel: [1, 2, 3].map((level) => ({ level, list: scenarios.filter((loaded) => loaded.scenario.level === level) })),
    cards,
    today: now.toISOString().slice(0, 10),
  };
}
