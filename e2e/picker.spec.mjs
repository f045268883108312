// The picker: choices -> ranked feasible paths and "not for you now" paths.
import {
  test,
  expect,
  gotoApp,
  expectNoAxeViolations,
  choose,
  setChecked,
  pickerInput,
  feasibleIds,
  blockedIds,
  expectQuery,
} from './fixtures.mjs';

// Channels that need an internet connection on the phone.
const ONLINE_CHANNELS = [
  'azercell_app',
  'azercell_website',
  'azercell_birbank',
  'bakcell_website',
  'bakcell_app',
  'nar_app',
  'airalo_app',
  'holafly_app',
  'other_esim_app',
];

const firstPath = (page) => page.locator('[data-testid=paths] > li[data-channel]').first();
const oneOf = (ids) => new RegExp(`^(${ids.join('|')})$`);

test('physical Azercell SIM, cash, in Azerbaijan, online', async ({ page }) => {
  await gotoApp(page);
  await choose(page, 'sim', 'physical');
  await choose(page, 'op', 'azercell');
  await choose(page, 'pay', 'cash');
  await setChecked(page, 'online', true);
  await setChecked(page, 'inaz', true);
  await expectQuery(page, { sim: 'physical', op: 'azercell', pay: 'cash' });

  await expect(firstPath(page)).toHaveAttribute(
    'data-channel',
    oneOf(['azercell_kiosk', 'azercell_scratch_card', 'azercell_office', 'azercell_bank_post']),
  );
  const feasible = await feasibleIds(page);
  expect(feasible.filter((id) => /^(nar|bakcell)_/.test(id))).toEqual([]);
  expect(await blockedIds(page)).toContain('azercell_birbank');

  // Every path has a heading and its steps; every blocked path says why.
  const paths = page.locator('[data-testid=paths] > li[data-channel]');
  for (let i = 0; i < feasible.length; i++) {
    await expect(paths.nth(i).locator('h3')).toHaveCount(1);
    await expect(paths.nth(i).locator('ol.steps > li').first()).toBeAttached();
  }
  const reasons = page.locator('[data-testid=blocked] > li[data-channel] .reason');
  await expect(reasons.first()).toBeAttached();
  for (const text of await reasons.allTextContents()) expect(text.trim()).not.toBe('');
});

test('going back and forth between answers: the first card open with its steps, note and sources, each card once', async ({ page }) => {
  await gotoApp(page, '?sim=physical&op=azercell&pay=cash');
  await expect(firstPath(page)).toHaveAttribute('data-channel', 'azercell_kiosk');
  const firstSources = firstPath(page).locator('details .source-list[data-filled] li');
  await expect(firstSources.first()).toBeAttached();
  for (const [pay, first] of [['local_card', 'azercell_birbank'], ['cash', 'azercell_kiosk'], ['local_card', 'azercell_birbank']]) {
    await choose(page, 'pay', pay);
    await expect(firstPath(page)).toHaveAttribute('data-channel', first);
    const details = firstPath(page).locator(':scope > details');
    await expect(details).toHaveAttribute('open', '');
    await expect(details.locator('ol.steps > li').first()).toBeVisible();
    await expect(firstSources.first()).toBeAttached();
    // Each card has one <details>, each details its steps at most once.
    const cards = page.locator('[data-testid=paths] > li[data-channel]');
    const n = await cards.count();
    await expect(page.locator('[data-testid=paths] > li[data-channel] > details')).toHaveCount(n);
    for (let i = 0; i < n; i++) expect(await cards.nth(i).locator('ol.steps').count()).toBeLessThanOrEqual(1);
    // A closed card opens with its steps and sources.
    const second = cards.nth(1).locator(':scope > details');
    await expect(second).not.toHaveAttribute('open', '');
    await second.locator(':scope > summary').click();
    await expect(second.locator('ol.steps > li').first()).toBeVisible();
    await expect(second.locator('.source-list[data-filled] li').first()).toBeAttached();
    await second.locator(':scope > summary').click();
  }
  // Birbank's note (from the pack's second part) is in its card, once.
  await expect(firstPath(page).locator('details p.note')).toHaveCount(1);
});

test('eSIM Nar, foreign card, offline (from the URL): the app is not for you now', async ({ page }) => {
  await gotoApp(page, '?sim=esim&op=nar&pay=foreign_card&online=0');
  await expect(pickerInput(page, 'sim', 'esim')).toBeChecked();
  await expect(pickerInput(page, 'op', 'nar')).toBeChecked();
  await expect(pickerInput(page, 'pay', 'foreign_card')).toBeChecked();
  await expect(pickerInput(page, 'online')).not.toBeChecked();

  expect(await feasibleIds(page)).not.toContain('nar_app');
  expect(await blockedIds(page)).toContain('nar_app');
  if ((await feasibleIds(page)).length === 0) {
    await expect(page.locator('[data-testid=no-path]')).toBeVisible();
  }
});

test('travel eSIM from Airalo, foreign card', async ({ page }) => {
  await gotoApp(page);
  await choose(page, 'sim', 'travel_esim');
  await choose(page, 'op', 'airalo');
  await choose(page, 'pay', 'foreign_card');
  await expectQuery(page, { sim: 'travel_esim', op: 'airalo', pay: 'foreign_card' });

  await expect(firstPath(page)).toHaveAttribute('data-channel', 'airalo_app');
  expect((await feasibleIds(page)).filter((id) => /^(azercell|bakcell|nar)_/.test(id))).toEqual([]);
});

test('physical Nar SIM, cash, no internet: only offline paths', async ({ page }) => {
  await gotoApp(page);
  await choose(page, 'sim', 'physical');
  await choose(page, 'op', 'nar');
  await choose(page, 'pay', 'cash');
  await setChecked(page, 'online', false);
  await expectQuery(page, { sim: 'physical', op: 'nar', pay: 'cash', online: '0' });

  await expect(firstPath(page)).toHaveAttribute('data-channel', oneOf(['nar_kiosk', 'nar_scratch_card', 'nar_centre']));
  const feasible = await feasibleIds(page);
  expect(feasible.filter((id) => ONLINE_CHANNELS.includes(id))).toEqual([]);
  expect(await blockedIds(page)).toContain('nar_app');
});

test('choices go into the URL and survive a reload', async ({ page }) => {
  await gotoApp(page);
  await choose(page, 'sim', 'physical');
  await choose(page, 'op', 'bakcell');
  await choose(page, 'pay', 'local_card');
  await expectQuery(page, { sim: 'physical', op: 'bakcell', pay: 'local_card' });

  const before = await feasibleIds(page);
  const blockedBefore = await blockedIds(page);
  const noPathBefore = await page.locator('[data-testid=no-path]').isVisible();

  await page.reload();
  await page.waitForSelector('[data-testid=paths], [data-testid=no-path]', { state: 'attached' });
  await expect(pickerInput(page, 'sim', 'physical')).toBeChecked();
  await expect(pickerInput(page, 'op', 'bakcell')).toBeChecked();
  await expect(pickerInput(page, 'pay', 'local_card')).toBeChecked();
  await expectQuery(page, { sim: 'physical', op: 'bakcell', pay: 'local_card' });

  if (before.length > 0) await expect(firstPath(page)).toHaveAttribute('data-channel', before[0]);
  expect(await feasibleIds(page)).toEqual(before);
  expect(await blockedIds(page)).toEqual(blockedBefore);
  expect(await page.locator('[data-testid=no-path]').isVisible()).toBe(noPathBefore);
});

test('each language sets <html lang>, the picker heading and the URL', async ({ page }) => {
  await gotoApp(page);
  const html = page.locator('html');
  // The brand name in <h1> stays "AzSIM"; the picker's heading is translated.
  const h1 = page.locator('#picker-heading');
  await expect(page.locator('#lang')).toHaveValue('en');
  await expect(html).toHaveAttribute('lang', /^en(-|$)/);
  const headings = new Set([(await h1.textContent()).trim()]);

  for (const lang of ['zh', 'az', 'ru']) {
    await page.locator('#lang').selectOption(lang);
    await expect(html).toHaveAttribute('lang', new RegExp(`^${lang}(-|$)`));
    await expectQuery(page, { lang });
    await expect.poll(async () => headings.has((await h1.textContent()).trim()), { message: `picker heading in ${lang}` }).toBe(false);
    headings.add((await h1.textContent()).trim());
  }

  await gotoApp(page, '?lang=ru');
  await expect(page.locator('#lang')).toHaveValue('ru');
  // The static masthead (painted before the wasm) is translated too.
  await expect(page.locator('#tagline')).not.toContainText('Renew mobile data');
  await expect(html).toHaveAttribute('lang', /^ru(-|$)/);
});

test('a malicious query is ignored safely', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await gotoApp(page, '?sim=<script>&op=evil&pay=%22%3E%3Cimg%3E&online=2&lang=xx&accent=javascript:alert(1)');

  await expect(page.locator('input[name=sim]:checked, input[name=op]:checked, input[name=pay]:checked')).toHaveCount(0);
  await expect(page.locator('#lang')).toHaveValue('en');
  await expect(page.locator('html')).toHaveAttribute('lang', /^en(-|$)/);
  await expect(page.locator('body img:not([src])')).toHaveCount(0);
  await expect(page.locator('[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('USSD codes are tel: links with # encoded', async ({ page }) => {
  await gotoApp(page, '?sim=physical&op=nar&pay=cash');
  const links = page.locator('a[href^="tel:"]');
  await expect(links.first()).toBeAttached();
  const hrefs = await links.evaluateAll((els) => els.map((a) => a.getAttribute('href')));
  expect(hrefs.filter((h) => h.includes('#') || /\s/.test(h))).toEqual([]);
  expect(hrefs.some((h) => h.includes('%23'))).toBe(true);
});

test('no axe-core violations, with "not for you now" closed and opened', async ({ page }) => {
  await gotoApp(page, '?sim=physical&op=azercell&pay=cash');
  await expectNoAxeViolations(page);

  const details = page.locator('details:has([data-testid=blocked])');
  await expect(details).toHaveCount(1);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').first().click();
  await expect(details).toHaveAttribute('open', '');
  await expect(page.locator('[data-testid=blocked] > li[data-channel]').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const lang of ['zh', 'az', 'ru']) {
  test(`no axe-core violations in ${lang}`, async ({ page }) => {
    await gotoApp(page, `?lang=${lang}&sim=esim&op=nar&pay=foreign_card&online=0`);
    await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${lang}(-|$)`));
    await expectNoAxeViolations(page);
  });
}
