// Injection: hostile text in every text, number and date field, in every URL
// parameter, in a backup file and in every data-* attribute of the embed loader.
// Each value must be shown as text, trimmed, dropped or refused with a message:
// no element injected, no dialog, no event-handler attribute, and every link on
// the page goes to tel:/sms:, https:, the app's own origin or a #fragment.
import { test, expect, gotoApp } from './fixtures.mjs';

const KEY = 'azsim.v1';
const LONG = 'A'.repeat(10_000);
const PAYLOADS = [
  ['script tag', '<script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['RTL override', '\u202Egnp.exe'],
  ['10,000 characters', LONG],
  ['empty', ''],
];

/** Records every dialog (alert, confirm, prompt) of the page and its frames. */
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return dialogs;
}

/**
 * Nothing was injected into `frame` (a Page or a Frame): no inline script, no element
 * carrying an on* attribute, no img/iframe/object/embed/base of the payloads, and every
 * link is tel:, sms:, https:, same-origin or a #fragment.
 */
async function expectNoInjection(frame, dialogs) {
  // The last part of the page to render (after the results, a moment later).
  await frame.locator('[data-testid=checked]').waitFor();
  const found = await frame.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`<${el.localName} ${a.name}>`);
    }
    for (const s of document.scripts) if (!s.src) bad.push(`inline <script>: ${s.textContent.slice(0, 60)}`);
    for (const el of document.querySelectorAll('img, iframe, object, embed, base, svg script, math')) bad.push(`<${el.localName}>`);
    const links = [];
    for (const a of document.querySelectorAll('a[href], area[href]')) {
      const raw = a.getAttribute('href');
      const url = new URL(raw, location.href);
      const ok = raw.startsWith('#') || ['tel:', 'sms:', 'https:'].includes(url.protocol) || url.origin === location.origin;
      links.push(raw);
      if (!ok) bad.push(`link ${raw}`);
    }
    if (document.querySelector('a[href^="javascript:" i], a[href*="javascript:" i]')) bad.push('javascript: link');
    return { bad, links: links.length };
  });
  expect(found.bad, 'injected markup or unsafe links').toEqual([]);
  expect(found.links, 'the page has links to check').toBeGreaterThan(0);
  expect(dialogs, 'dialogs').toEqual([]);
}

/** Sets a control's value as script would (no maxlength, no typing rules), as an input event. */
function setValue(page, selector, value) {
  return page.locator(selector).evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** The browser itself empties number and date inputs given any of the payloads. */
async function expectBrowserDrops(page, selectors) {
  for (const selector of selectors) {
    const kept = await page.locator(selector).evaluate((el, values) => {
      const out = values.map((v) => {
        el.value = v;
        return el.value;
      }).filter((v) => v !== '');
      el.value = '';
      return out;
    }, PAYLOADS.map(([, v]) => v));
    expect(kept, `${selector} keeps hostile values`).toEqual([]);
  }
}

const storedReminders = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"reminders":[]}').reminders, KEY);
const submitForm = (page) => page.locator('.reminder-form button[type=submit]').click();
const formError = (page) => page.getByTestId('form-error');

test.describe('reminder form', () => {
  test('label and note: shown as text, trimmed, or refused with a message', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await gotoApp(page);
    const saved = [];
    for (const [name, payload] of PAYLOADS) {
      await page.getByTestId('add-reminder').click();
      // Typed, as a person would: the fields' maxlength applies.
      await page.locator('#reminder-label').fill(`  ${payload}  `);
      await page.locator('#reminder-note').fill(payload);
      await page.locator('#reminder-due').fill(`2030-01-${String(saved.length + 10).padStart(2, '0')}T09:00`);
      await submitForm(page);
      if (payload === '') {
        await expect(formError(page), name).toHaveText('Give the reminder a name.');
        await page.locator('.reminder-form button[data-action=cancel]').click();
        continue;
      }
      await expect(page.locator('.reminder-form'), name).toHaveCount(0);
      // Cut to the fields' limits by maxlength (80 for the label, after the 2 spaces typed).
      saved.push({ label: `  ${payload}`.slice(0, 80).trim(), note: payload.slice(0, 500) });
    }
    const items = page.locator('[data-testid=reminders] > li.reminder');
    await expect(items).toHaveCount(saved.length);
    expect(await items.locator('h3').allTextContents()).toEqual(saved.map((s) => s.label));
    expect(await items.locator('.note').allTextContents()).toEqual(saved.map((s) => s.note));
    expect((await storedReminders(page)).map((r) => [r.label, r.note])).toEqual(saved.map((s) => [s.label, s.note]));
    // The RTL override is kept as typed, as text, in its own heading.
    await expect(items.filter({ hasText: 'gnp.exe' }).locator('h3')).toHaveText('\u202Egnp.exe');
    // The undo notice shows a hostile label as text too, between directional isolates
    // (U+2068 … U+2069) so that no override inside it can reorder the sentence.
    await items.filter({ hasText: '<img src=x' }).locator('button[data-action=delete]').click();
    await expect(page.getByTestId('undo')).toContainText('Deleted “\u2068<img src=x onerror=alert(1)>\u2069”.');
    await expectNoInjection(page, dialogs);
  });

  test('past maxlength (set by script): refused with the limit, nothing saved', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await gotoApp(page);
    await page.getByTestId('add-reminder').click();
    await setValue(page, '#reminder-label', LONG);
    await submitForm(page);
    await expect(formError(page)).toHaveText('The name is too long: at most 80 characters.');
    await setValue(page, '#reminder-label', 'ok');
    await setValue(page, '#reminder-note', `<script>${LONG}</script>`);
    await submitForm(page);
    await expect(formError(page)).toHaveText('The note is too long: at most 500 characters.');
    // Control characters go; line breaks in the note stay.
    await setValue(page, '#reminder-label', '\u0000Nar\u0007\n top-up\u202E ');
    await setValue(page, '#reminder-note', ' line 1\nline 2\u0000 ');
    await submitForm(page);
    await expect(page.locator('.reminder-form')).toHaveCount(0);
    expect((await storedReminders(page)).map((r) => [r.label, r.note])).toEqual([['Nar top-up\u202E', 'line 1\nline 2']]);
    await expectNoInjection(page, dialogs);
  });

  test('number and date fields: the browser drops hostile values; what gets through is refused with a message', async ({ page }) => {
    const dialogs = watchDialogs(page);
    await gotoApp(page);
    await page.getByTestId('add-reminder').click();
    await expectBrowserDrops(page, ['#reminder-every', '#reminder-warn', '#reminder-due']);
    await page.locator('#reminder-label').fill('Numbers');
    await page.locator('#reminder-due').fill('2030-02-01T09:00');
    await page.locator('#reminder-repeat').selectOption('days');
    for (const value of ['', '-1', '1.5', '1e3', '9'.repeat(30)]) {
      await setValue(page, '#reminder-every', value);
      await submitForm(page);
      await expect(formError(page), `every "${value.slice(0, 9)}"`).toHaveText('Repeat every 1 to 366 days.');
      await setValue(page, '#reminder-every', '');
    }
    await setValue(page, '#reminder-every', '30');
    for (const value of ['-1', '1.5', '31', '9'.repeat(30)]) {
      await setValue(page, '#reminder-warn', value);
      await submitForm(page);
      await expect(formError(page), `warn "${value.slice(0, 9)}"`).toHaveText('Warn at most 30 days before.');
      await setValue(page, '#reminder-warn', '');
    }
    for (const value of ['', '275760-09-13T00:00', '2030-02-01']) {
      await setValue(page, '#reminder-due', value);
      await submitForm(page);
      await expect(formError(page), `due "${value}"`).toHaveText('Choose a date and time.');
    }
    expect(await storedReminders(page)).toEqual([]);
    // An empty warning means none.
    await setValue(page, '#reminder-due', '2030-02-01T09:00');
    await setValue(page, '#reminder-warn', '');
    await submitForm(page);
    await expect(page.locator('.reminder-form')).toHaveCount(0);
    expect((await storedReminders(page)).map((r) => [r.repeat, r.warn_days])).toEqual([[{ every_days: 30 }, 0]]);
    await expectNoInjection(page, dialogs);
  });
});

test('calculators: hostile amounts, numbers and dates get the form\'s message, never markup', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await gotoApp(page);
  await expectBrowserDrops(page, ['#validity-paid', '#planner-per-day', '#planner-pack-end']);
  const validity = page.locator('form.tool').nth(0);
  const planner = page.locator('form.tool').nth(1);
  const validityAnswer = page.getByTestId('validity-answer');
  const plannerAnswer = page.getByTestId('planner-answer');
  await page.locator('#validity-op').selectOption('nar');
  for (const [name, payload] of [...PAYLOADS, ['huge', '9'.repeat(400)], ['three decimals', '5.001']]) {
    await validity.locator('#validity-amount').fill(payload);
    await validity.locator('button[type=submit]').click();
    await expect(validityAnswer.locator('[role=alert]'), `amount ${name}`).toHaveText('Type an amount in AZN, for example 5 or 2.50.');
    await expect(validityAnswer).not.toContainText('Active until');
  }
  // Spaces around a good amount are trimmed.
  await validity.locator('#validity-amount').fill('  5  ');
  await setValue(page, '#validity-paid', '2026-11-01');
  await validity.locator('button[type=submit]').click();
  await expect(validityAnswer).toContainText('30 days');
  for (const value of ['', '275760-09-13']) {
    await setValue(page, '#validity-paid', value);
    await validity.locator('button[type=submit]').click();
    await expect(validityAnswer.locator('[role=alert]'), `paid "${value}"`).toHaveText('Choose a date.');
  }

  const bad = 'Type the data left and your daily use as numbers.';
  await page.locator('#planner-per-day').fill('512');
  for (const [name, payload] of [...PAYLOADS, ['huge', '9'.repeat(400)]]) {
    await planner.locator('#planner-left').fill(payload);
    await planner.locator('button[type=submit]').click();
    await expect(plannerAnswer.locator('[role=alert]'), `left ${name}`).toHaveText(bad);
  }
  await planner.locator('#planner-left').fill('3');
  for (const value of ['', '-5', '1.5', '9'.repeat(30)]) {
    await setValue(page, '#planner-per-day', value);
    await planner.locator('button[type=submit]').click();
    await expect(plannerAnswer.locator('[role=alert]'), `per day "${value.slice(0, 9)}"`).toHaveText(bad);
  }
  // An empty or far pack end: an answer, no error.
  await page.locator('#planner-per-day').fill('512');
  for (const value of ['', '275760-09-13']) {
    await setValue(page, '#planner-pack-end', value);
    await planner.locator('button[type=submit]').click();
    await expect(plannerAnswer.locator('.answer'), `pack end "${value}"`).toContainText('your data runs out on');
  }
  await expectNoInjection(page, dialogs);
});

test('a backup with hostile labels shows them as text; one with a hostile id is refused', async ({ page }) => {
  const dialogs = watchDialogs(page);
  await gotoApp(page);
  const reminder = (id, label, note = '') => ({ id, label, due: '2030-03-01T09:00', operator: null, channel: null, note, repeat: 'none', warn_days: 0 });
  const file = (reminders) => ({
    name: 'azsim-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ app: 'azsim-backup', exported: '2026-01-01T00:00', version: 2, prefs: {}, reminders })),
  });
  const input = page.getByTestId('backup-import');
  const result = page.getByTestId('import-result');
  for (const [, id] of [['script', '"><script>alert(1)</script>'], ['space', 'a b'], ['long', 'a'.repeat(65)], ['empty', '']]) {
    await input.setInputFiles(file([reminder(id, 'x')]));
    await expect(result).toContainText('not an AzSIM backup');
  }
  await input.setInputFiles(file([reminder('a1', 'x', LONG)]));
  await expect(result).toContainText('not an AzSIM backup');
  await input.setInputFiles(file([reminder('a2', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>'), reminder('a3', 'javascript:alert(1)')]));
  await expect(result.locator('li')).toHaveText(['<script>alert(1)</script>', 'javascript:alert(1)']);
  await page.getByTestId('import-confirm').click();
  await expect(page.locator('[data-testid=reminders] > li.reminder h3')).toHaveText(['<script>alert(1)</script>', 'javascript:alert(1)']);
  await expect(page.locator('[data-testid=reminders] > li.reminder .note')).toHaveText(['<img src=x onerror=alert(1)>']);
  // A prefs.lang that is not a language is ignored.
  await expectNoInjection(page, dialogs);
});

test.describe('URL parameters', () => {
  const PARAMS = ['sim', 'op', 'pay', 'online', 'inaz', 'plan', 'lang', 'embed', 'theme', 'accent', 'zzz'];

  for (const [name, payload] of [
    ...PAYLOADS,
    ['CSS in accent', '#fff;background:url(https://evil.example/)'],
    ['encoded quote', '"\'><svg onload=alert(1)>'],
  ]) {
    test(`every parameter set to ${name}: dropped, defaults shown`, async ({ page }) => {
      const dialogs = watchDialogs(page);
      const query = `?${PARAMS.map((p) => `${p}=${encodeURIComponent(payload)}`).join('&')}#${encodeURIComponent(payload)}`;
      if (query.length < 8000) {
        await gotoApp(page, query);
      } else {
        // Too long for the test server's request line (Node's 16 KB header limit): the
        // query is put in place before the app's scripts read it.
        await page.addInitScript((q) => {
          history.replaceState(null, '', `/${q}`);
          window.__queryLength = location.search.length;
        }, query);
        await gotoApp(page);
        expect(await page.evaluate(() => window.__queryLength)).toBeGreaterThan(100_000);
      }
      // Every value was refused: the URL keeps none of them, the app shows its defaults.
      await expect.poll(() => new URL(page.url()).search).toBe('');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('html')).not.toHaveAttribute('data-theme');
      await expect(page.locator('html')).not.toHaveAttribute('style');
      await expect(page.locator('html')).not.toHaveClass(/embed/);
      const checked = await page.locator('input[type=radio]:checked').evaluateAll((els) => els.map((e) => `${e.name}=${e.value}`));
      expect(checked).toEqual(['plan=prepaid']);
      for (const p of ['online', 'inaz']) await expect(page.locator(`input[name=${p}]`)).toBeChecked();
      await expect(page).toHaveTitle(/^AzSIM/);
      await expectNoInjection(page, dialogs);
    });
  }

  test('in embed mode the "open the full app" link stays on the app\'s origin', async ({ page, baseURL }) => {
    const dialogs = watchDialogs(page);
    const bad = encodeURIComponent('javascript:alert(1)//');
    await gotoApp(page, `embed=1&sim=${bad}&op=${bad}&accent=${bad}&lang=${bad}&zzz=${bad}`);
    await expect.poll(() => new URL(page.url()).search).toBe('?embed=1');
    const link = page.getByTestId('open-full-app');
    await expect(link).toHaveAttribute('href', '/');
    expect(new URL(await link.evaluate((a) => a.href)).origin).toBe(baseURL);
    await expectNoInjection(page, dialogs);
  });
});

test.describe('embed loader data-* attributes', () => {
  // Another site than the app's 127.0.0.1 (as a blog embedding the widget is), on
  // loopback so Chromium's Local Network Access lets it load the loader. The page is
  // made by route.fulfill: nothing listens there.
  const HOST = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
  test.use({ allowedOrigins: [HOST] });
  const ATTRS = ['lang', 'sim', 'operator', 'pay', 'online', 'inaz', 'plan', 'theme', 'accent'];
  const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  test('hostile values never reach the frame; the host page gets no markup; the app opens with defaults', async ({ page, baseURL }) => {
    const dialogs = watchDialogs(page);
    const values = [
      ...PAYLOADS.map(([, v]) => v),
      '"><img src=x onerror=alert(1)>',
      '#fff" onload="alert(1)',
      'esim&op=nar&embed=0',
    ];
    const tags = values
      .map((v) => `<script src="${baseURL}/embed.js" ${ATTRS.map((a) => `data-${a}="${escapeAttr(v)}"`).join(' ')}></script>`)
      .join('\n');
    // Trimmed values are accepted.
    const trimmed = `<script src="${baseURL}/embed.js" data-sim="  esim " data-operator=" nar" data-accent=" #ABC "></script>`;
    const html = `<!doctype html><html lang="&lt;script&gt;"><head><title>host</title><link rel="icon" href="data:,"></head><body><p>Host page</p>\n${tags}\n${trimmed}\n</body></html>`;
    // No CSP on this host page: if the loader wrote a value as markup, it would run.
    await page.context().grantPermissions(['local-network-access']);
    await page.route(`${HOST}/host.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    // Only the first frame of each kind loads the app; the others get a blank page (their
    // src is what is checked), so the test does not boot eleven apps at once.
    const loaded = new Set();
    await page.route(
      (url) => url.origin === baseURL && url.pathname === '/' && url.searchParams.has('embed'),
      (route) => {
        const key = new URL(route.request().url()).search;
        if (route.request().resourceType() !== 'document' || !loaded.has(key)) {
          if (route.request().resourceType() === 'document') loaded.add(key);
          return route.continue();
        }
        return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>blank</title>' });
      },
    );
    await page.goto(`${HOST}/host.html`);
    const frames = page.locator('iframe.azsim-embed');
    await expect(frames).toHaveCount(values.length + 1);
    const srcs = await frames.evaluateAll((els) => els.map((e) => e.getAttribute('src')));
    for (const src of srcs.slice(0, values.length)) expect(src).toBe(`${baseURL}/?embed=1`);
    expect(srcs.at(-1)).toBe(`${baseURL}/?embed=1&sim=esim&op=nar&accent=%23ABC`);
    const titles = await frames.evaluateAll((els) => [...new Set(els.map((e) => e.title))]);
    expect(titles).toEqual(['AzSIM: how to renew mobile data in Azerbaijan']);
    // The host page has the frames and nothing else new.
    const hostBad = await page.evaluate(() => [...document.querySelectorAll('body *')].map((e) => e.localName).filter((n) => !['p', 'script', 'iframe'].includes(n)));
    expect(hostBad).toEqual([]);
    // One hostile-valued frame opens the app with its defaults, nothing injected: the one
    // whose request came first (lazy frames load in viewport order, not document order).
    const appUrl = `${baseURL}/?embed=1`;
    let frame;
    await expect
      .poll(async () => {
        for (const f of page.frames()) {
          if (f.url() === appUrl && (await f.locator('[data-testid=paths], [data-testid=no-path]').count()) > 0) {
            frame = f;
            return true;
          }
        }
        return false;
      }, { timeout: 15_000 })
      .toBe(true);
    await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
    const checked = await frame.locator('input[type=radio]:checked').evaluateAll((els) => els.map((e) => `${e.name}=${e.value}`));
    expect(checked).toEqual(['plan=prepaid']);
    await expectNoInjection(frame, dialogs);
  });
});
