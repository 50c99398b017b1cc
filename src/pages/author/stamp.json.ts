import type { APIRoute } from 'astro';
import { getDesk } from '../../server/desk.ts';
import { fileStamp } from '../../server/authoring/author-files.ts';
import { canReadAuthoring } from '../../domain/people/roles.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });

/**
 * `{ stamp }` for the author pages' live refresh: of one file (`?file=<id>`), or of the whole library.
 * Authors only; it says nothing about a scenario's content.
 */
export const GET: APIRoute = async ({ locals, url }) => {
  const user = locals.user;
  if (!user) return json({ error: 'Log in again.' }, 401);
  if (!canReadAuthoring({ username: user.username, role: user.role, team: user.team })) return json({ error: 'Not open to your account.' }, 403);
  const desk = await getDesk();
  const file = url.searchParams.get('file');
  return json({ stamp: file ? fileStamp(desk.catalog, file) : String(desk.catalog.generation) });
};
