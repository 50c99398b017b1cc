import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { debriefPage } from '../../../src/server/mentoring/debrief-page.ts';
import { addComment } from '../../../src/server/mentoring/comment-service.ts';
import { playAttempt, toTheNote, useDesk, viewerOf } from '../../support/desk.ts';

// On disk: one test reads the attempt file back to see the change is durable.
const fixture = useDesk({ onDisk: true });
const posted = (fields: Record<string, string>) => async () => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};

describe('the debrief page', () => {
  test('an attempt the viewer may not see is not found, and its form is never read', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tom, toTheNote('Soon.'));
    let read = false;
    const page = await debriefPage(desk, viewerOf(people.tia), attempt.id, async () => {
      read = true;
      return new FormData();
    });
    expect([page.kind, read]).toEqual(['not-found', false]);
    expect((await debriefPage(desk, viewerOf(people.sid), 'no-such-attempt')).kind).toBe('not-found');
  });

  test('the trainee mid-case goes back to the case; a senior reads it as it stands', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.').slice(0, 1));
    expect(await debriefPage(desk, viewerOf(people.tia), attempt.id)).toEqual({ kind: 'redirect', location: `/play/${attempt.id}` });
    const page = await debriefPage(desk, viewerOf(people.sid), attempt.id);
    expect(page).toMatchObject({ kind: 'page', status: 200, mine: false, grader: true, outcome: { words: 'In progress' } });
  });

  test('a posted comment goes back to its decision; a refused one stays with its status and reason', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    const senior = await debriefPage(desk, viewerOf(people.sid), attempt.id, posted({ intent: 'comment', stepId: 'first-look', text: 'Why the ledger?' }));
    expect(senior).toEqual({ kind: 'redirect', location: `/attempts/${attempt.id}#step-first-look` });
    const refused = await debriefPage(desk, viewerOf(people.tia), attempt.id, posted({ intent: 'comment', stepId: 'loop-in', text: 'Hello?' }));
    expect(refused).toMatchObject({ kind: 'page', status: 403, formError: 'You can reply once a senior or your lead has commented on this decision.' });
    const bad = await debriefPage(desk, viewerOf(people.sid), attempt.id, posted({ intent: 'review', stepId: 'note-to-buyer', met: 'all' }));
    expect(bad).toMatchObject({ kind: 'page', status: 400 });
  });

  test("the trainee's own visit marks new feedback seen, durably; the thread shows who may add to it", async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    await addComment(desk, viewerOf(people.sid), { attemptId: attempt.id, stepId: 'first-look', text: 'Why?' });
    expect(desk.store.attempts.get(attempt.id)?.unseenFeedback).toBe(true);
    const page = await debriefPage(desk, viewerOf(people.tia), attempt.id);
    if (page.kind !== 'page') throw new Error(page.kind);
    expect(desk.store.attempts.get(attempt.id)?.unseenFeedback).toBe(false);
    const file = JSON.parse(await readFile(join(desk.config.DESK_DATA_DIR, 'attempts', 'tia', `${attempt.id}.json`), 'utf8'));
    expect(file.unseenFeedback).toBe(false);
    expect([page.mine, page.grader, page.threadOpen('first-look'), page.threadOpen('loop-in'), page.nameOf('sid'), page.comments('first-look').length]).toEqual(
      [true, false, true, false, 'SID', 1],
    );
  });
});
