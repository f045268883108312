// Keyboard use and accessibility: every control is reached with Tab from the top of the
// page and works from the keyboard (arrows in a radio group, Space on a checkbox, Enter on
// a <summary>, arrows on the language <select>), the focused control shows a visible
// focus indicator, and axe-core finds nothing in light, dark and embed mode and with the
// paths opened.
import { test, expect, gotoApp, expectNoAxeViolations, focused, tabTo } from './fixtures.mjs';

const QUERY = '?sim=physical&op=azercell&pay=cash';

/**
 * Asserts that the focused element, or the <label> around it, draws a focus indicator: an
 * outline (style not none, width > 0, not transparent) or a box-shadow, on a box that is
 * itself seen (not opacity 0, larger than 2 px: the chips' own inputs are hidden, their
 * label shows the focus through `label:has(input:focus-visible)`).
 */
async function expectFocusVisible(page, what) {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    const candidates = [el, el?.closest('label')].filter(Boolean);
    const opacity = (e) => {
      let o = 1;
      for (let n = e; n && n.nodeType === 1; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
      return o;
    };
    const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const seen = candidates.map((e) => {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      const shown = opacity(e) > 0 && r.width > 2 && r.height > 2;
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
      const shadow = Boolean(s.boxShadow) && s.boxShadow !== 'none';
      return { tag: e.tagName.toLowerCase(), shown, outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow, ok: shown && (outline || shadow) };
    });
    return { visible: seen.some((c) => c.ok), seen };
  });
  expect(style.visible, `${what}: no visible focus indicator (outline or box-shadow) on it or its label: ${JSON.stringify(style.seen)}`).toBe(true);
}

// README, "URL parameters": a value equal to its default may be left out of the URL.
const DEFAULTS = { plan: 'prepaid', online: '1', inaz: '1' };
const param = (page, key) => new URL(page.url()).searchParams.get(key) ?? DEFAULTS[key] ?? null;

/** The radios of group `name` in order, their checked value and the focused one. */
const radioState = (page, name) =>
  page.evaluate((n) => {
    const radios = [...document.querySelectorAll(`input[type=radio][name="${n}"]`)];
    return {
      values: radios.map((r) => r.value),
      checked: radios.find((r) => r.checked)?.value ?? null,
      focused: radios.includes(document.activeElement) ? document.activeElement.value : null,
    };
  }, name);

async function checkRadioGroup(page, name) {
  await tabTo(page, `input[type=radio][name="${name}"]`, `the ${name} radio group`);
  await expectFocusVisible(page, `radio group ${name}`);
  const before = await radioState(page, name);
  expect(before.values.length, `${name}: radios`).toBeGreaterThan(1);
  const next = before.values[(before.values.indexOf(before.focused) + 1) % before.values.length];

  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await radioState(page, name)).checked, { message: `${name}: ArrowRight checks the next chip` }).toBe(next);
  await expect.poll(() => param(page, name), { message: `${name}: the URL follows ArrowRight` }).toBe(next);
  expect((await radioState(page, name)).focused, `${name}: focus moves with the checked chip`).toBe(next);
  await expectFocusVisible(page, `radio group ${name} after ArrowRight`);

  // Back where it was (when something was checked), so the page stays as the test set it.
  if (before.checked !== null) {
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await radioState(page, name)).checked, { message: `${name}: ArrowLeft goes back` }).toBe(before.checked);
    await expect.poll(() => param(page, name), { message: `${name}: the URL follows ArrowLeft` }).toBe(before.checked);
  }
}

async function checkCheckbox(page, name) {
  await tabTo(page, `input[type=checkbox][name="${name}"]`, `the ${name} checkbox`);
  await expectFocusVisible(page, `checkbox ${name}`);
  const input = page.locator(`input[type=checkbox][name="${name}"]`);
  const was = await input.isChecked();
  await page.keyboard.press('Space');
  await expect(input, `${name}: Space toggles`).toBeChecked({ checked: !was });
  // README: online/inaz default to 1; unchecked is written as 0.
  await expect.poll(() => param(page, name), { message: `${name}: the URL follows Space` }).toBe(was ? '0' : '1');
  await page.keyboard.press('Space');
  await expect(input, `${name}: Space toggles back`).toBeChecked({ checked: was });
  await expect.poll(() => param(page, name), { message: `${name}: the URL follows Space` }).toBe(was ? '1' : '0');
}

/** Enter on the focused <summary> toggles its <details>, twice. */
async function checkSummaryToggles(page, what) {
  await expectFocusVisible(page, what);
  const isOpen = () => page.evaluate(() => document.activeElement.parentElement.open);
  const was = await isOpen();
  await page.keyboard.press('Enter');
  await expect.poll(isOpen, { message: `${what}: Enter toggles` }).toBe(!was);
  await page.keyboard.press('Enter');
  await expect.poll(isOpen, { message: `${what}: Enter toggles back` }).toBe(was);
}

test('every control is reached by Tab from the top and works from the keyboard', async ({ page }) => {
  await gotoApp(page, QUERY);
  // Start from the top of the document, as after a fresh load.
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });

  // Language: ArrowDown changes it (and the URL and <html lang>), ArrowUp restores it.
  await tabTo(page, 'select#lang, header select', 'the language select');
  await expectFocusVisible(page, 'language select');
  const lang = await page.evaluate(() => document.activeElement.value);
  const options = await page.evaluate(() => [...document.activeElement.options].map((o) => o.value));
  const nextLang = options[options.indexOf(lang) + 1];
  expect(nextLang, 'a language after the current one').toBeTruthy();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => param(page, 'lang'), { message: 'ArrowDown on the language select' }).toBe(nextLang);
  await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${nextLang}`));
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${lang}`));
  expect(await page.evaluate(() => document.activeElement.tagName), 'focus stays on the select').toBe('SELECT');

  for (const name of ['sim', 'op', 'pay']) await checkRadioGroup(page, name);
  for (const name of ['online', 'inaz']) await checkCheckbox(page, name);
  await checkRadioGroup(page, 'plan');

  // The first path's "Steps, codes and sources".
  await tabTo(page, '[data-testid=paths] > li:first-child details > summary', "the first path's summary");
  await checkSummaryToggles(page, "first path's summary");

  // "Not for you now": Enter opens it and shows the blocked paths.
  await tabTo(page, 'details:has([data-testid=blocked]) > summary', 'the "not for you now" summary');
  await expectFocusVisible(page, '"not for you now" summary');
  const blocked = page.locator('details:has([data-testid=blocked])');
  const wasOpen = await blocked.evaluate((d) => d.open);
  await page.keyboard.press('Enter');
  await expect.poll(() => blocked.evaluate((d) => d.open), { message: '"not for you now": Enter toggles' }).toBe(!wasOpen);
  if (wasOpen) await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=blocked] > li').first()).toBeVisible();
});

test.describe('no axe-core violations', () => {
  test('light', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoApp(page, QUERY);
    await expectNoAxeViolations(page);
  });

  test('dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await gotoApp(page, QUERY);
    await expect
      .poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))
      .toBe(true);
    await expectNoAxeViolations(page);
  });

  test('embed mode', async ({ page }) => {
    await gotoApp(page, `?embed=1&${QUERY.slice(1)}`);
    await expectNoAxeViolations(page);
  });

  for (const scheme of ['light', 'dark']) {
    test(`every path opened (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await gotoApp(page, QUERY);
      const summaries = page.locator('[data-testid=paths] details:not([open]) > summary, details:not([open]):has([data-testid=blocked]) > summary');
      while ((await summaries.count()) > 0) await summaries.first().click();
      await expect(page.locator('[data-testid=paths] > li').first().locator('ol.steps')).toBeVisible();
      await expect(page.locator('[data-testid=blocked] > li').first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
