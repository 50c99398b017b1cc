/** Inline runs of text: plain, bold, italic or code. */
export type Inline = { text: string; bold?: boolean; italic?: boolean; code?: boolean; br?: boolean };

export type Block =
  | { kind: 'p'; inlines: Inline[] }
  | { kind: 'h'; inlines: Inline[] }
  | { kind: 'ul' | 'ol'; items: Inline[][] }
  | { kind: 'pre'; text: string };

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|_[^_\s][^_]*_)/g;

/** Splits a line into bold, italic and code runs; everything stays text, so nothing can inject markup. */
export function parseInline(line: string): Inline[] {
  const runs: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) runs.push({ text: line.slice(last, index) });
    const token = match[0];
    if (token.startsWith('**')) runs.push({ text: token.slice(2, -2), bold: true });
    else if (token.startsWith('`')) runs.push({ text: token.slice(1, -1), code: true });
    else runs.push({ text: token.slice(1, -1), italic: true });
    last = index + token.length;
  }
  if (last < line.length) runs.push({ text: line.slice(last) });
  return runs;
}

const joinLines = (lines: string[]): Inline[] =>
  lines.flatMap((line, index) => [...(index ? [{ text: '', br: true }] : []), ...parseInline(line.trim())]);

/**
 * The small Markdown subset case documents use: paragraphs with line breaks, bullet and numbered lists,
 * headings, fenced blocks, bold, italic and code. The output is data for a renderer that escapes it.
 */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'p', inlines: joinLines(paragraph) });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim().startsWith('```')) {
      flush();
      const body: string[] = [];
      while (++index < lines.length && !(lines[index] ?? '').trim().startsWith('```')) body.push(lines[index] ?? '');
      blocks.push({ kind: 'pre', text: body.join('\n') });
    } else if (/^\s*[-*]\s+/.test(line) || /^\s*\d+[.)]\s+/.test(line)) {
      flush();
      const ordered = /^\s*\d/.test(line);
      const pattern = ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*]\s+/;
      const items: Inline[][] = [];
      for (; index < lines.length && pattern.test(lines[index] ?? ''); index++) items.push(parseInline((lines[index] ?? '').replace(pattern, '')));
      index--;
      blocks.push({ kind: ordered ? 'ol' : 'ul', items });
    } else if (/^#{1,6}\s/.test(line)) {
      flush();
      blocks.push({ kind: 'h', inlines: parseInline(line.replace(/^#+\s*/, '')) });
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
