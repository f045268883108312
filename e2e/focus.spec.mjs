// Keyboard focus is never lost in the reminders (WCAG 2.4.3): with the keyboard only,
// delete, undo, "renewed", edit + save and add + cancel each leave focus somewhere
// sensible (the row that took the deleted one's place, the restored row, the same button
// in the renewed row, the button that opened the form), and the live region says what
// happened. In English and Russian; axe-core finds nothing afterwards.
import { test, expect, gotoApp, expectNoAxeViolations, focused, tabTo } from './fixtures.mjs';

const KEY = 'azsim.v1';

// Three reminders due long after today (none in the due banner), in due order.
const REMINDERS = [
  { id: 'first', label: 'Azercell data', due: '2031-01-10T09:00', repeat: 'monthly' },
  { id: 'second', label: 'Bakcell balance', due: '2031-02-10T09:00' },
  { id: 'third', label: 'Nar pack', due: '2031-03-10T09:00' },
];

/** What is focused: the row's id and the button's action, or the element's id. */
const focus = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return {
      row: e?.closest('li[data-id]')?.getAttribute('data-id') ?? null,
      action: e?.getAttribute('data-action') ?? null,
      tag: e?.tagName.toLowerCase() ?? null,
      id: e?.id || null,
    };
  });

async function expectFocus(page, expected, what) {
  await expect.poll(() => focus(page), { message: `${what}: focus is on ${await focused(page)}` }).toMatchObject(expected);
}

for (const [lang, saved, renewed] of [
  // The label sits between directional isolates (U+2068 … U+2069) in the sentence.
  ['en', 'Saved “\u2068Azercell data (new)\u2069”.', 'Renewed'],
  ['ru', 'Сохранено: «\u2068Azercell data (new)\u2069».', 'Продлено'],
]) {
  test(`${lang}: delete, undo, renewed, edit and add keep keyboard focus in place`, async ({ page }) => {
    // Every step is reached with Tab alone, through the whole page: slow, not stuck.
    test.setTimeout(150_000);
    await page.addInitScript(
      ([key, doc]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, doc);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [KEY, JSON.stringify({ version: 2, prefs: {}, reminders: REMINDERS.map((r) => ({ note: '', warn_days: 0, repeat: 'none', ...r })) })],
    );
    await gotoApp(page, `lang=${lang}`);
    await expect(page.locator('[data-testid=reminders] > li.reminder')).toHaveCount(3);

    // Delete the first: focus goes to the row that took its place.
    await tabTo(page, 'li[data-id=first] button[data-action=delete]');
    await page.keyboard.press('Enter');
    await expectFocus(page, { row: 'second', tag: 'li' }, 'after delete');
    await expect(page.getByTestId('undo')).toBeVisible();

    // Undo: focus goes to the restored row.
    await tabTo(page, 'button[data-action=undo]');
    await page.keyboard.press('Enter');
    await expectFocus(page, { row: 'first', tag: 'li' }, 'after undo');
    await expect(page.locator('[data-testid=reminders] > li.reminder')).toHaveCount(3);

    // Renewed: the row changes (a month later), focus stays on its button, the live
    // region says so.
    await tabTo(page, 'li[data-id=first] button[data-action=renewed]');
    await page.keyboard.press('Enter');
    await expectFocus(page, { row: 'first', action: 'renewed' }, 'after renewed');
    await expect(page.getByTestId('announce')).toContainText(renewed);
    await expect(page.getByTestId('announce')).toContainText('Azercell data');

    // Edit, change the label, Enter saves: focus returns to the row's Edit button.
    await tabTo(page, 'li[data-id=first] button[data-action=edit]');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'reminder-label' }, 'form opened');
    await page.keyboard.press('End');
    await page.keyboard.type(' (new)');
    await page.keyboard.press('Enter');
    await expect(page.locator('.reminder-form')).toHaveCount(0);
    await expectFocus(page, { row: 'first', action: 'edit' }, 'after save');
    await expect(page.getByTestId('announce')).toHaveText(saved);

    // Add, then Cancel: focus returns to "Add".
    await tabTo(page, 'button[data-action=add]');
    await page.keyboard.press('Enter');
    await expectFocus(page, { id: 'reminder-label' }, 'new form opened');
    await tabTo(page, '.reminder-form button[data-action=cancel]');
    await page.keyboard.press('Enter');
    await expectFocus(page, { action: 'add' }, 'after cancel');

    // Delete the last row: focus goes to the row before it.
    await tabTo(page, 'li[data-id=third] button[data-action=delete]');
    await page.keyboard.press('Enter');
    await expectFocus(page, { row: 'second', tag: 'li' }, 'after deleting the last row');

    await expectNoAxeViolations(page);
  });
}

test('deleting the only due reminder in the banner puts focus on the reminders heading', async ({ page }) => {
  test.setTimeout(90_000);
  const overdue = { id: 'late', label: 'Overdue top-up', due: '2020-01-01T09:00', note: '', warn_days: 0, repeat: 'none' };
  await page.addInitScript(
    ([key, doc]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, doc);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [KEY, JSON.stringify({ version: 2, prefs: {}, reminders: [overdue] })],
  );
  await gotoApp(page);
  await expect(page.getByTestId('due-banner').locator('li.reminder')).toHaveCount(1);
  await tabTo(page, '[data-testid=due-banner] li[data-id=late] button[data-action=delete]');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('due-banner').locator('li')).toHaveCount(0);
  await expectFocus(page, { id: 'reminders-heading' }, 'after deleting the banner’s last row');
});
