// The team exports: CSV that survives a spreadsheet, and xAPI statements a validator accepts.
import { parse } from 'csv-parse/sync';
import validateStatement from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { teamAttemptsCsv } from '../../../src/server/export/attempts-csv.ts';
import { statementId, teamStatements } from '../../../src/server/export/xapi.ts';
import { ATTEMPT_COLUMNS, safeText } from '../../../src/domain/export/attempt-rows.ts';
import { isoDuration, type XapiStatement } from '../../../src/domain/export/xapi-statements.ts';
import { AWKWARD_NAME, openTeamDesk, type TeamDesk } from '../../support/desk.ts';

let team: TeamDesk;
beforeAll(async () => {
  team = await openTeamDesk();
}, 60_000);
afterAll(() => team.close());

/** xapi-validation's warnings for one statement: [] when it is a valid xAPI 1.0.3 statement. */
const problems = (statement: unknown) => {
  const validate = (validateStatement as unknown as { default?: typeof validateStatement }).default ?? validateStatement;
  return validate(statement).map((warning) => `${warning.path.join('.')}: ${warning.message} (${(warning as { typeName?: string }).typeName ?? warning.name})`);
};

describe('CSV export', () => {
  test('one row per attempt of the team, every column, parsed back by a CSV parser', async () => {
    const csv = await teamAttemptsCsv(team.desk, 'order-desk');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const attempts = [...team.desk.store.attempts.all()].filter((attempt) => team.desk.accounts.find(attempt.username)?.team === 'order-desk');
    expect(rows).toHaveLength(attempts.length);
    expect(Object.keys(rows[0]!)).toEqual([...ATTEMPT_COLUMNS]);
    expect(new Set(rows.map((row) => row.trainee))).toEqual(new Set(['ava', 'ben', 'chloe', 'dev', 'emma', 'farid', 'lee']));
    for (const row of rows) {
      expect(row.mode).toMatch(/^(practice|assessment)$/);
      expect(row.started).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      if (row.finished) {
        expect(Number(row.score)).toBeGreaterThanOrEqual(0);
        expect(Number(row.score)).toBeLessThanOrEqual(100);
        expect(row.passed).toMatch(/^(yes|no)$/);
      } else {
        expect(row.score).toBe('');
      }
      expect(row.routing_accuracy === '' || (Number(row.routing_accuracy) >= 0 && Number(row.routing_accuracy) <= 100)).toBe(true);
    }
    // Hints and the pinned revision come from the stored attempt itself.
    for (const attempt of attempts) {
      const row = rows.find(
        (candidate) => candidate.trainee === attempt.username && candidate.started === attempt.startedAt && candidate.scenario === attempt.scenarioId,
      );
      expect(row?.revision).toBe(attempt.revision);
      expect(Number(row?.hints)).toBe(attempt.events.filter((event) => event.type === 'hint').length);
    }
  });

  test('a name with a comma, quotes and a line break survives the round trip', async () => {
    const csv = await teamAttemptsCsv(team.desk, 'order-desk');
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const lee = rows.find((row) => row.trainee === 'lee');
    expect(lee?.name).toBe(AWKWARD_NAME);
    expect(lee).toMatchObject({ scenario: 'same-po-two-doors', mode: 'assessment', score: '100', passed: 'yes', critical: 'no', routing_accuracy: '100' });
    expect(csv).toContain('"Lee, ""Sam""\nJunior"');
  });

  test('text a spreadsheet would run as a formula is neutralised', () => {
    expect(safeText('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(safeText('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(safeText('Ava Lindqvist')).toBe('Ava Lindqvist');
  });

  test("another team's attempts never appear", async () => {
    const csv = await teamAttemptsCsv(team.desk, 'returns-desk');
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => row.trainee)).toEqual(['gus', 'gus']);
  });
});

describe('xAPI export', () => {
  let statements: XapiStatement[];
  beforeAll(async () => {
    statements = await teamStatements(team.desk, 'order-desk');
  });

  test('every statement is valid xAPI 1.0.3 by xapi-validation', () => {
    expect(statements.length).toBeGreaterThan(500);
    const invalid = statements.flatMap((statement) => problems(statement).map((problem) => `${statement.id} ${statement.verb.display['en-US']}: ${problem}`));
    expect(invalid).toEqual([]);
  });

  test('the validator is really checking: a broken statement is refused', () => {
    const broken = { ...statements[0], verb: { id: 'attempted' }, timestamp: 'yesterday' };
    expect(problems(broken).length).toBeGreaterThan(0);
  });

  test('ids are unique and stable: exporting twice gives the same statements', async () => {
    expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);
    expect(await teamStatements(team.desk, 'order-desk')).toEqual(statements);
  });

  test('an attempt is attempted, each decision answered, then completed and passed or failed', () => {
    const attempt = [...team.desk.store.attempts.all()].find((candidate) => candidate.username === 'lee')!;
    const mine = statements.filter(
      (statement) => (statement.context.extensions as Record<string, string>)['http://exception-desk.localhost/xapi/attempt'] === attempt.id,
    );
    const answers = attempt.events.filter((event) => event.type === 'answer').length;
    expect(mine.map((statement) => statement.verb.display['en-US'])).toEqual(['attempted', ...Array(answers).fill('answered'), 'completed', 'passed']);
    expect(mine[0]).toMatchObject({
      actor: { objectType: 'Agent', name: AWKWARD_NAME, account: { homePage: 'http://exception-desk.localhost/', name: 'lee' } },
      object: { id: 'http://exception-desk.localhost/scenarios/same-po-two-doors', definition: { type: 'http://adlnet.gov/expapi/activities/simulation' } },
      version: '1.0.3',
    });
    expect(mine.at(-1)?.result).toMatchObject({ success: true, completion: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
    for (const statement of mine)
      expect((statement.context.extensions as Record<string, string>)['http://exception-desk.localhost/xapi/revision']).toBe(attempt.revision);
    const completed = mine.find((statement) => statement.verb.display['en-US'] === 'completed');
    expect((completed?.result?.extensions as Record<string, number>)['http://exception-desk.localhost/xapi/hints']).toBe(
      attempt.events.filter((event) => event.type === 'hint').length,
    );
  });

  test('decisions are choice, sequencing or long-fill-in interactions with the senior answer as the correct response', () => {
    const answered = statements.filter((statement) => statement.verb.display['en-US'] === 'answered');
    const types = new Set(answered.map((statement) => statement.object.definition.interactionType));
    expect([...types].sort()).toEqual(['choice', 'long-fill-in', 'sequencing']);
    const choice = answered.find((statement) => statement.object.definition.interactionType === 'choice' && statement.result?.success === true)!;
    expect(choice.object.definition.correctResponsesPattern).toEqual([choice.result?.response]);
    const sequencing = answered.find((statement) => statement.object.definition.interactionType === 'sequencing')!;
    expect(String(sequencing.result?.response)).toContain('[,]');
    const written = answered.find((statement) => statement.object.definition.interactionType === 'long-fill-in')!;
    expect(written.object.definition.correctResponsesPattern).toBeUndefined();
    expect(typeof written.result?.response).toBe('string');
  });

  test('a written answer waiting for review has no score and its attempt no passed or failed yet', () => {
    const pending = [...team.desk.store.attempts.all()].find(
      (attempt) =>
        attempt.finishedAt &&
        attempt.username !== 'lee' &&
        attempt.events.some((event) => event.type === 'answer' && event.answer.kind === 'write' && !attempt.reviews[event.stepId]),
    );
    expect(pending).toBeDefined();
    const mine = statements.filter(
      (statement) => (statement.context.extensions as Record<string, string>)['http://exception-desk.localhost/xapi/attempt'] === pending!.id,
    );
    expect(mine.map((statement) => statement.verb.display['en-US'])).not.toContain('passed');
    expect(mine.map((statement) => statement.verb.display['en-US'])).not.toContain('failed');
    const note = mine.find((statement) => statement.object.definition.interactionType === 'long-fill-in');
    expect(note?.result?.score).toBeUndefined();
  });

  test('durations and ids have the forms xAPI asks for', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(61_500)).toBe('PT1M1.5S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(statementId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(statementId('a')).toBe(statementId('a'));
  });
});
