// The on-demand module (src/bin/extras.rs): the card to show the clerk, Share and the
// copy box load on the first tap that needs them, never with the page; and the
// essentials the static page shows before any wasm arrives (scripts/essentials.mjs).
import { test, expect, gotoApp, expectNoAxeViolations } from './fixtures.mjs';

const KEY = 'azsim.v1';
const PRESET = '?sim=physical&op=azercell&pay=cash';
const EXTRAS = /\/extras-[0-9a-f]{16}(\.js|_bg\.wasm|\.css)$/;

/** The first path card that offers the clerk's card. */
const clerkCard = (page) => page.locator('[data-testid=paths] li.path').filter({ has: page.locator('button[data-action=clerk]') }).first();

/** Waits for the pack's second part (the labels of Share and the clerk's card). */
async function waitForSecondPart(page) {
  await page.locator('[data-testid=checked]').waitFor();
}

test.describe('the card to show the clerk', () => {
  test('opens from an English page in Azerbaijani with Russian below, keeps the amount only when asked, and closes with Escape', async ({ page }) => {
    const extras = [];
    page.on('request', (r) => EXTRAS.test(new URL(r.url()).pathname) && extras.push(r.url()));
    await gotoApp(page, PRESET);
    await waitForSecondPart(page);
    expect(extras, 'the module is not part of the page load').toEqual([]);

    const card = clerkCard(page);
    const opener = card.locator('button[data-action=clerk]');
    await expect(opener).toHaveText('Show to the clerk');
    await opener.click();
    const dialog = page.getByTestId('clerk-card');
    await expect(dialog).toBeVisible();
    expect(extras.length, 'the first tap loaded the module (js, wasm, css)').toBe(3);
    // It fills the screen and speaks Azerbaijani first, Russian below.
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize();
    expect(box.width).toBeGreaterThanOrEqual(viewport.width - 1);
    expect(box.height).toBeGreaterThanOrEqual(viewport.height - 1);
    await expect(dialog.locator('[lang=az]').filter({ hasText: 'Bu nömrənin balansını artırmaq istəyirəm.' })).toBeVisible();
    await expect(dialog.locator('[lang=ru]').filter({ hasText: 'Я хочу пополнить баланс этого номера.' })).toBeVisible();
    await expect(dialog.locator('.clerk-fact')).toContainText('Azercell');
    // The user's own language tells them what to type.
    await expect(dialog.getByLabel(/Phone number/)).toBeVisible();
    await dialog.getByLabel(/Phone number/).fill('050 123 45 67');
    await dialog.getByLabel(/Amount in manat/).fill('10');
    await expect(dialog.getByLabel(/Amount in manat/)).toHaveValue('10');
    // Large type, readable at arm's length.
    const size = await dialog.locator('.say[lang=az]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(21);
    // A data pack instead of a top-up changes the sentences.
    await dialog.getByLabel('What do you need?').selectOption('data_pack');
    await expect(dialog.locator('.say[lang=az]')).toHaveText('Bu nömrə üçün internet paketi almaq istəyirəm.');
    await expectNoAxeViolations(page);

    // Escape closes it, focus goes back to the button, and nothing was kept.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
    expect(await page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{}').prefs?.clerk ?? null, KEY)).toBeNull();

    // Asked to remember: kept in the stored document and typed in next time.
    await opener.click();
    await expect(dialog.getByLabel(/Phone number/)).toHaveValue('');
    await dialog.getByLabel(/Phone number/).fill('050 123 45 67');
    await dialog.getByLabel(/Amount in manat/).fill('5');
    await dialog.getByLabel(/Remember the number/).check();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
    await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{}').prefs?.clerk ?? null, KEY)).toEqual({ number: '050 123 45 67', amount: '5' });
    await opener.click();
    await expect(dialog.getByLabel(/Phone number/)).toHaveValue('050 123 45 67');
    await expect(dialog.getByLabel(/Amount in manat/)).toHaveValue('5');
    // Unticked: forgotten.
    await dialog.getByLabel(/Remember the number/).uncheck();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k) || '{}').prefs?.clerk ?? null, KEY)).toBeNull();
  });

  test('a shop selling scratch cards gets the card sentence, without a number', async ({ page }) => {
    await gotoApp(page, '?sim=physical&op=nar&pay=cash');
    await waitForSecondPart(page);
    const card = page.locator('li.path[data-channel=nar_scratch_card]');
    // After the steps, in the card's details.
    if ((await card.locator('details[open]').count()) === 0) await card.locator('summary').click();
    await card.locator('button[data-action=clerk]').click();
    const dialog = page.getByTestId('clerk-card');
    await expect(dialog.locator('.say[lang=az]')).toHaveText('Nar danışıq kartı almaq istəyirəm.');
    await expect(dialog.locator('.say + .ru')).toHaveText('Я хочу купить карту пополнения Nar.');
    await expect(dialog.getByLabel(/Phone number/)).toHaveCount(0);
    await expect(dialog.getByLabel(/Amount in manat/)).toBeVisible();
  });

  test('paths not served in person do not offer it', async ({ page }) => {
    await gotoApp(page, '?sim=physical&op=azercell&pay=local_card&online=1');
    const app = page.locator('li.path[data-channel=azercell_app]');
    await expect(app).toHaveCount(1);
    await expect(app.locator('button[data-action=clerk]')).toHaveCount(0);
  });
});

test.describe('Share', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('without the Web Share API it copies the link with the choices, and says so', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      delete Navigator.prototype.share;
    });
    await gotoApp(page, PRESET);
    await waitForSecondPart(page);
    const card = page.locator('[data-testid=paths] li.path').first();
    await card.locator('button[data-action=share]').click();
    await expect(card.locator('.report-box [role=status]')).toHaveText('Link copied. Paste it into a message.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}/${PRESET}`);
    await expect(card.locator('.report-box pre')).toHaveText(copied);
  });

  test('in embed mode it shares the full app, not the frame', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      delete Navigator.prototype.share;
    });
    await gotoApp(page, `${PRESET}&embed=1`);
    await waitForSecondPart(page);
    await page.locator('[data-testid=paths] li.path button[data-action=share]').first().click();
    await expect(page.locator('.report-box [role=status]')).toHaveText('Link copied. Paste it into a message.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/${PRESET}`);
  });

  test('with the Web Share API it hands the link to the share sheet', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      window.__shared = [];
      Navigator.prototype.share = function (data) {
        window.__shared.push(data);
        return Promise.resolve();
      };
    });
    await gotoApp(page, PRESET);
    await waitForSecondPart(page);
    await page.locator('[data-testid=paths] li.path button[data-action=share]').first().click();
    await expect.poll(() => page.evaluate(() => window.__shared)).toEqual([{ title: 'AzSIM', url: `${baseURL}/${PRESET}` }]);
    await expect(page.locator('.report-box')).toHaveCount(0);
  });
});

test.describe('essentials while the app loads', () => {
  // A phone's width, where the tagline's length decides how many lines it takes.
  test.use({ viewport: { width: 360, height: 780 } });
  for (const [lang, heading, noData, tagline] of [
    ['en', 'Codes: tap to dial, no internet needed', 'No data left?', 'Renew mobile data in Azerbaijan'],
    ['ru', 'Коды: нажмите, чтобы набрать, интернет не нужен', 'Закончился интернет?', 'Продлите мобильный интернет'],
    ['az', 'Kodlar: yığmaq üçün toxunun, internet lazım deyil', 'İnternet bitib?', 'Azərbaycanda mobil interneti'],
    ['zh', '拨号代码：点按即可拨打，无需网络', '流量用完了？', '在阿塞拜疆给手机充值'],
  ]) {
    test(`${lang}: the codes that work without internet show before any wasm, as tap-to-dial links`, async ({ page }) => {
      let release;
      const held = new Promise((r) => (release = r));
      await page.route(/_bg\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`/?lang=${lang}`);
      const essentials = page.locator('.essentials');
      await expect(essentials.locator('h2')).toHaveText(heading);
      await expect(essentials).toHaveAttribute('lang', lang);
      await expect(essentials).toContainText(noData);
      await expect(essentials.locator('a[href="tel:*100%23"]').first()).toBeVisible();
      await expect(essentials.locator('a[href="tel:*777%2377%23"]')).toHaveText('*777#77#');
      await expect(essentials.locator('h3')).toHaveText(['Azercell', 'Bakcell', 'Nar']);
      // The masthead's tagline is in that language too, and so is the page.
      await expect(page.locator('#tagline')).toContainText(tagline);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoAxeViolations(page);
      // The app takes their place when it mounts, without moving the masthead.
      const before = await page.locator('#masthead').boundingBox();
      release();
      await page.waitForSelector('[data-testid=paths], [data-testid=no-path]', { state: 'attached' });
      await expect(essentials).toHaveCount(0);
      expect(await page.locator('#masthead').boundingBox()).toEqual(before);
    });
  }
});
