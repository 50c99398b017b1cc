// The scenario editor as a senior uses it: the live check while typing (inline markers, the map and the
// preview redrawn), the two views of one draft, unsaved text surviving a reload, and a save that meets
// someone else's. The draft endpoints are answered here with page.route, as their contract says
// (GET and PUT /author/<id>/draft.json); the live check is the real server's.
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Route } from '@playwright/test';
import { expectNoViolations, loginAs } from './fixtures.ts';
import { checkStatus, editor, endOfLine, expectCleanEditor, line } from './source-editor.ts';

const ID = 'minimal';
const TEXT = readFileSync(new URL('../fixtures/scenarios/minimal.yaml', import.meta.url), 'utf8');

interface Draft {
  text: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
  status: 'none' | 'editing' | 'in-review' | 'changes-requested';
  reviewRequired: boolean;
}

/** A draft store in the test: answers GET and PUT draft.json as the server does, 409 on a stale version. */
async function serveDraft(page: Page, start: Partial<Draft> = {}) {
  const draft: Draft = { text: TEXT, version: 1, updatedBy: 'sam', updatedAt: '2026-12-03T09:00:00.000Z', status: 'editing', reviewRequired: true, ...start };
  const puts: { text: string; version: number; message?: string }[] = [];
  await page.route(`**/author/${ID}/draft.json`, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'GET') return route.fulfill({ json: { id: ID, ...draft, baseRevision: 'base', publishedRevision: 'base' } });
    const body = request.postDataJSON() as { text: string; version: number; message?: string };
    puts.push(body);
    if (body.version !== draft.version)
      return route.fulfill({
        status: 409,
        json: {
          error: 'Someone saved this draft after you opened it.',
          current: { text: draft.text, version: draft.version, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt },
        },
      });
    Object.assign(draft, { text: body.text, version: draft.version + 1, updatedBy: 'sam', updatedAt: new Date().toISOString(), status: 'editing' });
    return route.fulfill({
      json: { version: draft.version, revision: `r${draft.version}`, updatedBy: 'sam', updatedAt: draft.updatedAt, status: 'editing', errors: 0, warnings: 0 },
    });
  });
  return {
    draft,
    puts,
    /** Another senior saves a new version. */
    theySave(text: string) {
      Object.assign(draft, { text, version: draft.version + 1, updatedBy: 'lee', updatedAt: '2026-12-03T11:30:00.000Z' });
    },
  };
}

async function openEditor(page: Page) {
  await page.goto(`/author/${ID}/edit`);
  await expectCleanEditor(page);
}

test.beforeEach(async ({ page }) => {
  await loginAs(page, 'sam');
  // Each test starts with nothing kept in this browser.
  await page.evaluate(() => localStorage.clear());
});

test('a mistake typed in the source is marked at its line within a moment, and fixing it clears the mark and redraws the map', async ({ page }) => {
  await serveDraft(page);
  await openEditor(page);
  await expect(page.locator('.live-map svg')).toBeVisible();

  await endOfLine(page, 'level: 3');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('nine');
  const marked = page.locator('.cm-line').filter({ has: page.locator('.cm-lintRange-error') });
  await expect(marked).toHaveText('level: nine', { timeout: 5_000 });
  await expect(checkStatus(page)).toHaveText(/^1 error/);
  const finding = page.getByRole('button', { name: 'Line 6, column 8' });
  await expect(finding).toBeVisible();
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
  await expect(page.getByText(/Fix the 1 error first/)).toBeVisible();
  await expect(page.getByText('The map and preview show the last version without errors')).toBeVisible();

  // The list's button takes the cursor to the place.
  await endOfLine(page, 'start: look');
  await finding.click();
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('End');
  for (let index = 0; index < 'nine'.length; index++) await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(checkStatus(page)).toHaveText('0 errors, 0 warnings');

  // A new title is redrawn into the map.
  await endOfLine(page, 'title: Address fix');
  await page.keyboard.type(' today');
  await expect(page.locator('.live-map #map-title')).toContainText('Address fix before the pick wave today');

  // The preview shows the chosen step as a trainee sees it: the prompt and the options, no answer key.
  await page.getByLabel('Step', { exact: true }).selectOption('fix');
  const preview = page.getByRole('region', { name: /Preview/ });
  await expect(preview).toContainText('The PO has the suite number the order lacks. Now?');
  await expect(preview).toContainText('Add the suite and revalidate.');
  await expect(preview).not.toContainText('It matches the PO.');
});

test('switching between the form and the source keeps every comment, and the save carries them', async ({ page }) => {
  const store = await serveDraft(page);
  await openEditor(page);
  await endOfLine(page, 'category: address-validation');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# Ask Ines before changing the suite rule.');
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Form' })).toBeVisible();
  await page.getByRole('tab', { name: 'Source' }).click();
  await expect(line(page, '# Ask Ines before changing the suite rule.')).toHaveCount(1);
  await expect(line(page, '# The smallest scenario that passes')).toHaveCount(1);
  await page.getByLabel('What changed').fill('A note for the next author');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Saved as version 2')).toBeVisible();
  expect(store.puts.at(-1)).toMatchObject({ version: 1, message: 'A note for the next author' });
  expect(store.puts.at(-1)?.text).toContain('# Ask Ines before changing the suite rule.\n');
  expect(store.puts.at(-1)?.text).toContain('# The smallest scenario that passes');
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeEnabled();
});

test('unsaved text survives a reload, with a notice, and can be discarded', async ({ page }) => {
  await serveDraft(page);
  await openEditor(page);
  await endOfLine(page, 'title: Address fix');
  await page.keyboard.type(' (kept)');
  await expect(page.getByText('Unsaved changes (kept in this browser')).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Restored your unsaved changes from/)).toBeVisible();
  await expect(line(page, 'title: Address fix before the pick wave (kept)')).toHaveCount(1);
  await page.getByRole('button', { name: 'Discard them and load the saved draft' }).click();
  await expect(line(page, 'title: Address fix before the pick wave (kept)')).toHaveCount(0);
  await expect(line(page, 'title: Address fix before the pick wave')).toHaveCount(1);
  await page.reload();
  await expect(editor(page)).toBeVisible();
  await expect(page.getByText(/Restored your unsaved changes/)).toHaveCount(0);
});

test("a save that meets another senior's offers reload, keep mine or merge, and the merge keeps both changes", async ({ page }) => {
  const store = await serveDraft(page);
  await openEditor(page);
  await endOfLine(page, 'title: Address fix');
  await page.keyboard.type(' (mine)');
  store.theySave(TEXT.replace('estimatedMinutes: 3', 'estimatedMinutes: 4'));
  await page.getByRole('button', { name: 'Save draft' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Not saved: lee saved this draft' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('button', { name: 'Reload theirs and drop mine' })).toBeVisible();
  await expect(conflict.getByRole('button', { name: 'Keep mine and save over theirs' })).toBeVisible();
  await conflict.getByRole('button', { name: 'Merge their changes into mine' }).click();
  await expect(page.getByText(/Merged: your changes and theirs touch different lines/)).toBeVisible();
  await expect(line(page, 'title: Address fix before the pick wave (mine)')).toHaveCount(1);
  await expect(line(page, 'estimatedMinutes: 4')).toHaveCount(1);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Saved as version 3')).toBeVisible();
  expect(store.puts.at(-1)?.version).toBe(2);
  expect(store.puts.at(-1)?.text).toBe(TEXT.replace('estimatedMinutes: 3', 'estimatedMinutes: 4').replace('pick wave\n', 'pick wave (mine)\n'));

  // The same line changed both ways: the merge marks it, and the check reports the markers until one side is kept.
  await endOfLine(page, 'title: Address fix');
  await page.keyboard.type(' again');
  store.theySave(store.draft.text.replace('(mine)', '(theirs)'));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('button', { name: 'Merge their changes into mine' }).click();
  await expect(page.getByText(/1 place where you both changed the same lines is marked/)).toBeVisible();
  await expect(line(page, '<<<<<<< yours (not saved)')).toHaveCount(1);
  await expect(line(page, '>>>>>>> saved by lee')).toHaveCount(1);
  await expect(checkStatus(page)).toHaveText(/^\d+ errors?/);

  // Reload theirs: their text, nothing of mine.
  await page.getByRole('button', { name: 'Save draft' }).click();
  store.theySave(TEXT);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('button', { name: 'Reload theirs and drop mine' }).click();
  await expect(line(page, '<<<<<<<')).toHaveCount(0);
  await expect(line(page, 'title: Address fix before the pick wave')).toHaveCount(1);

  // Keep mine: saved over theirs, knowingly, with their version.
  await endOfLine(page, 'title: Address fix');
  await page.keyboard.type(' (final)');
  store.theySave(TEXT.replace('level: 3', 'level: 2'));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('button', { name: 'Keep mine and save over theirs' }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  expect(store.draft.text).toContain('pick wave (final)');
  expect(store.draft.text).toContain('level: 3');
});

test('publishing is offered instead of review when review is not required', async ({ page }) => {
  await serveDraft(page, { reviewRequired: false });
  await openEditor(page);
  await expect(page.getByRole('button', { name: 'Publish' })).toBeEnabled();
  await expect(page.locator('form.submit-form input[name="intent"]')).toHaveValue('publish');
  await expect(page.getByRole('link', { name: 'Playtest the saved draft' })).toHaveAttribute('href', `/author/${ID}/playtest?draft=1`);
});

test('the editor page has no WCAG 2.2 AA violations, with findings shown and with a conflict open', async ({ page }) => {
  test.slow();
  const store = await serveDraft(page);
  await openEditor(page);
  const audit = (where: string) => expectNoViolations(page, where);
  await audit('the editor, clean');
  await endOfLine(page, 'level: 3');
  await page.keyboard.type('x');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  await audit('the editor with a finding');
  store.theySave(TEXT.replace('level: 3', 'level: 4'));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { name: /Not saved: lee saved/ })).toBeVisible();
  await audit('the editor with a conflict');
  await page.getByRole('tab', { name: 'Form' }).click();
  await audit('the form view');
});
