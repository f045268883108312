// Saves full-page screenshots at phone (360 px) and desktop (1280 px) width in
// every language, light and dark, to screenshots/ (git-ignored), for a person to
// look at, each with that language's browser locale (dates, number inputs). Also
// fails when the page is wider than the viewport (overflow).
import { test, expect, gotoApp } from './fixtures.mjs';

const QUERY = 'sim=esim&op=nar&pay=foreign_card&online=0';
const LOCALES = { zh: 'zh-CN', en: 'en-US', az: 'az-AZ', ru: 'ru-RU' };

for (const [lang, locale] of Object.entries(LOCALES)) {
  test.describe(`${lang} (${locale})`, () => {
    test.use({ locale });
    for (const width of [360, 1280]) {
      for (const scheme of ['light', 'dark']) {
        test(`screenshot ${lang} ${width}px ${scheme}`, async ({ page }) => {
          await page.setViewportSize({ width, height: 800 });
          await page.emulateMedia({ colorScheme: scheme });
          await gotoApp(page, `${QUERY}&lang=${lang}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
          // The browser speaks the page's language (the date fields follow it).
          expect(await page.evaluate(() => navigator.language)).toBe(locale);
          await page.screenshot({ path: `screenshots/${lang}-${width}-${scheme}.png`, fullPage: true });
        });

        test(`screenshot ${lang} ${width}px ${scheme}: essentials while loading, the clerk's card`, async ({ page }) => {
          await page.setViewportSize({ width, height: 800 });
          await page.emulateMedia({ colorScheme: scheme });
          let release;
          const held = new Promise((r) => (release = r));
          await page.route(/azsim-[0-9a-f]+_bg\.wasm$/, async (route) => {
            await held;
            await route.continue();
          });
          await page.goto(`/?sim=physical&op=azercell&pay=cash&lang=${lang}`);
          await expect(page.locator('.essentials')).toHaveAttribute('lang', lang);
          await page.screenshot({ path: `screenshots/${lang}-${width}-${scheme}-essentials.png`, fullPage: true });
          release();
          await page.locator('[data-testid=checked]').waitFor();
          await page.locator('[data-testid=paths] button[data-action=clerk]').first().click();
          await page.getByTestId('clerk-card').locator('#clerk-number').fill('050 123 45 67');
          await page.getByTestId('clerk-card').locator('#clerk-amount').fill('10');
          const overflow = await page.evaluate(() => document.querySelector('[data-testid=clerk-card]').scrollWidth - innerWidth);
          expect(overflow, 'horizontal overflow of the card in px').toBeLessThanOrEqual(0);
          await page.screenshot({ path: `screenshots/${lang}-${width}-${scheme}-clerk.png` });
        });
      }
    }
  });
}
