#!/usr/bin/env node
// The measuring half of scripts/bench.sh (which builds what this measures).
//   node scripts/bench.mjs --app-dist D --base-dist D [--rank F] [--out DIR] [--port P]
// Serves both folders itself (scripts/bench-serve.mjs: static-server.mjs with brotli, on
// ports P and P+2, default 4471). Environment: BENCH_RUNS (cold loads per page,
// default 5), BENCH_TAPS (default 50), BENCH_REMINDER_RUNS (default 3), BENCH_WIRE=identity
// (no compression on the wire).
// Writes DIR/report.json and DIR/report.md (DIR defaults to bench-report/). What each
// figure means and how it is taken is in README.md, "Benchmark", and in report.md.
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serveDist } from './bench-serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { assetSizes, BUDGETS, firstLoad, KIB } from './sizes.mjs';

const { values: args } = parseArgs({
  options: {
    'app-dist': { type: 'string' },
    'base-dist': { type: 'string' },
    rank: { type: 'string' },
    out: { type: 'string', default: 'bench-report' },
    port: { type: 'string', default: '4471' },
  },
});
for (const a of ['app-dist', 'base-dist']) {
  if (!args[a]) {
    console.error(`bench: --${a} is required`);
    process.exit(2);
  }
}
const PORT = Number(args.port);
const COMPRESS = (process.env.BENCH_WIRE ?? 'br') !== 'identity';
const appServer = await serveDist(args['app-dist'], { port: PORT, compress: COMPRESS });
const baseServer = await serveDist(args['base-dist'], { port: PORT + 2, compress: COMPRESS });
args['app-url'] = appServer.url;
args['base-url'] = baseServer.url;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const TAPS = Math.max(2, Number(process.env.BENCH_TAPS ?? 50));
const REMINDER_RUNS = Math.max(1, Number(process.env.BENCH_REMINDER_RUNS ?? 3));

const APP_QUERY = '?sim=physical&op=azercell&pay=cash';
const APP_READY = '[data-testid=paths], [data-testid=no-path]';
// The page has built itself: the footer shows at the last start-up step, after the pack's
// second part (src/ui/mod.rs).
const APP_COMPLETE = '.foot:not([hidden])';
const BASE_READY = 'main h1';
// Slow 4G as Chrome DevTools defines it: 150 ms, 1.6 Mbps down, 750 kbps up (bytes/s);
// and a line the operator throttled when the data ran out: 128 kbps both ways, 300 ms.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const THROTTLED = { offline: false, latency: 300, downloadThroughput: (128e3 / 8) | 0, uploadThroughput: (128e3 / 8) | 0 };
const PROFILES = { 'slow 4G': SLOW_4G, 'throttled line (128 kbps, 300 ms)': THROTTLED };
// What the static page shows before any wasm (scripts/essentials.mjs).
const ESSENTIALS = '.essentials a.dial';
const CPU_SLOWDOWN = 4;
const REMINDERS = 500;
// A long list is shown: its first rows, and after them "Show more" (src/ui/reminders/list.rs).
const LIST_SHOWN = '[data-testid=reminders] + .show-more button';
const STORAGE_KEY = 'azsim.v1';

const log = (...a) => console.log('bench:', ...a);

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--disable-extensions', '--disable-default-apps', '--enable-precise-memory-info'],
});

// A phone-sized page in a fresh context (empty cache and storage), service workers blocked.
async function freshPage() {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, cdp, errors };
}

// In every page before its own scripts: record performance.now() when `selector` first
// matches (__benchInserted: the MutationObserver callback, right after the task that
// inserted it) and in the next requestAnimationFrame callback (__benchReady: the frame
// that paints it is being produced), keep the wasm exports that Trunk's loader
// announces (for the wasm memory size) and the main-thread tasks over 50 ms
// (__benchLongTasks).
function instrument(page, selector, { count = 1, complete = null } = {}) {
  return page.addInitScript(
    ({ selector, count, essentialsSelector, complete }) => {
      addEventListener('TrunkApplicationStarted', (e) => {
        window.__benchWasm = e.detail && e.detail.wasm;
      });
      window.__benchLongTasks = [];
      new PerformanceObserver((l) => window.__benchLongTasks.push(...l.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask', buffered: true });
      const check = () => {
        if (window.__benchInserted !== undefined) return;
        const n = count === 1 ? (document.querySelector(selector) ? 1 : 0) : document.querySelectorAll(selector).length;
        if (n >= count) {
          window.__benchInserted = performance.now();
          obs.disconnect();
          requestAnimationFrame(() => {
            window.__benchReady = performance.now();
          });
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(document, { childList: true, subtree: true });
      // `window[key]`: the time of the frame that paints what first matches `sel` (null
      // while that frame is pending).
      const atFirstMatch = (sel, key, options) => {
        const obs = new MutationObserver(() => {
          if (window[key] !== undefined || !document.querySelector(sel)) return;
          obs.disconnect();
          window[key] = null;
          requestAnimationFrame(() => {
            window[key] = performance.now();
          });
        });
        obs.observe(document, { childList: true, subtree: true, ...options });
      };
      // The essentials: when their links are in the page.
      atFirstMatch(essentialsSelector, '__benchEssentials');
      // The page complete (`complete` shows).
      if (complete) atFirstMatch(complete, '__benchComplete', { attributes: true, attributeFilter: ['hidden'] });
    },
    { selector, count, essentialsSelector: ESSENTIALS, complete },
  );
}

const paintTime = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const get = () => performance.getEntriesByName('first-contentful-paint')[0];
        if (get()) return resolve(get().startTime);
        new PerformanceObserver(() => get() && resolve(get().startTime)).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 10_000);
      }),
  );

/**
 * One cold load on `network` (a PROFILES entry), CPU ÷4, no cache, no service worker.
 * With `complete` (a selector that matches once the page has built itself), also the
 * longest main-thread task from the result until then (+0.5 s).
 */
async function coldLoad(url, selector, network, complete = null) {
  const { context, page, cdp, errors } = await freshPage();
  try {
    await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await instrument(page, selector, { complete });
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 60_000, polling: 100 });
    const fcp = await paintTime(page);
    const extra = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const wasm = resources.find((r) => r.name.endsWith('.wasm'));
      const nav = performance.getEntriesByType('navigation')[0];
      // Bytes that crossed the wire (bodies as sent, with headers) until the result.
      const until = window.__benchReady;
      const sent = resources.filter((r) => r.responseEnd <= until).reduce((n, r) => n + r.transferSize, nav ? nav.transferSize : 0);
      return { ready: until, inserted: window.__benchInserted, wasmResponseEnd: wasm ? wasm.responseEnd : null, essentials: window.__benchEssentials ?? null, sent };
    });
    let afterResult = null;
    let completed = null;
    if (complete) {
      await page.waitForSelector(complete, { state: 'attached', timeout: 60_000 });
      await page.waitForTimeout(500);
      [afterResult, completed] = await page.evaluate(() => [
        Math.max(0, ...window.__benchLongTasks.filter((t) => t.start >= window.__benchInserted).map((t) => t.ms)),
        window.__benchComplete ?? null,
      ]);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { fcp, result: extra.ready, inserted: extra.inserted, wasmLoaded: extra.wasmResponseEnd, essentials: extra.essentials, sent: extra.sent, afterResult, completed };
  } finally {
    await context.close();
  }
}

/** Taps alternating pay chips; time from click to the frame after the results changed. */
async function interaction(cpuRate) {
  const { context, page, cdp, errors } = await freshPage();
  try {
    await page.goto(`${args['app-url']}/${APP_QUERY}`);
    await page.waitForSelector(APP_READY, { state: 'attached' });
    await page.waitForTimeout(300);
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const r = await page.evaluate(async (taps) => {
      const results = document.getElementById('results') || document.querySelector('[data-testid=paths]').parentElement;
      const first = () => document.querySelector('[data-testid=paths] > li')?.dataset.channel ?? null;
      const times = [];
      const inDom = [];
      let changedFirst = 0;
      for (let i = 0; i < taps; i++) {
        const value = i % 2 === 0 ? 'local_card' : 'cash';
        const input = document.querySelector(`input[name=pay][value=${value}]`);
        if (!input) throw new Error(`no pay=${value} chip`);
        const before = first();
        const ms = await new Promise((resolve, reject) => {
          let t0;
          const timer = setTimeout(() => reject(new Error(`tap ${i} (pay=${value}): results did not change in 5 s`)), 5000);
          const obs = new MutationObserver(() => {
            obs.disconnect();
            inDom.push(performance.now() - t0);
            requestAnimationFrame(() => {
              clearTimeout(timer);
              resolve(performance.now() - t0);
            });
          });
          obs.observe(results, { childList: true, subtree: true, characterData: true, attributes: true });
          t0 = performance.now();
          input.click();
        });
        times.push(ms);
        if (first() !== before) changedFirst++;
        // Let the frame paint and any idle work finish before the next tap.
        await new Promise((r) => setTimeout(r, 50));
      }
      return { times, inDom, changedFirst, url: location.search };
    }, TAPS);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...r, ...stats(r.times), dom: stats(r.inDom) };
  } finally {
    await context.close();
  }
}

// How `repeat: none` is written: as the issue specified it ({"kind":"none"}), as the app
// has stored it since it switched to an externally tagged enum ("none"), or left out (the
// app's default). The first one the app accepts is used, and named in the report.
const REPEAT_FORMATS = [
  ['{"kind":"none"}', { kind: 'none' }],
  ['"none"', 'none'],
  ['left out', undefined],
];
let repeatFormat = 0;

function seedReminders(n) {
  const ops = ['azercell', 'bakcell', 'nar'];
  const repeat = REPEAT_FORMATS[repeatFormat][1];
  const reminders = [];
  for (let i = 0; i < n; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    reminders.push({
      id: `r${i + 1}`,
      label: `Renew data ${i + 1}`,
      due: `2026-${month}-${day}T09:00`,
      operator: ops[i % 3],
      note: i % 5 === 0 ? `Note ${i + 1}` : '',
      ...(repeat === undefined ? {} : { repeat }),
      warn_days: 3,
    });
  }
  return JSON.stringify({ version: 2, prefs: {}, reminders });
}

/** Loads the app with `n` reminders in localStorage (CPU ÷4, no network throttling). */
async function reminderLoad(n) {
  const { context, page, cdp, errors } = await freshPage();
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const value = seedReminders(n);
    await page.addInitScript(
      ({ key, value }) => {
        try {
          localStorage.setItem(key, value);
        } catch {
          /* storage blocked: measured as not available */
        }
        // When the list's first row and its first 10 rows exist.
        const rows = new MutationObserver(() => {
          const n = document.querySelectorAll('[data-testid=reminders] > li.reminder').length;
          if (n > 0) window.__benchFirstRow ??= performance.now();
          if (n >= 10) {
            rows.disconnect();
            window.__benchFirstRows = performance.now();
          }
        });
        rows.observe(document, { childList: true, subtree: true });
      },
      { key: STORAGE_KEY, value },
    );
    await instrument(page, n > 0 ? LIST_SHOWN : APP_READY);
    await page.goto(args['app-url'] + '/');
    await page.waitForSelector(APP_READY, { state: 'attached', timeout: 30_000 });
    let ready = null;
    try {
      await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 10_000, polling: 100 });
      ready = await page.evaluate(() => window.__benchReady);
    } catch {
      const shown = await page.locator('[data-testid=reminders] > li').count();
      const list = await page.locator('[data-testid=reminders]').count();
      return {
        available: false,
        listShown: list > 0,
        reason:
          list === 0
            ? 'the app renders no [data-testid=reminders] list'
            : `${shown} of ${n} seeded reminders rendered and no "Show more" within 10 s after the results (repeat written as ${REPEAT_FORMATS[repeatFormat][0]})`,
      };
    }
    await page.waitForTimeout(200);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(async () => {
      // The release wasm's exports have minified names (scripts/post-build.mjs): find
      // the memory by its type.
      const memoryOf = (exports) => exports && Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
      let exports = window.__benchWasm;
      let via = 'TrunkApplicationStarted event';
      if (!memoryOf(exports)) {
        // The wasm-bindgen module's init returns the running instance's exports.
        const link = document.querySelector('link[rel=modulepreload][href$=".js"]');
        if (link) {
          try {
            exports = await (await import(link.href)).default();
            via = 'wasm-bindgen init()';
          } catch {
            exports = null;
          }
        }
      }
      const mem = memoryOf(exports);
      return mem ? { bytes: mem.buffer.byteLength, via } : null;
    });
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    // The longest task from the results on (the list renders after them).
    const results = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
    const tasks = await page.evaluate(() => window.__benchLongTasks);
    const longest = Math.max(0, ...tasks.filter((t) => t.start >= results).map((t) => t.ms));
    const [firstRow, firstRows] = await page.evaluate(() => [window.__benchFirstRow ?? null, window.__benchFirstRows ?? null]);
    // The list's own: the longest task that ran while it rendered (it ended after the
    // first row was in the page and began before the list was shown).
    const listTask = firstRow === null ? null : Math.max(0, ...tasks.filter((t) => t.start + t.ms >= firstRow && t.start <= ready).map((t) => t.ms));
    // "Show more": from its click until the next rows are painted, and the longest task from
    // the click until 0.5 s after.
    const more =
      n === 0
        ? null
        : await page.evaluate(async (selector) => {
            const list = document.querySelector('[data-testid=reminders]');
            const rows = () => list.querySelectorAll(':scope > li').length;
            const before = rows();
            const start = performance.now();
            document.querySelector(selector).click();
            await new Promise((resolve) => {
              const obs = new MutationObserver(() => {
                if (rows() === before) return;
                obs.disconnect();
                requestAnimationFrame(() => resolve());
              });
              obs.observe(list, { childList: true });
            });
            const painted = performance.now();
            await new Promise((resolve) => setTimeout(resolve, 500));
            const tasks = window.__benchLongTasks.filter((t) => t.start + t.ms >= start).map((t) => t.ms);
            return { ms: painted - start, rows: rows() - before, longestTask: Math.max(0, ...tasks) };
          }, LIST_SHOWN);
    return {
      available: true,
      ms: ready,
      firstRows,
      longestTask: longest,
      listTask,
      moreMs: more?.ms ?? null,
      moreRows: more?.rows ?? null,
      moreTask: more?.longestTask ?? null,
      jsHeapUsed: heap.usedSize,
      jsHeapTotal: heap.totalSize,
      wasmMemory: wasm?.bytes ?? null,
      wasmVia: wasm?.via ?? null,
    };
  } finally {
    await context.close();
  }
}

function stats(xs) {
  const s = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return { median: null, p95: null, min: null, max: null, n: 0 };
  const q = (p) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
  };
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], n: s.length };
}

// ---- measure -------------------------------------------------------------------------
const t0 = Date.now();
log('sizes');
const sizes = {
  app: { assets: await assetSizes(args['app-dist']), firstLoad: await firstLoad(args['app-dist']) },
  baseline: { assets: await assetSizes(args['base-dist']), firstLoad: await firstLoad(args['base-dist']) },
};

const ratio = (a, b) => (a !== null && b ? a / b : null);
const cold = {};
for (const [profile, network] of Object.entries(PROFILES)) {
  log(`cold loads, ${profile}: ${RUNS} × app, ${RUNS} × baseline (alternating)`);
  const loads = { app: [], baseline: [] };
  for (let i = 0; i < RUNS; i++) {
    loads.app.push(await coldLoad(`${args['app-url']}/${APP_QUERY}`, APP_READY, network, APP_COMPLETE));
    loads.baseline.push(await coldLoad(args['base-url'] + '/', BASE_READY, network));
    log(`  run ${i + 1}: app essentials ${fmtMs(loads.app[i].essentials)} fcp ${fmtMs(loads.app[i].fcp)} result ${fmtMs(loads.app[i].result)}; baseline fcp ${fmtMs(loads.baseline[i].fcp)} result ${fmtMs(loads.baseline[i].result)}`);
  }
  const one = {};
  for (const who of ['app', 'baseline']) {
    one[who] = {
      fcp: stats(loads[who].map((r) => r.fcp)),
      result: stats(loads[who].map((r) => r.result)),
      essentials: stats(loads[who].map((r) => r.essentials).filter((v) => v !== null)),
      wasmLoaded: stats(loads[who].map((r) => r.wasmLoaded)),
      sent: stats(loads[who].map((r) => r.sent)),
      afterResult: stats(loads[who].map((r) => r.afterResult).filter((v) => v !== null)),
      completed: stats(loads[who].map((r) => r.completed).filter((v) => v !== null)),
      runs: loads[who],
    };
  }
  one.ratio = {
    fcp: ratio(one.app.fcp.median, one.baseline.fcp.median),
    result: ratio(one.app.result.median, one.baseline.result.median),
    essentials: ratio(one.app.essentials.median, one.baseline.fcp.median),
  };
  one.network = network;
  cold[profile] = one;
}

log(`interaction: ${TAPS} taps at CPU ÷1 and ÷${CPU_SLOWDOWN}`);
const taps = { cpu1: await interaction(1), [`cpu${CPU_SLOWDOWN}`]: await interaction(CPU_SLOWDOWN) };

log(`reminders: ${REMINDER_RUNS} × 0 and ${REMINDER_RUNS} × ${REMINDERS}`);
const reminderRuns = { none: [], many: [] };
let reminders;
const rejected = [];
for (let i = 0; i < REMINDER_RUNS; i++) {
  reminderRuns.none.push(await reminderLoad(0));
  let r = await reminderLoad(REMINDERS);
  // The first run also finds the stored format the app reads (see REPEAT_FORMATS).
  while (i === 0 && !r.available && r.listShown && repeatFormat + 1 < REPEAT_FORMATS.length) {
    rejected.push(REPEAT_FORMATS[repeatFormat][0]);
    repeatFormat++;
    log(`  the app did not show reminders with repeat ${rejected.at(-1)}; trying ${REPEAT_FORMATS[repeatFormat][0]}`);
    r = await reminderLoad(REMINDERS);
  }
  reminderRuns.many.push(r);
  if (!r.available) break;
}
if (reminderRuns.many.every((r) => r.available)) {
  const pick = (runs, k) => stats(runs.map((r) => r[k])).median;
  reminders = {
    available: true,
    count: REMINDERS,
    ms: pick(reminderRuns.many, 'ms'),
    firstRows: pick(reminderRuns.many, 'firstRows'),
    longestTask: pick(reminderRuns.many, 'longestTask'),
    listTask: pick(reminderRuns.many, 'listTask'),
    moreMs: pick(reminderRuns.many, 'moreMs'),
    moreRows: pick(reminderRuns.many, 'moreRows'),
    moreTask: pick(reminderRuns.many, 'moreTask'),
    emptyLongestTask: pick(reminderRuns.none, 'longestTask'),
    jsHeapUsed: pick(reminderRuns.many, 'jsHeapUsed'),
    wasmMemory: pick(reminderRuns.many, 'wasmMemory'),
    wasmVia: reminderRuns.many[0].wasmVia,
    repeatFormat: REPEAT_FORMATS[repeatFormat][0],
    rejectedFormats: rejected,
    empty: { ms: pick(reminderRuns.none, 'ms'), jsHeapUsed: pick(reminderRuns.none, 'jsHeapUsed'), wasmMemory: pick(reminderRuns.none, 'wasmMemory') },
    runs: reminderRuns,
  };
} else {
  reminders = { available: false, reason: reminderRuns.many.find((r) => !r.available).reason, rejectedFormats: rejected };
}

let rank = null;
if (args.rank) {
  try {
    rank = JSON.parse(await readFile(args.rank, 'utf8'));
  } catch (e) {
    rank = { error: e.message };
  }
}
await browser.close();
await appServer.close();
await baseServer.close();

const report = {
  generated: new Date().toISOString(),
  machine: { loadavg: os.loadavg().map((l) => Number(l.toFixed(2))), cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium: browser.version() },
  settings: { wire: COMPRESS ? 'br' : 'identity', runs: RUNS, taps: TAPS, reminderRuns: REMINDER_RUNS, profiles: PROFILES, cpuSlowdown: CPU_SLOWDOWN, appUrl: `/${APP_QUERY}`, budgets: BUDGETS },
  sizes,
  cold,
  interaction: taps,
  reminders,
  rank,
  seconds: (Date.now() - t0) / 1000,
};
await mkdir(args.out, { recursive: true });
await writeFile(path.join(args.out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
const md = markdown(report);
await writeFile(path.join(args.out, 'report.md'), md);
console.log('\n' + md);
log(`wrote ${path.join(args.out, 'report.md')} and report.json in ${report.seconds.toFixed(0)} s`);

// ---- report --------------------------------------------------------------------------
function fmtMs(x) {
  return x === null || x === undefined ? 'n/a' : `${Math.round(x)} ms`;
}
function fmtMs1(x) {
  return x === null || x === undefined ? 'n/a' : `${x.toFixed(1)} ms`;
}
function kib(n) {
  return n === null || n === undefined ? 'n/a' : `${(n / KIB).toFixed(1)} KiB`;
}
function mib(n) {
  return n === null || n === undefined ? 'n/a' : `${(n / 2 ** 20).toFixed(1)} MiB`;
}
function x(r) {
  return r === null ? 'n/a' : `${r.toFixed(2)}×`;
}

function markdown(r) {
  const L = [];
  const fl = r.sizes.app.firstLoad;
  const bl = r.sizes.baseline.firstLoad;
  L.push('# AzSIM benchmark', '');
  L.push(`${r.generated} · ${r.machine.cpus} × ${r.machine.cpu} · ${r.machine.memoryGiB} GiB · Node ${r.machine.node} · Chromium ${r.machine.chromium} · load average at the end ${r.machine.loadavg.join(' ')}`, '');
  L.push('## Summary', '');
  L.push('| figure | AzSIM | baseline (Leptos hello) | AzSIM / baseline |', '|---|---:|---:|---:|');
  L.push(`| critical path to the first result, brotli | ${kib(fl.critical.brotli)} | ${kib(bl.critical.brotli)} | ${x(ratio(fl.critical.brotli, bl.critical.brotli))} |`);
  L.push(`| first load (all fetched before idle), brotli | ${kib(fl.total.brotli)} | ${kib(bl.total.brotli)} | ${x(ratio(fl.total.brotli, bl.total.brotli))} |`);
  const net = (n) => `${n.latency} ms, ${((n.downloadThroughput * 8) / 1e3).toFixed(0)} kbps down, ${((n.uploadThroughput * 8) / 1e3).toFixed(0)} kbps up`;
  for (const [profile, c] of Object.entries(r.cold)) {
    L.push(`| **${profile}** (${net(c.network)}) | | | |`);
    L.push(`| essentials visible (app) vs first paint (baseline), median of ${r.settings.runs} | ${fmtMs(c.app.essentials.median)} | ${fmtMs(c.baseline.fcp.median)} | ${x(c.ratio.essentials)} |`);
    L.push(`| first contentful paint | ${fmtMs(c.app.fcp.median)} | ${fmtMs(c.baseline.fcp.median)} | ${x(c.ratio.fcp)} |`);
    L.push(`| first ranked path (app) / first result (baseline) | ${fmtMs(c.app.result.median)} | ${fmtMs(c.baseline.result.median)} | ${x(c.ratio.result)} |`);
    L.push(`| wasm downloaded (responseEnd) | ${fmtMs(c.app.wasmLoaded.median)} | ${fmtMs(c.baseline.wasmLoaded.median)} | ${x(ratio(c.app.wasmLoaded.median, c.baseline.wasmLoaded.median))} |`);
    L.push(`| bytes transferred until then (as served, with headers) | ${kib(c.app.sent.median)} | ${kib(c.baseline.sent.median)} | ${x(ratio(c.app.sent.median, c.baseline.sent.median))} |`);
    L.push(`| page complete (every section shown: the footer painted) | ${fmtMs(c.app.completed.median)} | | |`);
    L.push(`| longest task from the first path until the page is complete (0: none over 50 ms) | ${fmtMs(c.app.afterResult.median)} | | |`);
  }
  L.push('');
  L.push(
    `Cold load: headless Chromium, fresh context per run, cache disabled, service worker blocked, ` +
      `CPU ÷${r.settings.cpuSlowdown} (\`Emulation.setCPUThrottlingRate\`), each network profile by \`Network.emulateNetworkConditions\`, ` +
      `app and baseline alternating, 412×823 phone viewport. ` +
      `AzSIM loads \`${r.settings.appUrl}\`; "first ranked path" is the first \`requestAnimationFrame\` callback after ` +
      `\`[data-testid=paths], [data-testid=no-path]\` is inserted (seen by a MutationObserver), for the baseline after its ` +
      `\`<main><h1>\` is; "essentials visible" likewise for \`${ESSENTIALS}\` (the static page's codes, before any wasm); ` +
      `times are from navigation start. "Longest task after it" is the longest main-thread task (PerformanceObserver "longtask", ` +
      `over 50 ms) that started after the first path was inserted and before \`${APP_COMPLETE}\` (the last start-up step, after ` +
      `the pack's second part) + 0.5 s. FCP is the paint's own timestamp, taken later in the same frame, ` +
      `so for the baseline, whose first paint is its result, FCP comes some tens of ms after "first result". ` +
      (r.settings.wire === 'br'
        ? `Both are served from 127.0.0.1 by scripts/static-server.mjs with brotli for every compressible type, language packs included (scripts/bench-serve.mjs), as a real host compresses.`
        : `Both are served uncompressed by scripts/static-server.mjs (BENCH_WIRE=identity): the throttled link carries raw bytes.`),
    '',
  );
  for (const [profile, c] of Object.entries(r.cold)) {
    L.push(`${profile}:`, '');
    L.push('| run | AzSIM essentials | AzSIM FCP | AzSIM first path | AzSIM longest task after it | baseline FCP | baseline result |', '|---:|---:|---:|---:|---:|---:|---:|');
    c.app.runs.forEach((a, i) => {
      const b = c.baseline.runs[i];
      L.push(`| ${i + 1} | ${fmtMs(a.essentials)} | ${fmtMs(a.fcp)} | ${fmtMs(a.result)} | ${fmtMs(a.afterResult)} | ${fmtMs(b.fcp)} | ${fmtMs(b.result)} |`);
    });
    L.push('');
  }

  L.push('## Sizes', '');
  L.push(
    `Budgets (enforced by e2e/budget.spec.mjs): critical path ≤ ${kib(r.settings.budgets.criticalPath)}, first load ≤ ${kib(r.settings.budgets.firstLoad)} brotli, ` +
      `shell (HTML + CSS) ≤ ${kib(r.settings.budgets.shell)} brotli. gzip level 9 and brotli quality 11, each file on its own (scripts/sizes.mjs).`,
    '',
  );
  L.push('### First load', '');
  L.push('Files marked * are on the critical path; the others are fetched after the first paint, before the page is idle.', '');
  L.push('| file | kind | raw | gzip | brotli |', '|---|---|---:|---:|---:|');
  for (const f of fl.files) L.push(`| ${f.file}${f.critical ? ' *' : ''} | ${f.kind} | ${f.raw.toLocaleString('en-US')} | ${f.gzip.toLocaleString('en-US')} | ${f.brotli.toLocaleString('en-US')} |`);
  L.push(`| **shell (HTML + CSS)** | | ${fl.shell.raw.toLocaleString('en-US')} | ${fl.shell.gzip.toLocaleString('en-US')} | **${fl.shell.brotli.toLocaleString('en-US')}** (${kib(fl.shell.brotli)} of ${kib(r.settings.budgets.shell)}) |`);
  L.push(`| **critical path** | | ${fl.critical.raw.toLocaleString('en-US')} | ${fl.critical.gzip.toLocaleString('en-US')} | **${fl.critical.brotli.toLocaleString('en-US')}** (${kib(fl.critical.brotli)} of ${kib(r.settings.budgets.criticalPath)}) |`);
  L.push(`| **first load** | | ${fl.total.raw.toLocaleString('en-US')} | ${fl.total.gzip.toLocaleString('en-US')} | **${fl.total.brotli.toLocaleString('en-US')}** (${kib(fl.total.brotli)} of ${kib(r.settings.budgets.firstLoad)}) |`);
  L.push('');
  L.push('### Every shipped file (dist/)', '');
  L.push('| file | raw | gzip | brotli |', '|---|---:|---:|---:|');
  for (const f of r.sizes.app.assets) L.push(`| ${f.file} | ${f.raw.toLocaleString('en-US')} | ${f.gzip.toLocaleString('en-US')} | ${f.brotli.toLocaleString('en-US')} |`);
  const all = r.sizes.app.assets.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  L.push(`| **all** | ${all.raw.toLocaleString('en-US')} | ${all.gzip.toLocaleString('en-US')} | ${all.brotli.toLocaleString('en-US')} |`);
  L.push('');
  L.push('### Baseline first load', '');
  L.push('| file | kind | raw | gzip | brotli |', '|---|---|---:|---:|---:|');
  for (const f of bl.files) L.push(`| ${f.file} | ${f.kind} | ${f.raw.toLocaleString('en-US')} | ${f.gzip.toLocaleString('en-US')} | ${f.brotli.toLocaleString('en-US')} |`);
  L.push(`| **total** | | ${bl.total.raw.toLocaleString('en-US')} | ${bl.total.gzip.toLocaleString('en-US')} | **${bl.total.brotli.toLocaleString('en-US')}** |`);
  L.push('');

  L.push('## Interaction latency', '');
  L.push(
    `${r.settings.taps} taps alternating the pay chips local_card / cash on \`${APP_QUERY}\`. Each tap: \`performance.now()\`, ` +
      `\`input.click()\`; a MutationObserver on \`#results\` (subtree) fires; the next \`requestAnimationFrame\` callback ` +
      `takes the end time (the frame that shows the new results is about to paint). 50 ms pause between taps. ` +
      `"in the DOM" is when the MutationObserver fired (the tap's work is done; the frame then comes at the ` +
      `display's next tick, up to 16.7 ms later at 60 Hz, so "to the frame" cannot go below the frame interval). ` +
      `"first path changed" counts taps after which the first \`[data-testid=paths] > li\` has another data-channel.`,
    '',
  );
  L.push(
    '| CPU | to the frame: median | p95 | min | max | in the DOM: median | p95 | first path changed |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const [k, v] of Object.entries(r.interaction)) {
    L.push(
      `| ÷${k.slice(3)} | ${fmtMs1(v.median)} | ${fmtMs1(v.p95)} | ${fmtMs1(v.min)} | ${fmtMs1(v.max)} | ` +
        `${fmtMs1(v.dom.median)} | ${fmtMs1(v.dom.p95)} | ${v.changedFirst} of ${v.n} |`,
    );
  }
  L.push('');

  L.push(`## ${REMINDERS} reminders`, '');
  if (!r.reminders.available) {
    L.push(
      `Not available: ${r.reminders.reason}` +
        (r.reminders.rejectedFormats?.length ? `; also tried repeat as ${r.reminders.rejectedFormats.join(', ')}.` : '.'),
      '',
    );
  } else {
    const m = r.reminders;
    L.push(
      `${REMINDERS} reminders seeded in localStorage \`${STORAGE_KEY}\` before load; time from navigation start until the list is shown: ` +
        `its first rows and, after them, its "Show more" (\`${LIST_SHOWN}\`), painted (CPU ÷${r.settings.cpuSlowdown}, no network throttling, ` +
        `median of ${r.settings.reminderRuns}). Then one "Show more": from its click until the next rows are painted. ` +
        `JS heap: CDP \`Runtime.getHeapUsage\` usedSize after a forced GC. Wasm memory: the instance's \`WebAssembly.Memory\` ` +
        `buffer, reached through ${m.wasmVia ?? 'n/a'}. \`repeat: none\` written as ${m.repeatFormat}` +
        (m.rejectedFormats.length ? ` (the app showed no reminders with ${m.rejectedFormats.join(', ')}).` : '.'),
      '',
    );
    L.push('| | first 10 rows | list shown | longest task after first paint | longest task while the list renders | JS heap used | wasm memory |', '|---|---:|---:|---:|---:|---:|---:|');
    L.push(`| no reminders (results shown) | | ${fmtMs(m.empty.ms)} | ${fmtMs(m.emptyLongestTask)} | | ${mib(m.empty.jsHeapUsed)} | ${mib(m.empty.wasmMemory)} |`);
    L.push(`| ${REMINDERS} reminders | ${fmtMs(m.firstRows)} | ${fmtMs(m.ms)} | ${fmtMs(m.longestTask)} | ${fmtMs(m.listTask)} | ${mib(m.jsHeapUsed)} | ${mib(m.wasmMemory)} |`);
    L.push('', `| "Show more" | rows added | click to painted | longest task (0: none over 50 ms) |`, '|---|---:|---:|---:|');
    L.push(`| in the list of ${REMINDERS} | ${m.moreRows ?? 'n/a'} | ${fmtMs(m.moreMs)} | ${fmtMs(m.moreTask)} |`);
    L.push(
      '',
      'Longest task: the longest main-thread task over 50 ms (PerformanceObserver "longtask") that started after the first contentful ' +
        'paint (with no reminders too: the app mounting); 0 when none. While the list renders: the longest that ended after its first ' +
        'row was in the page and began before the list was shown (the list\'s own work).',
    );
    L.push('');
  }

  L.push('## Ranking engine (native)', '');
  if (!r.rank || r.rank.error) {
    L.push(`Not available${r.rank?.error ? `: ${r.rank.error}` : ''}.`, '');
  } else {
    const k = r.rank;
    L.push('`cargo run --release --example bench_rank` (examples/bench_rank.rs): every input combination, as in crates/domain/tests/ranking.rs.', '');
    L.push('| queries | passes | one pass, median | fastest pass | per query, median | English pack decode |', '|---:|---:|---:|---:|---:|---:|');
    L.push(`| ${k.queries} | ${k.passes} | ${k.pass_ms_median.toFixed(3)} ms | ${k.pass_ms_min.toFixed(3)} ms | ${k.per_query_us_median.toFixed(2)} µs | ${k.catalog_load_ms_median.toFixed(3)} ms |`);
    L.push('');
  }
  return L.join('\n');
}
