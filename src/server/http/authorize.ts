import type { AstroGlobal } from 'astro';
import { getDesk, type Desk } from '../desk.ts';
import type { User } from '../db/schema.ts';
import type { Role, Viewer } from '../../domain/people/roles.ts';

export interface Authorized {
  desk: Desk;
  user: User;
  viewer: Viewer;
}

type PageContext = Pick<AstroGlobal, 'locals' | 'url' | 'redirect' | 'rewrite' | 'response'>;

/**
 * Deny by default: the page's own check, done in the page itself. No session sends the visitor to the
 * login page (coming back afterwards); a role that may not see the page gets the 403 page.
 */
export async function authorize(page: PageContext, roles: readonly Role[]): Promise<Authorized | Response> {
  const user = page.locals.user;
  if (!user) return page.redirect(`/login?next=${encodeURIComponent(page.url.pathname + page.url.search)}`, 303);
  if (!roles.includes(user.role)) return forbidden(page);
  return { desk: await getDesk(), user, viewer: { username: user.username, role: user.role, team: user.team } };
}

/** The 403 page, with its status. */
export function forbidden(page: Pick<AstroGlobal, 'rewrite' | 'response'>): Promise<Response> {
  page.response.status = 403;
  return page.rewrite('/403');
}

/** The 404 page, with its status. */
export function notFound(page: Pick<AstroGlobal, 'rewrite' | 'response'>): Promise<Response> {
  page.response.status = 404;
  return page.rewrite('/404');
}
