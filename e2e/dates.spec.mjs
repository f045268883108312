// @ts-check
// Dates as each language writes them. The app writes them itself
// (crates/domain/src/date_text.rs), not with the browser's Intl: the oracle here
// is Node.js's Intl, which has CLDR's data for all four languages (Chromium
// ships none for Azerbaijani).
import { test, expect, gotoApp } from './fixtures.mjs';

const KEY = 'azsim.v1';
const LANGS = ['en', 'zh', 'az', 'ru'];

/**
 * CLDR's text for a wall-clock time (UTC stands for "no zone": the app's dates have none),
 * with the app's one change: a no-break space between the year and "г." in Russian. Some
 * ICU versions put a narrow no-break space (U+202F) before "AM"/"PM"; others, as Node.js
 * 20.20's ICU 78, and the app, a space.
 */
const cldr = (lang, options) => {
  const format = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
  return (utc) => format.format(utc).replace('\u202f', ' ').replace(' г.', '\u00a0г.');
};
const medium = (lang) => cldr(lang, { dateStyle: 'medium', timeStyle: 'short' });
const long = (lang) => cldr(lang, { dateStyle: 'long' });

// Every month, and the hours where clocks differ: midnight, morning, noon, afternoon, late.
const HOURS = [0, 1, 9, 11, 12, 13, 17, 23, 0, 12, 20, 23];
const TIMES = HOURS.map((hour, i) => ({ y: 2035, m: i + 1, d: [1, 9, 10, 28, 31, 30, 4, 15, 19, 31, 2, 25][i], hour, minute: [0, 5, 30, 59, 0, 1, 45, 7, 10, 20, 0, 59][i] }));
const pad = (n) => String(n).padStart(2, '0');

for (const lang of LANGS) {
  test(`reminder dates in ${lang} are CLDR's medium date and short time`, async ({ page }) => {
    const reminders = TIMES.map((t, i) => ({
      id: `d${i}`,
      label: `Date ${i}`,
      due: `${t.y}-${pad(t.m)}-${pad(t.d)}T${pad(t.hour)}:${pad(t.minute)}`,
      note: '',
      warn_days: 0,
    }));
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ version: 2, prefs: {}, reminders })]);
    await gotoApp(page, `lang=${lang}`);
    // The list shows its first 10 rows; "Show more" the other two.
    await page.locator('[data-testid=reminders] + .show-more button').click();
    const expected = TIMES.map((t) => medium(lang)(Date.UTC(t.y, t.m - 1, t.d, t.hour, t.minute)));
    await expect(page.locator('[data-testid=reminders] > li.reminder .when')).toHaveText(expected);
  });

  test(`the data planner's date in ${lang} is CLDR's long date`, async ({ page }) => {
    await gotoApp(page, `lang=${lang}`);
    await page.locator('#planner-left').fill('3');
    await page.locator('#planner-per-day').fill('512');
    await page.locator('form.tool').nth(1).locator('button[type=submit]').click();
    const [y, m, d] = await page.evaluate(() => {
      const x = new Date();
      x.setDate(x.getDate() + 6);
      return [x.getFullYear(), x.getMonth(), x.getDate()];
    });
    await expect(page.getByTestId('planner-answer')).toContainText(long(lang)(Date.UTC(y, m, d)));
  });
}
