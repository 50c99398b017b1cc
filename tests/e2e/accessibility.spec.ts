import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import { loginAs } from './fixtures.ts';
import { shippedScenario } from './scenario-key.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe walks every node of a page; several pages per test take minutes on a busy two-core machine.
test.describe.configure({ timeout: 240_000 });

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe on ${where}`).toEqual([]);
}

test('the login page has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto('/login');
  await expectNoViolations(page, '/login');
});

test('every trainee page has no WCAG 2.2 AA violations', async ({ page }) => {
  await loginAs(page, 'ava');
  for (const path of ['/train', '/train?level=2&status=passed', '/train/credit-hold-month-end', '/progress', '/notifications', '/playbooks', '/playbooks/who-owns-what', '/playbooks/glossary']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  await page.goto('/progress');
  const debrief = await page.locator('a[href^="/attempts/"]').first().getAttribute('href');
  await page.goto(debrief ?? '/progress');
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
  const id = 'monday-queue-triage';
  const scenario = shippedScenario(id);
  await loginAs(page, 'ben');
  await page.goto(`/train/${id}`);
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page.locator('#step-prompt')).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: 'Clock' });
  await expect(status).toContainText('Clock');
  await expect(page.getByRole('meter', { name: 'Customer sentiment' })).toHaveAttribute('value', /\d+/);

  const kinds = new Set<string>();
  for (let guard = 0; guard < 20 && !(await page.locator('#ending-title').count()); guard++) {
    const prompt = (await page.locator('#step-prompt').textContent())?.trim();
    const [, step] = Object.entries(scenario.steps).find(([, candidate]) => candidate.prompt.trim() === prompt) ?? [];
    if (!step) throw new Error(`unknown prompt ${prompt}`);
    if (!kinds.has(step.kind)) {
      kinds.add(step.kind);
      await expectNoViolations(page, `a ${step.kind} step`);
    }
    const answer = seniorAnswer(step);
    const form = page.locator('.step form');
    if (step.kind === 'choose' && answer?.kind === 'choose') {
      await form.getByRole('radio', { name: step.options.find((option) => option.id === answer.optionId)?.text ?? '' }).check();
    } else if (step.kind === 'choose-many' && answer?.kind === 'choose-many') {
      for (const option of step.options.filter((candidate) => answer.optionIds.includes(candidate.id))) await form.getByRole('checkbox', { name: option.text }).check();
    } else if (step.kind === 'write') {
      await form.getByRole('textbox').fill(step.model);
    }
    await form.getByRole('button', { name: /^(Commit|Send)/ }).click();
    await expect(page.locator('#feedback-title')).toBeFocused();
    await expectNoViolations(page, `feedback after a ${step.kind} step`);
  }
  expect([...kinds].sort()).toEqual(['choose', 'choose-many', 'rank', 'write']);
  await expect(page.locator('#ending-title')).toBeVisible();
  await expectNoViolations(page, 'the ending');
});
