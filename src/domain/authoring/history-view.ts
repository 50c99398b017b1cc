/** The parts of a history entry the history page shapes (the store's entry has these and more). */
export interface HistoryLine {
  seq: number;
  kind: string;
  revision?: string;
  by: string;
  at: string;
  message: string;
  approvedBy?: string;
  selfPublished?: boolean;
}

/** A history line as the page lists it: what it means in words, and the revision its diff compares against. */
export interface ShapedHistoryLine<T extends HistoryLine> {
  entry: T;
  /** A short phrase for the kind: "Published", "Draft saved", ... */
  label: string;
  /** The revision before this one (the nearest earlier line that has a different revision), for the diff. */
  previous?: string;
  /** True for lines whose revision is something trainees got (a publish, or a file changed on disk). */
  published: boolean;
}

const LABELS: Record<string, string> = {
  draft: 'Draft saved',
  upload: 'File uploaded into the draft',
  restore: 'Restored into a draft',
  submit: 'Submitted for review',
  'changes-requested': 'Changes requested',
  publish: 'Published',
  file: 'Changed on disk',
  withdraw: 'Withdrawn',
  reinstate: 'Reinstated',
  discard: 'Draft discarded',
};

/** Words for a history kind. */
export const historyLabel = (kind: string): string => LABELS[kind] ?? kind;

/** True for kinds whose revision reached trainees. */
export const isPublishedKind = (kind: string): boolean => kind === 'publish' || kind === 'file';

/**
 * A scenario's history, newest first, each line with the revision to diff it against: for a published
 * line the published revision before it, for any other the revision of the line before it.
 */
export function shapeHistory<T extends HistoryLine>(entries: readonly T[]): ShapedHistoryLine<T>[] {
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  const shaped = ordered.map((entry, index) => {
    const published = isPublishedKind(entry.kind);
    const earlier = ordered.slice(0, index).reverse();
    const before = earlier.find((line) => line.revision && line.revision !== entry.revision && (!published || isPublishedKind(line.kind)));
    return { entry, label: historyLabel(entry.kind), previous: entry.revision ? before?.revision : undefined, published };
  });
  return shaped.reverse();
}

/** The revision trainees get now: the latest publish or file change; undefined when none is recorded. */
export function publishedRevision(entries: readonly HistoryLine[]): string | undefined {
  return [...entries].sort((a, b) => b.seq - a.seq).find((entry) => isPublishedKind(entry.kind))?.revision;
}
