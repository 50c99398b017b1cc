import type { APIRoute } from 'astro';
import { authorizeAuthorJson, authoringJsonFailure, json } from '../../../server/http/author-requests.ts';
import { draftJson, readSaveRequest, saveDraft } from '../../../server/authoring/drafts.ts';
import { AuthoringError } from '../../../server/authoring/authoring-error.ts';

// The editor island's draft: GET loads it (or the published file as version 0), PUT saves it at the version loaded.

export const GET: APIRoute = async (context) => {
  const auth = await authorizeAuthorJson(context);
  if (auth instanceof Response) return auth;
  try {
    return json(200, await draftJson(auth.desk, context.params.id ?? ''));
  } catch (error) {
    return authoringJsonFailure(error);
  }
};

export const PUT: APIRoute = async (context) => {
  const auth = await authorizeAuthorJson(context);
  if (auth instanceof Response) return auth;
  try {
    let body: unknown;
    try {
      body = await context.request.json();
    } catch {
      throw new AuthoringError(400, 'The body is not valid JSON. Send {"text": "...", "version": 3} with Content-Type: application/json.');
    }
    return json(200, await saveDraft(auth.desk, auth.viewer, context.params.id ?? '', readSaveRequest(body)));
  } catch (error) {
    return authoringJsonFailure(error);
  }
};
