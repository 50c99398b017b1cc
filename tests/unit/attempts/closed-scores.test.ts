// What a summary carries for an open assessment (nothing) and for an abandoned attempt (never a pass).
import { describe, expect, test } from 'vitest';
import { abandonedScore, ABANDONED_SHORTFALL, sealedScore } from '../../../src/domain/scoring/closed-scores.ts';
import { NOT_FINISHED } from '../../../src/domain/scoring/attempt-score.ts';
import { attemptOutcome } from '../../../src/domain/progress/attempt-outcome.ts';
import { awayFromAnswer } from '../../../src/domain/view/trainee-view.ts';
import { seededShuffle } from '../../../src/domain/shuffle.ts';
import { assignmentProgress } from '../../../src/domain/progress/assignments.ts';

describe('sealed and abandoned scores', () => {
  test('a sealed score has no decision, no routing, no critical error and no pass', () => {
    const score = sealedScore();
    expect(score.decisions).toEqual([]);
    expect(score.routing.accuracy).toBeNull();
    expect(score).toMatchObject({ critical: false, passed: false, pendingReview: [], shortfalls: [] });
  });

  test('an abandoned attempt scores 0, never passes, and says it was abandoned instead of "not finished"', () => {
    const partial = { ...sealedScore(), score: 92, passed: false, shortfalls: [NOT_FINISHED, 'A written answer is waiting for a senior to review it.'] };
    const abandoned = abandonedScore(partial);
    expect(abandoned.passed).toBe(false);
    // Stopping while ahead earns nothing: a partial 92 would lift a best score or a readiness mean.
    expect(abandoned.score).toBe(0);
    expect(abandoned.parts).toEqual(partial.parts);
    expect(abandoned.shortfalls).toEqual([ABANDONED_SHORTFALL, 'A written answer is waiting for a senior to review it.']);
    expect(abandonedScore({ ...partial, passed: true, shortfalls: [] }).passed).toBe(false);
    expect(attemptOutcome({ finishedAt: '2026-12-03T10:00:00Z', abandonedAt: '2026-12-03T10:00:00Z', score: abandoned })).toEqual({
      tone: 'bad',
      words: 'Abandoned',
    });
  });

  test('an abandoned attempt does not complete an assignment; a finished one does', () => {
    const assignment = { id: 'a1', team: 'north', title: 'Credit week', scenarioIds: ['credit-hold'], due: '2026-12-10', createdAt: '2026-12-01T00:00:00Z' };
    const at = '2026-12-02T10:00:00Z';
    expect(
      assignmentProgress(assignment, [{ scenarioId: 'credit-hold', startedAt: at, finishedAt: at, abandonedAt: at }], new Set(), '2026-12-03'),
    ).toMatchObject({ done: [], complete: false });
    expect(assignmentProgress(assignment, [{ scenarioId: 'credit-hold', startedAt: at, finishedAt: at }], new Set(), '2026-12-03')).toMatchObject({
      done: ['credit-hold'],
      complete: true,
    });
  });
});

describe('the starting order of rank items', () => {
  const items = ['dps', 'credit', 'address', 'warehouse'].map((id) => ({ id, text: id }));
  const answer = ['dps', 'credit', 'address', 'warehouse'];

  test('is never the answer order, for any attempt', () => {
    for (let seed = 0; seed < 500; seed++) {
      const order = awayFromAnswer(seededShuffle(items, `attempt-${seed}:queue`), answer).map((item) => item.id);
      expect(order).not.toEqual(answer);
      expect([...order].sort()).toEqual([...answer].sort());
    }
  });

  test('an order that is not the answer is left as shuffled; a single item stays as it is', () => {
    const shuffled = [items[1]!, items[0]!, items[2]!, items[3]!];
    expect(awayFromAnswer(shuffled, answer)).toBe(shuffled);
    expect(awayFromAnswer([items[0]!], ['dps'])).toEqual([items[0]]);
    expect(awayFromAnswer(items, answer).map((item) => item.id)).toEqual(['credit', 'address', 'warehouse', 'dps']);
  });
});
