// The editor's calls to the server: the draft (GET and PUT /author/<id>/draft.json) and the live check.
import type { Finding } from '../../../domain/scenario/finding.ts';
import type { LiveCheckRequest, LiveCheckResponse } from '../../../domain/authoring/live-check.ts';

/** The draft's state as `GET /author/<id>/draft.json` answers it. */
export interface DraftState {
  id: string;
  text: string;
  version: number;
  status: 'none' | 'editing' | 'in-review' | 'changes-requested';
  updatedBy?: string;
  updatedAt?: string;
  baseRevision?: string;
  publishedRevision?: string;
  reviewRequired: boolean;
}

/** A successful save. */
export interface Saved {
  version: number;
  revision: string;
  updatedBy: string;
  updatedAt: string;
  status: DraftState['status'];
  errors: number;
  warnings: number;
}

/** The draft as it is on the server, when a save found someone had saved since. */
export interface TheirDraft {
  text: string;
  version: number;
  updatedBy?: string;
  updatedAt?: string;
}

export type SaveOutcome =
  { kind: 'saved'; saved: Saved } | { kind: 'conflict'; error: string; current: TheirDraft } | { kind: 'failed'; status: number; error: string };

const draftUrl = (id: string) => `/author/${encodeURIComponent(id)}/draft.json`;
const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** The server's `{ error }`, or a sentence for an answer without one (a proxy's page, a dropped connection). */
async function errorOf(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isRecord(body) && typeof body.error === 'string') return body.error;
  if (response.status === 401) return 'Your session has ended. Log in again in another tab, then try again: your text is kept in this browser.';
  return `The server answered ${response.status} ${response.statusText}. Try again in a moment.`;
}

/** The draft to edit, or why it cannot be loaded. */
export async function loadDraft(id: string): Promise<{ draft: DraftState } | { status: number; error: string }> {
  const response = await fetch(draftUrl(id), { headers: { accept: 'application/json' } }).catch(() => undefined);
  if (!response) return { status: 0, error: 'The server cannot be reached. Check the connection and reload.' };
  if (!response.ok) return { status: response.status, error: await errorOf(response) };
  const body: unknown = await response.json().catch(() => undefined);
  if (!isRecord(body) || typeof body.text !== 'string' || typeof body.version !== 'number')
    return { status: response.status, error: 'The draft came back in a form this page does not read. Reload the page.' };
  return {
    draft: {
      id,
      text: body.text,
      version: body.version,
      status: (body.status as DraftState['status']) ?? 'none',
      updatedBy: typeof body.updatedBy === 'string' ? body.updatedBy : undefined,
      updatedAt: typeof body.updatedAt === 'string' ? body.updatedAt : undefined,
      baseRevision: typeof body.baseRevision === 'string' ? body.baseRevision : undefined,
      publishedRevision: typeof body.publishedRevision === 'string' ? body.publishedRevision : undefined,
      reviewRequired: body.reviewRequired !== false,
    },
  };
}

/** Saves the text over `version`; a stale version comes back as a conflict with the draft as it is now. */
export async function saveDraft(id: string, text: string, version: number, message: string): Promise<SaveOutcome> {
  const response = await fetch(draftUrl(id), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ text, version, ...(message.trim() ? { message: message.trim() } : {}) }),
  }).catch(() => undefined);
  if (!response)
    return { kind: 'failed', status: 0, error: 'The server cannot be reached, so nothing was saved. Your text is kept in this browser; try again.' };
  if (response.status === 409) {
    const body: unknown = await response.json().catch(() => undefined);
    const current = isRecord(body) && isRecord(body.current) ? body.current : undefined;
    if (current && typeof current.text === 'string' && typeof current.version === 'number')
      return {
        kind: 'conflict',
        error: isRecord(body) && typeof body.error === 'string' ? body.error : 'Someone saved this draft after you opened it.',
        current: {
          text: current.text,
          version: current.version,
          updatedBy: typeof current.updatedBy === 'string' ? current.updatedBy : undefined,
          updatedAt: typeof current.updatedAt === 'string' ? current.updatedAt : undefined,
        },
      };
    return { kind: 'failed', status: 409, error: 'Someone saved this draft after you opened it. Reload to see their version.' };
  }
  if (!response.ok) return { kind: 'failed', status: response.status, error: await errorOf(response) };
  const saved = (await response.json().catch(() => undefined)) as Saved | undefined;
  if (!isRecord(saved) || typeof saved.version !== 'number')
    return { kind: 'failed', status: response.status, error: 'The save was answered in a form this page does not read. Reload to see what was saved.' };
  return { kind: 'saved', saved };
}

/** The live check of a text; throws with the server's sentence when it refuses. */
export async function runCheck(request: LiveCheckRequest, signal: AbortSignal): Promise<LiveCheckResponse> {
  const response = await fetch('/author/check.json', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.ok) throw new Error(await errorOf(response));
  const body = (await response.json()) as LiveCheckResponse;
  if (!Array.isArray(body.findings)) throw new Error('The check came back in a form this page does not read. Reload the page.');
  return body;
}

/** Counts of errors and warnings, for the status line and the submit rule. */
export function tally(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}
