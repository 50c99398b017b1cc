import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';
import { playCase } from './play-case.ts';

const ids = readdirSync('scenarios')
  .filter((name) => name.endsWith('.yaml') && name !== 'taxonomy.yaml')
  .map((name) => name.slice(0, -5));

for (const id of ids) {
  test(`${id}: played in the browser along the senior path it resolves; along a poor path it does not`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // gia has no history of her own, so no open attempt of the demo's closes a case to her.
    await loginAs(page, 'gia');
    for (const policy of ['senior', 'poor'] as const) {
      await playCase(page, id, 'practice', { policy });
      const ending = page.locator('section.ending');
      if (policy === 'senior') await expect(ending).toHaveClass(/resolved/);
      else await expect(ending).not.toHaveClass(/resolved/);
      await page.getByRole('link', { name: 'See your debrief' }).click();
      await expect(page.getByRole('heading', { name: 'Step by step, beside the senior' })).toBeVisible();
      if (policy === 'senior') await expect(page.locator('.score-big .value')).toHaveText('100');
    }
    expect(errors).toEqual([]);
  });
}
