import type { APIRoute } from 'astro';
import { getDesk } from '../../server/desk.ts';
import { liveCheck } from '../../server/authoring/live-check.ts';
import { canAuthor, canReadAuthoring } from '../../domain/people/roles.ts';
import { liveCheckRequestSchema, type LiveCheckRequest, type LiveCheckResponse } from '../../domain/authoring/live-check.ts';
import { MAX_SOURCE_BYTES, utf8Bytes } from '../../domain/authoring/source-limits.ts';
import { mapHtml, previewHtml } from '../../components/author/live-check-html.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });
const refuse = (status: number, error: string) => json({ error }, status);

/**
 * `POST /author/check.json` `{ text, id?, variant?, step? }`: the editor's live check. The same check as
 * `npm run scenarios:check` on one file, then (without errors) the map of the variant asked for and the
 * step asked for as a trainee sees it. Seniors only; nothing is stored.
 */
export const POST: APIRoute = async ({ locals, request }) => {
  const user = locals.user;
  if (!user) return refuse(401, 'Your session has ended. Log in again, then check again.');
  const viewer = { username: user.username, role: user.role, team: user.team };
  if (!canAuthor(viewer))
    return refuse(
      403,
      canReadAuthoring(viewer)
        ? 'Only a senior specialist edits and checks scenarios; team leads read them.'
        : 'The author studio is not open to your account.',
    );
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return refuse(400, 'The body is not JSON. Send {"text": "<the scenario YAML>"}, with "variant" and "step" if you want them.');
  }
  const parsed = liveCheckRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'the body';
    return refuse(
      400,
      `${where}: ${issue?.message ?? 'not understood'}. Send {"text": "<the scenario YAML>"}, with "id", "variant" and "step" as strings if you want them.`,
    );
  }
  if (utf8Bytes(parsed.data.text) > MAX_SOURCE_BYTES)
    return refuse(413, `The scenario is larger than ${MAX_SOURCE_BYTES / 1024} KB. Split it into smaller scenarios, or shorten its documents.`);
  try {
    return json(await checkAndDraw(parsed.data));
  } catch (error) {
    // A text the check passed but the map or preview could not draw: say so, rather than fail the request.
    return refuse(422, `The check could not draw this scenario (${(error as Error).message}). Fix the text, or report it with the scenario attached.`);
  }
};

async function checkAndDraw(request: LiveCheckRequest): Promise<LiveCheckResponse> {
  const desk = await getDesk();
  const checked = liveCheck(desk.catalog, request);
  const shown = checked.shown;
  const id = request.id;
  const variantQuery = shown && checked.variants.length > 1 ? `&variant=${encodeURIComponent(shown.id)}` : '';
  const playFrom = id ? (stepId: string) => `/author/${encodeURIComponent(id)}/playtest?draft=1&from=${encodeURIComponent(stepId)}${variantQuery}` : undefined;
  const steps = shown ? Object.keys(shown.scenario.steps).length : 0;
  const endings = shown ? Object.keys(shown.scenario.endings).length : 0;
  return {
    findings: checked.findings,
    variants: checked.variants,
    variant: shown?.id,
    steps: shown?.stepIds ?? [],
    step: shown?.step,
    mapHtml: shown
      ? await mapHtml(shown.map, `Map of ${shown.scenario.title}: ${steps} steps and ${endings} endings, the senior path highlighted`, playFrom)
      : '',
    previewHtml: shown ? await previewHtml(shown.preview) : '',
  };
}
