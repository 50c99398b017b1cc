import type { ReloadedFile } from '../scenarios/catalog.ts';
import { AuthoringError } from './authoring-error.ts';
import { checkDraftSize, saveDraft, storeRefusal, type AuthoringDeps, type SaveResult } from './drafts.ts';
import { publishedRevision } from '../../domain/authoring/history-view.ts';
import type { Viewer } from '../../domain/people/roles.ts';

/** Who a `file` history entry names: nobody in the desk wrote it. */
export const ON_DISK = 'file on disk';

/**
 * Records a history entry of kind `file` for every scenario file whose text is neither the revision last
 * published or found on disk, nor (after `atStart`) its draft's, which a publish in progress has just
 * written: a change made with git or an editor. At start no publish is in progress, so a file equal to its
 * draft is a publish a crash cut short, and is recorded. The first reload of a desk without history
 * records every file once, as where its history begins.
 */
export async function recordFileChanges(
  deps: Pick<AuthoringDeps, 'store'>,
  files: readonly ReloadedFile[],
  options: { atStart?: boolean; now?: Date } = {},
): Promise<number> {
  const changed = files.flatMap((file) => {
    // A file whose name cannot name a scenario (capitals, spaces) has no history; the check reports it.
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(file.fileId)) return [];
    const history = deps.store.authoring.history(file.fileId);
    const known = publishedRevision(history);
    if (file.revision === known || (!options.atStart && file.revision === deps.store.authoring.draft(file.fileId)?.revision)) return [];
    const message = known ? 'Changed on disk (with git or an editor).' : history.length ? 'Found on disk.' : 'Found on disk when the history began.';
    return [{ file, message }];
  });
  await Promise.all(changed.map(({ file }) => deps.store.revisions.pin(file.fileId, file.revision, file.text)));
  const at = (options.now ?? new Date()).toISOString();
  await deps.store.authoring.record(
    changed.map(({ file, message }) => ({ scenarioId: file.fileId, kind: 'file' as const, revision: file.revision, by: ON_DISK, at, message })),
  );
  return changed.length;
}

/** Makes a new draft from an earlier revision of the scenario (over the current draft, at the version the page showed). */
export async function restoreRevision(deps: AuthoringDeps, viewer: Viewer, id: string, request: { revision: string; version: number }): Promise<SaveResult> {
  if (!deps.store.authoring.history(id).some((entry) => entry.revision === request.revision))
    throw new AuthoringError(404, `Revision ${request.revision} is not in the history of "${id}". Pick one from the history page.`);
  const text = await deps.store.revisions.read(id, request.revision);
  if (text === undefined) throw new AuthoringError(404, `The text of revision ${request.revision} is not stored, so it cannot be restored.`);
  return saveDraft(deps, viewer, id, { text, version: request.version, message: `Restored revision ${request.revision}.` }, { kind: 'restore' });
}

/** Reads an uploaded file as a draft text: UTF-8 text within the size limit, or a 400/413 that says what is wrong. */
export async function uploadedText(file: FormDataEntryValue | null): Promise<{ text: string; name: string }> {
  if (!file || typeof file === 'string' || file.size === 0)
    throw new AuthoringError(400, 'Choose a YAML file to upload (a .yaml file downloaded from the desk, or written in an editor).');
  if (file.size > 256 * 1024) throw new AuthoringError(413, `${file.name} is larger than 256 KB, the most a draft may hold.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AuthoringError(400, `${file.name} is not UTF-8 text, so it is not a YAML file the desk can read. Save it as UTF-8 and upload it again.`);
  }
  checkDraftSize(text);
  return { text: text.replace(/^\uFEFF/, ''), name: file.name };
}

/** Puts an uploaded file's text into the scenario's draft (a new draft when there is none). */
export async function uploadIntoDraft(
  deps: AuthoringDeps,
  viewer: Viewer,
  id: string,
  upload: { text: string; name: string; version: number; message?: string },
): Promise<SaveResult> {
  return saveDraft(
    deps,
    viewer,
    id,
    { text: upload.text, version: upload.version, message: upload.message?.trim() || `Uploaded ${upload.name}.` },
    { kind: 'upload' },
  );
}

/**
 * Withdraws a published scenario (no new attempt starts; history, attempts under way and debriefs stay)
 * or reinstates it. The catalog follows at once.
 */
export async function setWithdrawn(deps: AuthoringDeps, viewer: Viewer, id: string, withdrawn: boolean, now = new Date()): Promise<void> {
  if (withdrawn && !deps.catalog.current(id)) throw new AuthoringError(404, `"${id}" is not served to trainees, so there is nothing to withdraw.`);
  await deps.store.authoring
    .setWithdrawn(id, withdrawn, {
      scenarioId: id,
      kind: withdrawn ? 'withdraw' : 'reinstate',
      by: viewer.username,
      at: now.toISOString(),
      message: withdrawn ? 'Withdrawn: no new attempts.' : 'Reinstated: new attempts may start again.',
    })
    .catch((error: unknown) => storeRefusal(error, id));
  deps.catalog.setWithdrawn(deps.store.authoring.withdrawn());
}
