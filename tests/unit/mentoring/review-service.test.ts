import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reviewQueue, saveReview } from '../../../src/server/mentoring/review-service.ts';
import { readReviewForm } from '../../../src/server/mentoring/mentoring-forms.ts';
import { playAttempt, toTheNote, useDesk, viewerOf } from '../../support/desk.ts';

const fixture = useDesk({ onDisk: true });
const grade = (attemptId: string, met: number[], comment = 'Good: a time, and no promise.') => ({ attemptId, stepId: 'note-to-buyer', met, comment });

describe('the review queue', () => {
  test('lists written answers without a grade, oldest first, with the rubric and model beside the text', async () => {
    const { desk, people } = fixture;
    const first = await playAttempt(desk, people.tia, toTheNote('Credit is on it; I will write by 15:00.'));
    const second = await playAttempt(desk, people.tom, toTheNote('We are looking into it.'));
    const queue = await reviewQueue(desk, viewerOf(people.sid));
    expect(queue.map((item) => [item.trainee.username, item.text])).toEqual([
      ['tia', 'Credit is on it; I will write by 15:00.'],
      ['tom', 'We are looking into it.'],
    ]);
    expect(queue[0]).toMatchObject({
      attemptId: first.id,
      stepId: 'note-to-buyer',
      title: 'Quarter-end order on credit hold',
      finished: true,
      mode: 'practice',
    });
    expect(queue[0]?.rubric).toEqual(['Gives a concrete time for the next update', 'Does not promise a ship date before credit decides']);
    expect(queue[0]?.model).toContain('I will update you by 15:00 today');

    await saveReview(desk, viewerOf(people.sid), grade(first.id, [0, 1]));
    expect((await reviewQueue(desk, viewerOf(people.sid))).map((item) => item.attemptId)).toEqual([second.id]);
  });

  test("a lead reads only their own team's answers", async () => {
    const { desk, people } = fixture;
    await playAttempt(desk, people.tia, toTheNote('North note.'));
    await playAttempt(desk, people.tom, toTheNote('South note.'));
    expect((await reviewQueue(desk, viewerOf(people.lee))).map((item) => item.trainee.username)).toEqual(['tia']);
  });

  test('choice, choose-many and rank answers never wait for a review', async () => {
    const { desk, people } = fixture;
    await playAttempt(desk, people.tia, toTheNote('x').slice(0, 3));
    expect(await reviewQueue(desk, viewerOf(people.sid))).toEqual([]);
  });
});

describe('saveReview', () => {
  test('grades the answer: the score updates at once and the trainee gets a notice', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Credit is on it; I will write by 15:00.'));
    const before = await desk.attempts.summary(attempt);
    expect(before.score.pendingReview).toEqual(['note-to-buyer']);
    expect(before.score.passed).toBe(false);

    const review = await saveReview(desk, viewerOf(people.sid), grade(attempt.id, [1, 0, 1]), new Date('2026-05-01T10:00:00Z'));
    expect(review).toEqual({ met: [0, 1], comment: 'Good: a time, and no promise.', reviewer: 'sid', at: '2026-05-01T10:00:00.000Z' });
    expect(attempt.unseenFeedback).toBe(true);
    const after = await desk.attempts.summary(attempt);
    expect(after.score.pendingReview).toEqual([]);
    expect(after.score.decisions.find((decision) => decision.stepId === 'note-to-buyer')?.score).toBe(1);
    expect(after.score.passed).toBe(true);

    // Durable: the attempt file on disk holds the review.
    const file = JSON.parse(await readFile(join(desk.config.DESK_DATA_DIR, 'attempts', 'tia', `${attempt.id}.json`), 'utf8'));
    expect(file.reviews['note-to-buyer'].met).toEqual([0, 1]);
    expect(file.unseenFeedback).toBe(true);
  });

  test('a re-grade replaces the grade, and the score follows it down', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    await saveReview(desk, viewerOf(people.sid), grade(attempt.id, [0, 1]));
    await saveReview(desk, viewerOf(people.sid), grade(attempt.id, [], 'No time given.'), new Date(Date.now() + 1000));
    const score = (await desk.attempts.summary(attempt)).score;
    expect(score.decisions.find((decision) => decision.stepId === 'note-to-buyer')?.score).toBe(0);
    expect(attempt.reviews['note-to-buyer']?.comment).toBe('No time given.');
  });

  test('only seniors grade; others and bad grades are refused with a reason', async () => {
    const { desk, people } = fixture;
    const attempt = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    await expect(saveReview(desk, viewerOf(people.lee), grade(attempt.id, [0]))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(saveReview(desk, viewerOf(people.tia), grade(attempt.id, [0]))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(saveReview(desk, viewerOf(people.sid), grade(attempt.id, [2]))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The rubric has 2 lines; line 3 does not exist.',
    });
    await expect(saveReview(desk, viewerOf(people.sid), { ...grade(attempt.id, [0]), stepId: 'first-look' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(saveReview(desk, viewerOf(people.sid), grade('no-such-attempt', [0]))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(attempt.reviews).toEqual({});
    expect(attempt.unseenFeedback).toBe(false);
  });
});

describe('the review form', () => {
  test('reads ticked lines as numbers and refuses an over-long comment', () => {
    const form = new FormData();
    for (const [key, value] of [
      ['attemptId', 'a1'],
      ['stepId', 'note'],
      ['met', '0'],
      ['met', '2'],
      ['comment', '  Fine.  '],
    ])
      form.append(key!, value!);
    expect(readReviewForm(form)).toEqual({ ok: true, value: { attemptId: 'a1', stepId: 'note', met: [0, 2], comment: 'Fine.' } });
    form.set('comment', 'x'.repeat(2001));
    expect(readReviewForm(form)).toEqual({ ok: false, message: 'Keep the comment under 2000 characters.' });
    form.set('comment', '');
    form.append('met', 'two');
    expect(readReviewForm(form).ok).toBe(false);
  });
});
