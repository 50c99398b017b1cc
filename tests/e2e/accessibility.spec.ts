import { expect, test } from '@playwright/test';
import { expectNoViolations, loginAs } from './fixtures.ts';
import { playCase } from './play-case.ts';

// axe walks every node of a page; several pages per test take minutes on a busy two-core machine.
test.describe.configure({ timeout: 240_000 });

test('the login page has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto('/login');
  await expectNoViolations(page, '/login');
});

test('every trainee page has no WCAG 2.2 AA violations', async ({ page }) => {
  await loginAs(page, 'ava');
  for (const path of [
    '/train',
    '/train?level=2&status=passed',
    '/train/credit-hold-month-end',
    '/progress',
    '/notifications',
    '/playbooks',
    '/playbooks/who-owns-what',
    '/playbooks/glossary',
  ]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  // ava's seeded history has finished attempts: the audit fails, rather than skip the debrief, if none is linked.
  await page.goto('/progress');
  const debrief = page.locator('a[href^="/attempts/"]').first();
  await expect(debrief, 'a debrief link on /progress').toBeVisible();
  await debrief.click();
  await expect(page).toHaveURL(/\/attempts\//);
  await expect(page.getByRole('heading', { name: 'Step by step, beside the senior' })).toBeVisible();
  await expectNoViolations(page, 'a debrief');
});

test('every lead and senior page has no WCAG 2.2 AA violations', async ({ page }) => {
  await loginAs(page, 'gia');
  await page.goto('/progress');
  await expectNoViolations(page, "a new trainee's /progress");
  await loginAs(page, 'lena');
  for (const path of ['/team', '/team?columns=all', '/team/ava', '/team/assignments', '/author']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  await loginAs(page, 'sam');
  for (const path of ['/review', '/notifications', '/author', '/author/monday-queue-triage', '/author/monday-queue-triage?zoom=150']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});

test('the player has no violations at any step kind, and reads its clock and sentiment to screen readers', async ({ page }) => {
  // About ten axe audits (one per step kind, one after every answer): give it three times the usual timeout.
  test.slow();
  const id = 'monday-queue-triage';
  await loginAs(page, 'ben');
  const kinds = new Set<string>();
  await playCase(page, id, 'practice', {
    beforeAnswer: async (step) => {
      if (kinds.size === 0) {
        // The first step: the status bar reads its clock and sentiment to screen readers.
        await expect(page.getByRole('status').filter({ hasText: 'Clock' })).toContainText('Clock');
        await expect(page.getByRole('meter', { name: 'Customer sentiment' })).toHaveAttribute('value', /\d+/);
      }
      if (kinds.has(step.kind)) return;
      kinds.add(step.kind);
      await expectNoViolations(page, `a ${step.kind} step`);
    },
    afterAnswer: async (step) => {
      await expect(page.locator('#feedback-title')).toBeFocused();
      await expectNoViolations(page, `feedback after a ${step.kind} step`);
    },
  });
  expect([...kinds].sort()).toEqual(['choose', 'choose-many', 'rank', 'write']);
  await expectNoViolations(page, 'the ending');
});
