import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { checkTaxonomyText } from '../../src/domain/scenario/check.ts';
import { expectNoViolations } from './fixtures.ts';

// The structured editor in a real Chromium, before the editor page exists: the component is bundled with
// esbuild from a small host (tests/e2e/hosts/) and loaded into a blank page, so no route is added to the site.
const root = path.resolve(import.meta.dirname, '../..');
const taxonomy = checkTaxonomyText(readFileSync(path.join(root, 'scenarios/taxonomy.yaml'), 'utf8')).value!;
const playbooks = readdirSync(path.join(root, 'content/playbooks')).map((name) => name.replace(/\.md$/, ''));

test.describe.configure({ timeout: 180_000 });

let bundle: { js: string; css: string } | undefined;
async function bundled(): Promise<{ js: string; css: string }> {
  if (bundle) return bundle;
  const result = await build({
    entryPoints: [path.join(root, 'tests/e2e/hosts/structured-editor-host.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    outdir: path.join(root, 'tests/.tmp/structured-editor'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const text = (ext: string) =>
    result.outputFiles
      .filter((file) => file.path.endsWith(ext))
      .map((file) => file.text)
      .join('\n');
  bundle = { js: text('.js'), css: readFileSync(path.join(root, 'src/styles/global.css'), 'utf8') + text('.css') };
  return bundle;
}

/** A blank page holding the editor on `text`, at phone width. */
async function openEditor(page: Page, text: string): Promise<void> {
  const { js, css } = await bundled();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.setContent(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Form view</title><style>${css}</style></head>
<body><main><h1>Form view</h1><div id="root"></div></main></body></html>`);
  await page.evaluate((setup) => Object.assign(window, { editorSetup: setup }), { text, lint: { taxonomy, playbooks } });
  await page.addScriptTag({ content: js });
  await expect(page.locator('.structured-editor')).toBeVisible();
}
/** A fold's summary (a step, an ending, a document), to open or close it. */
const fold = (page: Page, name: string) => page.locator('summary', { hasText: name });
const currentText = (page: Page) => page.evaluate(() => (window as unknown as { editorText: string }).editorText);

const scenario = readFileSync(path.join(root, 'scenarios/cases-keyed-as-eaches.yaml'), 'utf8').replace(
  'case:\n',
  '# The case file, as the ERP shows it.\ncase:\n',
);

test('an author edits the case file by keyboard on a phone, and the file keeps its comment and style', async ({ page }) => {
  await openEditor(page, scenario);
  const name = page.getByRole('textbox', { name: 'Customer name (required)' });
  await name.focus();
  await name.press('End');
  await page.keyboard.type(' Group');
  const text = await currentText(page);
  expect(text.split('\n').filter((line, index) => line !== scenario.split('\n')[index])).toEqual(['    name: Fennimore Hotels Group']);
  expect(text).toContain('    name: Fennimore Hotels Group\n');
  expect(text).toContain('# The case file, as the ERP shows it.\n');
  expect(text.split('\n').filter((line, index) => line !== scenario.split('\n')[index])).toEqual(['    name: Fennimore Hotels Group']);

  // Add a line: focus goes to the new line's SKU; remove it again: the text is as it was.
  await page.getByRole('button', { name: 'Add line 50' }).click();
  await expect(page.getByRole('textbox', { name: 'Line 50 SKU (required)' })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('GLV-NIT-L');
  expect(await currentText(page)).toContain('sku: GLV-NIT-L');
  await page.getByRole('button', { name: 'Remove line 50' }).click();
  await expect(page.getByRole('button', { name: 'Add line 50' })).toBeFocused();
  expect(await currentText(page)).toBe(text);

  // The page does not scroll sideways at 390px; the lines table scrolls inside its own region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.getByRole('region', { name: 'Order lines, one row per line' })).toBeVisible();
});

test('a check error shows beside the field that causes it and goes when it is fixed', async ({ page }) => {
  await openEditor(page, scenario);
  await fold(page, 'Step fix (choose)').click();
  const step = page.locator('details', { has: fold(page, 'Step fix (choose)') });
  const prompt = step.getByRole('textbox', { name: 'Prompt (required)' });
  const written = await prompt.inputValue();
  await prompt.fill('');
  await expect(prompt).toHaveAttribute('aria-invalid', 'true');
  await expect(prompt).toHaveAccessibleDescription(/prompt/i);
  await expect(fold(page, 'Step fix (choose)')).toContainText('1 error');
  await prompt.fill(written);
  await expect(prompt).not.toHaveAttribute('aria-invalid', 'true');

  // A finding about the options as a whole shows on the options' group.
  await step.getByRole('combobox', { name: 'Verdict (required)' }).first().selectOption('good');
  await expect(step.getByRole('group', { name: 'Options', exact: true })).toContainText('exactly one option with "verdict: best"');
  await step.getByRole('combobox', { name: 'Verdict (required)' }).first().selectOption('best');
  await expect(step.getByRole('group', { name: 'Options', exact: true })).not.toContainText('exactly one option');
  expect(await currentText(page)).toBe(scenario);
});

test('an author adds a step, renames it and gives it an option', async ({ page }) => {
  await openEditor(page, scenario);
  await page.getByRole('combobox', { name: 'Kind of the new step' }).selectOption('choose');
  await page.getByRole('button', { name: 'Add a step' }).click();
  const id = page.getByRole('textbox', { name: 'Step id' }).last();
  await expect(id).toBeFocused();
  await id.fill('call-back');
  await id.press('Enter');
  const text = await currentText(page);
  expect(text).toMatch(/\n {2}call-back:\n {4}kind: choose\n/);
  expect(text.startsWith(scenario.slice(0, scenario.indexOf('\nendings:')))).toBe(true);
  await expect(fold(page, 'Step call-back (choose)')).toBeVisible();
});

test('the form says when the YAML does not parse and sends the author to Source', async ({ page }) => {
  await openEditor(page, `${scenario}\n  broken: [unclosed\n`);
  await expect(page.getByRole('alert')).toContainText('does not parse');
  await expect(page.getByRole('alert')).toContainText('Source view');
});

test('the form view has no WCAG 2.2 AA violations', async ({ page }) => {
  await openEditor(page, scenario);
  await fold(page, 'Step spot (choose-many)').click();
  await expectNoViolations(page, 'the form view');
});
