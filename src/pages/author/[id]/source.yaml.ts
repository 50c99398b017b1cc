import type { APIRoute } from 'astro';
import { authorizeAuthorDownload } from '../../../server/http/author-requests.ts';
import { draftText, publishedFile } from '../../../server/authoring/drafts.ts';

// A scenario's text as a YAML file: the published file, or with ?draft=1 the draft.
export const GET: APIRoute = async (context) => {
  const auth = await authorizeAuthorDownload(context);
  if (auth instanceof Response) return auth;
  const id = context.params.id ?? '';
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(id)) return new Response('No such scenario.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const draft = context.url.searchParams.get('draft') === '1' ? auth.desk.store.authoring.draft(id) : undefined;
  const wanted = context.url.searchParams.get('draft') === '1' ? 'draft' : 'published file';
  const text = draft ? await draftText(auth.desk.store, draft) : wanted === 'published file' ? (await publishedFile(auth.desk.catalog, id))?.text : undefined;
  if (text === undefined)
    return new Response(`There is no ${wanted} of "${id}" to download.`, {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  return new Response(text, {
    headers: {
      'Content-Type': 'application/yaml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}${draft ? '.draft' : ''}.yaml"`,
      'Cache-Control': 'no-store',
    },
  });
};
