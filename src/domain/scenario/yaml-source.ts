import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Finding, UnplacedFinding } from './finding.ts';

/** A YAML text parsed once, able to place any path at its line and column. */
export interface YamlSource {
  data: unknown;
  syntaxErrors: Finding[];
  place(finding: UnplacedFinding): Finding;
  /** Places a finding at the first occurrence of `needle` inside the text at its path (or at the path). */
  placeWithin(finding: UnplacedFinding, needle: string): Finding;
}

/**
 * Parses YAML; syntax errors come back as findings rather than exceptions. js-yaml (ten times faster)
 * reads the data; `yaml`, which keeps positions, parses the text only when a finding must be placed
 * or js-yaml refuses it (see DECISIONS.md).
 */
export function readYaml(text: string): YamlSource {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    return readYamlWithPositions(text);
  }
  let placed: YamlSource | undefined;
  return {
    data,
    syntaxErrors: [],
    place: (finding) => (placed ??= readYamlWithPositions(text)).place(finding),
    placeWithin: (finding, needle) => (placed ??= readYamlWithPositions(text)).placeWithin(finding, needle),
  };
}

function readYamlWithPositions(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntaxErrors: Finding[] = doc.errors.map((error) => ({
    severity: 'error',
    code: 'yaml-syntax',
    path: [],
    message: `YAML syntax: ${yamlErrorWords(error.code, error.message)}`,
    ...position(error.pos[0]),
  }));
  return {
    data: syntaxErrors.length ? undefined : doc.toJS({ maxAliasCount: 100 }),
    syntaxErrors,
    place: (finding) => ({ ...finding, ...position(offsetOf(doc, finding.path)) }),
    placeWithin: (finding, needle) => ({ ...finding, ...position(offsetOf(doc, finding.path, text, needle)) }),
  };
}

function yamlErrorWords(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return `${first}. Each key may appear once in the same block; merge the two or rename one.`;
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return `${first}. Check the indentation: nested keys use the same number of spaces.`;
  return first;
}

/**
 * The offset of the deepest node along `path` that exists: a scalar value, else the key that holds it.
 * With a needle, the offset of the needle inside the scalar's source, when the path reaches one.
 */
function offsetOf(doc: Document, path: readonly (string | number)[], text?: string, needle?: string): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      node = pair.value;
      offset = (isScalar(node) ? rangeStart(node) : rangeStart(pair.key)) ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!node) break;
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  if (text !== undefined && needle && isScalar(node) && node.range) {
    const inside = text.slice(node.range[0], node.range[1]).indexOf(needle);
    if (inside >= 0) return node.range[0] + inside;
  }
  return offset;
}

const rangeStart = (node: unknown): number | undefined => (node as Node | null | undefined)?.range?.[0];
