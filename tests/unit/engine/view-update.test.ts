import { describe, expect, test } from 'vitest';
import { applyViewUpdate, viewUpdate } from '../../../src/domain/view/view-update.ts';
import type { TraineeView, VisibleDocument } from '../../../src/domain/view/trainee-view.ts';

const doc = (id: string, revealed = false): VisibleDocument => ({ id, kind: 'note', from: 'Desk', body: `Body of ${id}`, revealed });
const view = (documents: VisibleDocument[], decided: number): TraineeView => ({
  scenario: { id: 's', title: 'S', summary: 'S', category: 'credit-limit', level: 1 },
  mode: 'practice',
  caseFile: { order: { number: 'SO-1', currency: 'USD' }, customer: { name: 'Acme' }, lines: [], holds: [] },
  documents,
  clock: '2026-03-30T14:00',
  decided,
});

describe('viewUpdate', () => {
  test('sends no case file and only the documents the browser lacks, and the browser rebuilds the same view', () => {
    const before = view([doc('email')], 1);
    const after = view([doc('email'), doc('ledger', true)], 2);
    const update = viewUpdate(after, ['email']);
    expect('caseFile' in update).toBe(false);
    expect(update.newDocuments.map((document) => document.id)).toEqual(['ledger']);
    expect(update.documentOrder).toEqual(['email', 'ledger']);
    expect(applyViewUpdate(before, update)).toEqual(after);
  });

  test('a browser that names nothing gets every document', () => {
    const after = view([doc('email'), doc('ledger', true)], 2);
    expect(viewUpdate(after, []).newDocuments).toHaveLength(2);
  });
});
