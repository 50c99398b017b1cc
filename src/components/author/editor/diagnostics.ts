import type { Finding } from '../../../domain/scenario/finding.ts';

/** A finding placed in the text as CodeMirror's lint wants it: offsets, not lines. */
export interface PlacedDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The offset of each line's start in `text` (lines counted from 1, so index 0 is line 1). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/**
 * Each finding at its line and column (both from 1) in `text`, marking the word there (up to the next
 * space or the line's end). A place past the end of a line or the text is kept within it.
 */
export function findingsToDiagnostics(findings: readonly Finding[], text: string): PlacedDiagnostic[] {
  const starts = lineStarts(text);
  return findings.map((finding) => {
    const lineIndex = Math.min(Math.max(finding.line, 1), starts.length) - 1;
    const lineStart = starts[lineIndex] ?? 0;
    const lineEnd = lineIndex + 1 < starts.length ? (starts[lineIndex + 1] as number) - 1 : text.length;
    const from = Math.min(lineStart + Math.max(finding.column, 1) - 1, lineEnd);
    const rest = text.slice(from, lineEnd);
    const word = /^\S+/.exec(rest)?.[0].length ?? 0;
    return { from, to: from + (word || (rest.length ? rest.length : 0)), severity: finding.severity, message: finding.message };
  });
}
