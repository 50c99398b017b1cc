import type { Draft, HistoryEntry } from '../db/schema.ts';
import { AuthoringError } from './authoring-error.ts';
import { checkDraft, seniorPaths, type DraftCheck } from './draft-check.ts';
import { draftText, publishedFile, type AuthoringDeps } from './drafts.ts';
import { draftAuthor } from './publishing.ts';
import { seniorPathChanges, type SeniorPathChange } from '../../domain/authoring/senior-path-diff.ts';
import { sideBySide, type SideBySide } from '../../domain/authoring/source-diff.ts';
import { shapeHistory, type ShapedHistoryLine } from '../../domain/authoring/history-view.ts';
import { canAuthor, type Viewer } from '../../domain/people/roles.ts';

/** Everything the review page shows of a scenario's draft against what trainees get now. */
export interface ReviewPage {
  id: string;
  title: string;
  draft?: Draft;
  check?: DraftCheck;
  /** The draft's lines, to show each finding in place. */
  lines: string[];
  /** The draft against the file on disk (empty for a new scenario). */
  source?: SideBySide;
  senior: SeniorPathChange[];
  /** True when the draft's file changed on disk since the draft started: publishing would be refused. */
  fileMoved: boolean;
  published: boolean;
  reviewRequired: boolean;
  /** Whether this viewer may approve now, and if not, why. */
  approve: { allowed: boolean; why?: string };
  /** The viewer may submit the draft (it is being edited and has no errors). */
  canSubmit: boolean;
}

/** The review page of scenario `id`: a 404 when it has neither draft nor file nor history. */
export async function reviewPage(deps: AuthoringDeps, viewer: Viewer, id: string): Promise<ReviewPage> {
  const draft = deps.store.authoring.draft(id);
  const onDisk = await publishedFile(deps.catalog, id);
  if (!draft && !onDisk && !deps.store.authoring.history(id).length) throw new AuthoringError(404, `There is no scenario or draft "${id}".`);
  const served = deps.catalog.current(id);
  const reviewRequired = deps.config.DESK_PUBLISH_REVIEW === 'required';
  const base = { id, published: Boolean(onDisk), reviewRequired, fileMoved: false, senior: [], canSubmit: false, lines: [] };
  if (!draft) return { ...base, title: served?.scenario.title ?? id, approve: { allowed: false, why: 'There is no draft to review.' } };
  const text = await draftText(deps.store, draft);
  const check = checkDraft(deps.catalog, id, text);
  const before = served ? new Map(served.variants.map((variant) => [variant.id, variant.senior])) : undefined;
  const author = draftAuthor(draft);
  const why = !canAuthor(viewer)
    ? 'Only senior specialists approve drafts.'
    : draft.status !== 'in-review'
      ? 'The draft has not been submitted for review.'
      : check.errors
        ? 'The draft has check errors; it cannot be published until they are fixed.'
        : reviewRequired && author === viewer.username
          ? 'You submitted this draft: another senior specialist must approve it.'
          : undefined;
  return {
    ...base,
    title: check.scenario?.title ?? served?.scenario.title ?? id,
    draft,
    check,
    lines: text.split(/\r?\n/),
    source: sideBySide(onDisk?.text ?? '', text),
    senior: check.scenario ? seniorPathChanges(before, seniorPaths(check.scenario)) : [],
    fileMoved: onDisk?.revision !== draft.baseRevision,
    approve: { allowed: !why, why },
    canSubmit: canAuthor(viewer) && draft.status !== 'in-review' && !check.errors,
  };
}

/** The history page of scenario `id`: every entry newest first, and the diff of the one selected (the newest with a revision by default). */
export interface HistoryPage {
  id: string;
  title: string;
  lines: ShapedHistoryLine<HistoryEntry>[];
  selected?: { line: ShapedHistoryLine<HistoryEntry>; diff: SideBySide };
  draft?: Draft;
  published: boolean;
  withdrawn: boolean;
}

/** Builds the history page; `entry` picks the line whose diff shows (by its seq). */
export async function historyPage(deps: AuthoringDeps, id: string, entry: number | undefined): Promise<HistoryPage> {
  const entries = deps.store.authoring.history(id);
  const draft = deps.store.authoring.draft(id);
  const onDisk = await publishedFile(deps.catalog, id);
  if (!entries.length && !draft && !onDisk) throw new AuthoringError(404, `There is no scenario or draft "${id}".`);
  const lines = shapeHistory(entries);
  const line = lines.find((candidate) => candidate.entry.seq === entry) ?? lines.find((candidate) => candidate.entry.revision);
  let selected: HistoryPage['selected'];
  if (line?.entry.revision) {
    const after = (await deps.store.revisions.read(id, line.entry.revision)) ?? '';
    const before = line.previous ? ((await deps.store.revisions.read(id, line.previous)) ?? '') : '';
    selected = { line, diff: sideBySide(before, after) };
  }
  return {
    id,
    title: deps.catalog.current(id)?.scenario.title ?? id,
    lines,
    selected,
    draft,
    published: Boolean(onDisk),
    withdrawn: deps.catalog.withdrawnByAuthor(id),
  };
}
