import type { APIRoute } from 'astro';
import { getDesk } from '../server/desk.ts';
import { SESSION_COOKIE } from '../server/auth/sessions.ts';

/** Ends the session (POST only, so a link or an image cannot log anyone out). */
export const POST: APIRoute = async ({ cookies, redirect }) => {
  const desk = await getDesk();
  await desk.sessions.destroy(cookies.get(SESSION_COOKIE)?.value);
  cookies.delete(SESSION_COOKIE, { path: '/' });
  return redirect('/login', 303);
};
