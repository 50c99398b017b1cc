// Who reaches the team's data: a lead of the team only; another team's lead sees nothing of it.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as csvExport } from '../../../src/pages/team/export.csv.ts';
import { GET as xapiExport } from '../../../src/pages/team/export.xapi.json.ts';
import { teamOverview } from '../../../src/server/team/team-overview.ts';
import { removeAssignment, createAssignment } from '../../../src/server/team/assignment-service.ts';
import type { XapiStatement } from '../../../src/domain/export/xapi-statements.ts';
import { endpointContext, openTeamDesk, type TeamDesk } from '../../support/desk.ts';

let team: TeamDesk;
beforeAll(async () => {
  team = await openTeamDesk();
}, 60_000);
afterAll(() => team.close());

const exports = [
  ['/team/export.csv', csvExport],
  ['/team/export.xapi.json', xapiExport],
] as const;

describe('the exports', () => {
  test.each(exports)('%s: no session goes to the login page and back', async (pathname, handler) => {
    const response = await handler(endpointContext(team.desk, undefined, pathname));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/login?next=${encodeURIComponent(pathname)}`);
  });

  test.each(exports)('%s: a trainee and a senior get 403', async (pathname, handler) => {
    for (const username of ['ava', 'sam']) {
      const response = await handler(endpointContext(team.desk, username, pathname));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('Only a team lead can download the team exports.');
    }
  });

  test("the CSV holds the lead's own team only", async () => {
    const rows = async (lead: string) =>
      parse(await (await csvExport(endpointContext(team.desk, lead, '/team/export.csv'))).text(), { columns: true, bom: true }) as Record<string, string>[];
    const omar = await rows('omar');
    expect(new Set(omar.map((row) => row.trainee))).toEqual(new Set(['gus']));
    const lena = await rows('lena');
    expect(lena.some((row) => row.trainee === 'gus')).toBe(false);
    expect(lena.length).toBeGreaterThan(100);
  });

  test('the CSV is a download a spreadsheet opens as UTF-8', async () => {
    const response = await csvExport(endpointContext(team.desk, 'lena', '/team/export.csv'));
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="order-desk-attempts-\d{4}-\d{2}-\d{2}\.csv"$/);
  });

  test("the xAPI export holds the lead's own team only", async () => {
    const statements = (await (await xapiExport(endpointContext(team.desk, 'omar', '/team/export.xapi.json'))).json()) as XapiStatement[];
    expect(new Set(statements.map((statement) => statement.actor.account.name))).toEqual(new Set(['gus']));
  });
});

describe('the team data', () => {
  test("a team overview lists that team's trainees only", async () => {
    const other = await teamOverview(team.desk, 'returns-desk');
    expect(other.rows.map((row) => row.username)).toEqual(['gus']);
    const own = await teamOverview(team.desk, 'order-desk');
    expect(own.rows.map((row) => row.username).sort()).toEqual(['ava', 'ben', 'chloe', 'dev', 'emma', 'farid', 'gia', 'lee']);
  });

  test("a lead cannot remove another team's assignment, nor assign work to another team's trainee", async () => {
    expect(await removeAssignment(team.desk, 'returns-desk', 'a-team-path')).toBe(false);
    expect(team.desk.store.assignments.list().some((assignment) => assignment.id === 'a-team-path')).toBe(true);
    const omar = team.desk.accounts.find('omar')!;
    const due = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const result = await createAssignment(team.desk, omar, 'returns-desk', { title: 'Steal', assignee: 'ava', scenarioIds: ['same-po-two-doors'], due });
    expect(result).toEqual({ ok: false, errors: { assignee: 'Pick a trainee of your team, or the whole team.' } });
  });
});
