import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { loginAs, logout } from './fixtures.ts';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a lead finds who is ready, and why the others are not', async ({ page }) => {
  await loginAs(page, 'lena');
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Order Desk' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Readiness' })
    .getByRole('link', { name: /^Ready/ })
    .click();
  // The readiness matrix; the week-by-week charts below it carry tables of their own for screen readers.
  const table = page.locator('table.team');
  await expect(table.getByRole('rowheader')).toHaveCount(1);
  await table.getByRole('link', { name: 'Ava Lindqvist' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ava Lindqvist' })).toBeVisible();
  await expect(page.getByText('Ava meets every line of the readiness policy.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Routing accuracy over time' })).toBeVisible();

  // Close: one line left, and the team page says which.
  await page.goto('/team?verdict=close');
  await expect(page.getByRole('row', { name: /Ben Adeyemi/ })).toContainText('Address problem: No assessment in this category yet.');

  // Overdue work is flagged, and the filter finds it.
  await page.goto('/team');
  await page.getByLabel('Overdue work only').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('table.team').getByRole('rowheader')).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Dev Raman/ })).toContainText('1 overdue');

  // Sorting by a column, with no script: the header is a link and says how the table is sorted.
  await page.goto('/team');
  await page.getByRole('link', { name: 'Trainee' }).click();
  await expect(page.locator('table.team').getByRole('columnheader', { name: /Trainee/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('table.team').getByRole('rowheader').first()).toContainText('Ava Lindqvist');
});

test('a lead assigns a learning path, and the trainee finds it first in their catalog', async ({ page }) => {
  await loginAs(page, 'lena');
  await page.getByRole('link', { name: 'Assignments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assignments' })).toBeVisible();

  await page.getByLabel('Title', { exact: true }).fill('Holds and addresses');
  await page.getByLabel('Assign to', { exact: true }).selectOption({ label: 'Farid Haddad' });
  await page.getByLabel('First', { exact: true }).selectOption({ label: 'Twelve years a customer, on hold (Account on credit hold)' });
  await page.getByLabel('Then (2)').selectOption({ label: 'A new address for a paid ultrasound (Address problem)' });
  await page.getByLabel('Then (3)').selectOption({ label: 'Month-end mega-order on credit hold (Credit limit exceeded)' });
  await page.getByLabel('Due', { exact: true }).fill(inDays(7));
  await page.getByRole('button', { name: 'Assign' }).click();

  await expect(page.getByRole('status')).toContainText('Assigned.');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Holds and addresses' }) });
  await expect(item).toContainText('For Farid Haddad');
  await expect(item.getByRole('listitem')).toHaveText([
    'Twelve years a customer, on hold',
    'A new address for a paid ultrasound',
    'Month-end mega-order on credit hold',
  ]);

  // A form with a mistake keeps what was typed and says what to fix.
  await page.getByLabel('Title', { exact: true }).fill('Too late');
  await page.getByLabel('First', { exact: true }).selectOption({ label: 'Same PO, two doors (Duplicate order)' });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('alert')).toContainText('The assignment was not saved');
  await expect(page.getByText('Pick a due date.')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Too late');

  // On the team page, Farid now has open work.
  await page.goto('/team?q=farid');
  await expect(page.getByRole('row', { name: /Farid Haddad/ })).toContainText(/open|overdue/);

  await logout(page);
  await loginAs(page, 'farid');
  await expect(page).toHaveURL(/\/train$/);
  const assigned = page.getByRole('region', { name: 'Assigned to you' });
  await expect(assigned).toContainText('Holds and addresses');
  await expect(assigned).toContainText(`Due ${inDays(7)}`);
});

test('a lead downloads the CSV and xAPI exports', async ({ page }) => {
  await loginAs(page, 'lena');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^order-desk-attempts-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await csv.path(), 'utf8');
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
    'trainee,name,scenario,title,category,level,mode,variant,started,finished,abandoned,score,passed,critical,routing_accuracy,minutes,sentiment,dollars,hints,revision',
  );
  const [xapi] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export xAPI' }).click()]);
  const statements = JSON.parse(await readFile(await xapi.path(), 'utf8')) as { verb: { id: string } }[];
  expect(statements.length).toBeGreaterThan(100);
  expect(new Set(statements.map((statement) => statement.verb.id))).toContain('http://adlnet.gov/expapi/verbs/passed');
});

test('a trainee sees their own readiness, and none of the team pages', async ({ page }) => {
  await loginAs(page, 'chloe');
  await page.goto('/progress');
  const readiness = page.getByRole('region', { name: 'Readiness' });
  await expect(readiness).toContainText('Not yet');
  await expect(readiness).toContainText('Routing');
  await expect(readiness.getByRole('link').first()).toHaveAttribute('href', /^\/train\//);
  for (const path of ['/team', '/team/chloe', '/team/ava', '/team/assignments']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page is not open to you' })).toBeVisible();
  }
  for (const path of ['/team/export.csv', '/team/export.xapi.json']) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
});
