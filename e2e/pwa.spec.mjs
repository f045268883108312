// Offline PWA: the service worker (public/sw.js, filled in by scripts/post-build.mjs),
// the update prompt and the web app manifest, against the release build (dist/, or
// E2E_DIST like playwright.config.mjs).
//
// The offline and update tests serve the build from a server of their own (below): it
// counts requests, so "offline" is checked as zero requests reaching it, and it can switch
// its root from one build to another on the same origin, which is what an update is.
// The installability test uses the shared static server (scripts/static-server.mjs).
import { createServer } from 'node:http';
import { CSP } from '../scripts/headers.mjs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect, gotoApp, choose, feasibleIds } from './fixtures.mjs';
import { writeServiceWorker } from '../scripts/post-build.mjs';

const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');
const RENDERED = '[data-testid=paths], [data-testid=no-path]';

// The app's policy, exactly as scripts/static-server.mjs sends it: the page must start
// with no inline script, so this also checks the boot-<hash>.js loader of post-build.mjs.

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A static server on 127.0.0.1 whose root can be switched (`server.root = dir`).
 * Every response is `no-cache`; `server.hits` lists the paths asked for.
 */
async function startServer(root) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    state.hits.push(pathname);
    const rel = path.posix.normalize(decodeURIComponent(pathname)).replace(/^\/+/, '') || 'index.html';
    const file = path.join(state.root, rel.endsWith('/') ? `${rel}index.html` : rel);
    const headers = { 'Cache-Control': 'no-cache', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' };
    try {
      if (!file.startsWith(state.root + path.sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('Not Found\n');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state = {
    root,
    hits: [],
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
  return state;
}

// Tests that use their own server: `build` is a copy of dist/ in a temporary directory
// (safe from a rebuild during the test), `server` starts on it, and baseURL points at it
// (so the page fixture's other-origin check and page.goto('/') follow it).
const ownServer = test.extend({
  tmp: async ({}, use) => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'azsim-pwa-'));
    await use(tmp);
    await rm(tmp, { recursive: true, force: true });
  },
  build: async ({ tmp }, use) => {
    const dir = path.join(tmp, 'a');
    await cp(DIST, dir, { recursive: true });
    await use(dir);
  },
  server: async ({ build }, use) => {
    const server = await startServer(build);
    await use(server);
    await server.close();
  },
  baseURL: async ({ server }, use) => use(server.url),
});

/** The VERSION written into a build's sw.js by post-build.mjs. */
async function swVersion(dir) {
  const match = /const VERSION = "([0-9a-f]+)";/.exec(await readFile(path.join(dir, 'sw.js'), 'utf8'));
  expect(match, `${dir}/sw.js has no filled-in VERSION (did the post_build hook run?)`).not.toBeNull();
  return match[1];
}

const waitForApp = (page) => page.waitForSelector(RENDERED, { state: 'attached' });
const isControlled = (page) => page.evaluate(() => navigator.serviceWorker.controller !== null);
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** VERSION of the worker in control of the page (asked by message, not read from the server). */
const runningVersion = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const worker = navigator.serviceWorker.controller;
        if (!worker) return reject(new Error('no controller'));
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data.version);
        worker.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
        setTimeout(() => reject(new Error('no answer to GET_VERSION')), 5_000);
      }),
  );

/** Asks for an update check and waits until the new worker is installed or has failed. */
const checkForUpdate = (page) =>
  page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    const worker = reg.installing;
    if (worker) {
      await new Promise((resolve) => {
        const done = () => ['installed', 'activating', 'activated', 'redundant'].includes(worker.state) && resolve();
        worker.addEventListener('statechange', done);
        done();
      });
    }
    return worker ? worker.state : 'none';
  });

/** Copies build `from` to `to` with a comment appended to index.html and sw.js rewritten for it. */
async function newVersion(from, to) {
  await cp(from, to, { recursive: true });
  const index = path.join(to, 'index.html');
  await writeFile(index, `${await readFile(index, 'utf8')}<!-- B -->\n`);
  await writeServiceWorker(to);
  return swVersion(to);
}

/** Waits for the app's service worker to be active and in control of the page. */
async function waitForControl(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker's clients.claim() takes the page over without a reload; reload once if not.
  if (!(await isControlled(page))) {
    await page.reload();
    await waitForApp(page);
  }
  await expect.poll(() => isControlled(page), { message: 'page controlled by the service worker' }).toBe(true);
}

/** Records, on every load, when the app first rendered (ms since navigation start). */
async function recordRenderTime(page) {
  await page.addInitScript((selector) => {
    const seen = () => {
      if (window.__azsimRenderedAt === undefined && document.querySelector(selector)) {
        window.__azsimRenderedAt = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, {
      childList: true,
      subtree: true,
    });
  }, RENDERED);
}
const renderTime = (page) => page.evaluate(() => window.__azsimRenderedAt);

/** Bytes held in the service worker's caches: { caches: {name: bytes}, entries, total }. */
function cachedBytes(page) {
  return page.evaluate(async () => {
    const out = { caches: {}, entries: 0, total: 0 };
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      let bytes = 0;
      for (const request of await cache.keys()) {
        bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
        out.entries += 1;
      }
      out.caches[name] = bytes;
      out.total += bytes;
    }
    return out;
  });
}

ownServer('after one visit the app loads and works with the network off', async ({ page, context, server, build }, testInfo) => {
  await recordRenderTime(page);
  await gotoApp(page, '?sim=physical&op=azercell&pay=cash');
  const version = await swVersion(build);
  await waitForControl(page);
  expect(await cacheNames(page)).toEqual([`azsim-${version}`]);

  // A controlled load online, for comparison.
  await page.reload();
  await waitForApp(page);
  const onlineMs = await renderTime(page);

  await context.setOffline(true);
  const hits = server.hits.length;
  // What the page asked the server for since going offline. The browser's own check of the
  // worker script (sw.js, which the spec's Soft Update runs after each navigation of a
  // controlled page) is left out: it comes from the browser, not the page, and Playwright's
  // offline mode does not always reach it (a CI run under load saw one reach the server).
  const offlineHits = () => server.hits.slice(hits).filter((p) => p !== '/sw.js');
  await page.reload();
  await waitForApp(page);
  const offlineMs = await renderTime(page);
  expect(offlineHits(), 'requests that reached the server while offline').toEqual([]);
  expect(await isControlled(page)).toBe(true);

  await expect(page.locator('[data-testid=offline]')).toBeVisible();
  // How fresh the facts are, for someone offline.
  await expect(page.locator('[data-testid=checked]')).toBeVisible();
  await expect(page.locator('[data-testid=checked]')).toContainText(/\d{4}-\d{2}-\d{2}/);
  // The sources' quotes (a file of their own, shown by the on-demand module) come from
  // the precache too.
  const quotes = page.locator('[data-testid=paths] .source-list[data-filled] .quotes-box').first();
  await quotes.locator('summary').click();
  await expect(quotes.locator('.quotes li q').first()).toBeAttached();
  // The query survived the fallback to the cached index.html.
  await expect(page.locator('input[name="op"][value="azercell"]')).toBeChecked();

  // The app still works: another operator gives other paths.
  const before = await feasibleIds(page);
  await choose(page, 'op', 'nar');
  await expect.poll(() => feasibleIds(page)).not.toEqual(before);
  const after = await feasibleIds(page);
  expect(after.filter((id) => !id.startsWith('nar_')), 'paths of another operator than Nar').toEqual([]);
  expect(offlineHits(), 'requests that reached the server while offline').toEqual([]);

  // A fresh navigation (not a reload) to another query, still offline.
  await gotoApp(page, '?sim=physical&op=bakcell&pay=cash');
  await expect(page.locator('input[name="op"][value="bakcell"]')).toBeChecked();
  expect(offlineHits(), 'requests that reached the server while offline').toEqual([]);

  // The on-demand module (the clerk's card), never loaded online: the precache has it.
  await page.locator('[data-testid=checked]').waitFor();
  await page.locator('[data-testid=paths] button[data-action=clerk]').first().click();
  await expect(page.getByTestId('clerk-card')).toBeVisible();
  await expect(page.getByTestId('clerk-card').locator('.say[lang=az]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('clerk-card')).toHaveCount(0);
  expect(offlineHits(), 'requests that reached the server while offline').toEqual([]);

  // Every language works offline: the service worker precached all four packs.
  for (const lang of ['zh', 'ru']) {
    const strings = JSON.parse(await readFile(`locales/${lang}.json`, 'utf8'));
    await page.locator('#lang').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('#picker-heading')).toHaveText(strings.picker_heading);
  }
  expect(offlineHits(), 'requests that reached the server while offline').toEqual([]);

  // Stored reminders show offline: the reminders module, never loaded online, is precached.
  const stored = { version: 2, prefs: { lang: 'en', notify: false }, reminders: [{ id: 'offline1', label: 'Renewed offline', due: '2030-01-01T09:00', operator: null, channel: null, note: '', repeat: 'none', warn_days: 0 }] };
  await page.evaluate((doc) => localStorage.setItem('azsim.v1', JSON.stringify(doc)), stored);
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('[data-testid=reminders] > li.reminder h3')).toHaveText(['Renewed offline']);
  expect(offlineHits(), 'requests that reached the server while offline').toEqual([]);

  await context.setOffline(false);
  await expect(page.locator('[data-testid=offline]')).toBeHidden();

  const line = `offline: render ${offlineMs.toFixed(0)} ms after navigation start offline, ${onlineMs.toFixed(0)} ms online (controlled)`;
  console.log(line);
  testInfo.annotations.push({ type: 'offline render', description: line });
});

ownServer('a new version shows "update available" and applies on request', async ({ page, server, tmp, build }, testInfo) => {
  test.setTimeout(60_000);
  // Version A: the build as it is. Version B: a comment appended to index.html, and sw.js
  // rewritten by the same post-build code, as a new deploy would be.
  const versionA = await swVersion(build);
  const b = path.join(tmp, 'b');
  const versionB = await newVersion(build, b);
  expect(versionB).not.toBe(versionA);

  await gotoApp(page);
  await waitForControl(page);
  expect(await runningVersion(page)).toBe(versionA);
  expect(await cacheNames(page)).toEqual([`azsim-${versionA}`]);
  // No banner for the first install.
  await expect(page.locator('[data-testid=update-banner]')).toHaveCount(0);

  server.root = b;
  let loads = 0;
  page.on('load', () => (loads += 1));
  expect(await checkForUpdate(page)).toBe('installed');

  const banner = page.locator('[data-testid=update-banner]');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'status');
  // B waits: A still controls the page and both caches exist until the user agrees.
  expect(await runningVersion(page)).toBe(versionA);
  expect((await cacheNames(page)).sort()).toEqual([`azsim-${versionA}`, `azsim-${versionB}`].sort());
  expect(loads).toBe(0);

  await page.evaluate(() => (window.__azsimBeforeUpdate = true));
  const reloaded = page.waitForEvent('load');
  await banner.locator('button').click();
  await reloaded;
  await waitForApp(page);
  expect(await page.evaluate(() => window.__azsimBeforeUpdate), 'a new document').toBeUndefined();

  expect(await runningVersion(page)).toBe(versionB);
  expect(await cacheNames(page)).toEqual([`azsim-${versionB}`]);
  // The cached page is version B's.
  expect(await page.evaluate(async () => (await (await caches.match('./index.html')).text()).includes('<!-- B -->'))).toBe(true);
  await expect(page.locator('[data-testid=update-banner]')).toHaveCount(0);
  // Exactly one reload, and none after it.
  await page.waitForTimeout(500);
  expect(loads).toBe(1);
  testInfo.annotations.push({ type: 'update', description: `${versionA} -> ${versionB}` });
});

ownServer('a broken deploy (a precached file missing) leaves the old version in charge', async ({ page, server, tmp, build }) => {
  // A missing precached file is a 404 on the server, which the page reports as a failed
  // resource load in the worker only (no page console error).
  const versionA = await swVersion(build);
  const b = path.join(tmp, 'b');
  await newVersion(build, b);
  await rm(path.join(b, 'icons', 'icon-192.png'));

  await gotoApp(page);
  await waitForControl(page);
  server.root = b;
  expect(await checkForUpdate(page)).toBe('redundant');
  expect(await runningVersion(page)).toBe(versionA);
  expect(await cacheNames(page)).toEqual([`azsim-${versionA}`]);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting)).toBeNull();
  await expect(page.locator('[data-testid=update-banner]')).toHaveCount(0);
});

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return null;
  const u32 = (o) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}

test('the service worker is registered only after the page has finished starting', async ({ page }) => {
  // Installing the worker downloads every file again; during start-up it competed with
  // the first render and doubled Lighthouse's Total Blocking Time (200 -> 98 ms when
  // moved). Record whether the page's last section was there when register() was called.
  await page.addInitScript(() => {
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (...args) => {
      window.__azsimFooterShownAtRegister = document.querySelector('[data-testid=checked]')?.checkVisibility() === true;
      return register(...args);
    };
  });
  await gotoApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await page.evaluate(() => window.__azsimFooterShownAtRegister)).toBe(true);
});

test('the app is installable: manifest, icons, service worker', async ({ page, playwright, launchOptions, baseURL }, testInfo) => {
  await gotoApp(page);
  await waitForControl(page);
  await page.reload();
  await waitForApp(page);
  expect(await isControlled(page)).toBe(true);

  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href, page.url()).href;
  const { type, manifest } = await page.evaluate(async (url) => {
    const response = await fetch(url);
    return { type: response.headers.get('content-type'), manifest: await response.json() };
  }, manifestUrl);
  expect(type).toMatch(/^application\/manifest\+json/);
  expect(manifest).toMatchObject({
    name: 'AzSIM: renew mobile data in Azerbaijan',
    short_name: 'AzSIM',
    start_url: './',
    scope: './',
    id: './',
    display: 'standalone',
    theme_color: '#0b6e4f',
    background_color: '#f6f7f5',
    lang: 'en',
  });
  expect(manifest.description).toBeTruthy();

  const icons = manifest.icons.map((icon) => ({ ...icon, url: new URL(icon.src, manifestUrl).href }));
  const want = [
    { sizes: '192x192', purpose: 'any' },
    { sizes: '512x512', purpose: 'any' },
    { sizes: '512x512', purpose: 'maskable' },
  ];
  for (const w of want) {
    expect(icons.some((i) => i.sizes === w.sizes && (i.purpose ?? 'any').split(' ').includes(w.purpose)), `icon ${w.sizes} ${w.purpose}`).toBe(true);
  }
  for (const icon of icons) {
    const { status, type, head } = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        head: [...new Uint8Array(await response.arrayBuffer()).slice(0, 24)],
      };
    }, icon.url);
    expect(status, icon.src).toBe(200);
    expect(type, icon.src).toBe('image/png');
    expect(icon.type).toBe('image/png');
    const [w, h] = icon.sizes.split('x').map(Number);
    expect(pngSize(head), icon.src).toEqual({ width: w, height: h });
  }

  // Chromium's own verdict. Playwright's contexts are off the record, where Chromium
  // installs nothing ("in-incognito"), so ask in a persistent profile of its own.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'azsim-profile-'));
  const persistent = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    const other = persistent.pages()[0] ?? (await persistent.newPage());
    const errors = [];
    other.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    other.on('pageerror', (err) => errors.push(err.message));
    await gotoApp(other);
    await waitForControl(other);
    const cdp = await persistent.newCDPSession(other);
    const parsed = await cdp.send('Page.getAppManifest');
    expect(parsed.url).toBe(manifestUrl);
    expect(parsed.errors, 'manifest parse errors').toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors, 'Chromium installability errors').toEqual([]);
    expect(errors, 'console errors in the persistent profile').toEqual([]);
  } finally {
    await persistent.close();
    await rm(profile, { recursive: true, force: true });
  }

  const precached = await cachedBytes(page);
  const line = `precache: ${precached.entries} entries, ${precached.total} bytes (${(precached.total / 1024).toFixed(1)} KiB) in ${Object.keys(precached.caches).join(', ')}`;
  console.log(line);
  testInfo.annotations.push({ type: 'precache', description: line });
});
