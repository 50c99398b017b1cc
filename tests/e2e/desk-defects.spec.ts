// Stories for the walkthrough's defects (issue 15): each one fails on the desk as it was found.
import { expect, test } from '@playwright/test';
import { answerStep } from './play-case.ts';
import { loginAs } from './fixtures.ts';
import { shippedScenario } from './scenario-key.ts';

test('a trainee moves a rank item to the top with the keyboard and focus stays on that item', async ({ page }) => {
  await loginAs(page, 'ben');
  await page.goto('/train/monday-queue-triage');
  await page
    .getByRole('button', { name: /practice/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/play\//);
  const items = page.locator('.rank-item');
  const count = await items.count();
  expect(count).toBeGreaterThan(2);
  const text = (await items.last().locator('.rank-text').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: `Move up: ${text}` }).focus();
  for (let press = 1; press < count; press++) await page.keyboard.press('Enter');
  await expect(items.first().locator('.rank-text')).toHaveText(text);
  // At the top "Move up" is disabled: focus moves to the same item's "Move down", never to <body>.
  await expect(page.getByRole('button', { name: `Move down: ${text}` })).toBeFocused();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);
  expect(focused).not.toMatch(/Skip to content/);
  await expect(page.locator('body')).not.toBeFocused();
});

test('a lead scrolls the team table with every category shown and the trainee names stay in view', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await loginAs(page, 'lena');
  await page.goto('/team?columns=all');
  const wrap = page.locator('.table-wrap').first();
  const firstName = page.locator('table.team tbody th').first();
  const before = await firstName.boundingBox();
  const scrolled = await wrap.evaluate((element) => {
    element.scrollLeft = element.scrollWidth;
    return element.scrollLeft;
  });
  expect(scrolled).toBeGreaterThan(100);
  const after = await firstName.boundingBox();
  expect(after?.x).toBeCloseTo(before?.x ?? -1, 0);
  await expect(firstName).toBeInViewport();
});

test('an attempt that waits only for a review says so and what happens next, not why it failed', async ({ page }) => {
  await loginAs(page, 'sam');
  await page.goto('/review');
  const links = await page
    .getByRole('link', { name: 'open the debrief' })
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  let found = false;
  for (const href of links) {
    await page.goto(href);
    if ((await page.locator('.score-big .badge', { hasText: 'Awaiting review' }).count()) === 0) continue;
    found = true;
    await expect(page.getByRole('heading', { name: "Waiting for a senior's review" })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Why it did not pass' })).toHaveCount(0);
    await expect(page.locator('.score-big')).toHaveAttribute('aria-label', /^Score so far \d+ out of 100$/);
    break;
  }
  expect(found, 'the demo review queue holds an attempt that waits only for its review').toBe(true);
});

test('"passed" means an assessment pass on the catalog and on progress alike, and a practice pass says so', async ({ page }) => {
  await loginAs(page, 'ava');
  await page.goto('/progress');
  const rows = await page
    .locator('section[aria-labelledby="attempts"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  const assessedPass = new Set(rows.filter((cells) => cells[2] === 'assessment' && cells[5] === 'Passed').map((cells) => cells[1]));
  expect(
    rows.some((cells) => cells[2] === 'practice' && cells[5] === 'Passed'),
    'a practice pass names its mode',
  ).toBe(false);
  await page.goto('/train');
  const cards = await page.locator('a.scenario').evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      title: anchor.querySelector('strong')?.textContent?.trim() ?? '',
      badges: [...anchor.querySelectorAll('.badge')].map((badge) => badge.textContent?.trim() ?? ''),
    })),
  );
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) {
    expect(card.badges, card.title).not.toContain('Passed');
    expect(card.badges.includes('Assessment passed'), card.title).toBe(assessedPass.has(card.title));
  }
});

test('a trainee narrows the catalog by search and filters, on a phone too, and clears them', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, 'chloe');
  await page.goto('/train');
  const all = await page.locator('a.scenario').count();
  expect(all).toBeGreaterThan(5);
  await page.getByLabel('Search').fill('denied party');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/q=denied\+party/);
  const found = await page.locator('a.scenario strong').allTextContents();
  expect(found.length).toBeGreaterThan(0);
  expect(found.length).toBeLessThan(all);
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toContainText(`of ${all} match`);
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Level').selectOption('1');
  await page.getByRole('button', { name: 'Show' }).click();
  for (const meta of await page.locator('a.scenario .muted').allTextContents()) expect(meta).toContain('Level 1');
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page.locator('a.scenario')).toHaveCount(all);
});

test('a new trainee with nothing worked yet gets a friendly start, pointing at a level 1 case', async ({ page }) => {
  await loginAs(page, 'gia');
  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: 'No cases worked yet' })).toBeVisible();
  await expect(page.locator('table')).toHaveCount(0);
  const start = page.getByRole('link', { name: /^Start with / });
  await start.click();
  await expect(page).toHaveURL(/\/train\/[a-z0-9-]+$/);
  await expect(page.getByText(/Level 1 ·/)).toBeVisible();
});

test('the progress chart puts attempts of one day side by side and its card has no empty space below', async ({ page }) => {
  await loginAs(page, 'ava');
  await page.goto('/progress');
  const card = page.locator('section[aria-labelledby="over-time"]');
  const xs = (await card.locator('circle.dot').evaluateAll((dots) => dots.map((dot) => Number(dot.getAttribute('cx'))))).sort((a, b) => a - b);
  expect(xs.length).toBeGreaterThan(10);
  const gaps = xs.slice(1).map((x, index) => x - (xs[index] ?? 0));
  expect(Math.min(...gaps)).toBeGreaterThan(4);
  const box = await card.boundingBox();
  const content = await card.evaluate(
    (element) =>
      [...element.children].reduce((bottom, child) => Math.max(bottom, child.getBoundingClientRect().bottom), 0) - element.getBoundingClientRect().top,
  );
  expect((box?.height ?? 0) - content).toBeLessThan(40);
});

test('on a phone every column of the order lines is in view and labelled', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, 'dev');
  await page.goto('/train/credit-hold-month-end');
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page).toHaveURL(/\/play\//);
  const firstLine = page.locator('table.lines tbody tr').first();
  for (const label of ['Extended', 'Available', 'Status']) {
    const cell = firstLine.locator(`td[data-label="${label}"]`);
    await cell.scrollIntoViewIfNeeded();
    const box = await cell.boundingBox();
    expect(box, label).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), `${label} ends inside the screen`).toBeLessThanOrEqual(390);
    expect(await cell.evaluate((element) => getComputedStyle(element, '::before').content)).toContain(label);
  }
  // Leave no attempt open: the library stories start this case as the same trainee.
  await page.goto('/train/credit-hold-month-end');
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await page.getByRole('button', { name: /^Abandon the practice attempt/ }).click();
  await expect(page.getByText('Attempt abandoned.')).toBeVisible();
});

test("the demo review queue holds trainees' own answers, not the model answer pasted", async ({ page }) => {
  await loginAs(page, 'sam');
  await page.goto('/review');
  // Only the demo's own answers: earlier stories play cases as ben, emma and gia and paste the model on purpose.
  const items = page.locator('li.item').filter({ has: page.getByRole('heading', { name: /^(Ava|Chloe|Dev|Farid) / }) });
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const written = ((await items.nth(index).locator('blockquote.written').textContent()) ?? '').trim();
    const model = ((await items.nth(index).locator('.written.model').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(written).not.toContain('**');
    expect(written.replace(/\s+/g, ' ')).not.toBe(model);
  }
});

test('a senior sees the whole scenario map, endings row included, without an inner scroll box, and can zoom to pan', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, 'sam');
  await page.goto('/author/credit-hold-month-end');
  const region = page.getByRole('region', { name: 'Scenario map' });
  const box = await region.boundingBox();
  const inner = await region.evaluate((element) => ({
    scroll: element.scrollHeight,
    client: element.clientHeight,
    scrollW: element.scrollWidth,
    clientW: element.clientWidth,
  }));
  expect(inner.scroll).toBeLessThanOrEqual(inner.client + 1);
  expect(inner.scrollW).toBeLessThanOrEqual(inner.clientW + 1);
  // Every ending node, the senior path's among them, lies inside the map's own box.
  const endings = page.locator('.node.ending');
  expect(await endings.count()).toBeGreaterThan(1);
  for (const ending of await endings.all()) {
    const at = await ending.boundingBox();
    expect((at?.y ?? 0) + (at?.height ?? 0)).toBeLessThanOrEqual((box?.y ?? 0) + (box?.height ?? 0) + 1);
  }
  await page.getByRole('navigation', { name: 'Map zoom' }).getByRole('link', { name: '200%' }).click();
  await expect(page).toHaveURL(/zoom=200/);
  const zoomed = page.getByRole('region', { name: 'Scenario map (scroll to pan)' });
  expect(await zoomed.evaluate((element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight)).toBe(true);
});

test('a lead reads the team week by week and downloads the same figures as CSV', async ({ page }) => {
  await loginAs(page, 'lena');
  await page.goto('/team');
  const trends = page.getByRole('region', { name: 'The team week by week' });
  await expect(trends).toBeVisible();
  for (const title of ['Attempts finished', 'Assessment pass rate', 'Routing accuracy', 'Critical errors', 'Trainees ready']) {
    await expect(trends.getByRole('img', { name: new RegExp(title) })).toBeVisible();
  }
  const weeks = await trends.locator('table').first().locator('tbody tr').count();
  expect(weeks).toBe(12);
  const response = await page.request.get('/team/trends.csv');
  expect(response.status()).toBe(200);
  const lines = (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('week_starting,attempts,assessments,pass_rate,routing_accuracy,critical_errors,ready');
  expect(lines).toHaveLength(13);
  const attemptsOnPage = await trends.locator('table').first().locator('tbody td:nth-child(2)').allTextContents();
  expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(attemptsOnPage);
  expect(attemptsOnPage.some((value) => Number(value) > 0)).toBe(true);
});

test('a trainee and a senior learn of new things through the notification list and its unread count', async ({ page }) => {
  // A senior comments on a trainee's decision: that is what the trainee must be told of.
  await loginAs(page, 'sam');
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await expect(page.locator('.feed li', { hasText: 'wrote an answer to review' }).first()).toBeVisible();
  await page.goto('/review');
  const debrief = await page.getByRole('link', { name: 'open the debrief' }).first().getAttribute('href');
  await page.goto(debrief ?? '/review');
  const owner = (await page.locator('.page-head p').first().textContent()) ?? '';
  const username = owner.split(' ')[0]?.replace(/'s$/, '').toLowerCase() ?? '';
  const comment = page.locator('details', { hasText: 'Comment on this decision' }).first();
  await comment.locator('summary').click();
  await comment.getByRole('textbox').fill('Who owns this decision? Look at the playbook before you route it.');
  await comment.getByRole('button').click();

  await loginAs(page, username);
  const bell = page.getByRole('link', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName(/^Notifications\s*\d+ unread$/);
  await bell.click();
  const fresh = page.locator('.feed li.unread', { hasText: 'Sam Okafor commented on your decision' }).first();
  await expect(fresh).toBeVisible();
  expect(await fresh.locator('a').getAttribute('href')).toMatch(/^\/attempts\/[^#]+#step-/);
  await page.reload();
  await expect(page.getByRole('link', { name: /^Notifications/ })).toHaveAccessibleName('Notifications');
  await expect(page.locator('.feed li.unread')).toHaveCount(0);
});

test("a written answer's draft is kept on the server as the trainee types, through a reload and on another device", async ({ page, browser }) => {
  const scenario = shippedScenario('asn-one-case-short');
  await loginAs(page, 'chloe');
  await page.goto('/train/asn-one-case-short');
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page).toHaveURL(/\/play\//);
  for (let guard = 0; guard < 20 && !(await page.locator('.step textarea').count()); guard++) await answerStep(page, scenario);
  const draft = 'Hi Marco, one case of the 47 was short on the truck, so the ASN said 48. I am sending a corrected count';
  await page.locator('.step textarea').fill(draft);
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  await page.reload();
  await expect(page.locator('.step textarea')).toHaveValue(draft);
  const other = await browser.newContext();
  const phone = await other.newPage();
  await loginAs(phone, 'chloe');
  await phone.goto(page.url());
  await expect(phone.locator('.step textarea')).toHaveValue(draft);
  await other.close();
});

test('a lead assigns a path in her own order under the pass rule; the trainee sees it named, in order, with earlier passes done', async ({ page }) => {
  await loginAs(page, 'ben');
  await page.goto('/progress');
  const rows = await page
    .locator('section[aria-labelledby="attempts"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
  const passed = rows.find((cells) => cells[2] === 'assessment' && cells[5] === 'Passed')?.[1];
  expect(passed, 'ben has an assessment pass in the demo').toBeTruthy();
  await page.goto('/train');
  const cards = await page.locator('a.scenario').evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      title: anchor.querySelector('strong')?.textContent?.trim() ?? '',
      passed: anchor.textContent?.includes('Assessment passed') ?? false,
    })),
  );
  const others = cards
    .filter((card) => !card.passed)
    .map((card) => card.title)
    .slice(-2);
  expect(others).toHaveLength(2);

  await loginAs(page, 'lena');
  await page.goto('/team/assignments');
  await page.getByLabel('Title').fill('Order check');
  await page.getByLabel('Assign to').selectOption({ label: 'Ben Adeyemi' });
  const path = [others[1] ?? '', passed ?? '', others[0] ?? ''];
  for (const [index, title] of path.entries()) {
    const select = page.locator(`#step${index + 1}`);
    const value = await select.locator('option', { hasText: title }).first().getAttribute('value');
    await select.selectOption(value ?? '');
  }
  await page.getByLabel(/Done when passed in an assessment/).check();
  await page.getByLabel('Due').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('heading', { name: 'Order check' })).toBeVisible();

  await loginAs(page, 'ben');
  await page.goto('/train');
  const box = page.getByRole('region', { name: 'Assigned to you' }).locator('li', { hasText: 'Order check' });
  await expect(box.locator('.assignment-path a')).toHaveText(path);
  await expect(box).toContainText('Done when passed in an assessment');
  await expect(box.locator('.assignment-path li', { hasText: passed ?? '' }).locator('.badge', { hasText: 'Done' })).toBeVisible();
  await expect(box).toContainText('1 of 3 done');
});
