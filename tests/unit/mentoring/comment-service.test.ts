import { describe, expect, test } from 'vitest';
import { addComment, openReplies } from '../../../src/server/mentoring/comment-service.ts';
import { readCommentForm } from '../../../src/server/mentoring/mentoring-forms.ts';
import { canAddToThread } from '../../../src/domain/mentoring/feedback.ts';
import { playAttempt, toTheNote, useDesk, viewerOf } from '../../support/desk.ts';

const fixture = useDesk();
const on = (attemptId: string, text: string, stepId = 'first-look') => ({ attemptId, stepId, text });

describe('comment threads on decisions', () => {
  test('a senior comments, the trainee replies, and the thread reads in order beside the decision', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    await addComment(desk, viewerOf(people.sid), on(attempt.id, 'Why the ledger first?'), new Date('2026-05-01T10:00:00Z'));
    expect(attempt.unseenFeedback).toBe(true);
    attempt.unseenFeedback = false;
    await addComment(desk, viewerOf(people.tia), on(attempt.id, 'The exposure looked like a lag.'), new Date('2026-05-01T11:00:00Z'));
    expect(attempt.unseenFeedback).toBe(false);
    await addComment(desk, viewerOf(people.lee), on(attempt.id, 'Good instinct.'), new Date('2026-05-01T12:00:00Z'));

    const thread = attempt.comments.filter((comment) => comment.stepId === 'first-look');
    expect(thread.map((comment) => [comment.author, comment.text])).toEqual([
      ['sid', 'Why the ledger first?'],
      ['tia', 'The exposure looked like a lag.'],
      ['lee', 'Good instinct.'],
    ]);
    expect(new Set(thread.map((comment) => comment.id)).size).toBe(3);
    expect(attempt.unseenFeedback).toBe(true);
  });

  test('a trainee cannot start a thread, only reply to one', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    await expect(addComment(desk, viewerOf(people.tia), on(attempt.id, 'Hello?'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You can reply once a senior or your lead has commented on this decision.',
    });
    expect(attempt.comments).toEqual([]);
  });

  test('nobody comments on an attempt they may not see: it reads as not found', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tom, toTheNote('Soon.'));
    await expect(addComment(desk, viewerOf(people.lee), on(attempt.id, 'Hi'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(addComment(desk, viewerOf(people.tia), on(attempt.id, 'Hi'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('comments go on decisions the attempt made', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    await expect(addComment(desk, viewerOf(people.sid), on(attempt.id, 'Hi', 'sales-bounces'))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  test("open replies: a trainee's last word waits for an answer, for those who may see it", async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    await addComment(desk, viewerOf(people.sid), on(attempt.id, 'Why?'));
    await addComment(desk, viewerOf(people.tia), on(attempt.id, 'Because.'));
    expect(openReplies(desk, viewerOf(people.sid)).map((reply) => [reply.trainee, reply.stepId, reply.text])).toEqual([['tia', 'first-look', 'Because.']]);
    expect(openReplies(desk, viewerOf(people.tia))).toEqual([]);
    await addComment(desk, viewerOf(people.sid), on(attempt.id, 'Fair.'));
    expect(openReplies(desk, viewerOf(people.sid))).toEqual([]);
  });
});

describe('canAddToThread', () => {
  const trainee = { username: 'tia', team: 'north' };
  test('seniors and the team lead start threads; other leads and trainees do not', () => {
    expect(canAddToThread({ username: 'sid', role: 'senior' }, trainee, [])).toBe(true);
    expect(canAddToThread({ username: 'lee', role: 'lead', team: 'north' }, trainee, [])).toBe(true);
    expect(canAddToThread({ username: 'lou', role: 'lead', team: 'south' }, trainee, [])).toBe(false);
    expect(canAddToThread({ username: 'tom', role: 'trainee', team: 'north' }, trainee, [{ author: 'sid' }])).toBe(false);
  });
  test('the trainee replies only once someone else has spoken', () => {
    const tia = { username: 'tia', role: 'trainee' as const, team: 'north' };
    expect(canAddToThread(tia, trainee, [])).toBe(false);
    expect(canAddToThread(tia, trainee, [{ author: 'tia' }])).toBe(false);
    expect(canAddToThread(tia, trainee, [{ author: 'sid' }])).toBe(true);
  });
});

describe('the comment form', () => {
  test('refuses an empty comment with a sentence', () => {
    const form = new FormData();
    form.set('attemptId', 'a1');
    form.set('stepId', 's1');
    form.set('text', '   ');
    expect(readCommentForm(form)).toEqual({ ok: false, message: 'Write a comment before you send it.' });
  });
});
