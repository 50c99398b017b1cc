import { isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type ToStringOptions } from 'yaml';
import { keepUntouched } from './line-merge.ts';

/** Keys and list indexes from the top of the file, as in a finding's `path`. */
export type DocPath = readonly (string | number)[];

/** One change the structured editor makes to a scenario file. */
export type DocumentEdit =
  /** Sets the value at `path` (creating the maps on the way); `undefined` removes the key. */
  | { kind: 'set'; path: DocPath; value: unknown }
  /** Adds an item to the list at `path` (at the end, or before index `at`), creating the list when it is missing. */
  | { kind: 'append'; path: DocPath; value: unknown; at?: number }
  /** Removes the key or list item at `path`. */
  | { kind: 'remove'; path: DocPath }
  /** Renames the key at `path` (a step, an ending, a value), keeping its place and its comments. */
  | { kind: 'rename'; path: DocPath; to: string }
  /** Moves the list item at `path` one place up (-1) or down (1). */
  | { kind: 'move'; path: DocPath; by: -1 | 1 };

/** An edit that cannot be made as asked (the message says why and what to do). */
export class EditError extends Error {}

/** How the YAML library prints a document: never refold long lines, `{ a: 1 }` as authors write it. */
const PRINT: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true, indentSeq: true };

/** The text parsed as an editable YAML document; `errors` holds the parser's messages when it does not parse. */
export function openScenarioDocument(text: string): { doc: Document; errors: string[] } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  return { doc, errors: doc.errors.map((error) => error.message.split('\n')[0] ?? error.message) };
}

/** True when the document's top level is a set of `key: value` lines (the only shape the form can show). */
export const isMappingDocument = (doc: Document): boolean => isMap(doc.contents);

/**
 * Applies one edit to a scenario's text. The document is edited through the YAML library (so comments and
 * the style of the nodes it keeps survive), and every line the edit does not reach is kept exactly as the
 * author wrote it. `parsed`, when given, must be the document `readFormModel` read from this same text.
 * Throws an `EditError` when the text does not parse or the edit cannot be made.
 */
export function applyEdit(text: string, edit: DocumentEdit, parsed?: Document): string {
  const crlf = text.includes('\r\n');
  const original = crlf ? text.replace(/\r\n/g, '\n') : text;
  // A document already parsed from this very text (the form's) is copied, never changed: parsing costs most.
  const { doc, errors } = parsed && !parsed.errors.length && !crlf ? { doc: parsed.clone(), errors: [] } : openScenarioDocument(original);
  if (errors.length) throw new EditError(`The YAML does not parse (${errors[0]}). Fix it in the Source view first.`);
  const before = doc.toString(PRINT);
  editDocument(doc, edit);
  const merged = keepUntouched(original, before, doc.toString(PRINT));
  return crlf ? merged.replace(/\n/g, '\r\n') : merged;
}

function editDocument(doc: Document, edit: DocumentEdit): void {
  switch (edit.kind) {
    case 'set':
      return edit.value === undefined ? void doc.deleteIn(edit.path) : setValue(doc, edit.path, edit.value);
    case 'append':
      return appendItem(doc, edit.path, edit.value, edit.at);
    case 'remove':
      if (!doc.hasIn(edit.path)) throw new EditError(`Nothing to remove at ${edit.path.join('.')}.`);
      doc.deleteIn(edit.path);
      return;
    case 'rename':
      return renameKey(doc, edit.path, edit.to);
    case 'move':
      return moveItem(doc, edit.path, edit.by);
  }
}

/** Small maps the library writes on one line. */
const FLOW_MAPS = new Set(['effect', 'when']);

const isScalarValue = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);
const isBlockScalar = (node: Scalar) => node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;

function setValue(doc: Document, path: DocPath, value: unknown): void {
  const node = doc.getIn(path, true);
  if (isScalar(node) && isScalarValue(value)) {
    // A block text keeps its final line break, so `|` stays `|` while the author edits the lines above it.
    const keepsBreak = isBlockScalar(node) && typeof node.value === 'string' && node.value.endsWith('\n');
    node.value = typeof value === 'string' && keepsBreak && !value.endsWith('\n') ? `${value}\n` : value;
    if (typeof value === 'string' && value.includes('\n') && !isBlockScalar(node)) node.type = Scalar.BLOCK_LITERAL;
    // Quotes go when the new text no longer needs them (the printer adds them back where it does), so a
    // space typed at the end of a word does not leave the field quoted for good.
    else if (typeof value === 'string' && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) node.type = Scalar.PLAIN;
    return;
  }
  const parent = path.slice(0, -1);
  if (isScalarValue(value) && node === undefined && FLOW_MAPS.has(String(parent.at(-1))) && !doc.hasIn(parent)) {
    // A new `effect` or `when` is written `{ minutes: 5 }`, as the library's files do.
    doc.setIn(parent, doc.createNode({ [String(path.at(-1))]: value }, { flow: true }));
    return;
  }
  const flow = Array.isArray(value) && value.every(isScalarValue) && (!isCollection(node) || node.flow === true);
  const created = doc.createNode(value, { flow });
  if (isScalar(created) && typeof value === 'string' && value.includes('\n')) created.type = Scalar.BLOCK_LITERAL;
  doc.setIn(path, created);
}

function appendItem(doc: Document, path: DocPath, value: unknown, at?: number): void {
  const list = doc.getIn(path, true);
  if (list === undefined || (isScalar(list) && list.value === null)) {
    doc.setIn(path, doc.createNode([value]));
    return;
  }
  if (!isSeq(list)) throw new EditError(`${path.join('.')} is not a list. Change it in the Source view.`);
  // A new item looks like its neighbours: `- { sku: ... }` after flow items, a block after block items.
  const neighbour = list.items.at(-1);
  const flow = list.flow === true || (isCollection(neighbour) && neighbour.flow === true);
  const node = doc.createNode(value, { flow });
  if (at === undefined || at >= list.items.length) list.items.push(node);
  else list.items.splice(Math.max(0, at), 0, node);
}

function renameKey(doc: Document, path: DocPath, to: string): void {
  const holder = doc.getIn(path.slice(0, -1), true);
  const key = path.at(-1);
  if (!isMap(holder)) throw new EditError(`${path.slice(0, -1).join('.')} is not a set of keys. Change it in the Source view.`);
  if (key === to) return;
  if (!to) throw new EditError('A key cannot be empty. Type a new name.');
  const pairs = holder.items;
  const keyOf = (pair: (typeof pairs)[number]) => (isScalar(pair.key) ? pair.key.value : pair.key);
  if (pairs.some((pair) => keyOf(pair) === to)) throw new EditError(`"${to}" is already used here. Choose another name.`);
  const pair = pairs.find((item) => keyOf(item) === key);
  if (!pair) throw new EditError(`Nothing is called "${String(key)}" here.`);
  if (isScalar(pair.key)) pair.key.value = to;
  else pair.key = doc.createNode(to);
}

function moveItem(doc: Document, path: DocPath, by: -1 | 1): void {
  const list = doc.getIn(path.slice(0, -1), true);
  const index = path.at(-1);
  if (!isSeq(list) || typeof index !== 'number') throw new EditError(`${path.join('.')} is not an item of a list.`);
  const target = index + by;
  if (index < 0 || index >= list.items.length || target < 0 || target >= list.items.length) return;
  const [item] = list.items.splice(index, 1);
  list.items.splice(target, 0, item);
}

/** What the structured editor reads from a scenario's text: its data, or why the form cannot show it. */
export type FormModel = { ok: true; data: Record<string, unknown>; doc: Document } | { ok: false; problem: string };

/** Reads a scenario's text for the form: the data as plain values, or the reason it cannot be shown as one. */
export function readFormModel(text: string): FormModel {
  const { doc, errors } = openScenarioDocument(text);
  if (errors.length) return { ok: false, problem: `The YAML does not parse: ${errors[0]}` };
  if (!isMappingDocument(doc)) return { ok: false, problem: 'The file is not a set of "key: value" lines at the top level (it is empty or a list).' };
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>, doc };
}
