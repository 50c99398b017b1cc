import { diffLines } from 'diff';

/** One row of a side-by-side diff: the old line on the left, the new on the right (either may be absent). */
export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added' | 'skipped';
  left?: { number: number; text: string };
  right?: { number: number; text: string };
  /** For a `skipped` row: how many unchanged lines it stands for. */
  skipped?: number;
}

/** The rows of a side-by-side diff, and how many lines were added and removed. */
export interface SideBySide {
  rows: DiffRow[];
  added: number;
  removed: number;
}

const linesOf = (value: string): string[] => {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/**
 * A side-by-side diff of two texts by line (the `diff` package's diffLines): removed lines pair with
 * the added lines that replace them, and runs of unchanged lines longer than `context * 2` are folded
 * into one `skipped` row, keeping `context` lines around each change.
 */
export function sideBySide(before: string, after: string, context = 3): SideBySide {
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  let added = 0;
  let removed = 0;
  const parts = diffLines(before, after);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (!part.added && !part.removed) {
      for (const text of linesOf(part.value)) rows.push({ kind: 'same', left: { number: left++, text }, right: { number: right++, text } });
      continue;
    }
    const next = parts[index + 1];
    const gone = part.removed ? linesOf(part.value) : [];
    const come = part.added ? linesOf(part.value) : next?.added && part.removed ? linesOf(next.value) : [];
    if (part.removed && next?.added) index++;
    removed += gone.length;
    added += come.length;
    for (let line = 0; line < Math.max(gone.length, come.length); line++) {
      const old = gone[line];
      const now = come[line];
      rows.push({
        kind: old !== undefined && now !== undefined ? 'changed' : old !== undefined ? 'removed' : 'added',
        left: old !== undefined ? { number: left++, text: old } : undefined,
        right: now !== undefined ? { number: right++, text: now } : undefined,
      });
    }
  }
  return { rows: fold(rows, context), added, removed };
}

/** Folds long runs of unchanged rows, keeping `context` rows next to each change. */
function fold(rows: DiffRow[], context: number): DiffRow[] {
  const folded: DiffRow[] = [];
  let run: DiffRow[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    const keepBefore = atStart ? 0 : context;
    const keepAfter = atEnd ? 0 : context;
    if (run.length > keepBefore + keepAfter + 1) {
      folded.push(...run.slice(0, keepBefore), { kind: 'skipped', skipped: run.length - keepBefore - keepAfter }, ...run.slice(run.length - keepAfter));
    } else folded.push(...run);
    run = [];
  };
  let seenChange = false;
  for (const row of rows) {
    if (row.kind === 'same') {
      run.push(row);
      continue;
    }
    flush(!seenChange, false);
    seenChange = true;
    folded.push(row);
  }
  flush(!seenChange, true);
  return folded;
}
