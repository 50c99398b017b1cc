import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applyEdit, EditError, openScenarioDocument, readFormModel, type DocumentEdit } from '../../../src/domain/authoring/scenario-edit.ts';
import { checkScenarioText, checkTaxonomyText } from '../../../src/domain/scenario/check.ts';
import type { LintContext } from '../../../src/domain/scenario/lint.ts';

const dir = path.resolve(import.meta.dirname, '../../../scenarios');
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml') && name !== 'taxonomy.yaml');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const taxonomy = checkTaxonomyText(read('taxonomy.yaml')).value!;
const playbooks = readdirSync(path.resolve(dir, '../content/playbooks')).map((name) => name.replace(/\.md$/, ''));
const lint: LintContext = { taxonomy, playbooks };
const data = (text: string) => load(text, { schema: CORE_SCHEMA });
const comments = (text: string) => text.split('\n').filter((line) => /^\s*#/.test(line));

/** The lines that differ between two texts of the same length, or every line when the lengths differ. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  return { removed: x.slice(start, endX), added: y.slice(start, endY) };
}

/** A scenario with comments everywhere an author may put them. */
const commented = `# Credit hold: a small scenario written for the tests.
id: commented
title: A commented scenario   # the catalog title
summary: One sentence.
category: credit-limit
level: 2
estimatedMinutes: 10
setting:
  clock: 2026-03-30T09:00   # the desk opens
  sentiment: 60
case:
  # What the trainee reads first.
  order: { number: SO-1, total: 100.50, currency: USD }
  customer:
    name: Example   # a made-up customer
  lines:
    - { line: 10, sku: A-1, description: "First, with a comma", qty: 2, uom: EA, price: 7.90 }
    # The second line is the one that matters.
    - line: 20
      sku: B-2
      description: Second
      qty: 1
      uom: EA
      price: 10
  documents:
    - id: mail
      kind: email
      from: Alex
      body: |
        Please release it.

        Thanks.
start: first
steps:
  # The only decision.
  first:
    kind: choose
    prompt: What do you do?
    hint: Look at the lines.
    options:
      - { id: a, text: Release it, verdict: wrong, why: No., next: bad }   # tempting
      - id: b
        text: Check first
        verdict: best
        why: Yes.
        effect: { minutes: 10 }
        next: good
endings:
  good: { result: resolved, text: Done. }
  # Kept for the wrong answer.
  bad:
    result: failed
    text: |
      It went wrong.
`;

describe('applyEdit keeps what it does not touch', () => {
  it.each(files)('%s: parses and prints back with every comment and the same value', (name) => {
    const text = read(name);
    const { doc, errors } = openScenarioDocument(text);
    expect(errors).toEqual([]);
    const printed = doc.toString({ lineWidth: 0, flowCollectionPadding: true });
    expect(data(printed)).toEqual(data(text));
    expect(comments(printed)).toEqual(comments(text));
    // An edit that changes nothing gives back the author's text byte for byte.
    expect(applyEdit(text, { kind: 'set', path: ['id'], value: name.replace(/\.yaml$/, '') })).toBe(text);
  });

  it('keeps every comment through a print of the commented scenario', () => {
    const printed = openScenarioDocument(commented).doc.toString({ lineWidth: 0 });
    expect(printed.match(/#.*/g)).toEqual(commented.match(/#.*/g));
  });

  it.each(files)('%s: a title edit changes the title line only', (name) => {
    const text = read(name);
    const edited = applyEdit(text, { kind: 'set', path: ['title'], value: 'A new title: with a colon' });
    expect(changedLines(text, edited)).toEqual({
      removed: [text.split('\n').find((line) => line.startsWith('title:'))],
      added: ['title: "A new title: with a colon"'],
    });
  });

  it.each(files)('%s: a line edit inside the first case line changes that line only', (name) => {
    const text = read(name);
    const before = data(text) as { case: { lines: { qty: unknown }[] } };
    if (!before.case.lines?.length) return;
    const model = readFormModel(text);
    // Through a copy of the form's document, as the editor does it.
    const edited = applyEdit(text, { kind: 'set', path: ['case', 'lines', 0, 'qty'], value: 987654 }, model.ok ? model.doc : undefined);
    const { removed, added } = changedLines(text, edited);
    expect(removed.length).toBeLessThanOrEqual(2);
    expect(added).toHaveLength(removed.some((line) => line.trimStart().startsWith('- {')) ? 1 : removed.length);
    expect(added.join('\n')).toContain('987654');
    const after = data(edited) as typeof before;
    expect(after.case.lines[0]!.qty).toBe(987654);
    expect({ ...after, case: { ...after.case, lines: after.case.lines.slice(1) } }).toEqual({
      ...before,
      case: { ...before.case, lines: before.case.lines.slice(1) },
    });
  });

  it('keeps the quoting, the flow style and the trailing zeros of the fields around an edit', () => {
    const edited = applyEdit(commented, { kind: 'set', path: ['case', 'lines', 0, 'qty'], value: 3 });
    expect(changedLines(commented, edited)).toEqual({
      removed: ['    - { line: 10, sku: A-1, description: "First, with a comma", qty: 2, uom: EA, price: 7.90 }'],
      added: ['    - { line: 10, sku: A-1, description: "First, with a comma", qty: 3, uom: EA, price: 7.90 }'],
    });
  });

  it('edits a block text in place and keeps its `|`', () => {
    const edited = applyEdit(commented, { kind: 'set', path: ['case', 'documents', 0, 'body'], value: 'Please hold it.\n\nThanks.' });
    expect(changedLines(commented, edited)).toEqual({ removed: ['        Please release it.'], added: ['        Please hold it.'] });
  });

  it('turns a one-line text into a block when the author adds a line break', () => {
    const edited = applyEdit(commented, { kind: 'set', path: ['steps', 'first', 'prompt'], value: 'What do you do?\nBe quick.' });
    expect(changedLines(commented, edited).added).toEqual(['    prompt: |-', '      What do you do?', '      Be quick.']);
  });

  it('quotes a text that YAML would otherwise read as something else', () => {
    for (const value of ['Re: the hold', '12345', 'true', '#1 priority', '{{qty}}']) {
      const edited = applyEdit(commented, { kind: 'set', path: ['summary'], value });
      expect((data(edited) as { summary: unknown }).summary).toBe(value);
    }
  });

  it('drops quotes a field needed only while the author was typing', () => {
    const typing = applyEdit(commented, { kind: 'set', path: ['case', 'customer', 'name'], value: 'Example ' });
    expect(typing).toContain('name: "Example " # a made-up customer');
    const typed = applyEdit(typing, { kind: 'set', path: ['case', 'customer', 'name'], value: 'Example Co' });
    expect(changedLines(commented, typed).added).toEqual(['    name: Example Co # a made-up customer']);
    // Quotes the value needs stay.
    expect(applyEdit(commented, { kind: 'set', path: ['case', 'lines', 0, 'description'], value: 'First, second' })).toContain('description: "First, second"');
  });

  it('removes an optional key when its value is cleared', () => {
    const edited = applyEdit(commented, { kind: 'set', path: ['steps', 'first', 'hint'], value: undefined });
    expect(changedLines(commented, edited)).toEqual({ removed: ['    hint: Look at the lines.'], added: [] });
  });

  it('writes a list of ids as `[a, b]`', () => {
    const edited = applyEdit(commented, { kind: 'set', path: ['steps', 'first', 'reveal'], value: ['mail'] });
    expect(changedLines(commented, edited).added).toEqual(['    reveal: [ mail ]']);
  });

  it('creates the maps on the way to a new key', () => {
    const edited = applyEdit(commented, { kind: 'set', path: ['steps', 'first', 'options', 0, 'effect', 'minutes'], value: 5 });
    expect((data(edited) as { steps: { first: { options: { effect: unknown }[] } } }).steps.first.options[0]!.effect).toEqual({ minutes: 5 });
    const block = applyEdit(commented, { kind: 'set', path: ['steps', 'first', 'options', 1, 'when', 'minutes'], value: 5 });
    expect(changedLines(commented, block).added).toEqual(['        when: { minutes: 5 }']);
    const nested = applyEdit(commented, { kind: 'set', path: ['endings', 'bad', 'effect', 'dollars'], value: 50 });
    expect(changedLines(commented, nested).added).toEqual(['    effect: { dollars: 50 }']);
  });

  it('adds a line in the style of its neighbours and removes it again', () => {
    const line = { line: 30, sku: 'C-3', description: 'Third', qty: 1, uom: 'EA', price: 1 };
    const added = applyEdit(commented, { kind: 'append', path: ['case', 'lines'], value: line });
    expect(changedLines(commented, added).added).toEqual([
      '    - line: 30',
      '      sku: C-3',
      '      description: Third',
      '      qty: 1',
      '      uom: EA',
      '      price: 1',
    ]);
    expect(applyEdit(added, { kind: 'remove', path: ['case', 'lines', 2] })).toBe(commented);
    const flowLines = commented.replace(/ {4}- line: 20\n( {6}.*\n){5}/, '    - { line: 20, sku: B-2, description: Second, qty: 1, uom: EA, price: 10 }\n');
    const addedFlow = applyEdit(flowLines, { kind: 'append', path: ['case', 'lines'], value: line });
    expect(changedLines(flowLines, addedFlow).added).toEqual(['    - { line: 30, sku: C-3, description: Third, qty: 1, uom: EA, price: 1 }']);
  });

  it('renames a step in place, keeping its comment, and refuses a name in use', () => {
    const edited = applyEdit(commented, { kind: 'rename', path: ['steps', 'first'], to: 'look-first' });
    expect(changedLines(commented, edited)).toEqual({ removed: ['  first:'], added: ['  look-first:'] });
    expect(() => applyEdit(commented, { kind: 'rename', path: ['endings', 'good'], to: 'bad' })).toThrow(EditError);
  });

  it('inserts a branch before the plain one', () => {
    const branched = applyEdit(commented, { kind: 'set', path: ['steps', 'first', 'options', 1, 'next'], value: [{ goto: 'good' }] });
    const inserted = applyEdit(branched, {
      kind: 'append',
      path: ['steps', 'first', 'options', 1, 'next'],
      value: { when: { minutesAtLeast: 60 }, goto: 'bad' },
      at: 0,
    });
    expect((data(inserted) as { steps: { first: { options: { next: unknown }[] } } }).steps.first.options[1]!.next).toEqual([
      { when: { minutesAtLeast: 60 }, goto: 'bad' },
      { goto: 'good' },
    ]);
  });

  it('moves a list item up and down', () => {
    const moved = applyEdit(commented, { kind: 'move', path: ['steps', 'first', 'options', 1], by: -1 });
    expect((data(moved) as { steps: { first: { options: { id: string }[] } } }).steps.first.options.map((option) => option.id)).toEqual(['b', 'a']);
    const back = applyEdit(moved, { kind: 'move', path: ['steps', 'first', 'options', 0], by: 1 });
    expect(data(back)).toEqual(data(commented));
    expect(back.match(/#.*/g)).toEqual(commented.match(/#.*/g));
  });

  it('refuses to edit a text that does not parse', () => {
    expect(() => applyEdit('id: [unclosed', { kind: 'set', path: ['id'], value: 'x' })).toThrow(/does not parse/);
  });

  it('edits a copy of the form’s document, never the document itself', () => {
    const model = readFormModel(commented);
    if (!model.ok) throw new Error(model.problem);
    const printed = model.doc.toString();
    const edit: DocumentEdit = { kind: 'append', path: ['case', 'lines'], value: { sku: 'C', description: 'C', qty: 1, uom: 'EA', price: 1 } };
    expect(applyEdit(commented, edit, model.doc)).toBe(applyEdit(commented, edit));
    expect(model.doc.toString()).toBe(printed);
  });

  it('keeps Windows line endings', () => {
    const windows = commented.replace(/\n/g, '\r\n');
    const edited = applyEdit(windows, { kind: 'set', path: ['title'], value: 'New' });
    expect(edited).toBe(applyEdit(commented, { kind: 'set', path: ['title'], value: 'New' }).replace(/\n/g, '\r\n'));
  });
});

describe('structural edits give a document the check still reads, with every comment', () => {
  const steps: [string, DocumentEdit][] = [
    ['add a line', { kind: 'append', path: ['case', 'lines'], value: { line: 30, sku: 'C-3', description: 'Third', qty: 1, uom: 'EA', price: 1 } }],
    ['remove a line', { kind: 'remove', path: ['case', 'lines', 0] }],
    ['add a document', { kind: 'append', path: ['case', 'documents'], value: { id: 'note', kind: 'note', from: 'Sam', body: 'A note.' } }],
    ['add a hold', { kind: 'append', path: ['case', 'holds'], value: { code: 'CR', source: 'ERP', raised: '2026-03-30', message: 'Held.' } }],
    [
      'add a step',
      {
        kind: 'set',
        path: ['steps', 'second'],
        value: { kind: 'write', prompt: 'Write to them.', hint: 'Be brief.', rubric: ['Is short'], model: 'Hello.', next: 'partly' },
      },
    ],
    ['add an ending', { kind: 'set', path: ['endings', 'partly'], value: { result: 'partial', text: 'Half done.' } }],
    ['add an option', { kind: 'append', path: ['steps', 'first', 'options'], value: { id: 'c', text: 'Wait', verdict: 'weak', why: 'Slow.', next: 'second' } }],
    ['remove an option', { kind: 'remove', path: ['steps', 'first', 'options', 0] }],
    ['remove an ending', { kind: 'remove', path: ['endings', 'bad'] }],
    ['add a value', { kind: 'set', path: ['values', 'customer'], value: 'Example' }],
    ['use the value', { kind: 'set', path: ['case', 'customer', 'name'], value: '{{customer}}' }],
    ['add a variant', { kind: 'append', path: ['variants'], value: { id: 'other', title: 'Another set of facts' } }],
    ['give the variant a value', { kind: 'set', path: ['variants', 0, 'values'], value: { customer: 'Other Co' } }],
    ['remove the variant', { kind: 'remove', path: ['variants', 0] }],
    ['add it back', { kind: 'append', path: ['variants'], value: { id: 'again', title: 'Again' } }],
  ];
  let text = commented;
  it.each(steps)('%s', (_label, edit) => {
    const before = comments(text).filter((line) => !line.includes('tempting') && !line.includes('Kept for the wrong answer'));
    text = applyEdit(text, edit);
    const checked = checkScenarioText(text, lint);
    expect(checked.findings.filter((finding) => finding.code === 'yaml-syntax' || finding.code === 'not-a-mapping')).toEqual([]);
    for (const line of before) expect(comments(text)).toContain(line);
  });
  it('ends with a scenario the check accepts', () => {
    const errors = checkScenarioText(text, lint).findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => finding.message)).toEqual([]);
  });
});
