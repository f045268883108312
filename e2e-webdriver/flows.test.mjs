// The flows a user cannot do without, in Firefox ESR or WebKitGTK (WD_ENGINE), driven
// through WebDriver against the release build (dist/). Playwright (e2e/) remains the deep
// suite in Chromium; this one checks that the same app works in the other two engines.
//
//   WD_ENGINE=firefox node --test e2e-webdriver/     (scripts/test.sh runs both engines)
//
// Text is compared as textContent, trimmed: whitespace differs between the engines.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  By,
  ENGINE,
  Key,
  MOUNTED,
  PORTS,
  blockedIds,
  checkedInputs,
  choose,
  enterApp,
  expectHealthy,
  feasibleIds,
  inPage,
  openApp,
  queryParam,
  recordErrors,
  reload,
  startApp,
  startBrowser,
  startHost,
  text,
  texts,
  waitFor,
} from './harness.mjs';

const locale = async (lang) => JSON.parse(await readFile(new URL(`../locales/${lang}.json`, import.meta.url), 'utf8'));
const EN = await locale('en');
const KEY = 'azsim.v1';
const REMINDER_LABELS = '[data-testid=reminders] > li.reminder h3';

let app;
let host;
let browser;
let driver;

/**
 * Fills and saves the reminder form by typing, as a person does (the due date is
 * prefilled: tomorrow); saved with the Save button, or with Enter in the label field.
 */
async function addReminder(label, { enter = false } = {}) {
  const add = await driver.findElement(By.css('[data-testid=add-reminder]'));
  await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', add);
  await add.click();
  const field = await waitFor(() => driver.findElement(By.css('#reminder-label')), 'the reminder form');
  await field.clear();
  await field.sendKeys(label);
  assert.equal(await field.getAttribute('value'), label, 'the label field holds what was typed');
  assert.notEqual(await driver.findElement(By.css('#reminder-due')).getAttribute('value'), '', 'the due date is prefilled');
  if (enter) await field.sendKeys(Key.ENTER);
  else await driver.findElement(By.css('.reminder-form button[type=submit]')).click();
  await waitFor(() => inPage(driver, () => document.querySelector('.reminder-form') === null), 'the form to close (reminder accepted)');
}

describe(`AzSIM in ${ENGINE} (WebDriver)`, { timeout: 240_000 }, () => {
  before(async () => {
    app = await startApp(PORTS.app);
    host = await startHost(app.url, PORTS.host);
    browser = await startBrowser();
    driver = browser.driver;
  });

  after(async () => {
    await browser?.quit();
    await host?.stop();
    await app?.stop();
  });

  test('a preset URL gives the right first path', async () => {
    await openApp(driver, app.url, '?sim=physical&op=azercell&pay=cash');
    await recordErrors(driver);
    const checked = await checkedInputs(driver);
    for (const c of ['sim=physical', 'op=azercell', 'pay=cash', 'online=on', 'inaz=on']) assert.ok(checked.includes(c), `${c} checked (got ${checked})`);

    const feasible = await feasibleIds(driver);
    assert.match(feasible[0] ?? '', /^(azercell_kiosk|azercell_scratch_card|azercell_office|azercell_bank_post)$/, `first path (all: ${feasible})`);
    assert.deepEqual(feasible.filter((id) => !id.startsWith('azercell_')), [], 'paths of another operator');
    assert.ok((await blockedIds(driver)).includes('azercell_birbank'), 'Birbank (needs a card) is not for you now');

    // The first path has its heading and steps; each blocked one says why.
    const first = await inPage(driver, () => {
      const li = document.querySelector('[data-testid=paths] > li[data-channel]');
      return { heading: li.querySelector('h3')?.textContent.trim(), steps: li.querySelectorAll('ol.steps > li').length };
    });
    assert.ok(first.heading, 'first path heading');
    assert.ok(first.steps > 0, 'first path steps');
    const reasons = await texts(driver, '[data-testid=blocked] > li[data-channel] .reason');
    assert.ok(reasons.length > 0 && reasons.every((r) => r !== ''), `reasons: ${JSON.stringify(reasons)}`);

    // A choice changes the results and the URL.
    await choose(driver, 'op', 'nar');
    await waitFor(async () => (await queryParam(driver, 'op')) === 'nar', 'op=nar in the URL');
    await waitFor(async () => {
      const ids = await feasibleIds(driver);
      return ids.length > 0 && ids.every((id) => id.startsWith('nar_'));
    }, 'Nar paths only');
    await expectHealthy(driver, []);
  });

  test("the card for the clerk, the sources' quotes and Share come from the on-demand module", async () => {
    await openApp(driver, app.url, '?sim=physical&op=azercell&pay=cash');
    await recordErrors(driver);
    // The module loads on the first tap, not with the page.
    assert.equal(await inPage(driver, () => performance.getEntriesByType('resource').filter((r) => /\/extras-/.test(r.name)).length), 0, 'no extras file before a tap');
    const opener = await driver.findElement(By.css('[data-testid=paths] button[data-action=clerk]'));
    await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', opener);
    await opener.click();
    const card = await waitFor(() => driver.findElement(By.css('[data-testid=clerk-card][open]')), 'the clerk card');
    assert.equal(await text(driver, '[data-testid=clerk-card] .say[lang=az]'), 'Bu nömrənin balansını artırmaq istəyirəm.');
    assert.equal(await text(driver, '[data-testid=clerk-card] .say + .ru'), 'Я хочу пополнить баланс этого номера.');
    const amount = await card.findElement(By.css('#clerk-amount'));
    await amount.sendKeys('10');
    assert.equal(await amount.getAttribute('value'), '10');
    // Modal: it covers the viewport (without the page's scrollbar, which Firefox keeps).
    const size = await inPage(driver, () => {
      const r = document.querySelector('[data-testid=clerk-card]').getBoundingClientRect();
      const { clientWidth, clientHeight } = document.documentElement;
      return { width: r.width, height: r.height, clientWidth, clientHeight };
    });
    assert.ok(size.width >= size.clientWidth - 1 && size.height >= size.clientHeight - 1, `the card fills the screen: ${JSON.stringify(size)}`);
    await amount.sendKeys(Key.ESCAPE);
    await waitFor(() => inPage(driver, () => document.querySelector('[data-testid=clerk-card]') === null), 'Escape to close the card');
    assert.ok(await inPage(driver, () => document.activeElement?.dataset.action === 'clerk'), 'focus back on the button that opened it');

    // The sources' quotes, fetched the first time a reader opens them.
    const quotes = await waitFor(() => driver.findElement(By.css('[data-testid=paths] .source-list[data-filled] .quotes-box > summary')), "the first path's quotes box");
    await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', quotes);
    await quotes.click();
    const quote = await waitFor(async () => (await texts(driver, '[data-testid=paths] .quotes-box[open] .quotes li q'))[0], 'a quote');
    assert.ok(quote.length > 10, `a quote: ${quote}`);
    assert.equal(await text(driver, '[data-testid=paths] .quotes-box[open] [role=status]'), '', 'no status left once they show');

    // Share: this browser's share sheet, or the link copied (or shown to copy by hand).
    await driver.executeScript('delete Navigator.prototype.share');
    const share = await driver.findElement(By.css('[data-testid=paths] button[data-action=share]'));
    await share.click();
    const link = await waitFor(async () => (await texts(driver, '.report-box pre'))[0], 'the copy box with the link');
    assert.equal(link, `${app.url}/?sim=physical&op=azercell&pay=cash`);
    await expectHealthy(driver, []);
  });

  test('switching language translates the page and goes into the URL', async () => {
    await openApp(driver, app.url);
    await recordErrors(driver);
    assert.equal(await inPage(driver, () => document.documentElement.lang), 'en');
    assert.equal(await text(driver, '#picker-heading'), EN.picker_heading);

    const select = await driver.findElement(By.css('#lang'));
    for (const lang of ['az', 'ru', 'zh']) {
      const strings = await locale(lang);
      await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', select);
      await select.click();
      await select.findElement(By.css(`option[value="${lang}"]`)).click();
      // Close the list if the engine left it open.
      await driver.executeScript('arguments[0].blur()', select);
      await waitFor(async () => (await inPage(driver, () => document.documentElement.lang)) === lang, `<html lang=${lang}>`);
      await waitFor(async () => (await text(driver, '#picker-heading')) === strings.picker_heading, `picker heading in ${lang}`);
      await waitFor(async () => (await queryParam(driver, 'lang')) === lang, `lang=${lang} in the URL`);
    }
    // The choice is remembered: a plain visit opens in the last language.
    await openApp(driver, app.url);
    await waitFor(async () => (await inPage(driver, () => document.documentElement.lang)) === 'zh', 'the stored language (zh)');
    assert.equal(await text(driver, '#picker-heading'), (await locale('zh')).picker_heading);
    await inPage(driver, (k) => localStorage.removeItem(k), KEY);
  });

  test('a reminder is created, found after a reload, and its hostile label stays text', async () => {
    await openApp(driver, app.url, '?lang=en');
    await inPage(driver, (k) => localStorage.removeItem(k), KEY);
    await reload(driver);
    await recordErrors(driver);
    await waitFor(() => inPage(driver, () => document.querySelector('[data-testid=reminders] .empty') !== null), 'the empty reminder list');

    const hostile = '<img src=x onerror=alert(1)>';
    await addReminder('Renew Nar data 续费');
    await addReminder(hostile);
    const expected = [hostile, 'Renew Nar data 续费'].sort();
    const sorted = async () => (await texts(driver, REMINDER_LABELS)).sort();
    await waitFor(async () => JSON.stringify(await sorted()) === JSON.stringify(expected), 'both reminders listed');

    await reload(driver);
    await recordErrors(driver);
    await waitFor(async () => JSON.stringify(await sorted()) === JSON.stringify(expected), 'both reminders listed after the reload');
    assert.equal(await inPage(driver, () => document.querySelectorAll('[data-testid=reminders] img').length), 0, 'no <img> made of the label');
    const stored = JSON.parse(await inPage(driver, (k) => localStorage.getItem(k), KEY));
    assert.equal(stored.version, 2);
    assert.deepEqual(stored.reminders.map((r) => r.label).sort(), expected);
    await expectHealthy(driver, []);
    await inPage(driver, (k) => localStorage.removeItem(k), KEY);
  });

  test('reminders stored by the release before serde_json read back, and its backup imports through the on-demand module', async () => {
    const data = new URL('../crates/domain/tests/data/', import.meta.url);
    const stored = await readFile(new URL('document-v2.json', data), 'utf8');
    const expected = JSON.parse(stored).reminders.map((r) => r.label).sort();
    const sorted = async () => (await texts(driver, REMINDER_LABELS)).sort();
    await openApp(driver, app.url, '?lang=en');
    await inPage(driver, (k, v) => localStorage.setItem(k, v), KEY, stored);
    await reload(driver);
    await recordErrors(driver);
    await waitFor(async () => JSON.stringify(await sorted()) === JSON.stringify(expected), 'the stored reminders listed');

    await inPage(driver, (k) => localStorage.removeItem(k), KEY);
    await reload(driver);
    await recordErrors(driver);
    await waitFor(() => inPage(driver, () => document.querySelector('[data-testid=reminders] .empty') !== null), 'the empty reminder list');
    // WebDriver types the file's path into the file input, as choosing it does.
    await driver.findElement(By.css('[data-testid=backup-import]')).sendKeys(fileURLToPath(new URL('backup-v2.json', data)));
    await waitFor(async () => (await text(driver, '[data-testid=import-result]'))?.includes('3'), 'the preview: 3 reminders to import');
    await driver.findElement(By.css('[data-testid=import-confirm]')).click();
    await waitFor(async () => JSON.stringify(await sorted()) === JSON.stringify(expected), 'the imported reminders listed');
    const saved = JSON.parse(await inPage(driver, (k) => localStorage.getItem(k), KEY));
    assert.deepEqual(saved.reminders.map((r) => r.label).sort(), expected);
    await expectHealthy(driver, []);
    await inPage(driver, (k) => localStorage.removeItem(k), KEY);
  });

  test('a hostile query stays text: every value dropped, nothing injected, no dialog', async () => {
    const payloads = ['<script>alert(1)</script>', '"\'><svg onload=alert(1)>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)'];
    const params = ['sim', 'op', 'pay', 'online', 'inaz', 'plan', 'lang', 'embed', 'theme', 'accent', 'zzz'];
    for (const payload of payloads) {
      const q = `?${params.map((p) => `${p}=${encodeURIComponent(payload)}`).join('&')}`;
      await openApp(driver, app.url, q);
      await recordErrors(driver);
      await waitFor(() => inPage(driver, () => document.querySelector('[data-testid=checked]') !== null), 'the page to finish rendering');
      await waitFor(async () => new URL(await driver.getCurrentUrl()).search === '', 'the URL to drop every value');
      const found = await inPage(driver, () => {
        const bad = [];
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`<${el.localName} ${a.name}>`);
        }
        for (const s of document.scripts) if (!s.src) bad.push('inline <script>');
        for (const el of document.querySelectorAll('img, iframe, object, embed, base, svg script')) bad.push(`<${el.localName}>`);
        for (const a of document.querySelectorAll('[href], [src]')) {
          const v = a.getAttribute('href') ?? a.getAttribute('src');
          if (/^\s*javascript:/i.test(v)) bad.push(`javascript: ${a.localName}`);
        }
        const html = document.documentElement;
        return {
          bad,
          lang: html.lang,
          theme: html.getAttribute('data-theme'),
          style: html.getAttribute('style'),
          embed: html.classList.contains('embed'),
          title: document.title,
          radios: [...document.querySelectorAll('input[type=radio]:checked')].map((e) => `${e.name}=${e.value}`),
        };
      });
      assert.deepEqual(found.bad, [], `injected markup for ${payload}`);
      assert.deepEqual(
        { lang: found.lang, theme: found.theme, style: found.style, embed: found.embed, radios: found.radios },
        { lang: 'en', theme: null, style: null, embed: false, radios: ['plan=prepaid'] },
        `defaults for ${payload}`,
      );
      assert.match(found.title, /^AzSIM/);
      await expectHealthy(driver, []);
    }
  });

  test('storage that throws (a sandboxed frame) leaves the app working', async () => {
    await driver.get(`${host.url}/sandboxed.html`);
    const iframe = await waitFor(() => driver.findElement(By.css('iframe[sandbox]')), 'the sandboxed frame');
    assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts');
    try {
      await enterApp(driver, iframe);
      await recordErrors(driver);
      // An opaque origin: reading localStorage throws there.
      const probe = await inPage(driver, () => {
        try {
          void window.localStorage;
          return `${self.origin}: localStorage readable`;
        } catch (e) {
          return `${self.origin}: ${e.name}`;
        }
      });
      assert.match(probe, /^null: \w+Error$/, 'storage throws in the frame');
      assert.ok((await checkedInputs(driver)).includes('sim=travel_esim'), 'the preset sim');
      // It works: a choice gives results, a reminder is kept in memory, and the user is told.
      await choose(driver, 'op', 'airalo');
      await waitFor(async () => (await feasibleIds(driver))[0] === 'airalo_app', 'Airalo paths');
      // Form submission is blocked in this frame (no allow-forms): the app submits itself.
      await addReminder('In memory only');
      await addReminder('Typed, then Enter', { enter: true });
      const sorted = async () => (await texts(driver, REMINDER_LABELS)).sort();
      await waitFor(async () => JSON.stringify(await sorted()) === '["In memory only","Typed, then Enter"]', 'both reminders listed');
      await waitFor(async () => (await text(driver, '[data-testid=storage-notice]')) === EN.storage_blocked, 'the storage notice');
      await expectHealthy(driver, []);
    } finally {
      await driver.switchTo().defaultContent();
    }
  });

  test('storage that fills up keeps the change in memory and says so', async () => {
    await openApp(driver, app.url, '?lang=en');
    await inPage(driver, (k) => localStorage.removeItem(k), KEY);
    await reload(driver);
    await recordErrors(driver);
    await inPage(driver, () => {
      window.__azsimSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    try {
      await addReminder('Kept in memory');
      await waitFor(async () => JSON.stringify(await texts(driver, REMINDER_LABELS)) === '["Kept in memory"]', 'the reminder listed');
      await waitFor(async () => (await text(driver, '[data-testid=storage-notice] p')) === EN.storage_full, 'the "storage full" notice');
      assert.equal(await inPage(driver, (k) => localStorage.getItem(k), KEY), null, 'nothing stored');
      await expectHealthy(driver, []);
    } finally {
      await inPage(driver, () => {
        if (window.__azsimSetItem) Storage.prototype.setItem = window.__azsimSetItem;
      });
    }
  });

  test('embedded on another site, the widget is as tall as its content', async () => {
    await driver.get(`${host.url}/embed.html`);
    const frames = await waitFor(async () => {
      const list = await driver.findElements(By.css('iframe.azsim-embed'));
      return list.length === 2 && list;
    }, 'two widget frames');
    const iframe = frames[1]; // English, physical Azercell SIM, cash
    assert.equal(
      await iframe.getAttribute('src'),
      `${app.url}/?embed=1&lang=en&sim=physical&op=azercell&pay=cash&accent=%231f6f4a`,
    );

    const frameHeight = () => driver.executeScript('return arguments[0].getBoundingClientRect().height', iframe);
    const contentHeight = async () => {
      await driver.switchTo().frame(iframe);
      try {
        return await inPage(driver, () => ({
          rect: Math.ceil(document.documentElement.getBoundingClientRect().height),
          scroll: document.documentElement.scrollHeight,
        }));
      } finally {
        await driver.switchTo().defaultContent();
      }
    };
    // As tall as its content, and settled: the same height twice, half a second apart
    // (the sections that wait for the pack's second part arrive after the first paint).
    let last = 0;
    const fitted = () =>
      waitFor(async () => {
        const [h, c] = [await frameHeight(), await contentHeight()];
        const fits = Math.abs(h - c.rect) <= 3 && Math.abs(h - c.scroll) <= 3;
        const settled = fits && h === last;
        last = fits ? h : 0;
        if (!settled) await sleep(500);
        return settled && h;
      }, 'the frame to be as tall as its content, and settled', 20_000);
    const summaryClick = async () => {
      // Scroll the host page to the summary, as a person would. (In WebKit, scrollIntoView
      // inside a cross-origin frame does not scroll the host page, and WebKitWebDriver's
      // click on an element out of view is silently lost.)
      await driver.switchTo().frame(iframe);
      const top = await inPage(driver, () => document.querySelector('.blocked-section details > summary').getBoundingClientRect().top);
      await driver.switchTo().defaultContent();
      await driver.executeScript('const f = arguments[0].getBoundingClientRect(); window.scrollBy(0, f.top + arguments[1] - innerHeight / 2)', iframe, top);
      await driver.switchTo().frame(iframe);
      try {
        const summary = await driver.findElement(By.css('.blocked-section details > summary'));
        await summary.click();
        return await inPage(driver, () => document.querySelector('.blocked-section details').open);
      } finally {
        await driver.switchTo().defaultContent();
      }
    };

    await enterApp(driver, iframe);
    await recordErrors(driver);
    assert.equal(await inPage(driver, () => document.documentElement.classList.contains('embed')), true, 'embed layout');
    await driver.switchTo().defaultContent();

    const closed = await fitted();
    assert.ok(closed > 100, `closed height ${closed}`);
    assert.equal(await summaryClick(), true, '"not for you now" opened');
    await waitFor(async () => (await frameHeight()) > closed + 50, 'the frame to grow');
    const open = await fitted();
    assert.equal(await summaryClick(), false, '"not for you now" closed');
    await waitFor(async () => (await frameHeight()) < open - 50, 'the frame to shrink');
    const again = await fitted();
    assert.ok(Math.abs(again - closed) <= 3, `back to ${closed} (got ${again})`);

    await driver.switchTo().frame(iframe);
    await expectHealthy(driver, []);
    await driver.switchTo().defaultContent();
    // The host page loaded nothing but its own files and the app's.
    await expectHealthy(driver, [app.url]);
  });

  test('after one visit the app works offline, after a reload and a new navigation', async () => {
    // A server of its own (another origin, so another service worker), stopped midway.
    const own = await startApp(PORTS.offline);
    let stopped = false;
    try {
      await openApp(driver, own.url, '?sim=physical&op=azercell&pay=cash&lang=en');
      // Wait for the service worker (registered after start-up) to control the page.
      await waitFor(() => inPage(driver, () => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated')), 'an active service worker', 30_000);
      if (!(await inPage(driver, () => navigator.serviceWorker.controller !== null))) await reload(driver);
      await waitFor(() => inPage(driver, () => navigator.serviceWorker.controller !== null), 'the page to be controlled');

      await own.stop();
      stopped = true;
      await assert.rejects(fetch(`${own.url}/`), 'the server is down');

      // A reload (location.reload(): Firefox's WebDriver refresh would bypass the worker).
      await reload(driver);
      await recordErrors(driver);
      assert.equal(await inPage(driver, () => navigator.serviceWorker.controller !== null), true, 'controlled after the reload');
      assert.ok((await checkedInputs(driver)).includes('op=azercell'), 'the query survived');
      assert.match((await feasibleIds(driver))[0] ?? '', /^azercell_/);
      assert.match(await text(driver, '[data-testid=checked]'), /\d{4}-\d{2}-\d{2}/, 'the date the facts were checked');
      // It still works: another operator gives its own paths.
      await choose(driver, 'op', 'nar');
      await waitFor(async () => {
        const ids = await feasibleIds(driver);
        return ids.length > 0 && ids.every((id) => id.startsWith('nar_'));
      }, 'Nar paths only, offline');
      // Another language: its pack was precached.
      const select = await driver.findElement(By.css('#lang'));
      await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', select);
      await select.click();
      await select.findElement(By.css('option[value="ru"]')).click();
      await driver.executeScript('arguments[0].blur()', select);
      const ru = await locale('ru');
      await waitFor(async () => (await text(driver, '#picker-heading')) === ru.picker_heading, 'the picker heading in Russian, offline');
      await expectHealthy(driver, []);

      // A new navigation to another query, still without a server.
      await driver.get(`${own.url}/?sim=physical&op=bakcell&pay=cash`);
      await waitFor(() => inPage(driver, (s) => document.querySelector(s) !== null, MOUNTED), 'the app after a new navigation, offline', 15_000);
      await recordErrors(driver);
      assert.ok((await checkedInputs(driver)).includes('op=bakcell'), 'op=bakcell checked');
      assert.match((await feasibleIds(driver))[0] ?? '', /^bakcell_/);
      await expectHealthy(driver, []);
    } finally {
      if (!stopped) await own.stop();
    }
  });
});
