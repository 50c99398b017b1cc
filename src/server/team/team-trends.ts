import { stringify } from 'csv-stringify/sync';
import type { Desk } from '../desk.ts';
import { assessReadiness } from '../../domain/readiness/readiness.ts';
import { TREND_COLUMNS, teamTrends, trendRow, type TeamWeek } from '../../domain/team/team-trends.ts';
import { attemptsByTrainee, summariesOf } from './team-overview.ts';
import { readinessContext } from './readiness-context.ts';

/** How many weeks the team page and the trends CSV look back. */
export const TREND_WEEKS = 12;

/** The team's last weeks: attempts, pass rate, routing accuracy and critical errors in assessments, trainees ready. */
export async function teamTrendsOf(desk: Desk, teamId: string, now = new Date(), weeks = TREND_WEEKS): Promise<TeamWeek[]> {
  const trainees = desk.accounts.trainees(teamId);
  const grouped = attemptsByTrainee(desk, new Set(trainees.map((trainee) => trainee.username)));
  const byTrainee = new Map(
    await Promise.all(trainees.map(async (trainee) => [trainee.username, await summariesOf(desk, grouped.get(trainee.username) ?? [])] as const)),
  );
  const policy = desk.readiness.policy;
  const context = readinessContext(desk.catalog);
  const signOffs = [...desk.store.signOffs.list()];
  return teamTrends(byTrainee, weeks, now, (username, finished, until) => {
    const signed = signOffs.filter((signOff) => signOff.trainee === username && signOff.at < until).map(({ category, by }) => ({ category, by }));
    return assessReadiness(policy, finished, signed, context).verdict === 'ready';
  });
}

/** The trends as CSV, one row per week, oldest first, in the same dialect as the attempts export. */
export async function teamTrendsCsv(desk: Desk, teamId: string, now = new Date()): Promise<string> {
  const weeks = await teamTrendsOf(desk, teamId, now);
  return stringify(weeks.map(trendRow), { header: true, columns: [...TREND_COLUMNS], bom: true, record_delimiter: 'windows' });
}
