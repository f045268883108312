// Embedding: public/embed.js on another site (examples/embed.html served by
// scripts/serve-example.mjs), the frame's height protocol, a sandboxed frame, the
// headers and Content-Security-Policy of the app, and how fast the widget paints.
//
// The app is served at http://127.0.0.1:4173 (playwright.config.mjs); the demo host at
// http://localhost:<4174 + worker>: another site, as a blog embedding the widget is, so
// the frame is a third-party one (partitioned storage, no third-party cookies).
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, expectNoAxeViolations } from './fixtures.mjs';

const APP = 'http://127.0.0.1:4173';
const DIST = process.env.E2E_DIST ?? 'dist';
const MOUNTED = '[data-testid=paths], [data-testid=no-path]';
const HEIGHT = 'azsim:height';

const TITLE_EN = 'AzSIM: how to renew mobile data in Azerbaijan';
const TITLE_ZH = 'AzSIM：如何在阿塞拜疆续订手机流量';
const TITLE_RU = 'AzSIM: как продлить мобильный интернет в Азербайджане';
const TITLE_AZ = 'AzSIM: Azərbaycanda mobil interneti necə yeniləmək';

// The Content-Security-Policy the README tells a host to have, nothing more.
const hostCsp = (self) =>
  [
    "default-src 'none'",
    `script-src ${APP}`,
    `frame-src ${APP}`,
    `style-src ${self}`,
    `img-src ${self}`,
    "base-uri 'none'",
  ].join('; ');

// Runs in every frame before its own scripts: records CSP violations, and in the app's
// frames the time the app mounted.
function probe() {
  window.__azsimCsp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__azsimCsp.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
  });
  if (location.port === '4173') {
    const seen = () => document.querySelector('[data-testid=paths], [data-testid=no-path]');
    const observer = new MutationObserver(() => {
      if (seen()) {
        window.__azsimMounted = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }
}

// The demo host server, one per worker (its own port), started once per worker.
const test = base.extend({
  host: [
    async ({}, use, workerInfo) => {
      const port = 4174 + workerInfo.parallelIndex;
      const child = spawn(process.execPath, ['scripts/serve-example.mjs', APP, String(port)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`serve-example exited with ${code}`)));
        child.stdout.on('data', (chunk) => {
          if (String(chunk).includes('serve-example:')) resolve();
        });
      });
      await use(`http://localhost:${port}`);
      child.kill('SIGTERM');
    },
    { scope: 'worker' },
  ],
  // Requests may go to the app's origin (baseURL) and the host's, nowhere else.
  allowedOrigins: async ({ host }, use) => use([host]),
  page: async ({ page }, use) => {
    await page.addInitScript(probe);
    await use(page);
  },
});

/**
 * Serves `html` at `origin` + `path` with the strict host CSP (or `csp`). Chromium
 * treats a page made by route.fulfill as a public one, which its Local Network Access
 * checks forbid to load anything from 127.0.0.1 without the permission granted here.
 */
async function hostPage(page, origin, path, html, { csp = hostCsp(origin) } = {}) {
  await page.context().grantPermissions(['local-network-access']);
  await page.route(origin + path, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: csp ? { 'Content-Security-Policy': csp } : {},
      body: html,
    }),
  );
  await page.goto(origin + path);
}

/** The Frame inside the `index`-th widget iframe, once the app has mounted in it. */
async function widgetFrame(page, index = 0, selector = 'iframe.azsim-embed') {
  const iframe = page.locator(selector).nth(index);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector(MOUNTED, { state: 'attached' });
  return { iframe, frame };
}

const frameHeight = (iframe) => iframe.evaluate((el) => el.getBoundingClientRect().height);
const contentHeight = (frame) =>
  frame.evaluate(() => ({
    rect: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scroll: document.documentElement.scrollHeight,
  }));

/** Waits until the iframe is as tall as its document (within 3 px); returns the height. */
async function expectFitted(iframe, frame) {
  let last;
  await expect
    .poll(
      async () => {
        const [h, c] = await Promise.all([frameHeight(iframe), contentHeight(frame)]);
        last = { iframe: h, ...c };
        return Math.abs(h - c.rect) <= 3 && Math.abs(h - c.scroll) <= 3;
      },
      { message: 'iframe height fits its content', timeout: 5_000 },
    )
    .toBe(true);
  return last.iframe;
}

/** CSP violations seen in the page and each of its frames. */
async function cspViolations(page) {
  const all = [];
  for (const frame of page.frames()) {
    const list = await frame.evaluate(() => window.__azsimCsp ?? []).catch(() => []);
    all.push(...list.map((v) => `${frame.url()}: ${v}`));
  }
  return all;
}

test.describe('embed.js on a host page', () => {
  test('one frame right after each script tag, with its title and presets', async ({ page, host }) => {
    await page.goto(`${host}/embed.html`);
    const placed = await page.locator('script[src$="embed.js"]').evaluateAll((scripts) =>
      scripts.map((s) => {
        const f = s.nextElementSibling;
        return {
          tag: f?.tagName,
          title: f?.title,
          loading: f?.getAttribute('loading'),
          referrer: f?.getAttribute('referrerpolicy'),
          allow: f?.hasAttribute('allow'),
          sandbox: f?.hasAttribute('sandbox'),
          src: f?.src,
          height: f?.style.height,
        };
      }),
    );
    const common = { tag: 'IFRAME', loading: 'lazy', referrer: 'no-referrer', allow: false, sandbox: false };
    expect(placed).toEqual([
      {
        ...common,
        title: TITLE_ZH,
        src: `${APP}/?embed=1&lang=zh&sim=esim&op=nar&theme=dark`,
        height: expect.stringMatching(/px$/),
      },
      {
        ...common,
        title: TITLE_EN,
        src: `${APP}/?embed=1&lang=en&sim=physical&op=azercell&pay=cash&accent=%231f6f4a`,
        height: expect.stringMatching(/px$/),
      },
    ]);
    await expect(page.locator('iframe')).toHaveCount(2);

    // Widget 1: Chinese, Nar eSIM, dark.
    const { frame: zh } = await widgetFrame(page, 0);
    await expect(zh.locator('html')).toHaveAttribute('lang', 'zh');
    await expect(zh.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(zh.locator('html')).toHaveClass(/\bembed\b/);
    await expect(zh.locator('input[name=sim][value=esim]')).toBeChecked();
    await expect(zh.locator('input[name=op][value=nar]')).toBeChecked();

    // Widget 2: English, physical Azercell SIM, cash, green accent.
    const { frame: en } = await widgetFrame(page, 1);
    await expect(en.locator('html')).toHaveAttribute('lang', 'en');
    await expect(en.locator('input[name=sim][value=physical]')).toBeChecked();
    await expect(en.locator('input[name=op][value=azercell]')).toBeChecked();
    await expect(en.locator('input[name=pay][value=cash]')).toBeChecked();
    const accent = await en.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
    expect(accent).toBe('#1f6f4a');

    // "Open the full app": same state, without embed=1, in a new tab.
    const full = en.locator('a[data-testid=open-full-app]');
    await expect(full).toHaveAttribute('target', '_blank');
    await expect(full).toHaveAttribute('rel', /\bnoopener\b/);
    const href = new URL(await full.getAttribute('href'), APP);
    expect(href.origin).toBe(APP);
    expect(href.searchParams.get('embed')).toBeNull();
    expect(Object.fromEntries(href.searchParams)).toMatchObject({ sim: 'physical', op: 'azercell', pay: 'cash' });

    // No service worker in embed mode (the frames are fully loaded by now).
    await page.waitForTimeout(500);
    expect(page.context().serviceWorkers()).toEqual([]);
    for (const f of [zh, en]) {
      // (Chromium may refuse service workers to a third-party frame altogether.)
      const count = await f.evaluate(() => navigator.serviceWorker?.getRegistrations().then((r) => r.length, () => 0) ?? 0);
      expect(count).toBe(0);
    }

    // No cookies anywhere, and the host page's CSP was never violated.
    expect(await page.context().cookies()).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('bad values are dropped; async, sync and module tags each get their own frame', async ({ page, host }) => {
    const src = `${APP}/embed.js`;
    await hostPage(
      page,
      host,
      '/loaders.html',
      `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>loaders</title>
      <link rel="icon" href="favicon.svg">
      <script src="${src}" data-theme="dark"></script></head><body><main>
        <div id="a"><script src="${src}" async data-lang="xx" data-sim="ESIM" data-operator="nar " data-pay="card"
          data-online="yes" data-inaz="0" data-plan="postpaid" data-theme="dark; color:red" data-accent="red"
          data-op="bakcell" data-foo="bar" data-embed="0"></script></div>
        <div id="b"><script src="${src}" data-accent="#12345g" data-theme="light" data-online="0"></script></div>
        <div id="c"><script src="${src}" async data-accent="#ABC" data-operator="holafly" data-sim="travel_esim"></script></div>
        <div id="d"><script type="module" src="${src}" data-lang="en" data-pay="transfer"></script></div>
        <div id="e"><script defer src="${src}" data-lang="az" data-plan="nope"></script></div>
      </main></body></html>`,
    );
    await expect(page.locator('iframe')).toHaveCount(6);
    const frames = await page.locator('main > div').evaluateAll((divs) =>
      divs.map((d) => {
        const [script, iframe, extra] = d.children;
        return { id: d.id, order: [script?.tagName, iframe?.tagName, extra?.tagName ?? null], src: iframe?.src, title: iframe?.title };
      }),
    );
    const q = (query) => `${APP}/?${query}`;
    expect(frames).toEqual([
      // Everything invalid or unknown is dropped; valid inaz and plan stay; the title
      // follows the host page's language when data-lang is missing or bad.
      { id: 'a', order: ['SCRIPT', 'IFRAME', null], src: q('embed=1&op=nar&inaz=0&plan=postpaid'), title: TITLE_RU },
      { id: 'b', order: ['SCRIPT', 'IFRAME', null], src: q('embed=1&online=0&theme=light'), title: TITLE_RU },
      { id: 'c', order: ['SCRIPT', 'IFRAME', null], src: q('embed=1&sim=travel_esim&op=holafly&accent=%23ABC'), title: TITLE_RU },
      { id: 'd', order: ['SCRIPT', 'IFRAME', null], src: q('embed=1&lang=en&pay=transfer'), title: TITLE_EN },
      { id: 'e', order: ['SCRIPT', 'IFRAME', null], src: q('embed=1&lang=az'), title: TITLE_AZ },
    ]);
    // A tag in <head> cannot show anything there: its widget ends <body>.
    expect(await page.evaluate(() => [document.head.querySelector('iframe'), document.body.lastElementChild.src])).toEqual([
      null,
      q('embed=1&theme=dark'),
    ]);

    // No global left behind on the host page, besides this test's own probe.
    const leaked = await page.evaluate(() => {
      const blank = document.createElement('iframe');
      document.body.append(blank);
      const own = new Set(Object.getOwnPropertyNames(blank.contentWindow));
      blank.remove();
      return Object.getOwnPropertyNames(window).filter((k) => !own.has(k) && !k.startsWith('__azsim') && !/^\d+$/.test(k));
    });
    expect(leaked).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the frame follows its content height as it grows and shrinks', async ({ page, host }) => {
    await page.goto(`${host}/embed.html`);
    // Both widgets fit their own content: neither resizes the other.
    const first = await widgetFrame(page, 0);
    await expectFitted(first.iframe, first.frame);
    const { iframe, frame } = await widgetFrame(page, 1);
    const closed = await expectFitted(iframe, frame);
    expect(closed).toBeGreaterThan(100);

    // Open "not for you now": the frame grows to the new content height.
    const details = frame.locator('.blocked-section details');
    await details.locator('summary').click();
    await expect(details).toHaveAttribute('open', '');
    await expect.poll(() => frameHeight(iframe), { message: 'iframe grows' }).toBeGreaterThan(closed + 50);
    const open = await expectFitted(iframe, frame);

    // Close it again: the frame shrinks back.
    await details.locator('summary').click();
    await expect(details).not.toHaveAttribute('open', '');
    await expect.poll(() => frameHeight(iframe), { message: 'iframe shrinks' }).toBeLessThan(open - 50);
    const again = await expectFitted(iframe, frame);
    expect(Math.abs(again - closed)).toBeLessThanOrEqual(3);
    await expectFitted(first.iframe, first.frame);
  });

  test('height messages from anyone but its own frame, or malformed, are ignored', async ({ page, host }) => {
    await page.goto(`${host}/embed.html`);
    const { iframe, frame } = await widgetFrame(page, 0);
    // Every height the loader ever sets on the widget from now on.
    await iframe.evaluate((el) => {
      window.__azsimHeights = [];
      new MutationObserver(() => window.__azsimHeights.push(el.style.height)).observe(el, { attributes: true, attributeFilter: ['style'] });
    });

    // From the host page itself (wrong origin and source).
    await page.evaluate((type) => window.postMessage({ type, height: 123 }, '*'), HEIGHT);
    // From another frame of the app's own origin (right origin, wrong source).
    await page.evaluate((app) => {
      const other = document.createElement('iframe');
      other.id = 'forger';
      other.title = 'forger';
      other.src = `${app}/favicon.svg`;
      document.body.append(other);
      return new Promise((resolve) => other.addEventListener('load', resolve));
    }, APP);
    const forger = await (await page.locator('#forger').elementHandle()).contentFrame();
    await forger.evaluate((type) => parent.postMessage({ type, height: 124 }, '*'), HEIGHT);
    // From the widget's own frame, but malformed or out of range.
    await frame.evaluate((type) => {
      for (const m of [
        { type, height: 99 },
        { type, height: 20001 },
        { type, height: '777' },
        { type, height: NaN },
        { type, height: Infinity },
        { type: 'azsim:resize', height: 555 },
        { height: 556 },
        `${type}:557`,
        [type, 558],
        null,
      ]) {
        parent.postMessage(m, '*');
      }
    }, HEIGHT);
    // Then one good message, which must apply (rounded up), proving the others were seen.
    await page.waitForTimeout(300);
    await frame.evaluate((type) => parent.postMessage({ type, height: 432.2 }, '*'), HEIGHT);
    await expect.poll(() => page.evaluate(() => window.__azsimHeights)).toContain('433px');
    const heights = await page.evaluate(() => window.__azsimHeights);
    for (const bad of ['123px', '124px', '99px', '20001px', '777px', '555px', '556px', '557px', '558px']) {
      expect(heights).not.toContain(bad);
    }
    expect(await cspViolations(page)).toEqual([]);
  });

  test('the host page alone passes axe', async ({ page, host }) => {
    await page.goto(`${host}/embed.html`);
    await widgetFrame(page, 0);
    await widgetFrame(page, 1);
    const { violations } = await new AxeBuilder({ page }).exclude('iframe').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('no request leaves the two origins; the page with its widgets passes axe', async ({ page, host }) => {
    await page.goto(`${host}/embed.html`);
    await widgetFrame(page, 0);
    await widgetFrame(page, 1);
    await expectNoAxeViolations(page);
    expect(await cspViolations(page)).toEqual([]);
    // The fixture fails the test on any request to a third origin.
  });

  test('time from the loader to the first paint in the frame', async ({ page, host }) => {
    await page.goto(`${host}/embed.html`);
    const { frame } = await widgetFrame(page, 0);
    const start = await page.evaluate(() => {
      const mark = performance.getEntriesByName('azsim-embed-start')[0];
      return mark ? performance.timeOrigin + mark.startTime : null;
    });
    expect(start, 'embed.js marks azsim-embed-start').not.toBeNull();
    const inFrame = await frame.evaluate(
      () =>
        new Promise((resolve) => {
          const done = (fcp) => resolve({ origin: performance.timeOrigin, fcp: fcp?.startTime ?? null, mounted: window.__azsimMounted ?? null });
          const found = performance.getEntriesByName('first-contentful-paint')[0];
          if (found) return done(found);
          new PerformanceObserver((list) => done(list.getEntriesByName('first-contentful-paint')[0])).observe({ type: 'paint', buffered: true });
          setTimeout(() => done(null), 5_000);
        }),
    );
    expect(inFrame.fcp, 'first-contentful-paint in the frame').not.toBeNull();
    const toPaint = inFrame.origin + inFrame.fcp - start;
    const toMount = inFrame.mounted === null ? null : inFrame.origin + inFrame.mounted - start;

    const source = await readFile('public/embed.js');
    const gzip = gzipSync(source, { level: 9 }).length;
    const line =
      `embed: embed.js ${source.length} B raw, ${gzip} B gzip; loader → frame first contentful paint ${toPaint.toFixed(0)} ms` +
      (toMount === null ? '' : `, → app mounted ${toMount.toFixed(0)} ms`) +
      ' (cold cache, local server)';
    console.log(line);
    test.info().annotations.push({ type: 'timing', description: line });
    expect(toPaint).toBeGreaterThan(0);
    expect(toPaint).toBeLessThan(5_000);
  });
});

test('in a sandboxed frame without storage the app renders without errors', async ({ page, host }) => {
  const reminders = [];
  page.on('request', (r) => /\/reminders-[0-9a-f]{16}_bg\.wasm$/.test(r.url()) && reminders.push(r.url()));
  await page.goto(`${host}/sandboxed.html`);
  const { frame } = await widgetFrame(page, 0, 'iframe[sandbox]');
  await expect(page.locator('iframe[sandbox]')).toHaveAttribute('sandbox', 'allow-scripts');
  expect(await frame.evaluate(() => self.origin)).toBe('null');
  await expect(frame.locator('html')).toHaveClass(/\bembed\b/);
  await expect(frame.locator('input[name=sim][value=travel_esim]')).toBeChecked();
  // Nothing can be stored here: the reminders module waits for a tap that needs it.
  await expect(frame.getByTestId('checked')).toBeVisible();
  expect(reminders, 'the reminders module before any tap').toEqual([]);
  // Its forms work although the frame may not submit forms (no allow-forms): a reminder
  // is saved with the button and with Enter, and a calculator answers.
  for (const [label, enter] of [['By button', false], ['By Enter', true]]) {
    await frame.getByTestId('add-reminder').click();
    await frame.locator('#reminder-label').fill(label);
    if (enter) await frame.locator('#reminder-label').press('Enter');
    else await frame.locator('.reminder-form button[type=submit]').click();
    await expect(frame.locator('.reminder-form')).toHaveCount(0);
  }
  const labels = await frame.locator('[data-testid=reminders] > li.reminder h3').allTextContents();
  expect(labels.sort()).toEqual(['By Enter', 'By button']);
  await expect(frame.getByTestId('storage-notice')).toContainText('does not let AzSIM save here');
  await frame.locator('#validity-op').selectOption('nar');
  await frame.locator('#validity-amount').fill('5');
  await frame.locator('#validity-paid').fill('2026-11-01');
  await frame.locator('[data-tool=validity] button[type=submit]').click();
  await expect(frame.getByTestId('validity-answer')).toContainText('30 days');
  expect(await cspViolations(page)).toEqual([]);
  // The fixture fails the test on any console error in the page or the frame.
});

test.describe('the app’s own headers', () => {
  const EXPECTED_CSP =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "manifest-src 'self'; worker-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'; object-src 'none'";

  test('documents send CSP, Permissions-Policy, nosniff, no-referrer; public/_headers matches', async ({ request }) => {
    for (const path of ['/', '/?embed=1', '/index.html']) {
      const res = await request.get(APP + path);
      const h = res.headers();
      // The static server names its own origin next to 'self' (WebKit needs it in a
      // sandboxed frame: scripts/headers.mjs, cspFor).
      expect(h['content-security-policy'], path).toBe(EXPECTED_CSP.replaceAll("'self'", `'self' ${APP}`));
      expect(h['permissions-policy'], path).toBe('camera=(), microphone=(), geolocation=(), payment=()');
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBe('no-referrer');
      expect(h['x-frame-options'], path).toBeUndefined();
    }
    const loader = await request.get(`${APP}/embed.js`);
    expect(loader.headers()['content-type']).toMatch(/^text\/javascript/);
    expect(loader.headers()['cache-control']).toBe('no-cache');

    // The same headers for static hosts (Netlify, Cloudflare Pages) and nginx.
    const headers = await readFile('public/_headers', 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${EXPECTED_CSP}`);
    expect(headers).toContain('Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()');
    const nginx = await readFile('docs/nginx.conf', 'utf8');
    expect(nginx).toContain(`"${EXPECTED_CSP}"`);
  });

  test('the app runs under its CSP without a violation', async ({ page }) => {
    // Trunk's inline loader is moved into boot-<hash>.js by scripts/post-build.mjs.
    const html = await readFile(`${DIST}/index.html`, 'utf8');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g), 'inline scripts in dist/index.html').toBeNull();
    for (const url of ['/', '/?embed=1&theme=dark&accent=%23abc&lang=zh']) {
      await page.goto(url);
      await page.waitForSelector(MOUNTED, { state: 'attached' });
      await page.waitForLoadState('load');
      expect(await cspViolations(page), url).toEqual([]);
    }
  });
});

test('the build ships embed.js unchanged', async () => {
  const files = await readdir(DIST);
  expect(files).toContain('embed.js');
  expect(await readFile(`${DIST}/embed.js`, 'utf8')).toBe(await readFile('public/embed.js', 'utf8'));
});
