// What a team lead reads when content/readiness.yaml is wrong: the file, the line, the key, what is allowed.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkPolicyText } from '../../../src/domain/readiness/check-policy.ts';
import { DEFAULT_POLICY } from '../../../src/domain/readiness/policy.ts';
import { formatFinding } from '../../../src/domain/scenario/finding.ts';
import { readPolicyFile, ReadinessPolicyFile } from '../../../src/server/readiness/policy-file.ts';
import { taxonomy } from '../../support/scenarios.ts';

const shipped = readFileSync(new URL('../../../content/readiness.yaml', import.meta.url), 'utf8');
const categoryIds = taxonomy.categories.map((category) => category.id);

/** The shipped file with `from` replaced by `to`; throws unless `from` occurs exactly once. */
function edit(from: string, to: string): string {
  const count = shipped.split(from).length - 1;
  if (count !== 1) throw new Error(`expected ${JSON.stringify(from)} once in readiness.yaml, found it ${count} times`);
  return shipped.replace(from, () => to);
}

const report = (text: string) =>
  checkPolicyText(text, categoryIds)
    .findings.map((finding) => formatFinding('content/readiness.yaml', finding))
    .join('\n');

describe('the shipped policy', () => {
  test('passes the check and is the policy the issue describes', () => {
    const checked = checkPolicyText(shipped, categoryIds);
    expect(checked.findings).toEqual([]);
    expect(checked.value).toEqual(DEFAULT_POLICY);
  });
});

describe('mistakes a lead can make', () => {
  test('a misspelt setting: the line, did-you-mean and the settings allowed there', () => {
    expect(report(edit('  meanScore: 80', '  meanScor: 80'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:22:13: error: categories: "meanScor" is not a setting of the readiness policy. Did you mean "meanScore"? Allowed here: required, passedAssessments, lastAssessments, meanScore."`,
    );
  });

  test('a percentage written as text', () => {
    expect(report(edit('  accuracy: 85', '  accuracy: high'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:32:13: error: routing.accuracy must be a number, but it is the text "high"."`,
    );
  });

  test('a percentage over 100', () => {
    expect(report(edit('  rubricShare: 70', '  rubricShare: 700'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:37:16: error: writtenAnswers.rubricShare must be 100 or less (percentages are written 0 to 100), but it is the number 700."`,
    );
  });

  test('a fraction where a whole number of assessments is needed', () => {
    expect(report(edit('  lastAssessments: 5', '  lastAssessments: 2.5'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:26:20: error: criticalErrors.lastAssessments must be a whole number, but it is the number 2.5."`,
    );
  });

  test('a sign-off setting that is not one of the three', () => {
    expect(report(edit('signOff: not-required', 'signOff: required'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:40:10: error: signOff must be one of "not-required", "any-category" or "each-required-category", but it is the text "required"."`,
    );
  });

  test('an unknown rule in close.notWhenUnmet', () => {
    expect(report(edit('notWhenUnmet: [critical-errors]', 'notWhenUnmet: [critical]'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:46:18: error: close.notWhenUnmet, entry 1 must be one of "category", "critical-errors", "routing", "written-answers" or "sign-off", but it is the text "critical"."`,
    );
  });

  test('a category that is not in the taxonomy, with the nearest id', () => {
    expect(report(edit('    - edi-failure', '    - edi-failures'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:14:7: error: categories.required, entry 3: "edi-failures" is not a category in scenarios/taxonomy.yaml. Did you mean "edi-failure"?"`,
    );
  });

  test('a category listed twice', () => {
    expect(report(edit('    - returns-credit', '    - returns-credit\n    - credit-limit'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:18:7: error: categories.required, entry 7: "credit-limit" is listed twice. List each category once."`,
    );
  });

  test('no required category at all', () => {
    expect(report('categories:\n  required: []\n')).toMatchInlineSnapshot(`"content/readiness.yaml:2:3: error: categories.required needs at least 1 entry."`);
  });

  test('the categories section left out', () => {
    expect(report('routing:\n  accuracy: 85\n')).toMatchInlineSnapshot(
      `"content/readiness.yaml:1:1: error: categories is missing. Add "categories:" with a group of settings (indented "key: value" lines)."`,
    );
  });

  test('a YAML syntax error, at its line', () => {
    expect(report(edit('  notWhenUnmet: [critical-errors]', '  notWhenUnmet: [critical-errors'))).toMatchInlineSnapshot(
      `"content/readiness.yaml:47:1: error: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]. Check the indentation: nested keys use the same number of spaces."`,
    );
  });

  test('an empty file', () => {
    expect(report('')).toMatchInlineSnapshot(
      `"content/readiness.yaml:1:1: error: The file must be a set of "key: value" lines at the top level (it is empty or a list)."`,
    );
  });

  test('several mistakes are all reported, in line order', () => {
    expect(report(edit('  meanScore: 80', '  meanScore: -5').replace('  allowed: 0', '  allowed: none'))).toMatchInlineSnapshot(`
      "content/readiness.yaml:22:14: error: categories.meanScore must be 0 or more, but it is the number -5.
      content/readiness.yaml:27:12: error: criticalErrors.allowed must be a number, but it is the text "none"."
    `);
  });
});

describe('loading the file at start', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const fileWith = async (text: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-policy-'));
    dirs.push(dir);
    const file = path.join(dir, 'readiness.yaml');
    await writeFile(file, text);
    return file;
  };

  test('a bad file stops the start with its name and every reason', async () => {
    const file = await fileWith(edit('  accuracy: 85', '  accuracy: high'));
    const error = await readPolicyFile(file, categoryIds).catch((caught: Error & { code?: string }) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as { code?: string }).code).toBe('READINESS_POLICY');
    expect((error as Error).message.replaceAll(file, '<file>')).toMatchInlineSnapshot(`
      "The readiness policy <file> has a problem:
        <file>:32:13: error: routing.accuracy must be a number, but it is the text "high"."
    `);
  });

  test('a missing file says how to put it back', async () => {
    const error = await readPolicyFile('/nonexistent/readiness.yaml', categoryIds).catch((caught: Error) => caught);
    expect((error as Error).message).toMatchInlineSnapshot(
      `"The readiness policy /nonexistent/readiness.yaml cannot be read: it does not exist. Restore it from the repository, or set DESK_READINESS_FILE to the policy's path."`,
    );
  });

  test('a bad save while running keeps the policy in force and logs why; a good save replaces it', async () => {
    const file = await fileWith(shipped);
    const logged: string[] = [];
    const policy = await ReadinessPolicyFile.open(
      file,
      () => categoryIds,
      (line) => logged.push(line),
    );
    await writeFile(file, edit('  accuracy: 85', '  accuracy: high'));
    expect(await policy.reload()).toBe(false);
    expect(policy.policy.routing?.accuracy).toBe(85);
    expect(logged.join('\n')).toContain('The previous readiness policy stays in force');
    await writeFile(file, edit('  accuracy: 85', '  accuracy: 90'));
    expect(await policy.reload()).toBe(true);
    expect(policy.policy.routing?.accuracy).toBe(90);
    expect(policy.generation).toBe(1);
  });

  test('saving the file reloads it (watched)', async () => {
    const file = await fileWith(shipped);
    const policy = await ReadinessPolicyFile.open(
      file,
      () => categoryIds,
      () => {},
    );
    policy.watch();
    try {
      await writeFile(file, edit('  accuracy: 85', '  accuracy: 95'));
      await expect.poll(() => policy.policy.routing?.accuracy, { timeout: 5000 }).toBe(95);
    } finally {
      policy.close();
    }
  });
});

describe('the desk at start', () => {
  test('a bad policy file stops openDesk with "Cannot start", the file and the reason', async () => {
    const { openDesk } = await import('../../../src/server/desk.ts');
    const { readConfig } = await import('../../../src/server/config.ts');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-policy-start-'));
    try {
      const file = path.join(dir, 'readiness.yaml');
      await writeFile(file, edit('signOff: not-required', 'signOff: sometimes'));
      const config = readConfig({ DESK_DATA_DIR: path.join(dir, 'data'), DESK_DEMO: '0', DESK_READINESS_FILE: file });
      const error = await openDesk(config, { log: () => {} }).catch((caught: Error) => caught);
      expect((error as Error).message.replaceAll(file, '<file>')).toMatchInlineSnapshot(`
        "Cannot start: The readiness policy <file> has a problem:
          <file>:40:10: error: signOff must be one of "not-required", "any-category" or "each-required-category", but it is the text "sometimes"."
      `);
      // The data directory's lock was released: a corrected start works.
      await writeFile(file, shipped);
      const desk = await openDesk(config, { log: () => {} });
      expect(desk.readiness.policy.signOff).toBe('not-required');
      (await import('../../../src/server/desk.ts')).closeDesk(desk);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
