import type { Finding } from '../scenario/finding.ts';
import type { DocPath } from './scenario-edit.ts';

/**
 * What the structured editor shows for each part of a scenario file: one entry per key, in the order the
 * format's reference (scenarios/FORMAT.md) lists them. The component renders these; the rules for reading
 * and writing a field's value live here, so they are tested without a browser.
 */
export type FieldKind = 'text' | 'long' | 'number' | 'choice' | 'flag' | 'ids';

export interface FieldSpec {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** For `choice`: the values offered. */
  choices?: readonly (string | number | boolean)[];
  /** A short example or rule shown under the field. */
  help?: string;
  /** Which ids of this file the field suggests (a `<datalist>`). */
  suggest?: 'targets' | 'documents' | 'steps';
}

const field = (key: string, label: string, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({ key, label, kind, ...extra });
const required = { required: true } as const;

export const ABOUT_FIELDS: readonly FieldSpec[] = [
  field('title', 'Title', 'text', required),
  field('summary', 'Summary', 'long', { ...required, help: 'One or two sentences for the catalog.' }),
  field('category', 'Category', 'text', { ...required, help: 'A category id from taxonomy.yaml, such as credit-limit.' }),
  field('level', 'Level', 'choice', { ...required, choices: [1, 2, 3], help: '1 foundation, 2 practitioner, 3 senior desk.' }),
  field('estimatedMinutes', 'Estimated minutes', 'number', { ...required, help: 'Real minutes a trainee needs, 1 to 240.' }),
  field('author', 'Author', 'text'),
  field('start', 'First step', 'text', { ...required, suggest: 'steps' }),
  field('competencies', 'Competencies', 'ids', { help: 'Competency ids, separated by commas.' }),
  field('playbooks', 'Playbooks', 'ids', { help: 'Playbook slugs, separated by commas.' }),
];

export const SETTING_FIELDS: readonly FieldSpec[] = [
  field('clock', 'Clock at the start', 'text', { ...required, help: 'Local time, written 2026-03-30T13:55.' }),
  field('deadline', 'Deadline', 'text', { help: 'Same form as the clock, after it.' }),
  field('sentiment', 'Customer sentiment at the start', 'number', { ...required, help: '0 to 100.' }),
];

export const ORDER_FIELDS: readonly FieldSpec[] = [
  field('number', 'Order number', 'text', required),
  field('po', 'PO number', 'text'),
  field('channel', 'Channel', 'text'),
  field('total', 'Order total', 'number'),
  field('currency', 'Currency', 'text', { help: 'USD when left empty.' }),
  field('terms', 'Payment terms', 'text'),
  field('requestedShip', 'Requested ship date', 'text'),
];

export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  field('name', 'Customer name', 'text', required),
  field('account', 'Account', 'text'),
  field('tier', 'Tier', 'text'),
  field('creditLimit', 'Credit limit', 'number'),
  field('exposure', 'Exposure', 'number'),
  field('accountManager', 'Account manager', 'text'),
];

export const LINE_COLUMNS: readonly FieldSpec[] = [
  field('line', 'Line', 'number'),
  field('sku', 'SKU', 'text', required),
  field('description', 'Description', 'text', required),
  field('qty', 'Qty', 'number', required),
  field('uom', 'UoM', 'text', required),
  field('price', 'Price', 'number', required),
  field('available', 'Available', 'number'),
  field('status', 'Status', 'text'),
  field('note', 'Note', 'text'),
];

export const HOLD_FIELDS: readonly FieldSpec[] = [
  field('code', 'Hold code', 'text', required),
  field('source', 'Raised by', 'text', required),
  field('raised', 'Raised at', 'text', { ...required, help: '2026-03-30T13:41 or a date alone.' }),
  field('level', 'Level', 'choice', { choices: ['header', 'line'] }),
  field('message', 'Message', 'long', required),
];

export const DOCUMENT_FIELDS: readonly FieldSpec[] = [
  field('id', 'Document id', 'text', required),
  field('kind', 'Kind', 'choice', { ...required, choices: ['email', 'note', 'log', 'call'] }),
  field('from', 'From', 'text', required),
  field('subject', 'Subject', 'text'),
  field('sent', 'Sent', 'text', { help: '2026-03-30T09:12 or a date alone.' }),
  field('hidden', 'Hidden until a step or option reveals it', 'flag'),
  field('body', 'Body', 'long', required),
];

export const STEP_KINDS = ['choose', 'choose-many', 'rank', 'write'] as const;
export type StepKindName = (typeof STEP_KINDS)[number];

export const STEP_FIELDS: readonly FieldSpec[] = [
  field('prompt', 'Prompt', 'long', required),
  field('hint', 'Hint', 'long', { help: 'Expected on every step of a level 1 or 2 scenario.' }),
  field('reveal', 'Reveals on arrival', 'ids', { suggest: 'documents', help: 'Document ids, separated by commas.' }),
];

export const VERDICTS = ['best', 'good', 'weak', 'wrong', 'critical'] as const;

export const CHOOSE_OPTION_FIELDS: readonly FieldSpec[] = [
  field('id', 'Option id', 'text', required),
  field('text', 'Text', 'long', required),
  field('verdict', 'Verdict', 'choice', { ...required, choices: VERDICTS }),
  field('why', 'Why', 'long'),
  field('route', 'Route', 'text', { help: 'A route id, such as self or senior.' }),
  field('reveal', 'Reveals', 'ids', { suggest: 'documents' }),
];

export const MANY_OPTION_FIELDS: readonly FieldSpec[] = [
  field('id', 'Option id', 'text', required),
  field('text', 'Text', 'long', required),
  field('route', 'Route', 'text'),
  field('critical', 'Critical: choosing it breaks a control', 'flag'),
  field('why', 'Why', 'long'),
];

export const RANK_ITEM_FIELDS: readonly FieldSpec[] = [field('id', 'Item id', 'text', required), field('text', 'Text', 'long', required)];

export const EFFECT_FIELDS: readonly FieldSpec[] = [
  field('minutes', 'Minutes', 'number', { help: '0 or more.' }),
  field('sentiment', 'Sentiment change', 'number', { help: '-100 to 100.' }),
  field('dollars', 'Dollars', 'number', { help: '0 or more.' }),
];

export const ENDING_FIELDS: readonly FieldSpec[] = [
  field('result', 'Result', 'choice', { ...required, choices: ['resolved', 'partial', 'failed'] }),
  field('title', 'Title', 'text'),
  field('text', 'Epilogue', 'long', required),
];

export const VARIANT_FIELDS: readonly FieldSpec[] = [field('id', 'Variant id', 'text', required), field('title', 'Title (for authors)', 'text', required)];

/** The conditions a branch's `when` may hold, with the kind of value each takes. */
export const CONDITION_FIELDS: readonly FieldSpec[] = [
  field('scoreAtLeast', 'Score at least', 'number'),
  field('scoreBelow', 'Score below', 'number'),
  field('chose', 'Chose option', 'text'),
  field('sentimentAtLeast', 'Sentiment at least', 'number'),
  field('sentimentBelow', 'Sentiment below', 'number'),
  field('minutesAtLeast', 'Minutes at least', 'number'),
  field('visited', 'Visited step', 'text', { suggest: 'steps' }),
];

/** Top-level keys the form shows; others (such as `scoring`) are edited in Source. */
export const FORM_TOP_KEYS = ['id', ...ABOUT_FIELDS.map((spec) => spec.key), 'setting', 'case', 'steps', 'endings', 'values', 'variants'];
/** Case-file keys the form shows. */
export const CASE_KEYS = ['order', 'customer', 'lines', 'holds', 'documents'];

/** The text an input shows for a value. A block text's final line break is not shown (it is kept on save). */
export function inputText(value: unknown, kind: FieldKind): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return '';
  const text = String(value);
  return kind === 'long' && text.endsWith('\n') ? text.slice(0, -1) : text;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

/**
 * The value to write for what the author typed: `undefined` removes an optional key; a number field writes
 * a number when the text is one and the text otherwise (a `{{placeholder}}`, or a typo the check reports).
 */
export function valueFromInput(input: string, spec: Pick<FieldSpec, 'kind' | 'required' | 'choices'>): unknown {
  const trimmed = input.trim();
  switch (spec.kind) {
    case 'flag':
      return input === 'true' ? true : undefined;
    case 'ids': {
      const ids = trimmed.split(/[\s,]+/).filter(Boolean);
      return ids.length ? ids : spec.required ? [] : undefined;
    }
    case 'number':
      if (!trimmed) return spec.required ? '' : undefined;
      return NUMBER.test(trimmed) ? Number(trimmed) : input;
    case 'choice': {
      if (!trimmed) return undefined;
      const choice = spec.choices?.find((option) => String(option) === trimmed);
      return choice ?? trimmed;
    }
    default:
      return input === '' && !spec.required ? undefined : input;
  }
}

/** Keys of `record` that none of `known` names, in the file's order. */
export const extraKeys = (record: unknown, known: readonly string[]): string[] =>
  isRecord(record) ? Object.keys(record).filter((key) => !known.includes(key)) : [];

export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asRecord = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

const startsWith = (path: readonly (string | number)[], prefix: DocPath) => prefix.every((key, index) => String(path[index]) === String(key));

/** The findings at `path` or anywhere under it. */
export const findingsUnder = (findings: readonly Finding[], path: DocPath): Finding[] => findings.filter((finding) => startsWith(finding.path, path));

/**
 * The findings a group of fields at `path` shows itself: those at the group, or under one of its keys that
 * no field of the group shows (`shown`), so each finding appears once, beside the nearest thing it names.
 */
export const findingsHere = (findings: readonly Finding[], path: DocPath, shown: readonly string[]): Finding[] =>
  findingsUnder(findings, path).filter((finding) => finding.path.length === path.length || !shown.includes(String(finding.path[path.length])));

/** `base`, or `base-2`, `base-3`... the first that `taken` does not hold. */
export function freeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The ids a list of items uses (`documents`, `options`, `items`, `variants`). */
export const idsOf = (items: unknown): string[] =>
  asList(items)
    .map((item) => asRecord(item).id)
    .filter((id): id is string => typeof id === 'string');

/** A new step of `kind`, in its smallest form, leading to `next`. */
export function newStep(kind: StepKindName, next: string): Record<string, unknown> {
  const prompt = 'Write the question the trainee answers.';
  switch (kind) {
    case 'choose':
      return { kind, prompt, options: [newChooseOption([], next)] };
    case 'choose-many':
      return { kind, prompt, options: [{ id: 'first', text: 'First choice' }], answer: ['first'], next };
    case 'rank':
      return { kind, prompt, items: [newRankItem([]), newRankItem(['first'])], answer: ['first', 'second'], next };
    case 'write':
      return { kind, prompt, rubric: ['What a good answer does'], model: 'The senior’s own answer.', next };
  }
}

export const newChooseOption = (taken: readonly string[], next: string) => ({
  id: freeId(taken.length ? 'option' : 'first', taken),
  text: 'What the trainee may choose',
  verdict: taken.length ? 'weak' : 'best',
  why: 'The senior’s reasoning.',
  next,
});
export const newManyOption = (taken: readonly string[]) => ({ id: freeId('option', taken), text: 'Another choice' });
export const newRankItem = (taken: readonly string[]) => ({ id: freeId(taken.length ? 'second' : 'first', taken), text: 'Something to put in order' });

/** A new order line numbered 10 after the highest line number in use. */
export function newLine(lines: unknown): Record<string, unknown> {
  const numbers = asList(lines)
    .map((line) => Number(asRecord(line).line))
    .filter(Number.isFinite);
  const line = numbers.length ? Math.max(...numbers) + 10 : (asList(lines).length + 1) * 10;
  return { line, sku: 'SKU', description: 'Item description', qty: 1, uom: 'EA', price: 0 };
}

export const newHold = (clock: unknown) => ({
  code: 'HOLD',
  source: 'ERP',
  raised: typeof clock === 'string' && clock ? clock : '2026-01-01',
  message: 'The hold as the screen shows it',
});
export const newDocument = (taken: readonly string[]) => ({ id: freeId('document', taken), kind: 'note', from: 'Who wrote it', body: 'What it says.' });
export const newEnding = () => ({ result: 'resolved', text: 'What happened in the end.' });
export const newVariant = (taken: readonly string[]) => ({ id: freeId('variant', taken), title: 'What is different in this variant' });

/** A plain `next` turned into branches: one with a condition to fill in, then the plain one it was. */
export const branchesFrom = (next: string) => [{ when: { scoreAtLeast: 1 }, goto: next }, { goto: next }];
