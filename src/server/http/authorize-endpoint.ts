import type { APIContext } from 'astro';
import { getDesk } from '../desk.ts';
import { canLeadTeam } from '../../domain/people/roles.ts';
import type { AuthorizedLead } from './authorize-lead.ts';

const text = (status: number, message: string) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Team endpoints (exports): the team's lead, or a plain 403; no session goes to the login page and back. */
export async function authorizeLeadEndpoint(context: Pick<APIContext, 'locals' | 'url' | 'redirect'>): Promise<AuthorizedLead | Response> {
  const user = context.locals.user;
  if (!user) return context.redirect(`/login?next=${encodeURIComponent(context.url.pathname)}`, 303);
  const viewer = { username: user.username, role: user.role, team: user.team };
  if (user.role !== 'lead' || !user.team || !canLeadTeam(viewer, user.team)) return text(403, 'Only a team lead can download the team exports.');
  return { desk: await getDesk(), user, viewer, team: user.team };
}
