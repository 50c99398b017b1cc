import type { AstroGlobal } from 'astro';
import { authorize, forbidden, type Authorized } from './authorize.ts';
import type { Desk } from '../desk.ts';
import { MentoringError, statusOf } from '../mentoring/mentoring-error.ts';
import { canReview, type Viewer } from '../../domain/people/roles.ts';

type PageContext = Pick<AstroGlobal, 'locals' | 'url' | 'redirect' | 'rewrite' | 'response' | 'request'>;

/** A review page's visitor: whether they grade and sign off, and the refusal of a form they just posted. */
export interface AuthorizedReviewer extends Authorized {
  /** A senior: grades and signs off. A lead only reads their team's. */
  grader: boolean;
  error?: string;
}

/**
 * The review pages' opening: seniors and leads read; a POST is a senior's only, and `post` handles it,
 * resolving with where to go next. A refusal (MentoringError) keeps the page, with its status and message.
 */
export async function authorizeReviewer(
  page: PageContext,
  post: (desk: Desk, viewer: Viewer, form: FormData) => Promise<string>,
): Promise<AuthorizedReviewer | Response> {
  const auth = await authorize(page, ['senior', 'lead']);
  if (auth instanceof Response) return auth;
  const grader = canReview(auth.viewer);
  if (page.request.method !== 'POST') return { ...auth, grader };
  if (!grader) return forbidden(page);
  const form = await page.request.formData().catch(() => new FormData());
  try {
    return page.redirect(await post(auth.desk, auth.viewer, form), 303);
  } catch (failure) {
    if (!(failure instanceof MentoringError)) throw failure;
    page.response.status = statusOf(failure);
    return { ...auth, grader, error: failure.message };
  }
}
