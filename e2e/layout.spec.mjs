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

