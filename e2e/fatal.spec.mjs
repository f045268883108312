// When the app cannot go on it never leaves a blank page: a panic, or a language pack
// that does not load (offline on a first visit, damaged bytes), shows a translated error
// with the details and a "copy details" button, and stored data stays exactly as it was.
// The panic comes from `debug_panic`, an export nothing in the page calls.
import { test, expect, gotoApp, expectNoAxeViolations } from './fixtures.mjs';

const KEY = 'azsim.v1';
const SAVED = JSON.stringify({
  version: 2,
  prefs: { lang: null, notify: false },
  reminders: [
    {
      id: 'r-1',
      label: 'Azercell internet pack',
      due: '2030-01-02T09:00',
      repeat: 'monthly',
      warn_days: 2,
      note: '',
      operator: 'azercell',
      channel: null,
    },
  ],
});

/** Stores SAVED before the app's first script runs (only on the first load of the test). */
async function seed(page) {
  await page.addInitScript(
    ([key, doc]) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, doc);
      }
    },
    [KEY, SAVED],
  );
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test.describe('a panic', () => {
  // The panic itself is logged (console_error_panic_hook) and ends in a wasm trap.
  test.use({ allowedConsoleErrors: [[/debug_panic/, /unreachable/i], {}] });

  for (const [lang, title] of [
    ['en', 'Something went wrong'],
    ['ru', 'Что-то пошло не так'],
  ]) {
    test(`shows the error page in ${lang} and keeps the stored data`, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await seed(page);
      await gotoApp(page, `lang=${lang}`);
      await expect(page.locator('[data-testid=reminders] li[data-id=r-1]')).toBeAttached();
      const before = await stored(page);
      expect(JSON.parse(before).reminders).toHaveLength(1);

      await page.evaluate(() => {
        try {
          window.wasmBindings.debug_panic();
        } catch {
          // the trap after the hook: expected
        }
      });

      const fatal = page.getByTestId('fatal');
      await expect(fatal).toBeVisible();
      await expect(fatal.getByRole('heading', { level: 2 })).toHaveText(title);
      await expect(fatal).toHaveAttribute('role', 'alert');
      // The app is gone; the static masthead stays.
      await expect(page.locator('#masthead h1')).toHaveText('AzSIM');
      await expect(page.getByTestId('paths')).toHaveCount(0);
      await expect(page.getByTestId('fatal-details')).toContainText('debug_panic');

      await page.getByTestId('copy-details').click();
      await expect(page.getByTestId('copy-status')).not.toBeEmpty();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('debug_panic');
      expect(copied).toContain('AzSIM');

      expect(await stored(page)).toBe(before);
      await expectNoAxeViolations(page);

      // Reload brings the app back with the data.
      await fatal.getByRole('button', { name: lang === 'en' ? 'Reload' : 'Обновить страницу' }).click();
      await page.waitForSelector('[data-testid=paths], [data-testid=no-path]', { state: 'attached' });
      expect(await stored(page)).toBe(before);
    });
  }
});

test.describe('the language pack does not load', () => {
  test.use({
    allowedConsoleErrors: [[/lang\/..-[0-9a-f]+\.bin/, /Failed to load resource/], {}],
    // The service worker precaches every pack and would answer before page.route could.
    serviceWorkers: 'block',
  });

  test('first visit offline: a clear message in the browser language, nothing stored changes', async ({ page }) => {
    await seed(page);
    await page.route('**/lang/*.bin', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    const fatal = page.getByTestId('fatal');
    await expect(fatal).toBeVisible();
    await expect(fatal).toContainText('could not load its texts');
    await expect(page.getByTestId('fatal-details')).toContainText(/lang\/en-[0-9a-f]{16}\.bin/);
    await expect(page.locator('.loading')).toHaveCount(0);
    expect(await stored(page)).toBe(SAVED);
  });

  test('damaged bytes are an error, not a crash', async ({ page }) => {
    await page.route('**/lang/*.bin', (route) => route.fulfill({ status: 200, body: Buffer.from('not a pack at all') }));
    await page.goto('/?lang=az');
    await expect(page.getByTestId('fatal')).toContainText('AzSIM mətnlərini yükləyə bilmədi');
  });

  test('switching to a language whose pack fails keeps the current one and says so', async ({ page }) => {
    await gotoApp(page);
    await page.route('**/lang/zh-*.bin', (route) => route.abort('internetdisconnected'));
    await page.locator('#lang').selectOption('zh');
    await expect(page.getByTestId('lang-failed')).toBeVisible();
    await expect(page.locator('#lang')).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#picker-heading')).not.toBeEmpty();

    // Once the network is back, the same choice works.
    await page.unroute('**/lang/zh-*.bin');
    await page.locator('#lang').selectOption('zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
    await expect(page.getByTestId('lang-failed')).toHaveCount(0);
  });
});
