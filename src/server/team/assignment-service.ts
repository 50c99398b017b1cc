import { randomBytes } from 'node:crypto';
import type { DeskStore } from '../db/desk-store.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { Assignment, User } from '../db/schema.ts';
import { assignmentFormSchema, formErrors, type AssignmentField } from '../../domain/progress/assignment-form.ts';

export type AssignmentResult = { ok: true; assignment: Assignment } | { ok: false; errors: Partial<Record<AssignmentField, string>> };

/** Creates an assignment for the lead's team (or one trainee of it); checked against the catalog and the team. */
/** What assignments take: where they are kept, the team's trainees and the catalog. */
export interface AssignmentDeps {
  store: Pick<DeskStore, 'assignments'>;
  accounts: Pick<AccountService, 'trainees'>;
  catalog: Pick<ScenarioCatalog, 'get'>;
}

export async function createAssignment(desk: AssignmentDeps, lead: User, team: string, input: unknown, now = new Date()): Promise<AssignmentResult> {
  const parsed = assignmentFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: formErrors(parsed.error) };
  const form = parsed.data;
  const errors: Partial<Record<AssignmentField, string>> = {};
  if (form.assignee && !desk.accounts.trainees(team).some((trainee) => trainee.username === form.assignee)) {
    errors.assignee = 'Pick a trainee of your team, or the whole team.';
  }
  const unknown = form.scenarioIds.filter((id) => !desk.catalog.get(id));
  if (unknown.length) errors.scenarioIds = `Not in the catalog any more: ${unknown.join(', ')}. Pick from the lists.`;
  if (form.due < now.toISOString().slice(0, 10)) errors.due = 'That date has passed. Pick today or a later date.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const assignment: Assignment = {
    id: `a-${randomBytes(6).toString('hex')}`,
    team,
    assignee: form.assignee || undefined,
    title: form.title,
    scenarioIds: form.scenarioIds,
    due: form.due,
    rule: form.rule,
    createdBy: lead.username,
    createdAt: now.toISOString(),
  };
  return { ok: true, assignment: await desk.store.assignments.add(assignment) };
}

/** Removes one of the team's assignments; false when there is no such assignment in this team. */
export function removeAssignment(desk: Pick<AssignmentDeps, 'store'>, team: string, id: string): Promise<boolean> {
  return desk.store.assignments.remove(team, id);
}
