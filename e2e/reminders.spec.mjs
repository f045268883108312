// Reminders: create, persist, escape, calendar export, backup round trip,
// two tabs in sync, damaged storage.
import fs from 'node:fs/promises';
import { test, expect, gotoApp, expectNoAxeViolations, holdRequests } from './fixtures.mjs';

const KEY = 'azsim.v1';

/** Fills and saves the reminder form. */
async function addReminder(page, { label, due = '2030-05-01T09:30', repeat, warn = '2', note = '' }) {
  await page.getByTestId('add-reminder').click();
  await page.locator('#reminder-label').fill(label);
  await page.locator('#reminder-due').fill(due);
  if (repeat) await page.locator('#reminder-repeat').selectOption(repeat);
  await page.locator('#reminder-warn').fill(warn);
  if (note) await page.locator('#reminder-note').fill(note);
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.locator('.reminder-form')).toHaveCount(0);
}

/** The reminders' labels, once the list is there (it waits for the stored document to be read). */
async function labels(page) {
  await page.getByTestId('reminders').waitFor({ state: 'attached' });
  return page.locator('[data-testid=reminders] > li.reminder h3').allTextContents();
}

/** Unfolds an iCalendar text into its content lines. */
function icsLines(text) {
  expect(text.includes('\r\n'), 'CRLF line ends').toBe(true);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), `line too long: ${line}`).toBeLessThanOrEqual(75);
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

test('a reminder is created, survives a reload and shows hostile text as text', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await gotoApp(page);
  await expect(page.locator('[data-testid=reminders] .empty')).toBeVisible();
  const hostile = '<img src=x onerror=alert(1)>';
  await addReminder(page, { label: hostile, repeat: 'monthly', note: 'line 1' });
  await addReminder(page, { label: 'Renew Nar data 续费', due: '2030-04-01T08:00' });
  expect(await labels(page)).toEqual(['Renew Nar data 续费', hostile]);
  await page.reload();
  await gotoApp(page);
  expect(await labels(page)).toEqual(['Renew Nar data 续费', hostile]);
  await expect(page.locator('[data-testid=reminders] img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  expect(stored.version).toBe(2);
  expect(stored.reminders.map((r) => r.label)).toContain(hostile);
});

test('form errors are clear and nothing is saved', async ({ page }) => {
  await gotoApp(page);
  await page.getByTestId('add-reminder').click();
  await page.locator('#reminder-label').fill('   ');
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.getByTestId('form-error')).toContainText('name');
  await page.locator('#reminder-label').fill('Azercell');
  await page.locator('#reminder-due').fill('');
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(page.getByTestId('form-error')).toContainText('date');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
});

test('"Remind me" on a path prefills the form; renewed rolls forward; delete can be undone', async ({ page }) => {
  await gotoApp(page, 'sim=physical&op=nar&pay=cash');
  await page.locator('[data-testid=paths] > li').first().locator('button[data-action=remind]').click();
  await expect(page.locator('#reminder-label')).toHaveValue(/Nar/);
  await expect(page.locator('#reminder-operator')).toHaveValue('nar');
  await page.locator('#reminder-due').fill('2020-01-10T09:00');
  await page.locator('#reminder-repeat').selectOption('days');
  await page.locator('#reminder-every').fill('30');
  await page.locator('.reminder-form button[type=submit]').click();
  // Overdue: shown first, in the banner.
  await expect(page.getByTestId('due-banner').locator('li')).toHaveCount(1);
  await page.getByTestId('due-banner').locator('button[data-action=renewed]').click();
  await expect(page.getByTestId('due-banner').locator('li')).toHaveCount(0);
  // One day's warning (the default) in the singular.
  await expect(page.locator('[data-testid=reminders] li.reminder')).toContainText(/every\s30\sdays.*warns\s1\sday\sbefore/);
  const due = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).reminders[0].due, KEY);
  expect(due > new Date().toISOString().slice(0, 10)).toBe(true);
  await page.locator('[data-testid=reminders] button[data-action=delete]').click();
  await expect(page.locator('[data-testid=reminders] li.reminder')).toHaveCount(0);
  await page.getByTestId('undo').locator('button').click();
  await expect(page.locator('[data-testid=reminders] li.reminder')).toHaveCount(1);
});

test('calendar export is valid iCalendar', async ({ page }) => {
  await gotoApp(page);
  await addReminder(page, { label: 'Nar, data; 续费 🎉', repeat: 'monthly', warn: '3', note: 'two\nlines' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid=reminders] button[data-action=ics]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^azsim-[a-z0-9-]+\.ics$/);
  const lines = icsLines(await fs.readFile(await download.path(), 'utf8'));
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines).toContain('SUMMARY:Nar\\, data\\; 续费 🎉');
  expect(lines).toContain('RRULE:FREQ=MONTHLY');
  expect(lines).toContain('TRIGGER:-P3D');
  expect(lines.some((l) => /^DTSTART:\d{8}T\d{6}Z$/.test(l))).toBe(true);
  expect(lines.some((l) => /^UID:r[0-9a-z]+@azsim$/.test(l))).toBe(true);
});

test('backup: export, clear, import, same reminders; bad files change nothing', async ({ page }) => {
  await gotoApp(page);
  await addReminder(page, { label: 'Azercell top-up', due: '2030-01-02T10:00' });
  await addReminder(page, { label: 'Airalo eSIM', due: '2030-01-05T10:00', repeat: 'monthly' });
  const before = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).reminders, KEY);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
  const backup = await download.path();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await gotoApp(page);
  expect(await labels(page)).toEqual([]);

  // A file that is not a backup: a clear message, nothing changed.
  await page.getByTestId('backup-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.getByTestId('import-result')).toContainText('not an AzSIM backup');
  await page.getByTestId('backup-import').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(3 * 1024 * 1024, 0xff) });
  await expect(page.getByTestId('import-result')).toContainText('too large');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();

  await page.getByTestId('backup-import').setInputFiles(backup);
  await expect(page.getByTestId('import-result')).toContainText('2');
  await page.getByTestId('import-confirm').click();
  expect(await labels(page)).toEqual(['Azercell top-up', 'Airalo eSIM']);
  const after = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).reminders, KEY);
  expect(after).toEqual(before);
  // Importing again adds nothing.
  await page.getByTestId('backup-import').setInputFiles(backup);
  await expect(page.getByTestId('import-result')).toContainText('Nothing new');
});

test('a document and a backup written by the release before serde_json read back unchanged', async ({ page }) => {
  const data = new URL('../crates/domain/tests/data/', import.meta.url);
  const stored = await fs.readFile(new URL('document-v2.json', data), 'utf8');
  const written = JSON.parse(stored).reminders;
  const expected = written.map((r) => r.label).sort();
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [KEY, stored]);
  await gotoApp(page);
  expect((await labels(page)).sort()).toEqual(expected);
  // A change saves the document in this release's way; the old reminders stay as written.
  await addReminder(page, { label: 'After the upgrade' });
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
  expect(saved.version).toBe(2);
  expect(saved.prefs).toEqual({ lang: 'az', notify: true });
  const byId = (list) => Object.fromEntries(list.map((r) => [r.id, r]));
  for (const r of written) expect(byId(saved.reminders)[r.id]).toEqual(r);

  // The old release's backup file imports into an empty list.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await gotoApp(page);
  expect(await labels(page)).toEqual([]);
  await page.getByTestId('backup-import').setInputFiles(new URL('backup-v2.json', data).pathname);
  await expect(page.getByTestId('import-result')).toContainText('3');
  await page.getByTestId('import-confirm').click();
  expect((await labels(page)).sort()).toEqual(expected);
});

test('two pages in one context stay in sync', async ({ page, context }) => {
  await gotoApp(page);
  const other = await context.newPage();
  await gotoApp(other);
  await addReminder(page, { label: 'From tab one' });
  await expect(other.locator('[data-testid=reminders] li.reminder h3')).toHaveText(['From tab one']);
  await other.locator('[data-testid=reminders] button[data-action=delete]').click();
  await expect(page.locator('[data-testid=reminders] li.reminder')).toHaveCount(0);
  await other.close();
});

test('garbage in storage: the app opens, tells the user, and keeps a copy', async ({ page }) => {
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"version":2,"reminders":[{"id":');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await gotoApp(page);
  await expect(page.getByTestId('storage-notice')).toContainText('could not be read');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('azsim.v1.damaged.')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual(['{"version":2,"reminders":[{"id":']);
  // The picker still works.
  await expect(page.locator('[data-testid=paths]')).toBeVisible();
});

/** Asks the validity calculator about a 5 AZN Nar top-up on 2026-11-01 (30 days). */
async function askNarValidity(page) {
  await page.locator('#validity-op').selectOption('nar');
  await page.locator('#validity-amount').fill('5');
  await page.locator('#validity-paid').fill('2026-11-01');
  await page.locator('form.tool').first().locator('button[type=submit]').click();
}

test('validity calculator: Nar 5 AZN gives 30 days, with sources; one tap makes a reminder', async ({ page }) => {
  await gotoApp(page);
  await askNarValidity(page);
  const answer = page.getByTestId('validity-answer');
  await expect(answer).toContainText('30 days');
  await expect(answer).toContainText('December 1, 2026');
  await expect(answer.locator('a[href^="https://"]').first()).toBeVisible();
  await answer.locator('button[data-action=validity]').click();
  await expect(page.locator('#reminder-label')).toHaveValue(/Nar/);
  await expect(page.locator('#reminder-due')).toHaveValue('2026-11-30T09:00');
  // Bakcell: no rule is known, and the answer says so.
  await page.locator('#validity-op').selectOption('bakcell');
  await page.locator('form.tool').first().locator('button[type=submit]').click();
  await expect(answer).not.toContainText('Active until');
  await page.locator('#validity-amount').fill('abc');
  await page.locator('form.tool').first().locator('button[type=submit]').click();
  await expect(answer.locator('[role=alert]')).toContainText('AZN');
});

test('data planner: 3 GB at 512 MB a day runs out in 6 days', async ({ page }) => {
  await gotoApp(page);
  await page.locator('#planner-left').fill('3');
  await page.locator('#planner-per-day').fill('512');
  await page.locator('form.tool').nth(1).locator('button[type=submit]').click();
  const expected = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 6);
    return d.toLocaleDateString('en', { dateStyle: 'long' });
  });
  await expect(page.getByTestId('planner-answer')).toContainText(expected);
  await page.getByTestId('planner-answer').locator('button[data-action=planner]').click();
  await expect(page.locator('#reminder-label')).not.toHaveValue('');
});

test('a language change keeps what was typed (calculators, reminder form) and answers again in the new language', async ({ page }) => {
  await gotoApp(page);
  await askNarValidity(page);
  await expect(page.getByTestId('validity-answer')).toContainText('30 days');
  await page.locator('#planner-left').fill('2,5');
  await page.locator('#lang').selectOption('ru');
  await expect(page.locator('#tools-heading')).not.toHaveText(/[A-Za-z]{4}/);
  await expect(page.locator('#validity-op')).toHaveValue('nar');
  await expect(page.locator('#validity-amount')).toHaveValue('5');
  await expect(page.locator('#validity-paid')).toHaveValue('2026-11-01');
  await expect(page.locator('#planner-left')).toHaveValue('2,5');
  // The answer shown is worked out again, in Russian (and the planner, not asked, stays empty).
  // (Its sources' quotes stay in their pages' own languages.)
  const answer = page.getByTestId('validity-answer');
  await expect(answer.locator('p.answer')).toContainText('30');
  await expect(answer.locator('p.answer')).not.toContainText('days');
  await expect(answer.locator('p.answer')).toContainText(/[а-я]{4}/);
  await expect(page.getByTestId('planner-answer')).toBeEmpty();
  await answer.locator('button[data-action=validity]').click();
  await expect(page.locator('#reminder-due')).toHaveValue('2026-11-30T09:00');
  // The reminder form, open and typed in, keeps its values through a language change too.
  await page.locator('#reminder-label').fill('Nar: top up');
  await page.locator('#reminder-note').fill('kiosk near the hotel');
  await page.locator('#reminder-warn').fill('99999999999');
  await page.locator('#lang').selectOption('az');
  await expect(page.locator('#reminders-heading')).not.toHaveText(/[а-я]/);
  await expect(page.locator('#reminder-label')).toHaveValue('Nar: top up');
  await expect(page.locator('#reminder-note')).toHaveValue('kiosk near the hotel');
  await expect(page.locator('#reminder-due')).toHaveValue('2026-11-30T09:00');
  await expect(page.locator('#reminder-operator')).toHaveValue('nar');
  // Even a number too large for the form stays as typed (saving then says why not).
  await expect(page.locator('#reminder-warn')).toHaveValue('99999999999');
});

test.describe("the pack's second part comes late", () => {
  // The service worker would answer from its cache before page.route could.
  test.use({ serviceWorkers: 'block' });

  test('a language chosen before it arrives gets its own second part: reminders, calculators and advice show in it', async ({ page }) => {
    const release = await holdRequests(page, '**/lang/en-more-*.bin');
    await gotoApp(page);
    await page.locator('#lang').selectOption('ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.locator('#tools-heading')).toBeHidden();
    release();
    await expect(page.locator('#reminders-heading')).toHaveText(/[а-я]{4}/);
    await expect(page.locator('#tools-heading')).toHaveText(/[а-я]{4}/);
    await expect(page.getByTestId('checked')).toHaveText(/[а-я]{4}/);
  });
});

test.describe('the reminders module', () => {
  // The service worker would answer from its cache before page.route could.
  test.use({ serviceWorkers: 'block' });
  const MODULE = /\/reminders-[0-9a-f]{16}(\.js|_bg\.wasm)$/;

  test('a first visit fetches it only on a tap that needs it, and answers that tap; a returning visit fetches it after the first path, and a language chosen before it arrives is saved with the reminders', async ({ page }) => {
    const fetched = [];
    page.on('request', (r) => MODULE.test(new URL(r.url()).pathname) && fetched.push(r.url()));
    // A first visit: the placeholder, every later section, and no module.
    await gotoApp(page);
    await expect(page.locator('[data-testid=reminders] .empty')).toBeVisible();
    await expect(page.getByTestId('checked')).toBeVisible();
    expect(fetched, 'a first visit fetches nothing for reminders').toEqual([]);

    // "Add" while the module is held: answered once it arrives, with focus in
    // the form.
    const releaseFirst = await holdRequests(page, '**/reminders-*_bg.wasm');
    await page.getByTestId('add-reminder').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => fetched.length).toBeGreaterThan(0);
    await expect(page.locator('.reminder-form')).toHaveCount(0);
    // Meanwhile it says so: the button is busy, the live region says "Loading…".
    await expect(page.getByTestId('add-reminder')).toHaveAttribute('aria-busy', 'true');
    await expect(page.getByTestId('announce')).toHaveText('Loading…');
    releaseFirst();
    await expect(page.locator('#reminder-label')).toBeFocused();
    await expect(page.locator('[aria-busy]')).toHaveCount(0);
    await page.locator('.reminder-form button[data-action=cancel]').click();
    await expect(page.getByTestId('add-reminder')).toBeFocused();
    await addReminder(page, { label: 'Kept while the module comes' });
    await page.unroute('**/reminders-*_bg.wasm');

    // A returning visit: the ranked paths show while the module is held; the
    // reminders wait for it, and a language chosen meanwhile is saved into the
    // stored document once it is read, not over it.
    fetched.length = 0;
    const release = await holdRequests(page, '**/reminders-*_bg.wasm');
    await page.reload();
    await gotoApp(page);
    await expect(page.getByTestId('paths')).toBeVisible();
    await page.locator('#lang').selectOption('az');
    await expect(page.locator('html')).toHaveAttribute('lang', 'az');
    await expect(page.getByTestId('checked')).toBeVisible();
    await expect(page.locator('#reminders-heading')).toHaveCount(0);
    expect(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).prefs.lang ?? null, KEY)).toBeNull();
    release();
    expect(await labels(page)).toEqual(['Kept while the module comes']);
    await expect(page.locator('#reminders-heading')).toHaveText('Xatırlatmalarınız');
    await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).prefs.lang, KEY)).toBe('az');
    const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), KEY);
    expect(saved.reminders.map((r) => r.label)).toEqual(['Kept while the module comes']);
    expect(fetched.some((url) => url.endsWith('.js')) && fetched.some((url) => url.endsWith('_bg.wasm')), 'the returning visit fetched the module').toBe(true);
  });

  test('a returning visit keeps the due banner\'s room while the module comes: nothing below it moves', async ({ page }) => {
    const due = (id, label, day) => ({ id, label, due: `2020-01-0${day}T09:00`, note: '', warn_days: 0, repeat: 'none' });
    const doc = { version: 2, prefs: {}, reminders: [due('a', 'Overdue top-up', 1), due('b', 'Azercell monthly internet pack for the second phone', 2)] };
    await page.addInitScript(
      ([key, text]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('seeded', '1');
        }
        // The layout shifts of this load, as the browser counts them.
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
      },
      [KEY, JSON.stringify(doc)],
    );
    // The first time, the banner comes and keeps its height for the next start.
    await gotoApp(page);
    const banner = page.getByTestId('due-banner');
    await expect(banner.locator('li.reminder')).toHaveCount(2);
    const place = page.getByTestId('due-place');
    const height = await place.evaluate((p) => p.getBoundingClientRect().height);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('azsim.banner'))).toBe(`${width}:${height}px`);

    // The next start, the module held: its room is kept, saying "Loading…".
    const release = await holdRequests(page, '**/reminders-*_bg.wasm');
    await page.reload();
    await gotoApp(page);
    const first = page.locator('[data-testid=paths] > li[data-channel]').first();
    await expect(first).toBeVisible();
    await expect(place).toHaveText('Loading…');
    expect(await place.evaluate((p) => p.getBoundingClientRect().height)).toBe(height);
    const top = await first.evaluate((li) => li.getBoundingClientRect().top);
    release();
    await expect(banner.locator('li.reminder')).toHaveCount(2);
    await expect(place).not.toContainText('Loading…');
    expect(await first.evaluate((li) => li.getBoundingClientRect().top)).toBe(top);
    expect(await page.evaluate(() => window.__shifts.reduce((sum, v) => sum + v, 0)), 'layout shift').toBe(0);

    // Renewed: the banner empties, and the next start keeps no room for it.
    for (const id of ['a', 'b']) await banner.locator(`li[data-id=${id}] button[data-action=delete]`).click();
    await expect(banner.locator('li')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('azsim.banner'))).toBeNull();
    await page.reload();
    await gotoApp(page);
    await expect(place).toHaveText('');
    expect(await place.evaluate((p) => p.offsetHeight)).toBe(0);
  });
});

test('notifications: opt-in in the top-level app, never offered in embed mode', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  await gotoApp(page);
  await page.locator('.notify button').click();
  await expect(page.locator('.notify')).toContainText('Notifications are on');
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k))?.prefs.notify, KEY)).toBe(true);
  await page.reload();
  await expect(page.locator('.notify')).toContainText('Notifications are on');
  await gotoApp(page, 'embed=1');
  await expect(page.locator('.notify')).toHaveCount(0);
});

test('no axe-core violations with the reminder form open and reminders listed, in each language', async ({ page }) => {
  test.setTimeout(120_000); // four axe runs: several seconds each on a busy 2-core machine
  await gotoApp(page);
  await addReminder(page, { label: 'Nar', due: '2020-01-01T09:00', repeat: 'monthly' });
  for (const lang of ['en', 'zh', 'az', 'ru']) {
    await page.locator('#lang').selectOption(lang);
    await page.getByTestId('add-reminder').click();
    await expect(page.locator('.reminder-form')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.locator('.reminder-form button[data-action=cancel]').click();
  }
});

test('a long stored list shows its first rows and "Show more", which reaches every row from the keyboard', async ({ page }) => {
  test.setTimeout(60_000); // 300 rows on a busy 2-core machine
  const N = 300;
  // Half due (in 2020), half later (in 2035): both the banner and the list are long.
  const reminders = Array.from({ length: N }, (_, i) => ({
    id: `r${i + 1}`,
    label: `Renew ${i + 1}`,
    due: `${i % 2 ? 2035 : 2020}-0${(i % 9) + 1}-1${i % 10}T09:00`,
    note: '',
    warn_days: 1,
  }));
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ version: 2, prefs: {}, reminders })]);
  await gotoApp(page);
  const rows = page.locator('[data-testid=reminders] > li.reminder');
  const more = page.locator('.reminders .show-more button');
  await expect(rows).toHaveCount(10);
  await expect(more).toHaveText('Show more reminders (290 left)');
  // The banner too, on its own.
  const banner = page.getByTestId('due-banner');
  await expect(banner.locator('li.reminder')).toHaveCount(10);
  await expect(banner.locator('.show-more button')).toHaveText('Show more reminders (140 left)');
  await expectNoAxeViolations(page);
  // From the keyboard: each press shows 20 more, and focus goes to the first of them.
  const first = await rows.first().elementHandle();
  for (let shown = 10; shown < N; shown += 20) {
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(Math.min(N, shown + 20));
    await expect(rows.nth(shown)).toBeFocused();
  }
  await expect(more).toHaveCount(0);
  await expect(banner.locator('li.reminder')).toHaveCount(10);
  // The rows shown before stayed the same elements.
  expect(await first.evaluate((row) => row.isConnected)).toBe(true);
  // Every reminder once, in order of due date, and the last row's buttons work.
  const shown = await rows.locator('h3').allTextContents();
  expect(new Set(shown).size).toBe(N);
  const last = rows.last();
  const label = await last.locator('h3').textContent();
  await last.getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#reminder-label')).toHaveValue(label);
});

test('a reminder saved or restored past the rows shown is shown, restored with focus on it', async ({ page }) => {
  const reminders = Array.from({ length: 30 }, (_, i) => ({
    id: `r${i + 1}`,
    label: `Renew ${i + 1}`,
    due: `2035-01-${String(i + 1).padStart(2, '0')}T09:00`,
    note: '',
    warn_days: 0,
  }));
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify({ version: 2, prefs: {}, reminders })]);
  await gotoApp(page);
  const rows = page.locator('[data-testid=reminders] > li.reminder');
  await expect(rows).toHaveCount(10);
  // Saved: due after the 30 others, so 31st in the list.
  await page.getByTestId('add-reminder').click();
  await page.locator('#reminder-label').fill('Latest');
  await page.locator('#reminder-due').fill('2036-01-01T09:00');
  await page.locator('.reminder-form button[type=submit]').click();
  await expect(rows).toHaveCount(31);
  await expect(rows.last().locator('h3')).toHaveText('Latest');
  await expect(page.locator('.reminders .show-more')).toHaveCount(0);
  // Deleted and restored: still shown.
  await rows.last().getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(30);
  await page.getByTestId('undo').locator('button').click();
  await expect(rows.last()).toBeFocused();
  await expect(rows.last().locator('h3')).toHaveText('Latest');
});
