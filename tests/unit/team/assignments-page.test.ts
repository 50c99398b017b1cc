// The assignments page's work: creating and removing through the form, and each assignment's progress card.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignmentsPage } from '../../../src/server/team/assignments-page.ts';
import { openTeamDesk, type TeamDesk } from '../../support/desk.ts';

let team: TeamDesk;
beforeAll(async () => {
  team = await openTeamDesk();
}, 60_000);
afterAll(() => team.close());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const lena = () => team.desk.accounts.find('lena')!;

describe('the assignments page', () => {
  test("shows the team's assignments soonest first, with who is late and the path's titles", async () => {
    const page = await assignmentsPage(team.desk, lena(), 'order-desk', { assignee: 'ben' });
    if (page.kind !== 'page') throw new Error(page.kind);
    expect([page.status, page.values.assignee, page.missing]).toEqual([200, 'ben', false]);
    expect(page.cards.map((card) => card.assignment.id)).toEqual(['a-dev-overdue', 'a-team-path']);
    const overdue = page.cards[0]!;
    expect(overdue).toMatchObject({ assigneeName: 'Dev Raman', tone: 'bad', late: ['Dev Raman'], progressWords: '0 of 1 scenarios done' });
    expect(overdue.dueWords).toMatch(/^Overdue: due \d{4}-\d{2}-\d{2}$/);
    expect(page.cards[1]?.progressWords).toMatch(/^\d+ of \d+ trainees done/);
    expect(page.trainees.map((trainee) => trainee.username)).toContain('lee');
  });

  test('a valid post creates and redirects; a bad one comes back with its errors and values', async () => {
    const due = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const created = await assignmentsPage(team.desk, lena(), 'order-desk', {
      assignee: null,
      form: form({ title: 'Holds', assignee: 'emma', step1: 'same-po-two-doors', due }),
    });
    expect(created.kind).toBe('redirect');
    const id = created.kind === 'redirect' ? created.location.replace('/team/assignments?created=', '') : '';
    expect(team.desk.store.assignments.ofTeam('order-desk').some((assignment) => assignment.id === id)).toBe(true);
    const bad = await assignmentsPage(team.desk, lena(), 'order-desk', {
      assignee: null,
      form: form({ title: 'Late', assignee: 'gus', step1: 'same-po-two-doors', due: '2020-01-01' }),
    });
    expect(bad).toMatchObject({ kind: 'page', status: 400, values: { title: 'Late', assignee: 'gus', due: '2020-01-01' }, steps: ['same-po-two-doors'] });
    expect(bad.kind === 'page' && Object.keys(bad.errors).sort()).toEqual(['assignee', 'due']);
  });

  test("removing another team's assignment is a 404 that changes nothing; removing one's own redirects", async () => {
    const omar = team.desk.accounts.find('omar')!;
    const other = await assignmentsPage(team.desk, omar, 'returns-desk', { assignee: null, form: form({ intent: 'remove', id: 'a-team-path' }) });
    expect(other).toMatchObject({ kind: 'page', status: 404, missing: true });
    expect(team.desk.store.assignments.ofTeam('order-desk').some((assignment) => assignment.id === 'a-team-path')).toBe(true);
    expect(await assignmentsPage(team.desk, lena(), 'order-desk', { assignee: null, form: form({ intent: 'remove', id: 'a-team-path' }) })).toEqual({
      kind: 'redirect',
      location: '/team/assignments?removed=1',
    });
    expect(team.desk.store.assignments.ofTeam('order-desk').some((assignment) => assignment.id === 'a-team-path')).toBe(false);
  });
});
