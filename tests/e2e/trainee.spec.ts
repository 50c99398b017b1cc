import { expect, test, type Locator, type Page } from '@playwright/test';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import { loginAs } from './fixtures.ts';
import { stepOnScreen } from './play-case.ts';
import { answerKeyTexts, shippedScenario } from './scenario-key.ts';

const SCENARIO = 'same-po-two-doors';

/** Presses Tab until the locator has focus: the test drives the page with the keyboard alone. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with Tab`);
}

async function answerWithKeyboard(page: Page, stepId: string): Promise<void> {
  const scenario = shippedScenario(SCENARIO);
  const step = scenario.steps[stepId];
  if (!step) throw new Error(`no step ${stepId}`);
  const answer = seniorAnswer(step);
  const form = page.locator('.step form');
  if (step.kind === 'choose' && answer?.kind === 'choose') {
    const text = step.options.find((option) => option.id === answer.optionId)?.text ?? '';
    await tabTo(page, form.getByRole('radio').first());
    const target = form.getByRole('radio', { name: text });
    for (let moves = 0; moves < step.options.length && !(await target.isChecked()); moves++) {
      await page.keyboard.press(moves === 0 ? 'Space' : 'ArrowDown');
    }
    await expect(target).toBeChecked();
  } else if (step.kind === 'choose-many' && answer?.kind === 'choose-many') {
    for (const option of step.options.filter((candidate) => answer.optionIds.includes(candidate.id))) {
      await tabTo(page, form.getByRole('checkbox', { name: option.text }));
      await page.keyboard.press('Space');
    }
  } else if (step.kind === 'write') {
    await tabTo(page, form.getByRole('textbox'));
    await page.keyboard.type(step.model.slice(0, 300));
  } else {
    throw new Error(`this story does not expect a ${step.kind} step`);
  }
  await tabTo(page, form.getByRole('button', { name: /^(Commit|Send)/ }));
  await page.keyboard.press('Enter');
}

test('a trainee plays a case with the keyboard alone, reloads midway, resumes and reads the debrief', async ({ page }) => {
  await loginAs(page, 'emma');
  await expect(page).toHaveURL(/\/train$/);
  await page.goto(`/train/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page).toHaveURL(/\/play\//);
  await expect(page.locator('#step-prompt')).toBeVisible();

  let decisions = 0;
  while (!(await page.locator('#ending-title').count())) {
    const [before] = await stepOnScreen(page, shippedScenario(SCENARIO));
    await answerWithKeyboard(page, before);
    decisions++;
    await expect(page.locator('#feedback-title')).toBeFocused();
    if (decisions === 2) {
      // Midway: a reload resumes exactly where the trainee was.
      const prompt = await page.locator('#step-prompt').textContent();
      await page.reload();
      await expect(page.locator('#step-prompt')).toHaveText(prompt ?? '');
      await expect(page.locator('.status-bar')).toContainText('Decisions 2');
    }
    expect(decisions).toBeLessThan(20);
  }
  await expect(page.locator('#ending-title')).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'See your debrief' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/attempts\//);
  await expect(page.getByRole('heading', { name: 'Step by step, beside the senior' })).toBeVisible();
  await expect(page.getByText(/Passed|Awaiting review/).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: "The senior's path" })).toBeVisible();
});

test('a double submit or a stale tab changes nothing', async ({ page, context }) => {
  await loginAs(page, 'farid');
  await page.goto(`/train/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await expect(page.locator('#step-prompt')).toBeVisible();
  const second = await context.newPage();
  await second.goto(page.url());
  const first = page.locator('.step input[type=radio]').first();
  await first.check();
  await page.getByRole('button', { name: 'Commit decision' }).click();
  await expect(page.locator('.status-bar')).toContainText('Decisions 1');
  // The second tab still shows the first step; answering it is refused as stale and it catches up.
  await second.locator('.step input[type=radio]').nth(1).check();
  await second.getByRole('button', { name: 'Commit decision' }).click();
  await expect(second.getByText(/already been answered/)).toBeVisible();
  await expect(second.locator('.status-bar')).toContainText('Decisions 1');
});

test("a trainee cannot open another trainee's attempt or any lead or senior page", async ({ page }) => {
  await loginAs(page, 'emma');
  for (const path of ['/team', '/review', '/author']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page is not open to you' })).toBeVisible();
  }
  // Another trainee's attempt answers 404, as if it did not exist.
  await loginAs(page, 'ava');
  await page.goto('/progress');
  const href = await page.locator('a[href^="/attempts/"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  await loginAs(page, 'emma');
  const response = await page.goto(href ?? '/');
  expect(response?.status()).toBe(404);
  // Answering it through the player's action is a 404 too (sent from the desk's own origin, so the CSRF check passes).
  const action = await page.request.post('/_actions/attempt.answer', {
    data: { attemptId: href?.split('/').pop(), stepId: 'x', answer: { kind: 'choose', optionId: 'y' } },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(action.status()).toBe(404);
  expect(await action.text()).toContain('There is no such attempt among yours.');
});

test('no page or script served before a decision carries its answer-key text', async ({ page }) => {
  await loginAs(page, 'chloe');
  await page.goto(`/train/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page.locator('#step-prompt')).toBeVisible();
  const html = await (await page.request.get(page.url())).text();
  const scripts = await page.locator('script[src]').evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).src));
  const modules = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );
  // Island props travel HTML-escaped inside an attribute: compare against the decoded text.
  const decode = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const bodies = [decode(html)];
  for (const url of new Set([...scripts, ...modules])) bodies.push(decode(await (await page.request.get(url)).text()));
  const key = answerKeyTexts(shippedScenario(SCENARIO));
  expect(key.length).toBeGreaterThan(5);
  for (const text of key) {
    for (const body of bodies) expect(body.includes(text), `leaked: ${text.slice(0, 60)}`).toBe(false);
  }
});

test("no trainee page before a case (catalog, case pages, progress, playbooks) carries any scenario's answer key", async ({ page }) => {
  const { readdirSync } = await import('node:fs');
  const ids = readdirSync('scenarios')
    .filter((name) => name.endsWith('.yaml') && name !== 'taxonomy.yaml')
    .map((name) => name.slice(0, -5));
  const key = ids.flatMap((id) => answerKeyTexts(shippedScenario(id)));
  await loginAs(page, 'emma');
  const decode = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const path of ['/train', '/progress', '/playbooks', ...ids.map((id) => `/train/${id}`)]) {
    const body = decode(await (await page.request.get(path)).text());
    const leaked = key.filter((text) => body.includes(text));
    expect(leaked, path).toEqual([]);
  }
});
