import type { AstroGlobal } from 'astro';
import { authorize, forbidden, type Authorized } from './authorize.ts';
import { canLeadTeam } from '../../domain/people/roles.ts';

type PageContext = Pick<AstroGlobal, 'locals' | 'url' | 'redirect' | 'rewrite' | 'response'>;

/** A lead of a team, and the team they lead: what every team page needs. */
export interface AuthorizedLead extends Authorized {
  team: string;
}

/** Team pages: a lead, of a team (a lead without one gets the 403 page, like every other role). */
export async function authorizeLead(page: PageContext): Promise<AuthorizedLead | Response> {
  const auth = await authorize(page, ['lead']);
  if (auth instanceof Response) return auth;
  const team = auth.user.team;
  if (!team || !canLeadTeam(auth.viewer, team)) return forbidden(page);
  return { ...auth, team };
}
