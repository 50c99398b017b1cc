import type { APIContext, AstroGlobal } from 'astro';
import { getDesk } from '../desk.ts';
import { authorize, forbidden, type Authorized } from './authorize.ts';
import { isAuthoringError } from '../authoring/authoring-error.ts';
import { canAuthor, canReadAuthoring, type Viewer } from '../../domain/people/roles.ts';

const noStore = { 'Cache-Control': 'no-store' };

/** A JSON answer; every refusal is `{ "error": "..." }` plus what else the caller needs. */
export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...noStore } });

/** The editor's JSON endpoints: a senior, or 401/403 as JSON (never the login page: a script cannot follow it). */
export async function authorizeAuthorJson(context: Pick<APIContext, 'locals'>): Promise<Authorized | Response> {
  const user = context.locals.user;
  if (!user) return json(401, { error: 'Your session has ended. Log in again in another tab, then save again; your text is kept in this page.' });
  const viewer: Viewer = { username: user.username, role: user.role, team: user.team };
  if (!canAuthor(viewer)) return json(403, { error: 'Only senior specialists edit scenarios.' });
  return { desk: await getDesk(), user, viewer };
}

/** A refused authoring request as JSON with its status; anything else is rethrown. */
export function authoringJsonFailure(error: unknown): Response {
  if (!isAuthoringError(error)) throw error;
  return json(error.status, error.current ? { error: error.message, current: error.current } : { error: error.message });
}

/** A download from the studio: a senior or lead; no session goes to the login page and back. */
export async function authorizeAuthorDownload(context: Pick<APIContext, 'locals' | 'url' | 'redirect'>): Promise<Authorized | Response> {
  const user = context.locals.user;
  if (!user) return context.redirect(`/login?next=${encodeURIComponent(context.url.pathname + context.url.search)}`, 303);
  const viewer: Viewer = { username: user.username, role: user.role, team: user.team };
  if (!canReadAuthoring(viewer))
    return new Response('Only senior specialists and leads read scenario sources.', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return { desk: await getDesk(), user, viewer };
}

type PageContext = Pick<AstroGlobal, 'locals' | 'url' | 'redirect' | 'rewrite' | 'response' | 'request'>;

/** A studio form page's visitor, and the refusal of the form they just posted. */
export interface AuthorizedAuthorForm extends Authorized {
  error?: string;
  /** What was posted, to fill the form again after a refusal. */
  form?: FormData;
}

/**
 * A studio page with forms: seniors and leads read (or only seniors, with `may`); a POST is a senior's, and
 * `post` handles it, resolving with where to go next. A refusal (AuthoringError) keeps the page, with its status and message.
 */
export async function authorizeAuthorForm(
  page: PageContext,
  post: (auth: Authorized, form: FormData) => Promise<string>,
  may: (viewer: Viewer) => boolean = canReadAuthoring,
): Promise<AuthorizedAuthorForm | Response> {
  const auth = await authorize(page, ['senior', 'lead']);
  if (auth instanceof Response) return auth;
  if (!may(auth.viewer)) return forbidden(page);
  if (page.request.method !== 'POST') return auth;
  if (!canAuthor(auth.viewer)) return forbidden(page);
  const form = await page.request.formData().catch(() => new FormData());
  try {
    return page.redirect(await post(auth, form), 303);
  } catch (failure) {
    if (!isAuthoringError(failure)) throw failure;
    page.response.status = failure.status;
    return { ...auth, error: failure.message, form };
  }
}

/** A whole number from a form field; undefined when it is missing or not one. */
export function formNumber(form: FormData, name: string): number | undefined {
  const value = form.get(name);
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

/** A text field of a form, or '' when it is missing. */
export const formText = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
