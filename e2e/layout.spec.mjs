// The answer's place on the screen: with the choices in the URL (a shared link, a travel
// site's preset), the first ranked path starts within the first screen on a desktop
// (1280×900: the picker and the paths side by side), in every language.
import { test, expect, gotoApp } from './fixtures.mjs';

const PRESET = 'sim=physical&op=azercell&pay=cash';

for (const lang of ['zh', 'en', 'az', 'ru']) {
  test(`${lang}: at 1280×900 the first path's heading is on the first screen, beside the picker`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await gotoApp(page, `${PRESET}&lang=${lang}`);
    const first = page.locator('[data-testid=paths] > li').first();
    const box = await first.locator('h3').boundingBox();
    expect(box, 'the first path has a heading').not.toBeNull();
    expect(box.y + box.height, `the first path's heading ends at ${box.y + box.height} px`).toBeLessThanOrEqual(900);
    const picker = await page.locator('section.picker').boundingBox();
    const results = await page.locator('#results').boundingBox();
    expect(results.x, 'the paths are right of the picker').toBeGreaterThanOrEqual(picker.x + picker.width);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });
}

for (const lang of ['zh', 'en', 'az', 'ru']) {
  test(`${lang}: at 360×780 the answered picker is one line, and the first path's heading and first step are on the first screen`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await gotoApp(page, `${PRESET}&lang=${lang}`);
    const questions = page.locator('section.picker details.questions');
    await expect(questions).not.toHaveAttribute('open', /.*/);
    const summary = questions.locator('summary');
    await expect(summary.locator('.picked')).toHaveText(/ · .* · /);
    const first = page.locator('[data-testid=paths] > li').first();
    for (const [what, locator] of [['heading', first.locator('h3')], ['first step', first.locator('.steps > li').first()]]) {
      const box = await locator.boundingBox();
      expect(box, `the first path's ${what} is shown`).not.toBeNull();
      expect(box.y + box.height, `the first path's ${what} ends at ${box.y + box.height} px`).toBeLessThanOrEqual(780);
    }
    // The summary opens the questions again.
    await summary.click();
    await expect(questions).toHaveAttribute('open', '');
    await expect(page.locator('input[name=pay][value=cash]')).toBeChecked();
  });
}

test('on a phone, the choice that completes the picker closes it and leaves focus on its summary', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await gotoApp(page, 'sim=physical&op=azercell');
  const questions = page.locator('section.picker details.questions');
  await expect(questions).toHaveAttribute('open', '');
  await page.locator('label.chip', { has: page.locator('input[name=pay][value=cash]') }).click();
  await expect(questions).not.toHaveAttribute('open', /.*/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  await expect(questions.locator('.picked')).toHaveText('Physical SIM · Azercell · Cash');
});
