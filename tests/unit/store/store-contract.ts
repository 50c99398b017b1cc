// The store contract's own test suite: every implementation of DeskStore (src/server/db/desk-store.ts) runs it.
import type { Adapter } from 'lowdb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { StoreConflictError, StoreNotFoundError, type DeskStore, type DraftWrite } from '../../../src/server/db/desk-store.ts';
import type { StoreOptions } from '../../../src/server/db/json-file-store.ts';
import type { Assignment, AttemptFile, Session, User } from '../../../src/server/db/schema.ts';

/** A place a store implementation keeps its data, opened as often as a test likes (as restarts would). */
export interface StoreFactory {
  /** Opens a store on the place; the test closes it before opening another. */
  open(options?: StoreOptions): Promise<DeskStore>;
  /** Removes the place. */
  dispose(): Promise<void>;
}

/** Writes that fail while `failing` is set, and wait while `held` is pending: reaches between a store and its storage. */
class Faults {
  failing = false;
  held: Promise<void> | undefined;
  writes = 0;
  wrap = <T>(adapter: Adapter<T>): Adapter<T> => ({
    read: () => adapter.read(),
    write: async (data: T) => {
      if (this.held) await this.held;
      if (this.failing) throw new Error('disk full (injected)');
      this.writes++;
      return adapter.write(data);
    },
  });
}

const user = (username: string, team = 'north'): User => ({
  username,
  name: username.toUpperCase(),
  role: 'trainee',
  team,
  passwordHash: 'hash',
  disabled: false,
  createdAt: '2026-12-01T09:00:00.000Z',
});
const session = (tokenHash: string, username: string, expiresAt = '2099-01-01T00:00:00.000Z'): Session => ({
  tokenHash,
  username,
  createdAt: '2026-12-01T09:00:00.000Z',
  expiresAt,
});
const assignment = (id: string, team = 'north'): Assignment => ({
  id,
  team,
  title: `Path ${id}`,
  scenarioIds: ['same-po-two-doors'],
  due: '2026-12-24',
  createdBy: 'lee',
  createdAt: '2026-12-01T09:00:00.000Z',
});
const attempt = (id: string, username = 'tia'): AttemptFile => ({
  version: 1,
  id,
  username,
  scenarioId: 'same-po-two-doors',
  revision: 'abc123',
  mode: 'practice',
  startedAt: '2026-12-01T09:00:00.000Z',
  stepShownAt: '2026-12-01T09:00:00.000Z',
  events: [],
  reviews: {},
  comments: [],
  unseenFeedback: false,
});
const draft = (revision: string, by = 'sam', status: DraftWrite['status'] = 'editing'): DraftWrite => ({
  scenarioId: 'new-case',
  revision,
  status,
  createdBy: 'sam',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedBy: by,
  updatedAt: '2026-12-01T09:05:00.000Z',
});
const entry = (kind: 'draft' | 'publish' | 'withdraw' | 'reinstate' | 'submit' | 'file', revision?: string, by = 'sam') => ({
  scenarioId: 'new-case',
  kind,
  revision,
  by,
  at: '2026-12-01T09:05:00.000Z',
  message: `${kind} by ${by}`,
});
const hint = (stepId: string) => ({ type: 'hint' as const, stepId, at: '2026-12-01T09:01:00.000Z' });

/** The suite every DeskStore implementation must pass; `makeStore` gives a fresh, empty place per test. */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreFactory>): void {
  describe(`the store contract: ${name}`, () => {
    let factory: StoreFactory;
    let faults: Faults;
    let store: DeskStore;
    /** Closes the store and opens the place again, as a restart would. */
    const reopen = async () => {
      store.close();
      store = await factory.open({ wrap: faults.wrap });
      return store;
    };

    /** Stores one record of every kind: tia of team north, assignment a-1, a sign-off, session `token`, attempt x-1. */
    const oneOfEach = async () => {
      await store.users.add(user('tia'), { id: 'north', name: 'North' });
      await store.assignments.add(assignment('a-1'));
      await store.signOffs.put({ trainee: 'tia', category: 'hazmat', by: 'sid', note: 'Yes.', at: '2026-12-01T09:00:00.000Z' });
      await store.sessions.add(session('token', 'tia'), { now: new Date('2026-12-03T12:00:00.000Z') });
      await store.attempts.create(attempt('x-1'));
    };

    beforeEach(async () => {
      factory = await makeStore();
      faults = new Faults();
      store = await factory.open({ wrap: faults.wrap });
    });
    afterEach(async () => {
      store.close();
      await factory.dispose();
    });

    describe('repositories', () => {
      test('accounts: added in order, found by username, changed by update; a taken username is a conflict', async () => {
        await store.users.add(user('tia'), { id: 'north', name: 'North' });
        await store.users.add(user('tom'), { id: 'north', name: 'Renamed' });
        expect(store.users.list().map((entry) => entry.username)).toEqual(['tia', 'tom']);
        expect(store.teams.list()).toEqual([{ id: 'north', name: 'North' }]);
        await expect(store.users.add(user('tia'))).rejects.toBeInstanceOf(StoreConflictError);
        const changed = await store.users.update('tom', (entry) => {
          entry.disabled = true;
        });
        expect([changed.disabled, store.users.find('tom')?.disabled, store.users.find('tia')?.disabled]).toEqual([true, true, false]);
        await expect(store.users.update('nobody', () => {})).rejects.toBeInstanceOf(StoreNotFoundError);
        expect(store.users.find('nobody')).toBeUndefined();
      });

      test('teams: put adds a team, or renames the one with its id', async () => {
        await store.teams.put({ id: 'north', name: 'North' });
        await store.teams.put({ id: 'south', name: 'South' });
        await store.teams.put({ id: 'north', name: 'North desk' });
        expect(store.teams.list()).toEqual([
          { id: 'north', name: 'North desk' },
          { id: 'south', name: 'South' },
        ]);
        expect(store.teams.find('south')?.name).toBe('South');
      });

      test("assignments: by team; a removal only of the team's own, and a known id is a conflict", async () => {
        await store.assignments.add(assignment('a-1'));
        await store.assignments.add(assignment('a-2', 'south'));
        await expect(store.assignments.add(assignment('a-1', 'south'))).rejects.toBeInstanceOf(StoreConflictError);
        expect(store.assignments.ofTeam('north').map((entry) => entry.id)).toEqual(['a-1']);
        expect(await store.assignments.remove('north', 'a-2')).toBe(false);
        expect(await store.assignments.remove('south', 'a-2')).toBe(true);
        expect(await store.assignments.remove('south', 'a-2')).toBe(false);
        expect(store.assignments.list().map((entry) => entry.id)).toEqual(['a-1']);
      });

      test('sign-offs: one per trainee and category, replaced in its place; removed by key', async () => {
        await store.signOffs.put({ trainee: 'tia', category: 'credit-limit', by: 'sid', note: 'First.', at: '2026-12-01T09:00:00.000Z' });
        await store.signOffs.put({ trainee: 'tia', category: 'hazmat', by: 'sid', note: 'Hazmat.', at: '2026-12-01T09:00:00.000Z' });
        await store.signOffs.put({ trainee: 'tia', category: 'credit-limit', by: 'sid', note: 'Again.', at: '2026-12-02T09:00:00.000Z' });
        expect(store.signOffs.ofTrainee('tia').map((entry) => [entry.category, entry.note])).toEqual([
          ['credit-limit', 'Again.'],
          ['hazmat', 'Hazmat.'],
        ]);
        expect((await store.signOffs.remove({ trainee: 'tia', category: 'credit-limit' }))?.note).toBe('Again.');
        expect(await store.signOffs.remove({ trainee: 'tia', category: 'credit-limit' })).toBeUndefined();
        expect(store.signOffs.ofTrainee('tom')).toEqual([]);
      });

      test('sessions: a new one drops the one it replaces and the expired; removed one by one or all of an account', async () => {
        const now = new Date('2026-12-03T12:00:00.000Z');
        await store.sessions.add(session('old', 'tia'), { now });
        await store.sessions.add(session('stale', 'tom', '2026-12-03T11:00:00.000Z'), { now: new Date('2026-12-03T10:00:00.000Z') });
        await store.sessions.add(session('new', 'tia'), { replacing: 'old', now });
        expect([store.sessions.find('old'), store.sessions.find('stale'), store.sessions.find('new')?.username]).toEqual([undefined, undefined, 'tia']);
        await store.sessions.add(session('second', 'tia'), { now });
        await store.sessions.add(session('toms', 'tom'), { now });
        expect(await store.sessions.remove('toms')).toBe(true);
        expect(await store.sessions.remove('toms')).toBe(false);
        expect(await store.sessions.removeAllFor('tia')).toBe(2);
        expect(store.sessions.find('second')).toBeUndefined();
      });

      test('attempts: created, found by id and by trainee; a known id is a conflict; updated through a copy', async () => {
        const created = await store.attempts.create(attempt('x-1'));
        await store.attempts.create(attempt('x-2', 'tom'));
        await store.attempts.create(attempt('x-3'));
        await expect(store.attempts.create(attempt('x-1', 'tom'))).rejects.toBeInstanceOf(StoreConflictError);
        expect(created.id).toBe('x-1');
        expect(
          store.attempts
            .of('tia')
            .map((entry) => entry.id)
            .sort(),
        ).toEqual(['x-1', 'x-3']);
        expect([...store.attempts.all()].map((entry) => entry.id).sort()).toEqual(['x-1', 'x-2', 'x-3']);
        const updated = await store.attempts.update('x-1', (draft) => {
          draft.events.push(hint('first-look'));
          draft.finishedAt = '2026-12-01T09:05:00.000Z';
        });
        expect([updated.events.length, store.attempts.get('x-1')?.events.length, store.attempts.get('x-1')?.finishedAt]).toEqual([
          1,
          1,
          '2026-12-01T09:05:00.000Z',
        ]);
        await store.attempts.update('x-1', (draft) => {
          delete draft.finishedAt;
        });
        expect(store.attempts.get('x-1')?.finishedAt).toBeUndefined();
        await expect(store.attempts.update('x-9', () => {})).rejects.toBeInstanceOf(StoreNotFoundError);
      });

      test('a change that throws writes nothing and rejects with its own error', async () => {
        await store.attempts.create(attempt('x-1'));
        const before = structuredClone(store.attempts.get('x-1'));
        const writes = faults.writes;
        const refusal = new Error('not this step');
        await expect(
          store.attempts.update('x-1', (draft) => {
            draft.events.push(hint('first-look'));
            throw refusal;
          }),
        ).rejects.toBe(refusal);
        expect(store.attempts.get('x-1')).toEqual(before);
        expect(faults.writes).toBe(writes);
      });

      test('revisions: pinned once (a second pin leaves the first text), unknown ones read as undefined', async () => {
        await store.revisions.pin('same-po-two-doors', 'abc123', 'id: same-po-two-doors\n');
        await store.revisions.pin('same-po-two-doors', 'abc123', 'something else\n');
        expect(await store.revisions.read('same-po-two-doors', 'abc123')).toBe('id: same-po-two-doors\n');
        expect(await store.revisions.read('same-po-two-doors', 'fff000')).toBeUndefined();
      });
    });

    describe('durability', () => {
      test('everything a resolved mutation changed is there after a restart', async () => {
        await oneOfEach();
        await store.attempts.update('x-1', (draft) => {
          draft.events.push(hint('first-look'));
        });
        await store.revisions.pin('same-po-two-doors', 'abc123', 'text\n');
        await reopen();
        expect(store.users.find('tia')?.name).toBe('TIA');
        expect(store.teams.find('north')?.name).toBe('North');
        expect(store.assignments.ofTeam('north').map((entry) => entry.id)).toEqual(['a-1']);
        expect(store.signOffs.ofTrainee('tia')).toHaveLength(1);
        expect(store.sessions.find('token')?.username).toBe('tia');
        expect(store.attempts.of('tia').map((entry) => entry.events.length)).toEqual([1]);
        expect(await store.revisions.read('same-po-two-doors', 'abc123')).toBe('text\n');
      });

      test('a mutation is seen by readers only once it is durable', async () => {
        await store.attempts.create(attempt('x-1'));
        let release = () => {};
        faults.held = new Promise((resolve) => (release = resolve));
        const pending = store.attempts.update('x-1', (draft) => {
          draft.events.push(hint('first-look'));
        });
        const adding = store.users.add(user('tia'));
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect([store.attempts.get('x-1')?.events.length, store.users.find('tia')]).toEqual([0, undefined]);
        release();
        faults.held = undefined;
        await Promise.all([pending, adding]);
        expect([store.attempts.get('x-1')?.events.length, store.users.find('tia')?.username]).toEqual([1, 'tia']);
      });
    });

    describe('a durable write that fails', () => {
      test('leaves every kind of data exactly as it was, rejects, and the next mutation works', async () => {
        await oneOfEach();
        const snapshot = () =>
          structuredClone({
            users: store.users.list(),
            teams: store.teams.list(),
            assignments: store.assignments.list(),
            signOffs: store.signOffs.list(),
            session: store.sessions.find('token'),
            attempts: [...store.attempts.all()],
          });
        const before = snapshot();
        faults.failing = true;
        const failures = [
          store.users.add(user('tom'), { id: 'south', name: 'South' }),
          store.users.update('tia', (entry) => {
            entry.passwordHash = 'changed';
          }),
          store.teams.put({ id: 'north', name: 'Renamed' }),
          store.assignments.add(assignment('a-2')),
          store.assignments.remove('north', 'a-1'),
          store.signOffs.put({ trainee: 'tia', category: 'hazmat', by: 'sid', note: 'Changed.', at: '2026-12-02T09:00:00.000Z' }),
          store.signOffs.remove({ trainee: 'tia', category: 'hazmat' }),
          store.sessions.add(session('other', 'tia'), { now: new Date('2026-12-03T12:00:00.000Z') }),
          store.sessions.remove('token'),
          store.sessions.removeAllFor('tia'),
          store.attempts.create(attempt('x-2')),
          store.attempts.update('x-1', (draft) => {
            draft.events.push(hint('first-look'));
            draft.reviews['note'] = { met: [0], comment: 'Good.', reviewer: 'sid', at: '2026-12-02T09:00:00.000Z' };
            draft.unseenFeedback = true;
          }),
        ];
        for (const failure of await Promise.allSettled(failures))
          expect(failure).toMatchObject({ status: 'rejected', reason: { message: 'disk full (injected)' } });
        expect(snapshot()).toEqual(before);
        expect(store.attempts.get('x-2')).toBeUndefined();
        faults.failing = false;
        await store.attempts.update('x-1', (draft) => {
          draft.unseenFeedback = true;
        });
        await store.users.add(user('tom'));
        await reopen();
        expect(store.users.list().map((entry) => [entry.username, entry.passwordHash])).toEqual([
          ['tia', 'hash'],
          ['tom', 'hash'],
        ]);
        expect(store.attempts.get('x-1')).toMatchObject({ events: [], reviews: {}, unseenFeedback: true });
        expect(store.attempts.get('x-2')).toBeUndefined();
        expect(store.sessions.find('token')?.username).toBe('tia');
      });
    });

    describe('authoring', () => {
      test('a draft save names the version it read: the first is 0, each save adds one, a stale one is a conflict that writes nothing', async () => {
        expect(store.authoring.draft('new-case')).toBeUndefined();
        expect((await store.authoring.saveDraft(draft('r1'), 0, entry('draft', 'r1'))).version).toBe(1);
        expect((await store.authoring.saveDraft(draft('r2', 'rita'), 1, entry('draft', 'r2', 'rita'))).version).toBe(2);
        await expect(store.authoring.saveDraft(draft('r3'), 1, entry('draft', 'r3'))).rejects.toBeInstanceOf(StoreConflictError);
        await expect(store.authoring.saveDraft(draft('r3'), 0, entry('draft', 'r3'))).rejects.toBeInstanceOf(StoreConflictError);
        expect(store.authoring.draft('new-case')).toMatchObject({ revision: 'r2', version: 2, updatedBy: 'rita' });
        expect(store.authoring.history('new-case').map((line) => [line.seq, line.kind, line.revision, line.by])).toEqual([
          [1, 'draft', 'r1', 'sam'],
          [2, 'draft', 'r2', 'rita'],
        ]);
        expect(store.authoring.drafts()).toHaveLength(1);
      });

      test('two saves of one version at once: exactly one wins, the other is a conflict', async () => {
        await store.authoring.saveDraft(draft('r1'), 0, entry('draft', 'r1'));
        const results = await Promise.allSettled([
          store.authoring.saveDraft(draft('mine'), 1, entry('draft', 'mine')),
          store.authoring.saveDraft(draft('theirs', 'rita'), 1, entry('draft', 'theirs', 'rita')),
        ]);
        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
        expect(results[1]).toMatchObject({ reason: expect.any(StoreConflictError) });
        expect(store.authoring.draft('new-case')).toMatchObject({ revision: 'mine', version: 2 });
        expect(store.authoring.history('new-case')).toHaveLength(2);
      });

      test('review fields change without a new version; removing a draft needs its version; unknown drafts are not found', async () => {
        await store.authoring.saveDraft(draft('r1'), 0, entry('draft', 'r1'));
        const submitted = await store.authoring.reviewDraft(
          'new-case',
          1,
          { status: 'in-review', submittedBy: 'sam', submittedAt: '2026-12-01T09:06:00.000Z' },
          entry('submit', 'r1'),
        );
        expect(submitted).toMatchObject({ status: 'in-review', version: 1, submittedBy: 'sam' });
        await store.authoring.reviewDraft('new-case', 1, { status: 'editing', submittedBy: undefined }, entry('submit', 'r1'));
        expect(store.authoring.draft('new-case')?.submittedBy).toBeUndefined();
        await expect(store.authoring.reviewDraft('new-case', 2, { status: 'editing' }, entry('submit'))).rejects.toBeInstanceOf(StoreConflictError);
        await expect(store.authoring.reviewDraft('other', 1, { status: 'editing' }, entry('submit'))).rejects.toBeInstanceOf(StoreNotFoundError);
        await expect(store.authoring.removeDraft('new-case', 2, entry('publish', 'r1'))).rejects.toBeInstanceOf(StoreConflictError);
        await store.authoring.removeDraft('new-case', 1, entry('publish', 'r1', 'rita'));
        expect(store.authoring.draft('new-case')).toBeUndefined();
        await expect(store.authoring.removeDraft('new-case', 1, entry('publish', 'r1'))).rejects.toBeInstanceOf(StoreNotFoundError);
        expect(store.authoring.history('new-case').map((line) => line.kind)).toEqual(['draft', 'submit', 'submit', 'publish']);
        // A new draft after a publish starts from version 0 again.
        expect((await store.authoring.saveDraft(draft('r2'), 0, entry('draft', 'r2'))).version).toBe(1);
      });

      test('withdraw and reinstate: recorded once each, a repeat writes nothing; all of it survives a restart', async () => {
        expect(await store.authoring.setWithdrawn('new-case', true, entry('withdraw'))).toBe(true);
        const writes = faults.writes;
        expect(await store.authoring.setWithdrawn('new-case', true, entry('withdraw'))).toBe(false);
        expect(faults.writes).toBe(writes);
        await store.authoring.saveDraft(draft('r1'), 0, entry('draft', 'r1'));
        await store.authoring.record([entry('file', 'f1', 'disk'), entry('file', 'f2', 'disk')]);
        expect(await store.authoring.record([])).toEqual([]);
        await reopen();
        expect(store.authoring.withdrawn()).toEqual(['new-case']);
        expect(store.authoring.draft('new-case')?.version).toBe(1);
        expect(store.authoring.history('new-case').map((line) => [line.seq, line.kind])).toEqual([
          [1, 'withdraw'],
          [2, 'draft'],
          [3, 'file'],
          [4, 'file'],
        ]);
        expect(await store.authoring.setWithdrawn('new-case', false, entry('reinstate'))).toBe(true);
        expect(store.authoring.withdrawn()).toEqual([]);
      });

      test('a failed write leaves drafts, history and withdrawn ids as they were', async () => {
        await store.authoring.saveDraft(draft('r1'), 0, entry('draft', 'r1'));
        const before = structuredClone({
          drafts: store.authoring.drafts(),
          history: store.authoring.history('new-case'),
          withdrawn: store.authoring.withdrawn(),
        });
        faults.failing = true;
        const failures = await Promise.allSettled([
          store.authoring.saveDraft(draft('r2'), 1, entry('draft', 'r2')),
          store.authoring.reviewDraft('new-case', 1, { status: 'in-review' }, entry('submit', 'r1')),
          store.authoring.removeDraft('new-case', 1, entry('publish', 'r1')),
          store.authoring.record([entry('file', 'f1')]),
          store.authoring.setWithdrawn('new-case', true, entry('withdraw')),
        ]);
        for (const failure of failures) expect(failure).toMatchObject({ status: 'rejected', reason: { message: 'disk full (injected)' } });
        expect({ drafts: store.authoring.drafts(), history: store.authoring.history('new-case'), withdrawn: store.authoring.withdrawn() }).toEqual(before);
        faults.failing = false;
        await reopen();
        expect(store.authoring.draft('new-case')).toMatchObject({ revision: 'r1', version: 1, status: 'editing' });
      });
    });

    describe('ordering', () => {
      test('mutations of one attempt apply in call order, each on the one before', async () => {
        await store.attempts.create(attempt('x-1'));
        await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            store.attempts.update('x-1', (draft) => {
              draft.events.push(hint(`step-${index}`));
            }),
          ),
        );
        const expected = Array.from({ length: 20 }, (_, index) => `step-${index}`);
        expect(store.attempts.get('x-1')?.events.map((event) => event.stepId)).toEqual(expected);
        await reopen();
        expect(store.attempts.get('x-1')?.events.map((event) => event.stepId)).toEqual(expected);
      });

      test('a failed mutation in a queue takes only itself back: those before and after it stand', async () => {
        let calls = 0;
        const flaky = faults.wrap;
        faults.wrap = <T>(adapter: Adapter<T>): Adapter<T> => {
          const wrapped = flaky(adapter);
          return { read: wrapped.read, write: (data: T) => (++calls === 2 ? Promise.reject(new Error('disk full (injected)')) : wrapped.write(data)) };
        };
        await reopen();
        const results = await Promise.allSettled(['ann', 'bob', 'cat'].map((name) => store.users.add(user(name))));
        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect(store.users.list().map((entry) => entry.username)).toEqual(['ann', 'cat']);
        await reopen();
        expect(store.users.list().map((entry) => entry.username)).toEqual(['ann', 'cat']);
      });
    });
  });
}
