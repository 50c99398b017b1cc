import path from 'node:path';
import { writeFileDurable } from '../store/durable-write.ts';
import type { Draft } from '../db/schema.ts';
import { AuthoringError } from './authoring-error.ts';
import { checkDraft } from './draft-check.ts';
import { draftText, publishedFile, requireDraft, requireVersion, saveDraft, scenarioFilePath, storeRefusal, type AuthoringDeps } from './drafts.ts';
import type { Viewer } from '../../domain/people/roles.ts';
import { formatFinding } from '../../domain/scenario/finding.ts';

/** Where a submit or review ends up, for the page to redirect to or show. */
export type PublishOutcome = 'submitted' | 'published' | 'changes-requested';

/** Refuses a draft text with check errors, naming the first. */
function refuseErrors(deps: AuthoringDeps, id: string, text: string, doing: string): void {
  const check = checkDraft(deps.catalog, id, text);
  if (!check.errors) return;
  const first = check.findings.find((finding) => finding.severity === 'error');
  throw new AuthoringError(
    400,
    `The draft has ${check.errors} error${check.errors === 1 ? '' : 's'}, so it cannot be ${doing}. Fix ${check.errors === 1 ? 'it' : 'them'} in the editor first${first ? `; the first is ${formatFinding(`${id}.yaml`, first)}` : ''}.`,
  );
}

/**
 * Writes the draft into the scenarios folder durably and reloads the catalog: new attempts get the new
 * revision, attempts under way keep the one they pinned. Refused (409, nothing written) when the file on
 * disk is not the one the draft started from: someone changed it with git or an editor meanwhile.
 */
async function publish(
  deps: AuthoringDeps,
  draft: Draft,
  text: string,
  record: { by: string; approvedBy?: string; message: string },
  now: Date,
): Promise<void> {
  const id = draft.scenarioId;
  const onDisk = await publishedFile(deps.catalog, id);
  if (onDisk?.revision !== draft.baseRevision) {
    const where = path.basename(scenarioFilePath(deps.catalog, id));
    const what = !onDisk ? `was removed from disk` : draft.baseRevision ? `changed on disk` : `appeared on disk`;
    throw new AuthoringError(
      409,
      `The file ${where} ${what} since this draft started (with git or an editor), so publishing would undo that change. Nothing was published. On the history page, start again from the file on disk, or keep your draft and publish it over the file knowingly.`,
    );
  }
  await writeFileDurable(scenarioFilePath(deps.catalog, id), text);
  const selfPublished = !record.approvedBy;
  await deps.store.authoring
    .removeDraft(id, draft.version, {
      scenarioId: id,
      kind: 'publish',
      revision: draft.revision,
      by: record.by,
      at: now.toISOString(),
      message: record.message,
      ...(record.approvedBy ? { approvedBy: record.approvedBy } : { selfPublished }),
    })
    .catch((error: unknown) => storeRefusal(error, id));
  await deps.catalog.reload();
}

/** A submit as the form sends it. */
export interface SubmitRequest {
  /** The draft version the author saw; unset skips the check. */
  version?: number;
  /** `publish`: publish at once, where the setting lets an author publish alone. */
  intent: 'submit' | 'publish';
  message?: string;
}

/**
 * Sends a draft for review by another senior, or publishes it at once when `intent` is publish and
 * DESK_PUBLISH_REVIEW is `self`. A draft with check errors is refused.
 */
export async function submitDraft(deps: AuthoringDeps, viewer: Viewer, id: string, request: SubmitRequest, now = new Date()): Promise<PublishOutcome> {
  const draft = requireDraft(deps, id, 'submit');
  requireVersion(draft, request.version);
  const text = await draftText(deps.store, draft);
  refuseErrors(deps, id, text, request.intent === 'publish' ? 'published' : 'submitted');
  if (request.intent === 'publish') {
    if (deps.config.DESK_PUBLISH_REVIEW !== 'self')
      throw new AuthoringError(403, 'Publishing here needs a second senior to approve the draft (DESK_PUBLISH_REVIEW=required). Submit it for review instead.');
    await publish(deps, draft, text, { by: viewer.username, message: request.message?.trim() || 'Published by its author.' }, now);
    return 'published';
  }
  if (draft.status === 'in-review') return 'submitted';
  await deps.store.authoring
    .reviewDraft(
      id,
      draft.version,
      { status: 'in-review', submittedBy: viewer.username, submittedAt: now.toISOString(), reviewComment: undefined, reviewedBy: undefined },
      {
        scenarioId: id,
        kind: 'submit',
        revision: draft.revision,
        by: viewer.username,
        at: now.toISOString(),
        message: request.message?.trim() || 'Submitted for review.',
      },
    )
    .catch((error: unknown) => storeRefusal(error, id));
  return 'submitted';
}

/** A reviewer's decision as the review form sends it. */
export interface ReviewRequest {
  decision: 'approve' | 'changes';
  version: number;
  comment: string;
}

/** Whose draft this is, for the rule that no one approves their own: who submitted it, else who last saved it. */
export const draftAuthor = (draft: Draft): string => draft.submittedBy ?? draft.updatedBy;

/**
 * A second senior's decision on a draft in review: approve (which publishes it) or ask for changes with a
 * comment. Where review is required, the draft's author cannot approve it.
 */
export async function reviewDraft(deps: AuthoringDeps, viewer: Viewer, id: string, request: ReviewRequest, now = new Date()): Promise<PublishOutcome> {
  const draft = requireDraft(deps, id, 'review');
  requireVersion(draft, request.version);
  if (draft.status !== 'in-review')
    throw new AuthoringError(409, `This draft is not waiting for review (it is ${draft.status.replace('-', ' ')}). Nothing was done.`);
  const comment = request.comment.trim();
  if (comment.length > 4000) throw new AuthoringError(400, 'Keep the comment to 4,000 characters.');
  if (request.decision === 'changes') {
    if (!comment) throw new AuthoringError(400, 'Say what should change: write a comment for the author before asking for changes.');
    await deps.store.authoring
      .reviewDraft(
        id,
        draft.version,
        { status: 'changes-requested', reviewComment: comment, reviewedBy: viewer.username },
        { scenarioId: id, kind: 'changes-requested', revision: draft.revision, by: viewer.username, at: now.toISOString(), message: comment },
      )
      .catch((error: unknown) => storeRefusal(error, id));
    return 'changes-requested';
  }
  const author = draftAuthor(draft);
  const required = deps.config.DESK_PUBLISH_REVIEW === 'required';
  if (required && author === viewer.username)
    throw new AuthoringError(403, 'You submitted this draft, so another senior specialist must approve it. Ask a colleague to open this review page.');
  const text = await draftText(deps.store, draft);
  refuseErrors(deps, id, text, 'published');
  const message = comment || `Approved by ${viewer.username}.`;
  // An author approving their own draft (only where review is optional) is a self-publish.
  await publish(deps, draft, text, { by: author, approvedBy: author === viewer.username ? undefined : viewer.username, message }, now);
  return 'published';
}

/**
 * After a publish was refused for a file changed on disk: start the draft again from the file (`keep`
 * false; the earlier draft text stays in the history), or keep the draft and take the file as its new base,
 * so the next publish goes over it knowingly.
 */
export async function rebaseDraft(
  deps: AuthoringDeps,
  viewer: Viewer,
  id: string,
  request: { version: number; keep: boolean },
  now = new Date(),
): Promise<void> {
  const draft = requireDraft(deps, id, 'start again');
  requireVersion(draft, request.version);
  const onDisk = await publishedFile(deps.catalog, id);
  if (!request.keep && !onDisk) throw new AuthoringError(404, `There is no file for "${id}" on disk to start from. Keep your draft instead.`);
  const text = request.keep || !onDisk ? await draftText(deps.store, draft) : onDisk.text;
  const message = request.keep
    ? 'Kept the draft over the file as changed on disk; publishing it replaces that change.'
    : 'Started again from the file on disk; the earlier draft is in the history.';
  await saveDraft(deps, viewer, id, { text, version: draft.version, message }, { baseRevision: onDisk?.revision ?? null, now });
}

/** Throws away a draft; its text stays in the history, from where it can be restored. */
export async function discardDraft(deps: AuthoringDeps, viewer: Viewer, id: string, version: number, now = new Date()): Promise<void> {
  const draft = requireDraft(deps, id, 'discard');
  requireVersion(draft, version);
  await deps.store.authoring
    .removeDraft(id, draft.version, {
      scenarioId: id,
      kind: 'discard',
      revision: draft.revision,
      by: viewer.username,
      at: now.toISOString(),
      message: 'Discarded the draft.',
    })
    .catch((error: unknown) => storeRefusal(error, id));
}
