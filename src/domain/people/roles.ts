import { z } from 'zod';

export const roleSchema = z.enum(['trainee', 'senior', 'lead']);
export type Role = z.output<typeof roleSchema>;

/** Names that are pages under /team/, so no trainee may carry them. */
const RESERVED_USERNAMES = new Set(['assignments', 'export.csv', 'export.xapi.json']);

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'Use 2-32 letters, digits, dots, hyphens or underscores, starting with a letter.')
  .refine((name) => !RESERVED_USERNAMES.has(name), 'That name is the address of a page; choose another.');

/** Who is asking: what every authorization rule is decided on. */
export interface Viewer {
  username: string;
  role: Role;
  team?: string;
}

/** The page each role lands on after logging in. */
export const HOME_BY_ROLE: Record<Role, string> = { trainee: '/train', senior: '/review', lead: '/team' };

/** A trainee sees their own attempts; a lead sees their team's; a senior sees every trainee's (to review and coach). */
export function canSeeTraineeWork(viewer: Viewer, trainee: { username: string; team?: string }): boolean {
  if (viewer.username === trainee.username) return true;
  if (viewer.role === 'senior') return true;
  if (viewer.role === 'lead') return Boolean(viewer.team) && viewer.team === trainee.team;
  return false;
}

/** Seniors and leads may comment on a decision they can see; the trainee may reply on their own. */
export const canComment = (viewer: Viewer, trainee: { username: string; team?: string }): boolean => canSeeTraineeWork(viewer, trainee);

/** Seniors grade written answers and sign trainees off; leads read, but do not grade. */
export const canReview = (viewer: Viewer): boolean => viewer.role === 'senior';

/** Author pages: seniors write and playtest; leads may read. */
export const canReadAuthoring = (viewer: Viewer): boolean => viewer.role === 'senior' || viewer.role === 'lead';
export const canPlaytest = (viewer: Viewer): boolean => viewer.role === 'senior';
/** Only seniors edit scenarios (drafts, the live check); leads read the studio. */
export const canEditScenarios = (viewer: Viewer): boolean => viewer.role === 'senior';

/** Team pages and exports are for leads, and only of their own team. */
export const canLeadTeam = (viewer: Viewer, team: string | undefined): boolean => viewer.role === 'lead' && Boolean(team) && viewer.team === team;

/** Only trainees practise and are assessed; seniors playtest instead. */
export const canTrain = (viewer: Viewer): boolean => viewer.role === 'trainee';
