import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { signOff, visibleSignOffs, withdrawSignOff } from '../../../src/server/mentoring/sign-off-service.ts';
import { useDesk, viewerOf } from '../../support/desk.ts';

const fixture = useDesk({ onDisk: true });
const note = 'Three clean credit-hold assessments; routed every one to credit first.';

describe('sign-offs', () => {
  test('a senior signs a trainee off for a category; it is stored in the accounts file', async () => {
    const { desk, people } = fixture;
    const signed = await signOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limit', note }, new Date('2026-05-01T10:00:00Z'));
    expect(signed).toEqual({ trainee: 'tia', category: 'credit-limit', by: 'sid', note, at: '2026-05-01T10:00:00.000Z' });
    const file = JSON.parse(await readFile(join(desk.config.DESK_DATA_DIR, 'accounts.json'), 'utf8'));
    expect(file.signOffs).toEqual([signed]);
  });

  test('signing again for the same category replaces the note; withdrawing removes it', async () => {
    const { desk, people } = fixture;
    await signOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limit', note });
    await signOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limit', note: 'Updated.' });
    await signOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'hazmat', note });
    expect(desk.store.signOffs.list().map((entry) => [entry.category, entry.note])).toEqual([
      ['credit-limit', 'Updated.'],
      ['hazmat', note],
    ]);
    await withdrawSignOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limit' });
    expect(desk.store.signOffs.list().map((entry) => entry.category)).toEqual(['hazmat']);
    await expect(withdrawSignOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limit' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('leads and trainees cannot sign off or withdraw; unknown trainees and categories are refused', async () => {
    const { desk, people } = fixture;
    await expect(signOff(desk, viewerOf(people.lee), { trainee: 'tia', category: 'credit-limit', note })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(signOff(desk, viewerOf(people.tia), { trainee: 'tia', category: 'credit-limit', note })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(signOff(desk, viewerOf(people.sid), { trainee: 'lee', category: 'credit-limit', note })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(signOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limits', note })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await signOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limit', note });
    await expect(withdrawSignOff(desk, viewerOf(people.lee), { trainee: 'tia', category: 'credit-limit' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(desk.store.signOffs.list()).toHaveLength(1);
  });

  test("a lead sees only their team's sign-offs", async () => {
    const { desk, people } = fixture;
    await signOff(desk, viewerOf(people.sid), { trainee: 'tia', category: 'credit-limit', note });
    await signOff(desk, viewerOf(people.sid), { trainee: 'tom', category: 'hazmat', note });
    expect(visibleSignOffs(desk, viewerOf(people.lee)).map((entry) => entry.trainee)).toEqual(['tia']);
    expect(visibleSignOffs(desk, viewerOf(people.sid))).toHaveLength(2);
  });
});
