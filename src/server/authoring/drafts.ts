import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DeskConfig } from '../config.ts';
import type { DeskStore } from '../db/desk-store.ts';
import type { Draft, DraftStatus, HistoryKind, NewHistoryEntry } from '../db/schema.ts';
import { revisionOf, type ScenarioCatalog } from '../scenarios/catalog.ts';
import { AuthoringError, type CurrentDraft } from './authoring-error.ts';
import { checkDraft } from './draft-check.ts';
import type { Viewer } from '../../domain/people/roles.ts';

/** The largest draft text the desk keeps (and the editor sends). */
export const MAX_DRAFT_BYTES = 256 * 1024;

/** What the authoring services use. */
export interface AuthoringDeps {
  store: Pick<DeskStore, 'authoring' | 'revisions'>;
  catalog: ScenarioCatalog;
  config: Pick<DeskConfig, 'DESK_PUBLISH_REVIEW'>;
}

/** A scenario file as it is on disk now. */
export interface PublishedFile {
  /** Its full path. */
  file: string;
  text: string;
  revision: string;
}

/** The file a scenario id is published as: the checked file with that name, or `<id>.yaml` in the scenarios folder. */
export function scenarioFilePath(catalog: Pick<ScenarioCatalog, 'paths' | 'checked'>, id: string): string {
  // Only a name that stays inside the folder: an id from an address is the visitor's to choose.
  if (!/^[a-z0-9][a-z0-9_-]{0,99}$/.test(id))
    throw new AuthoringError(404, `There is no scenario "${id.slice(0, 100)}". Scenario ids are lowercase words joined by hyphens.`);
  const checked = catalog.checked.find((file) => path.basename(file.path).replace(/\.ya?ml$/, '') === id);
  return path.join(catalog.paths.scenariosDir, checked ? path.basename(checked.path) : `${id}.yaml`);
}

/** The scenario's file as it is on disk now, or undefined when there is none. */
export async function publishedFile(catalog: Pick<ScenarioCatalog, 'paths' | 'checked'>, id: string): Promise<PublishedFile | undefined> {
  const file = scenarioFilePath(catalog, id);
  try {
    const text = await readFile(file, 'utf8');
    return { file, text, revision: revisionOf(text) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// The store may be another copy of the server code than this one (decision 002): its errors are known by code.
const isStoreConflict = (error: unknown) => (error as { code?: unknown } | null)?.code === 'STORE_CONFLICT';
const isStoreNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === 'STORE_NOT_FOUND';

/** The text of a stored draft (its pinned revision). */
export async function draftText(store: AuthoringDeps['store'], draft: Draft): Promise<string> {
  const text = await store.revisions.read(draft.scenarioId, draft.revision);
  if (text === undefined) throw new Error(`The text of the draft of ${draft.scenarioId} (revision ${draft.revision}) is missing from the revisions store.`);
  return text;
}

/** What `GET /author/<id>/draft.json` answers. */
export interface DraftJson {
  id: string;
  text: string;
  version: number;
  status: 'none' | DraftStatus;
  updatedBy: string | null;
  updatedAt: string | null;
  /** The file's revision the draft started from (none for a scenario never published). */
  baseRevision: string | null;
  /** The revision trainees get now (none when not served). */
  publishedRevision: string | null;
  reviewRequired: boolean;
}

/** The draft of a scenario, or its published file as version 0 when there is no draft; a 404 when there is neither. */
export async function draftJson(deps: AuthoringDeps, id: string): Promise<DraftJson> {
  const draft = deps.store.authoring.draft(id);
  const published = deps.catalog.current(id)?.revision ?? null;
  const reviewRequired = deps.config.DESK_PUBLISH_REVIEW === 'required';
  if (draft) {
    const { version, status, updatedBy, updatedAt } = draft;
    return {
      id,
      text: await draftText(deps.store, draft),
      version,
      status,
      updatedBy,
      updatedAt,
      baseRevision: draft.baseRevision ?? null,
      publishedRevision: published,
      reviewRequired,
    };
  }
  const file = await publishedFile(deps.catalog, id);
  if (!file) throw new AuthoringError(404, `There is no scenario or draft "${id}". Start one from the studio with "New scenario".`);
  const last = deps.store.authoring.history(id).at(-1);
  return {
    id,
    text: file.text,
    version: 0,
    status: 'none',
    updatedBy: last?.by ?? null,
    updatedAt: last?.at ?? null,
    baseRevision: file.revision,
    publishedRevision: published,
    reviewRequired,
  };
}

/** The draft as stored now, for a conflict: the draft, or the file as version 0. */
async function currentDraft(deps: AuthoringDeps, id: string): Promise<CurrentDraft> {
  const draft = deps.store.authoring.draft(id);
  if (draft) return { text: await draftText(deps.store, draft), version: draft.version, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt };
  const file = await publishedFile(deps.catalog, id);
  return { text: file?.text ?? '', version: 0, updatedBy: null, updatedAt: null };
}

/** A save's body, as `PUT /author/<id>/draft.json` takes it. */
export const saveRequestSchema = z.object({
  text: z.string({ error: 'Send the draft as "text", a string.' }),
  version: z.number({ error: 'Send "version", the version you loaded (0 when there was no draft).' }).int().min(0),
  message: z.string().max(500, 'Keep the message to 500 characters.').optional(),
});
export type SaveRequest = z.output<typeof saveRequestSchema>;

/** Reads a save's JSON body; a 400 that names the field when it does not fit. */
export function readSaveRequest(body: unknown): SaveRequest {
  const parsed = saveRequestSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AuthoringError(400, `${issue?.message ?? 'The body does not fit.'} Send {"text": "...", "version": 3, "message": "optional"}.`);
}

/** What a save answers. */
export interface SaveResult {
  version: number;
  revision: string;
  updatedBy: string;
  updatedAt: string;
  status: DraftStatus;
  errors: number;
  warnings: number;
}

/** How a save came about, beyond the text: its history kind, and what a new scenario or a rebase sets. */
export interface SaveOptions {
  kind?: Extract<HistoryKind, 'draft' | 'upload' | 'restore'>;
  /** A new scenario (from /author/new) may have neither draft nor file yet. */
  allowNew?: boolean;
  /** The file revision the draft now starts from (a rebase); otherwise kept, or the file's for a new draft. */
  baseRevision?: string | null;
  now?: Date;
}

const DEFAULT_MESSAGES: Record<NonNullable<SaveOptions['kind']>, string> = {
  draft: 'Saved the draft.',
  upload: 'Uploaded a file into the draft.',
  restore: 'Restored an earlier revision.',
};

/** Refuses a text larger than the desk keeps, or one that is not text. */
export function checkDraftSize(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_DRAFT_BYTES)
    throw new AuthoringError(
      413,
      `The scenario is larger than ${MAX_DRAFT_BYTES / 1024} KB, the most a draft may hold. Split it into two scenarios or shorten its documents.`,
    );
  if (text.includes('\u0000')) throw new AuthoringError(400, 'The text holds a NUL character, so it is not a YAML file. Check that you chose the right file.');
}

/**
 * Saves a draft of scenario `id` at the version the author loaded: a stale version is a 409 carrying the
 * draft as stored now, never an overwrite. A draft with check errors is saved (it cannot be submitted);
 * saving a draft in review takes it back to editing.
 */
export async function saveDraft(deps: AuthoringDeps, viewer: Viewer, id: string, request: SaveRequest, options: SaveOptions = {}): Promise<SaveResult> {
  checkDraftSize(request.text);
  const stored = deps.store.authoring.draft(id);
  const file = stored && options.baseRevision === undefined ? undefined : await publishedFile(deps.catalog, id);
  if (!stored && !file && !options.allowNew)
    throw new AuthoringError(404, `There is no scenario or draft "${id}". Start one from the studio with "New scenario".`);
  const at = (options.now ?? new Date()).toISOString();
  const revision = revisionOf(request.text);
  await deps.store.revisions.pin(id, revision, request.text);
  const kind = options.kind ?? 'draft';
  const baseRevision = options.baseRevision === undefined ? (stored ? stored.baseRevision : file?.revision) : (options.baseRevision ?? undefined);
  const status: DraftStatus = 'editing';
  const draft = {
    scenarioId: id,
    revision,
    status,
    ...(baseRevision ? { baseRevision } : {}),
    createdBy: stored?.createdBy ?? viewer.username,
    createdAt: stored?.createdAt ?? at,
    updatedBy: viewer.username,
    updatedAt: at,
    ...(stored?.reviewComment ? { reviewComment: stored.reviewComment, reviewedBy: stored.reviewedBy } : {}),
  };
  const entry: NewHistoryEntry = { scenarioId: id, kind, revision, by: viewer.username, at, message: request.message?.trim() || DEFAULT_MESSAGES[kind] };
  try {
    const saved = await deps.store.authoring.saveDraft(draft, request.version, entry);
    const check = checkDraft(deps.catalog, id, request.text);
    return {
      version: saved.version,
      revision,
      updatedBy: saved.updatedBy,
      updatedAt: saved.updatedAt,
      status: saved.status,
      errors: check.errors,
      warnings: check.warnings,
    };
  } catch (error) {
    if (!isStoreConflict(error)) throw error;
    const current = await currentDraft(deps, id);
    const who = current.updatedBy ? ` by ${current.updatedBy} at ${current.updatedAt?.slice(0, 16).replace('T', ' ')}` : '';
    throw new AuthoringError(
      409,
      `The draft was saved${who} since you loaded version ${request.version}; it is now version ${current.version}. Nothing of yours was saved: reload theirs, or merge your changes into it and save again.`,
      current,
    );
  }
}

/** A stored draft of `id`, or the 404 that says there is none to act on. */
export function requireDraft(deps: AuthoringDeps, id: string, doing: string): Draft {
  const draft = deps.store.authoring.draft(id);
  if (!draft) throw new AuthoringError(404, `There is no draft of "${id}" to ${doing}. Open the scenario's editor to start one.`);
  return draft;
}

/** Refuses an action on a draft that was saved since the page showing it was loaded. */
export function requireVersion(draft: Draft, version: number | undefined): void {
  if (version !== undefined && version !== draft.version)
    throw new AuthoringError(
      409,
      `The draft changed since you opened this page: it is now version ${draft.version}, saved by ${draft.updatedBy}. Nothing was done; look at the new version first.`,
    );
}

/** Maps a store refusal met in the middle of an action to a 409 or 404 that says what happened. */
export function storeRefusal(error: unknown, id: string): never {
  if (isStoreConflict(error))
    throw new AuthoringError(409, `The draft of "${id}" changed while this was being done. Nothing was changed; reload the page and try again.`);
  if (isStoreNotFound(error)) throw new AuthoringError(404, `The draft of "${id}" is gone (published or discarded meanwhile). Reload the page.`);
  throw error;
}
