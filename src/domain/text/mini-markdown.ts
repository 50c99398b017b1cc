/** Inline runs of text: plain, bold, italic or code. */
export type Inline = { text: string; bold?: boolean; italic?: boolean; code?: boolean; br?: boolean };

export type Block =
  | { kind: 'p'; inlines: Inline[] }
  | { kind: 'h'; inlines: Inline[] }
  | { kind: 'ul' | 'ol'; items: Inline[][] }
  | { kind: 'pre'; text: string }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] };

// An underscore inside a word (order_id) is text, not emphasis, as in CommonMark.
const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\*[^*\s][^*]*\*|(?<!\w)_[^_\s][^_]*_(?!\w))/g;

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

/** Lines of one paragraph join with spaces, as in Markdown; a line ending in two spaces or a backslash breaks. */
const joinLines = (lines: string[]): Inline[] =>
  lines.flatMap((line, index) => {
    const previous = lines[index - 1] ?? '';
    const hardBreak = /( {2}|\\)$/.test(previous);
    const joint = index === 0 ? [] : hardBreak ? [{ text: '', br: true }] : [{ text: ' ' }];
    return [...joint, ...parseInline(line.trim().replace(/\\$/, ''))];
  });

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
const isDivider = (line: string) => /^\s*\|?\s*:?-{2,}/.test(line) && /^[\s|:-]+$/.test(line);

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
    } else if (line.trim().startsWith('|')) {
      flush();
      const rows: string[][] = [];
      for (; index < lines.length && (lines[index] ?? '').trim().startsWith('|'); index++) {
        if (!isDivider(lines[index] ?? '')) rows.push(cells(lines[index] ?? ''));
      }
      index--;
      const [head = [], ...body] = rows;
      blocks.push({ kind: 'table', head: head.map(parseInline), rows: body.map((row) => row.map(parseInline)) });
    } else if (/^\s*[-*]\s+/.test(line) || /^\s*\d+[.)]\s+/.test(line)) {
      flush();
      const ordered = /^\s*\d/.test(line);
      const pattern = ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*]\s+/;
      const items: string[][] = [];
      for (; index < lines.length; index++) {
        const current = lines[index] ?? '';
        if (pattern.test(current)) items.push([current.replace(pattern, '')]);
        // An indented line after an item continues it.
        else if (/^\s{2,}\S/.test(current) && items.length) items.at(-1)?.push(current);
        else break;
      }
      index--;
      blocks.push({ kind: ordered ? 'ol' : 'ul', items: items.map(joinLines) });
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
