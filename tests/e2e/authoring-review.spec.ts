import { expect, test } from '@playwright/test';
import { expectNoViolations, loginAs } from './fixtures.ts';
import { createFromTemplate } from './source-editor.ts';

const ID = 'returned-pallet-review';
const TITLE = 'Returned pallet, review story';

// axe on several pages, three logins and a publish: slow on a busy two-core machine.
test.describe.configure({ timeout: 240_000 });

test('a senior starts a scenario from the template and submits it; a second senior approves; a trainee plays it; withdrawn, it takes no new attempts', async ({
  page,
}) => {
  await loginAs(page, 'sam');
  await page.goto('/author');
  await page.getByRole('link', { name: 'New scenario' }).click();
  await expect(page.getByRole('heading', { name: 'New scenario' })).toBeVisible();
  await expectNoViolations(page, '/author/new');

  // A taken id is refused in words, and the form keeps what was typed.
  await page.getByLabel('Id').fill('credit-hold-month-end');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.getByRole('alert')).toContainText('exists already');
  await expect(page.getByLabel('Id')).toHaveValue('credit-hold-month-end');

  await createFromTemplate(page, { id: ID, title: TITLE, category: 'Credit limit exceeded', level: 2 });

  // The studio lists the new draft; its review page submits it.
  await page.goto('/author');
  const row = page.getByRole('row', { name: new RegExp(ID) });
  await expect(row).toContainText('Being edited');
  await row.getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { name: `Review: ${TITLE}` })).toBeVisible();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('Waiting for review').first()).toBeVisible();
  // The author cannot approve their own draft.
  await expect(page.getByRole('button', { name: 'Approve and publish' })).toHaveCount(0);
  await expect(page.getByText('another senior specialist must approve it')).toBeVisible();

  await loginAs(page, 'rosa');
  await page.goto('/author');
  await page
    .getByRole('row', { name: new RegExp(ID) })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(page.getByRole('heading', { name: 'What changes on the senior path' })).toBeVisible();
  await expect(page.getByText('A new variant.')).toBeVisible();
  await expect(page.getByRole('table', { name: /The new scenario/ })).toBeVisible();
  await expectNoViolations(page, `/author/${ID}/review`);
  await page.getByLabel('Comment for the author').fill('Reads well; the hold code matches the playbook.');
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${ID}/history$`));
  const published = page.getByRole('row', { name: /Published/ });
  await expect(published).toContainText('approved by rosa');
  await expect(published).toContainText('Reads well');
  await expectNoViolations(page, `/author/${ID}/history`);

  await loginAs(page, 'ava');
  await page.goto(`/train/${ID}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start in practice mode' })).toBeVisible();

  await loginAs(page, 'sam');
  await page.goto(`/author/${ID}/history`);
  await page.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByText('Withdrawn', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reinstate' })).toBeVisible();

  await loginAs(page, 'ava');
  await page.goto(`/train/${ID}`);
  await expect(page.getByRole('heading', { name: 'This scenario has been withdrawn' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start in practice mode' })).toHaveCount(0);
});
