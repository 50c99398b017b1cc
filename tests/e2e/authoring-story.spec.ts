// The whole authoring round trip in the browser, on the real server and its real draft store: a senior
// writes a new scenario from the template (keyboard and mouse only), fixes a mistake the live check marks
// in place, playtests the draft and submits it; a second senior reads the diff and approves; a trainee
// plays it; the author changes it and it is published again; the trainee's earlier debrief is unchanged.
import { expect, test, type Page } from '@playwright/test';
import type { Scenario } from '../../src/domain/scenario/schema.ts';
import { loginAs } from './fixtures.ts';
import { playCase } from './play-case.ts';
import { scenarioFromText } from './scenario-key.ts';
import { checkStatus, createFromTemplate, endOfLine, expectCleanEditor, line } from './source-editor.ts';

const ID = 'pallet-count-story';
const TITLE = 'Pallet count disputed at the dock';
const RETITLED = 'Pallet count disputed at the receiving dock';

// Four logins, two publishes, a playtest and a case played: slow on a busy two-core machine.
test.describe.configure({ timeout: 300_000 });

/** The draft's text as the server holds it, checked as the server checks it: the test's answer key. */
async function draftScenario(page: Page): Promise<Scenario> {
  const response = await page.request.get(`/author/${ID}/source.yaml?draft=1`);
  expect(response.status()).toBe(200);
  return scenarioFromText(await response.text(), `the draft of ${ID}`);
}

/** Replaces the value on the source line that starts with `key:` by typing, as an author would. */
async function retype(page: Page, key: string, value: string): Promise<void> {
  await endOfLine(page, `${key}:`);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(`${key}: ${value}`);
}

/** Saves the draft with a message and waits for the server's word. */
async function save(page: Page, message: string): Promise<void> {
  await page.getByLabel('What changed').fill(message);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
}

/** A second senior opens the waiting draft from the studio, reads the diff and approves it. */
async function approveAs(page: Page, reviewer: string, comment: string): Promise<void> {
  await loginAs(page, reviewer);
  await page.goto('/author');
  await page
    .getByRole('row', { name: new RegExp(ID) })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(page.getByRole('heading', { name: 'What changes on the senior path' })).toBeVisible();
  await page.getByLabel('Comment for the author').fill(comment);
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${ID}/history$`));
  await expect(page.getByRole('row', { name: /Published/ }).first()).toContainText(`approved by ${reviewer}`);
}

test('a senior writes, checks, playtests and submits a new scenario; a second senior approves; a trainee plays it; a republish leaves the debrief as it was', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));

  // sam starts from the template.
  await loginAs(page, 'sam');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/author');
  await page.getByRole('link', { name: 'New scenario' }).click();
  await createFromTemplate(page, { id: ID, title: TITLE, category: 'Credit limit exceeded', level: 1 });
  await expectCleanEditor(page);

  // A slip of the keyboard: the check marks the line within a moment and names it in the list.
  await endOfLine(page, 'level: 1');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('7');
  const marked = page.locator('.cm-line').filter({ has: page.locator('.cm-lintRange-error') });
  await expect(marked).toHaveText('level: 7', { timeout: 10_000 });
  await expect(checkStatus(page)).toHaveText(/^1 error/);
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
  // Fixed in place, the mark goes.
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await expect(checkStatus(page)).toHaveText('0 errors, 0 warnings', { timeout: 10_000 });
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);

  // The author's own words, then a save with a message.
  await retype(page, 'summary', 'A retailer disputes the pallet count on a delivery that is on credit hold.');
  await expect(line(page, 'disputes the pallet count')).toBeVisible();
  await expect(checkStatus(page)).toHaveText('0 errors, 0 warnings', { timeout: 10_000 });
  await save(page, 'First version of the case');

  // Playtest the saved draft: the first step, answered the senior's way, shows its key.
  const draft = await draftScenario(page);
  const first = draft.steps[draft.start];
  await page.getByRole('link', { name: 'Playtest the saved draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Playtest of the draft: ${TITLE}` })).toBeVisible();
  if (first?.kind === 'choose') {
    const best = first.options.find((option) => option.verdict === 'best');
    // The playtest's buttons carry each option's id before its text, for the author.
    await page
      .getByRole('button')
      .filter({ hasText: best?.text ?? '' })
      .click();
    await expect(page.locator('#last-title')).toBeVisible();
  }

  // Submit from the editor.
  await page.goto(`/author/${ID}/edit`);
  await expectCleanEditor(page);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Waiting for review').first()).toBeVisible();

  // rosa reads the diff (a new file: every line added) and approves.
  await loginAs(page, 'rosa');
  await page.goto(`/author/${ID}/review`);
  await expect(page.getByRole('table', { name: /The new scenario/ })).toContainText('disputes the pallet count');
  await approveAs(page, 'rosa', 'Clear case; the hold code matches the playbook.');

  // emma, a trainee, plays it and reads her debrief (not gia: a later story needs gia with nothing worked yet).
  await loginAs(page, 'emma');
  await playCase(page, ID, 'practice');
  await page.getByRole('link', { name: 'See your debrief' }).click();
  await expect(page.getByRole('heading', { name: 'Step by step, beside the senior' })).toBeVisible();
  const debriefUrl = page.url();
  const debrief = await page.locator('main').innerText();
  expect(debrief).toContain(TITLE);

  // sam changes the title; rosa approves the change; new attempts get it.
  await loginAs(page, 'sam');
  await page.goto(`/author/${ID}/edit`);
  await expectCleanEditor(page);
  await retype(page, 'title', JSON.stringify(RETITLED));
  await expect(checkStatus(page)).toHaveText('0 errors, 0 warnings', { timeout: 10_000 });
  await save(page, 'Say which dock');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Waiting for review').first()).toBeVisible();
  await loginAs(page, 'rosa');
  await page.goto(`/author/${ID}/review`);
  await expect(page.getByRole('table', { name: /./ }).first()).toContainText(RETITLED);
  await approveAs(page, 'rosa', 'Better.');

  // emma's earlier debrief reads exactly as it did; the case page shows the new title.
  await loginAs(page, 'emma');
  await page.goto(debriefUrl);
  await expect(page.getByRole('heading', { name: 'Step by step, beside the senior' })).toBeVisible();
  expect(await page.locator('main').innerText()).toBe(debrief);
  await page.goto(`/train/${ID}`);
  await expect(page.getByRole('heading', { level: 1, name: RETITLED })).toBeVisible();
  expect(errors).toEqual([]);
});
