import { describe, expect, test } from 'vitest';
import { sideBySide } from '../../../src/domain/authoring/source-diff.ts';
import { seniorPathChanges } from '../../../src/domain/authoring/senior-path-diff.ts';
import { newScenarioIdProblem, withScenarioId } from '../../../src/domain/authoring/scenario-id.ts';
import { publishedRevision, shapeHistory } from '../../../src/domain/authoring/history-view.ts';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { fixtureText, scenarioFrom } from '../../support/scenarios.ts';

describe('the side-by-side source diff', () => {
  test('pairs a replaced line with its replacement, numbers both sides and counts the changes', () => {
    const diff = sideBySide('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(diff.rows.map((row) => [row.kind, row.left?.number, row.left?.text, row.right?.number, row.right?.text])).toEqual([
      ['same', 1, 'a', 1, 'a'],
      ['changed', 2, 'b', 2, 'B'],
      ['same', 3, 'c', 3, 'c'],
      ['added', undefined, undefined, 4, 'd'],
    ]);
    expect([diff.added, diff.removed]).toEqual([2, 1]);
  });

  test('folds long unchanged runs, keeping the context lines next to each change', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
    const after = [...lines];
    after[14] = 'changed';
    const rows = sideBySide(`${lines.join('\n')}\n`, `${after.join('\n')}\n`, 2).rows;
    expect(rows.map((row) => (row.kind === 'skipped' ? `skip ${row.skipped}` : `${row.kind} ${row.right?.number}`))).toEqual([
      'skip 12',
      'same 13',
      'same 14',
      'changed 15',
      'same 16',
      'same 17',
      'skip 13',
    ]);
    expect(sideBySide(`${lines.join('\n')}\n`, `${lines.join('\n')}\n`).rows).toEqual([{ kind: 'skipped', skipped: 30 }]);
    expect(sideBySide('', 'new\n').rows).toEqual([{ kind: 'added', right: { number: 1, text: 'new' } }]);
  });
});

describe('what changed on the senior path', () => {
  const text = fixtureText('minimal.yaml');
  const before = scenarioFrom(text, 'minimal');

  test('names the decisions, ending and costs that differ, per variant', () => {
    // The best answer at "fix" now asks customer service (weak becomes best, best becomes weak).
    const changedText = text
      .replace('{ id: add-suite, text: Add the suite and revalidate., verdict: best', '{ id: add-suite, text: Add the suite and revalidate., verdict: weak')
      .replace('{ id: ask-cs, text: Ask customer service to call., verdict: weak', '{ id: ask-cs, text: Ask customer service to call., verdict: best');
    const after = scenarioFrom(changedText, 'minimal');
    const [change] = seniorPathChanges(new Map([['standard', seniorPath(before)]]), new Map([['standard', seniorPath(after)]]));
    expect(change?.variant).toBe('standard');
    expect(change?.changes).toEqual(['No longer decides fix: add-suite.', 'Now decides fix: ask-cs.']);
    const same = seniorPathChanges(new Map([['standard', seniorPath(before)]]), new Map([['standard', seniorPath(before)]]));
    expect(same[0]?.changes).toEqual([]);
  });

  test('a variant only on one side is new or gone; no published side makes every variant new', () => {
    const path = seniorPath(before);
    expect(seniorPathChanges(new Map([['old', path]]), new Map([['standard', path]])).map((change) => [change.variant, change.changes])).toEqual([
      ['standard', ['A new variant.']],
      ['old', ['This variant is gone.']],
    ]);
    expect(seniorPathChanges(undefined, new Map([['standard', path]]))[0]?.after?.ending).toBe('fixed');
  });
});

describe('new scenario ids', () => {
  test('lowercase words joined by hyphens, not taken, not a page name', () => {
    const taken = new Set(['credit-hold']);
    expect(newScenarioIdProblem('fresh-case', taken)).toBeUndefined();
    expect(newScenarioIdProblem('', taken)).toContain('Give the scenario an id');
    expect(newScenarioIdProblem('Fresh Case', taken)).toContain('not a usable id');
    expect(newScenarioIdProblem('credit-hold', taken)).toContain('exists already');
    expect(newScenarioIdProblem('new', taken)).toContain('page or file the desk uses');
    expect(newScenarioIdProblem('taxonomy', taken)).toContain('page or file the desk uses');
    expect(newScenarioIdProblem('a'.repeat(61), taken)).toContain('60 characters');
  });

  test('a copy takes the new id on its top-level id line and keeps everything else', () => {
    expect(withScenarioId('# comment\nid: old-case # the id\ntitle: x\n', 'new-case')).toBe('# comment\nid: new-case # the id\ntitle: x\n');
    expect(withScenarioId('title: x\n', 'new-case')).toBe('id: new-case\ntitle: x\n');
  });
});

describe('the history as listed', () => {
  const line = (seq: number, kind: string, revision?: string) => ({ seq, kind, revision, by: 'sam', at: `2026-12-0${seq}T09:00:00.000Z`, message: '' });
  test('newest first; a publish diffs against the publish before it, a draft against the line before it', () => {
    const shaped = shapeHistory([line(1, 'file', 'r1'), line(2, 'draft', 'r2'), line(3, 'draft', 'r3'), line(4, 'publish', 'r3'), line(5, 'withdraw')]);
    expect(shaped.map((entry) => [entry.entry.seq, entry.label, entry.previous, entry.published])).toEqual([
      [5, 'Withdrawn', undefined, false],
      [4, 'Published', 'r1', true],
      [3, 'Draft saved', 'r2', false],
      [2, 'Draft saved', 'r1', false],
      [1, 'Changed on disk', undefined, true],
    ]);
    expect(publishedRevision([line(1, 'file', 'r1'), line(2, 'draft', 'r2')])).toBe('r1');
    expect(publishedRevision([line(1, 'draft', 'r2')])).toBeUndefined();
  });
});
