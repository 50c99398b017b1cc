// Driving the scenario editor's Source view (CodeMirror) as an author does: by clicking and typing.
import { expect, type Page } from '@playwright/test';

/** The YAML source editor. */
export const editor = (page: Page) => page.getByRole('textbox', { name: /YAML source/ });
/** The editor's line that shows `text`. */
export const line = (page: Page, text: string) => page.locator('.cm-line').filter({ hasText: text });
/** The live check's one-line verdict ("0 errors, 0 warnings"). */
export const checkStatus = (page: Page) => page.getByRole('region', { name: 'Check' }).getByRole('status');

/** Puts the cursor at the end of the source line that contains `text`. */
export async function endOfLine(page: Page, text: string): Promise<void> {
  await line(page, text).first().click();
  await page.keyboard.press('End');
}

/** Waits for the editor to load a draft that checks clean. */
export async function expectCleanEditor(page: Page): Promise<void> {
  await expect(editor(page)).toBeVisible();
  await expect(checkStatus(page)).toHaveText('0 errors, 0 warnings');
}

/** Fills the studio's "New scenario" form (already open) for a draft from the template, and waits for its editor. */
export async function createFromTemplate(page: Page, draft: { id: string; title: string; category: string; level: 1 | 2 | 3 }): Promise<void> {
  await page.getByLabel('Id').fill(draft.id);
  await page.getByLabel('The template: every part of the format, passing the check').check();
  await page.getByLabel('Category').selectOption({ label: draft.category });
  await page.getByLabel('Level').selectOption(String(draft.level));
  await page.getByLabel('Title (optional)').fill(draft.title);
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${draft.id}/edit$`));
}
