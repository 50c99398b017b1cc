import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { authorFile, authorFiles, fileStamp, sourceLines } from '../../../src/server/authoring/author-files.ts';
import { analysedAttempts } from '../../../src/server/authoring/item-runs.ts';
import { playAttempt, toTheNote, useDesk } from '../../support/desk.ts';

const fixture = useDesk();
const broken = `id: broken-case
title: Broken
summary: A file with a typo in a next.
category: credit-limit
level: 3
estimatedMinutes: 5
setting: { clock: 2026-03-30T13:55, sentiment: 50 }
case:
  order: { number: SO-1 }
  customer: { name: Someone }
start: only
steps:
  only:
    kind: choose
    prompt: Which?
    options:
      - { id: a, text: A, verdict: best, why: Yes., next: dne }
      - { id: b, text: B, verdict: wrong, why: No., next: end }
      - { id: c, text: C, verdict: weak, why: Meh., next: end }
endings:
  end: { result: resolved, text: Done. }
`;

describe("the author studio's files", () => {
  test('a file with errors is listed with its findings at their lines, not served, and does not hide the others', async () => {
    const { desk } = fixture;
    await writeFile(join(desk.catalog.paths.scenariosDir, 'broken-case.yaml'), broken);
    await desk.catalog.reload();
    const files = authorFiles(desk.catalog);
    expect(files.map((file) => [file.fileId, file.served, file.errors])).toEqual([
      ['broken-case', false, 1],
      ['kitchen-sink', true, 0],
    ]);
    const file = authorFile(desk.catalog, 'broken-case')!;
    expect(file.checked.findings[0]).toMatchObject({
      severity: 'error',
      line: 17,
      message: '"dne" is not a step or ending of this scenario. Did you mean "end"?',
    });
    const lines = await sourceLines(desk.catalog, file);
    expect(lines[16]).toContain('next: dne');
  });

  test('the stamp a page polls changes when its file changes, and not when another file does', async () => {
    const { desk } = fixture;
    await writeFile(join(desk.catalog.paths.scenariosDir, 'broken-case.yaml'), broken);
    await desk.catalog.reload();
    const kitchen = fileStamp(desk.catalog, 'kitchen-sink');
    const before = fileStamp(desk.catalog, 'broken-case');
    await writeFile(join(desk.catalog.paths.scenariosDir, 'broken-case.yaml'), broken.replace('next: dne', 'next: end'));
    await desk.catalog.reload();
    expect(fileStamp(desk.catalog, 'broken-case')).not.toBe(before);
    expect(fileStamp(desk.catalog, 'kitchen-sink')).toBe(kitchen);
    expect(authorFile(desk.catalog, 'broken-case')).toMatchObject({ errors: 0, served: true });
    expect(fileStamp(desk.catalog, 'no-such-file')).toBe('missing');
  });
});

describe('analysedAttempts', () => {
  test('replays every attempt at the scenario with its decision times, position and reviews', async () => {
    const { desk, people } = fixture;
    const done = await playAttempt(desk, people.tia, toTheNote('Soon.'));
    done.reviews['note-to-buyer'] = { met: [0], comment: '', reviewer: 'sid', at: new Date().toISOString() };
    await playAttempt(desk, people.tom, toTheNote('x').slice(0, 1));
    const runs = await analysedAttempts(desk, 'kitchen-sink');
    const byLength = [...runs].sort((a, b) => a.decisions.length - b.decisions.length);
    expect(byLength.map((run) => [run.decisions.length, run.decidedMs.length, run.finished, run.at])).toEqual([
      [1, 1, false, 'loop-in'],
      [4, 4, true, 'shipped'],
    ]);
    expect(byLength[1]?.reviews).toEqual({ 'note-to-buyer': [0] });
    expect(await analysedAttempts(desk, 'other-scenario')).toEqual([]);
  });
});
