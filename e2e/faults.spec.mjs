// Fault injection: storage that throws or is full, another tab changing storage
// mid-edit, hostile import files, 1,000 reminders, clocks at 1970 and after 2038,
// a time zone with daylight saving, browser languages the app does not speak.
// Each case checks that the app does not crash (the fixtures fail on any console or
// page error), says what happened, and loses no stored data.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { test, expect, gotoApp } from './fixtures.mjs';

const KEY = 'azsim.v1';
const MAX_REMINDERS = 1000;

/** A reminder exactly as the app stores it. */
function stored(i, extra = {}) {
  const day = String((i % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
  return {
    id: `seed${i}`,
    label: `Seeded ${i}`,
    due: `${2031 + Math.floor(i / 336)}-${month}-${day}T09:00`,
    operator: null,
    channel: null,
    note: '',
    repeat: 'none',
    warn_days: 0,
    ...extra,
  };
}

/** A document exactly as the app writes it, reminders in its order (due, label, id). */
function doc(reminders) {
  const sorted = [...reminders].sort((a, b) =>
    a.due !== b.due ? (a.due < b.due ? -1 : 1) : a.label !== b.label ? (a.label < b.label ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
  return { version: 2, prefs: { lang: null, notify: false }, reminders: sorted };
}

/** Writes `text` under `KEY` before the app ever loads (from a blank page of the app's origin). */
async function seed(page, text) {
  await page.route('**/__seed', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title><link rel="icon" href="data:,">' }),
  );
  await page.goto('/__seed');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, text]);
}

/**
 * The stored document, read outside the page's JavaScript world (storageState reads
 * localStorage in Playwright's own world, so a patched Storage.prototype does not apply).
 */
async function storedDoc(page) {
  const { origins } = await page.context().storageState();
  const origin = new URL(page.url()).origin;
  const entry = origins.find((o) => o.origin === origin)?.localStorage.find((e) => e.name === KEY);
  return entry ? JSON.parse(entry.value) : null;
}

/** Waits until the list shows exactly these reminder names, in this order. */
const expectLabels = (page, labels, options) => expect(page.locator('[data-testid=reminders] > li.reminder h3')).toHaveText(labels, options);

/** Fills and saves the reminder form (the form must close: the reminder was accepted). */
async function addReminder(page, { label, due = '2030-05-01T09:30', repeat, note = '' }) {
  await page.getByTestId('add-reminder').click();
  await page.locator('#reminder-label').fill(label);
  await page.locator('#reminder-due').fill(due);
  if (repeat) await page.locator('#reminder-repeat').selectOption(repeat);
  if (note) await page.locator('#reminder-note').fill(note);
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.locator('.reminder-form')).toHaveCount(0);
}

/** Replaces a method of Storage.prototype, before the app's scripts run, by one that throws. */
function throwingStorage(page, method, name) {
  return page.addInitScript(
    ([m, n]) => {
      Storage.prototype[m] = function () {
        throw new DOMException(`${m} refused by the test`, n);
      };
    },
    [method, name],
  );
}

/**
 * Skips the calling test in the New York project (playwright.config.mjs): it does not
 * depend on the time zone, and the default project (Asia/Baku) runs it already.
 */
function zoneIndependent() {
  test.skip(test.info().project.name === 'chromium-new-york', 'does not depend on the time zone');
}

const BLOCKED = 'does not let AzSIM save here';
const FULL = 'Storage is full: the last change was not saved';

test.describe('storage that fails', () => {
  test.beforeEach(zoneIndependent);
  test('getItem throws: the app opens, says nothing is saved, keeps working, writes nothing', async ({ page }) => {
    const before = doc([stored(1), stored(2)]);
    await seed(page, JSON.stringify(before));
    await throwingStorage(page, 'getItem', 'SecurityError');
    await gotoApp(page);
    await expect(page.getByTestId('storage-notice')).toContainText(BLOCKED);
    await expect(page.getByTestId('storage-notice')).toHaveAttribute('role', 'alert');
    // It works in memory.
    await addReminder(page, { label: 'In memory only' });
    await expectLabels(page, ['In memory only']);
    await page.locator('#lang').selectOption('ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    // What was stored is untouched.
    expect(await storedDoc(page)).toEqual(before);
  });

  test('setItem throws: the stored reminders show, changes stay in memory, nothing stored is lost', async ({ page }) => {
    const before = doc([stored(1), stored(2)]);
    await seed(page, JSON.stringify(before));
    await throwingStorage(page, 'setItem', 'SecurityError');
    await gotoApp(page);
    await expectLabels(page, ['Seeded 1', 'Seeded 2']);
    await expect(page.getByTestId('storage-notice')).toHaveCount(0);
    await addReminder(page, { label: 'Not saved' });
    await expect(page.getByTestId('storage-notice')).toContainText(BLOCKED);
    await page.locator('[data-testid=reminders] li[data-id=seed1] button[data-action=delete]').click();
    await expectLabels(page, ['Not saved', 'Seeded 2']);
    expect(await storedDoc(page)).toEqual(before);
  });

  test('storage full: the change is kept in memory, the user is told, and it is saved once there is room', async ({ page }) => {
    const before = doc([stored(1)]);
    await seed(page, JSON.stringify(before));
    await gotoApp(page);
    // Fill the origin's quota with junk, to the last few characters.
    const junkKeys = await page.evaluate(() => {
      let chunk = 1 << 20;
      let i = 0;
      while (chunk >= 1) {
        try {
          localStorage.setItem(`junk.${i}`, 'x'.repeat(chunk));
          i += 1;
        } catch (e) {
          if (e.name !== 'QuotaExceededError') throw e;
          chunk >>= 1;
        }
      }
      return i;
    });
    expect(junkKeys).toBeGreaterThan(2);
    await addReminder(page, { label: 'While full' });
    await expect(page.getByTestId('storage-notice')).toContainText(FULL);
    await expectLabels(page, ['While full', 'Seeded 1']);
    expect(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY))).toEqual(before);
    // Room again: the next change saves everything, and the notice goes.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junk.')).forEach((k) => localStorage.removeItem(k)));
    await addReminder(page, { label: 'After room', due: '2030-05-02T09:30' });
    await expect(page.getByTestId('storage-notice')).toHaveCount(0);
    const after = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    expect(after.reminders.map((r) => r.label)).toEqual(['While full', 'After room', 'Seeded 1']);
    expect(after.reminders.find((r) => r.id === 'seed1')).toEqual(stored(1));
  });
});

test('another tab adds and deletes while this one edits: no change is lost', async ({ page, context }) => {
  zoneIndependent();
  await seed(page, JSON.stringify(doc([stored(1), stored(2), stored(3)])));
  await gotoApp(page);
  const other = await context.newPage();
  await gotoApp(other);

  // Tab A opens the edit form of "Seeded 1" and types.
  await page.locator('[data-testid=reminders] li[data-id=seed1] button[data-action=edit]').click();
  await page.locator('#reminder-label').fill('Seeded 1, edited in A');
  // Tab B adds one and deletes another.
  await addReminder(other, { label: 'Added in B', due: '2031-01-02T10:00' });
  await other.locator('[data-testid=reminders] li[data-id=seed3] button[data-action=delete]').click();
  // A follows, without losing what is typed in its form.
  await expect(page.locator('[data-testid=reminders] > li.reminder h3')).toHaveText(['Seeded 1', 'Added in B', 'Seeded 2']);
  await expect(page.locator('#reminder-label')).toHaveValue('Seeded 1, edited in A');
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.locator('.reminder-form')).toHaveCount(0);

  const expected = ['Seeded 1, edited in A', 'Added in B', 'Seeded 2'];
  await expectLabels(page, expected);
  await expect(other.locator('[data-testid=reminders] > li.reminder h3')).toHaveText(expected);
  const final = await storedDoc(page);
  expect(final.reminders.map((r) => r.label)).toEqual(expected);
  expect(final.reminders.find((r) => r.id === 'seed2')).toEqual(stored(2));

  // B deletes the reminder A is editing: A's save keeps A's edit (the user's latest
  // explicit change) and B's other changes.
  await page.locator('[data-testid=reminders] li[data-id=seed2] button[data-action=edit]').click();
  await page.locator('#reminder-note').fill('note from A');
  await other.locator('[data-testid=reminders] li[data-id=seed2] button[data-action=delete]').click();
  await expect(page.locator('[data-testid=reminders] li[data-id=seed2]')).toHaveCount(0);
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(other.locator('[data-testid=reminders] li[data-id=seed2] .note')).toHaveText('note from A');
  const last = await storedDoc(page);
  expect(last.reminders.map((r) => r.label)).toEqual(expected);

  // A imports a backup; before A confirms, B imports the same one: A's confirmation
  // adds nothing twice (it added every reminder again, under the same ids).
  const backup = {
    name: 'azsim-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ app: 'azsim-backup', exported: '2026-01-01T00:00', ...doc([stored(7, { label: 'From backup' })]) })),
  };
  await page.getByTestId('backup-import').setInputFiles(backup);
  await expect(page.getByTestId('import-result')).toContainText('This backup adds 1 reminder:');
  await other.getByTestId('backup-import').setInputFiles(backup);
  await other.getByTestId('import-confirm').click();
  await expect(page.locator('[data-testid=reminders] li[data-id=seed7]')).toHaveCount(1);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-result')).toContainText('Nothing new in this backup');
  const ids = (await storedDoc(page)).reminders.map((r) => r.id);
  expect(ids.filter((id) => id === 'seed7')).toHaveLength(1);
  expect(new Set(ids).size).toBe(ids.length);
  await other.close();
});

test.describe('import of files that are not backups', () => {
  test.beforeEach(zoneIndependent);
  // A 1×1 PNG.
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );

  test('10 MB, a PNG and random bytes: a clear message each time, storage unchanged', async ({ page }) => {
    const before = doc([stored(1), stored(2)]);
    await seed(page, JSON.stringify(before));
    await gotoApp(page);
    const input = page.getByTestId('backup-import');
    const result = page.getByTestId('import-result');
    const cases = [
      [{ name: 'huge.json', mimeType: 'application/json', buffer: crypto.randomBytes(10 * 1024 * 1024) }, 'too large'],
      [{ name: 'photo.png', mimeType: 'image/png', buffer: PNG }, 'not an AzSIM backup'],
      [{ name: 'backup.json', mimeType: 'application/json', buffer: crypto.randomBytes(64 * 1024) }, 'not an AzSIM backup'],
      [{ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) }, 'not an AzSIM backup'],
    ];
    for (const [file, message] of cases) {
      await input.setInputFiles(file);
      await expect(result, file.name).toContainText(message);
      await expect(result).toHaveAttribute('role', 'alert');
      await expect(result.locator('[data-testid=import-confirm]')).toHaveCount(0);
      await expectLabels(page, ['Seeded 1', 'Seeded 2']);
      // The next choice of the same file must fire again.
      await expect(input).toHaveValue('');
    }
    expect(await storedDoc(page)).toEqual(before);
  });

  test('a backup re-saved with a byte-order mark (Windows Notepad) still imports', async ({ page }) => {
    await gotoApp(page);
    await addReminder(page, { label: 'Keep me' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
    const text = await fs.readFile(await download.path(), 'utf8');
    await page.evaluate(() => localStorage.clear());
    await gotoApp(page);
    await page.getByTestId('backup-import').setInputFiles({
      name: 'azsim-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))]),
    });
    await expect(page.getByTestId('import-result')).toContainText('This backup adds 1 reminder:');
    await page.getByTestId('import-confirm').click();
    await expectLabels(page, ['Keep me']);
    expect((await storedDoc(page)).reminders.map((r) => r.label)).toEqual(['Keep me']);
  });
});

test('1,000 reminders (the limit): the page renders, one more is refused with a message, data intact', async ({ page }) => {
  zoneIndependent();
  // A change that shows the last reminder renders 1,000 items: seconds on a busy 2-core machine.
  test.setTimeout(90_000);
  const rendered = { timeout: 20_000 };
  const many = Array.from({ length: MAX_REMINDERS }, (_, i) => stored(i, i < 3 ? { due: `2020-01-0${i + 1}T09:00` } : {}));
  const before = doc(many);
  await seed(page, JSON.stringify(before));
  const start = Date.now();
  await gotoApp(page);
  // The list shows its first rows and says how many more there are.
  const rows = page.locator('[data-testid=reminders] > li.reminder');
  const more = page.locator('.reminders .show-more button');
  await expect(rows).toHaveCount(10, rendered);
  await expect(more).toHaveText('Show more reminders (990 left)');
  expect(Date.now() - start, 'time to open with 1,000 reminders').toBeLessThan(20_000);
  // The three overdue ones are in the banner.
  await expect(page.getByTestId('due-banner').locator('li.reminder')).toHaveCount(3);

  // One more: refused, the form stays open with the reason.
  await page.getByTestId('add-reminder').click();
  await page.locator('#reminder-label').fill('One too many');
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.getByTestId('form-error')).toContainText('You have the most reminders AzSIM keeps (1000)');
  await expect(page.locator('.reminder-form')).toBeVisible();
  await page.locator('.reminder-form button[data-action=cancel]').click();

  // A backup that would go over: refused too.
  const backup = JSON.stringify({ app: 'azsim-backup', exported: '2026-01-01T00:00', ...doc([stored(5000, { label: 'From backup' })]) });
  await page.getByTestId('backup-import').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await expect(page.getByTestId('import-result')).toContainText('would go over 1000 reminders');
  expect(await storedDoc(page)).toEqual(before);

  // Editing still works at the limit, and deleting makes room.
  await page.locator('[data-testid=reminders] li[data-id=seed5] button[data-action=edit]').click();
  await page.locator('#reminder-note').fill('edited at the limit');
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.locator('.reminder-form')).toHaveCount(0);
  await page.locator('[data-testid=reminders] li[data-id=seed6] button[data-action=delete]').click();
  // With room for one: the import is offered, then a new reminder takes the room.
  await page.getByTestId('backup-import').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await expect(page.getByTestId('import-result')).toContainText('This backup adds 1 reminder:');
  await addReminder(page, { label: 'Fits again', due: '2040-01-01T09:00' });
  // Confirming the import now, or undoing the delete, would go over: both are refused
  // (they were not: 1,001 reminders were stored, and on the next load the whole
  // document was "could not be read", every reminder gone from the page).
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-result')).toContainText('would go over 1000 reminders');
  await page.getByTestId('undo').locator('button').click();
  await expect(page.getByTestId('announce')).toContainText('You have the most reminders AzSIM keeps (1000)');
  const after = await storedDoc(page);
  expect(after.reminders).toHaveLength(MAX_REMINDERS);
  expect(after.reminders.find((r) => r.id === 'seed5').note).toBe('edited at the limit');
  expect(after.reminders.some((r) => r.id === 'seed6' || r.label === 'From backup')).toBe(false);
  expect(after.reminders.at(-1).label).toBe('Fits again');
  const untouched = (d) => d.reminders.filter((r) => !['seed5', 'seed6'].includes(r.id) && r.label !== 'Fits again');
  expect(untouched(after)).toEqual(untouched(before));
  // And it opens again, every reminder there.
  await page.reload();
  await gotoApp(page);
  await expect(rows).toHaveCount(10, rendered);
  await expect(more).toHaveText('Show more reminders (990 left)');
  await expect(page.getByTestId('storage-notice')).toHaveCount(0);
});

test.describe('clocks at the edges', () => {
  /** The wall-clock "YYYY-MM-DDTHH:MM" of the page's `new Date()` plus `days`, in its zone. */
  const localPlusDays = (page, days) =>
    page.evaluate((n) => {
      const d = new Date();
      d.setDate(d.getDate() + n);
      const p = (x) => String(x).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, days);

  for (const [name, time, due] of [
    ['after 2038-01-19 (past 32-bit seconds)', '2038-01-20T12:00:00Z', '2038-01-19T03:14'],
    ['at the Unix epoch, 1970', '1970-01-01T00:00:00Z', '1969-12-31T09:00'],
  ]) {
    test(`clock ${name}: the app starts, dates render, a reminder is added with the right dates`, async ({ page }) => {
      await page.clock.install({ time: new Date(time) });
      await seed(page, JSON.stringify(doc([stored(1, { due, label: 'Overdue' })])));
      await gotoApp(page);
      // The overdue reminder is in the banner, dated as stored.
      const banner = page.getByTestId('due-banner').locator('li.reminder');
      await expect(banner).toHaveCount(1);
      const [y, m, d] = due.slice(0, 10).split('-').map(Number);
      const dayText = await page.evaluate(([yy, mm, dd]) => new Date(yy, mm - 1, dd).toLocaleDateString('en', { dateStyle: 'medium' }), [y, m, d]);
      await expect(banner.locator('.when')).toContainText(dayText);
      // The form is prefilled a day ahead of the (fake) now.
      const tomorrow = await localPlusDays(page, 1);
      await page.getByTestId('add-reminder').click();
      await expect(page.locator('#reminder-due')).toHaveValue(tomorrow);
      await page.locator('#reminder-label').fill('Added at this time');
      await page.locator('#reminder-repeat').selectOption('monthly');
      await page.locator('.reminder-form button[type=submit]').click();
      await expect(page.locator('.reminder-form')).toHaveCount(0);
      const saved = await storedDoc(page);
      expect(saved.reminders.map((r) => [r.label, r.due])).toEqual([
        ['Overdue', due],
        ['Added at this time', tomorrow],
      ]);
      // Its calendar event is at the right instant.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=reminders] li.reminder', { hasText: 'Added at this time' }).locator('button[data-action=ics]').click(),
      ]);
      const ics = (await fs.readFile(await download.path(), 'utf8')).replace(/\r\n[ \t]/g, '');
      const utc = await page.evaluate((t) => new Date(t).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z', tomorrow);
      expect(ics).toContain(`DTSTART:${utc}`);
      // "Renewed" on the overdue one has nothing to roll (one-off); on the monthly one it rolls a month.
      await page.locator('[data-testid=reminders] li.reminder', { hasText: 'Added at this time' }).locator('button[data-action=renewed]').click();
      const rolled = (await storedDoc(page)).reminders.find((r) => r.label === 'Added at this time').due;
      const [ty, tm, td] = tomorrow.slice(0, 10).split('-').map(Number);
      const nextMonth = tm === 12 ? `${ty + 1}-01` : `${ty}-${String(tm + 1).padStart(2, '0')}`;
      expect(rolled).toBe(`${nextMonth}-${String(td).padStart(2, '0')}${tomorrow.slice(10)}`);
      // The planner counts from the fake today.
      await page.locator('#planner-left').fill('3');
      await page.locator('#planner-per-day').fill('512');
      await page.locator('form.tool').nth(1).locator('button[type=submit]').click();
      const sixDays = await page.evaluate(() => {
        const x = new Date();
        x.setDate(x.getDate() + 6);
        return x.toLocaleDateString('en', { dateStyle: 'long' });
      });
      await expect(page.getByTestId('planner-answer')).toContainText(sixDays);
    });
  }
});

test.describe('daylight saving in New York', () => {
  // Sets its own zone: the New York project would run it a second time, identically.
  test.beforeEach(() => test.skip(test.info().project.name === 'chromium-new-york', 'runs in New York in every project'));
  test.use({ timezoneId: 'America/New_York' });

  test('reminders on and across the DST change keep the wall-clock time the user typed', async ({ page }) => {
    await gotoApp(page);
    // 2030-03-10 is the spring-forward day (02:00 → 03:00), 2030-11-03 the fall-back day.
    await addReminder(page, { label: 'Monthly across spring', due: '2030-02-10T09:00', repeat: 'monthly' });
    await addReminder(page, { label: 'Fall back', due: '2030-11-03T01:30' });
    const item = (label) => page.locator('[data-testid=reminders] li.reminder', { hasText: label });
    await expect(item('Monthly across spring').locator('.when')).toHaveText(/^Feb 10, 2030, 9:00\sAM/);
    await expect(item('Fall back').locator('.when')).toHaveText(/^Nov 3, 2030, 1:30\sAM/);
    // "Renewed" rolls it over the change: still 9:00 on the wall clock.
    await item('Monthly across spring').locator('button[data-action=renewed]').click();
    await expect(item('Monthly across spring').locator('.when')).toHaveText(/^Mar 10, 2030, 9:00\sAM/);
    const saved = await storedDoc(page);
    expect(saved.reminders.map((r) => [r.label, r.due])).toEqual([
      ['Monthly across spring', '2030-03-10T09:00'],
      ['Fall back', '2030-11-03T01:30'],
    ]);
    // The edit form shows what was typed, too.
    await item('Monthly across spring').locator('button[data-action=edit]').click();
    await expect(page.locator('#reminder-due')).toHaveValue('2030-03-10T09:00');
    await page.locator('.reminder-form button[data-action=cancel]').click();
    // The calendar file: 09:00 EDT is 13:00 UTC (09:00 EST would be 14:00).
    const [download] = await Promise.all([page.waitForEvent('download'), item('Monthly across spring').locator('button[data-action=ics]').click()]);
    const ics = (await fs.readFile(await download.path(), 'utf8')).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DTSTART:20300310T130000Z');
  });
});

test.describe('browser languages the app does not speak', () => {
  test.beforeEach(zoneIndependent);
  for (const locale of ['fr-FR', 'ja-JP']) {
    test.describe(locale, () => {
      test.use({ locale });
      test(`${locale}: falls back to English`, async ({ page }) => {
        await gotoApp(page);
        expect(await page.evaluate(() => navigator.language)).toBe(locale);
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        await expect(page.locator('#lang')).toHaveValue('en');
        await expect(page.locator('#reminders-heading')).toBeVisible();
        await expect(page.locator('[data-testid=reminders] .empty')).toContainText('No reminders yet');
        await addReminder(page, { label: 'Nar', due: '2030-05-01T09:30' });
        await expect(page.locator('[data-testid=reminders] li.reminder .when')).toHaveText(/^May 1, 2030, 9:30\sAM/);
        // Nothing is saved as a language choice: the browser's language is not one.
        expect((await storedDoc(page)).prefs.lang).toBeNull();
      });
    });
  }
});
