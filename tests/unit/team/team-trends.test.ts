import { describe, expect, test } from 'vitest';
import { teamTrends, trendRow, weekStart } from '../../../src/domain/team/team-trends.ts';
import type { AttemptSummary } from '../../../src/domain/progress/attempt-summary.ts';
import { summary } from '../readiness/summaries.ts';

const at = (iso: string, options: Parameters<typeof summary>[0] = {}): AttemptSummary => ({
  ...summary(options),
  startedAt: iso,
  finishedAt: options.finished === false ? undefined : iso,
});
const now = new Date('2026-12-03T12:00:00Z'); // a Thursday

describe('teamTrends', () => {
  test('weeks start on Monday (UTC)', () => {
    expect(new Date(weekStart(now.getTime())).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(weekStart(Date.parse('2026-11-30T00:00:00Z'))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(weekStart(Date.parse('2026-11-29T23:59:00Z'))).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  test('counts each finished attempt in its week; pass rate, routing and critical errors from assessments only', () => {
    const ava = [
      at('2026-11-24T10:00:00Z', { mode: 'practice', score: 40, passed: false }),
      at('2026-11-25T10:00:00Z', { score: 90 }),
      at('2026-11-26T10:00:00Z', { score: 50, passed: false, critical: true }),
      at('2026-12-01T10:00:00Z', { score: 95 }),
      at('2026-12-02T10:00:00Z', { finished: false }),
    ];
    const weeks = teamTrends(new Map([['ava', ava]]), 3, now, () => false);
    expect(weeks.map((week) => week.start)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(weeks.map((week) => week.attempts)).toEqual([0, 3, 1]);
    expect(weeks.map((week) => week.assessments)).toEqual([0, 2, 1]);
    expect(weeks.map((week) => week.passRate)).toEqual([null, 0.5, 1]);
    expect(weeks.map((week) => week.criticalErrors)).toEqual([0, 1, 0]);
  });

  test('ready counts trainees ready at each week end, judged on what they had finished by then', () => {
    const ben = [at('2026-11-25T10:00:00Z'), at('2026-12-01T10:00:00Z')];
    const seen: number[] = [];
    const weeks = teamTrends(new Map([['ben', ben]]), 2, now, (_, finished) => {
      seen.push(finished.length);
      return finished.length >= 2;
    });
    expect(seen).toEqual([1, 2]);
    expect(weeks.map((week) => week.ready)).toEqual([0, 1]);
  });

  test('a CSV row gives shares as percentages and leaves a week without data blank', () => {
    expect(trendRow({ start: '2026-11-30', attempts: 4, assessments: 3, passRate: 2 / 3, routingAccuracy: null, criticalErrors: 1, ready: 2 })).toEqual({
      week_starting: '2026-11-30',
      attempts: 4,
      assessments: 3,
      pass_rate: 66.7,
      routing_accuracy: '',
      critical_errors: 1,
      ready: 2,
    });
  });
});
