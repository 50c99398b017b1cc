import { stringify } from 'csv-stringify/sync';
import { ATTEMPT_COLUMNS, attemptRow } from '../../domain/export/attempt-rows.ts';
import { attemptsByTrainee, summariesOf, type TeamDeps } from '../team/team-overview.ts';

/**
 * The team's attempts as CSV, one row per attempt, oldest first: quoting by csv-stringify, CRLF line
 * ends and a byte-order mark so spreadsheets open it as UTF-8.
 */
export async function teamAttemptsCsv(desk: Pick<TeamDeps, 'store' | 'accounts' | 'attempts' | 'catalog'>, team: string): Promise<string> {
  const trainees = desk.accounts.trainees(team, true);
  const names = new Map(trainees.map((trainee) => [trainee.username, trainee.name]));
  const titles = new Map(desk.catalog.list().map((loaded) => [loaded.scenario.id, loaded.scenario.title]));
  const grouped = attemptsByTrainee(desk, new Set(names.keys()));
  const summaries = (await summariesOf(desk, [...grouped.values()].flat())).sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const rows = summaries.map((summary) =>
    attemptRow(summary, { trainee: names.get(summary.username) ?? summary.username, title: titles.get(summary.scenarioId) ?? summary.scenarioId }),
  );
  return stringify(rows, { header: true, columns: [...ATTEMPT_COLUMNS], bom: true, record_delimiter: 'windows' });
}
