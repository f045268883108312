// Harness of the WebDriver end-to-end suite: starts the servers (the app's
// scripts/static-server.mjs, the demo host's scripts/serve-example.mjs), the browser's
// WebDriver server (geckodriver, or WebKitWebDriver under xvfb-run) and a session, and
// gives the few helpers the flows need. Playwright cannot drive Firefox ESR or WebKitGTK
// (it needs its own patched builds), so this suite speaks WebDriver through
// selenium-webdriver, to driver processes started here (never Selenium Manager).
//
//   WD_ENGINE=firefox|webkit  which browser (required)
//   WD_PORT                   first of the 4 ports used (default 4301 Firefox, 4311 WebKit)
//   WD_DIST                   the build to serve (default dist)
//   GECKODRIVER_BIN           geckodriver to run (default: geckodriver on PATH)
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebDriver, By, Key, error } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

export { By, Key };

export const ENGINE = process.env.WD_ENGINE;
if (ENGINE !== 'firefox' && ENGINE !== 'webkit') {
  throw new Error(`WD_ENGINE must be firefox or webkit (got ${ENGINE ?? 'nothing'})`);
}
const BASE_PORT = Number(process.env.WD_PORT ?? (ENGINE === 'firefox' ? 4301 : 4311));
export const PORTS = {
  app: BASE_PORT, // the app (dist/), shared by the flows
  host: BASE_PORT + 1, // the demo host page (another site: localhost, not 127.0.0.1)
  offline: BASE_PORT + 2, // the app again, on a server the offline flow stops
  driver: BASE_PORT + 3,
};
export const DIST = process.env.WD_DIST ?? 'dist';
export const MOUNTED = '[data-testid=paths], [data-testid=no-path]';

/** Spawns a node script and resolves once it printed `ready` on stdout. */
async function startNode(args, ready) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start in 10 s`)), 10_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The app's static server on 127.0.0.1:`port`. */
export async function startApp(port, dir = DIST) {
  const server = await startNode(['scripts/static-server.mjs', dir, String(port)], 'static-server:');
  return { ...server, url: `http://127.0.0.1:${port}` };
}

/** The demo host pages (examples/) on http://localhost:`port`, embedding the app at `appUrl`. */
export async function startHost(appUrl, port) {
  const server = await startNode(['scripts/serve-example.mjs', appUrl, String(port)], 'serve-example:');
  return { ...server, url: `http://localhost:${port}` };
}

/** Resolves `promise`, or rejects after `ms` with `what` in the message. */
async function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Firefox sends requests to any other host to a closed port: nothing leaves the machine,
// even the browser's own background requests. The app and the host page are on loopback.
const NO_PROXY = ['127.0.0.1', 'localhost'];

function capabilities() {
  if (ENGINE === 'firefox') {
    return {
      browserName: 'firefox',
      acceptInsecureCerts: false,
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width=1280', '-height=900'],
        prefs: {
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': 9,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': 9,
          'network.proxy.no_proxies_on': NO_PROXY.join(', '),
          'network.proxy.allow_hijacking_localhost': false,
          'intl.accept_languages': 'en-US, en',
        },
      },
    };
  }
  // WebKitGTK gets no capabilities at all, as wasm-bindgen-test-runner sends it (its
  // stage passed in CI where a session asking for MiniBrowser and a proxy got no answer
  // in 60 s, twice). The machine's network is closed; the Chromium suite is the one that
  // checks no request leaves for another origin.
  return {};
}

/**
 * Starts the WebDriver server of ENGINE and a session in it. `quit()` ends both.
 * WebKitWebDriver has no headless mode and, without a display, its session request
 * hangs instead of failing: it runs under `xvfb-run -a` (the same default screen as the
 * wasm32 stage), and the session request has a client-side timeout.
 */
export async function startBrowser() {
  // A fresh driver when a session request gets no answer (seen with WebKitWebDriver on a
  // loaded machine); after the last try the error carries everything the driver printed.
  const tries = 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBrowserOnce();
    } catch (err) {
      if (attempt === tries || !/no answer in/.test(err.message)) throw err;
      console.error(`# try ${attempt} of ${tries}: ${err.message}`);
    }
  }
}

async function startBrowserOnce() {
  const port = PORTS.driver;
  const [cmd, args] =
    ENGINE === 'firefox'
      ? [process.env.GECKODRIVER_BIN ?? 'geckodriver', ['--port', String(port), '--host', '127.0.0.1']]
      : ['xvfb-run', ['-a', '/usr/bin/WebKitWebDriver', `--port=${port}`]];
  // Its own process group, so xvfb-run, Xvfb and the driver all end together.
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  const kill = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(5_000)]);
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    // Wait for the driver's status endpoint.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ok = await Promise.race([
        fetch(`${url}/status`).then((r) => r.ok, () => false),
        spawnError,
        exited.then((code) => {
          throw new Error(`${cmd} exited with ${code}: ${output}`);
        }),
      ]);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${cmd} did not answer on ${url}/status in 20 s: ${output}`);
      await sleep(200);
    }
    const driver = WebDriver.createSession(new Executor(new HttpClient(url)), capabilities());
    await within(driver.getSession(), 45_000, `new ${ENGINE} session`).catch((err) => {
      throw new Error(`${err.message}; ${cmd} printed: ${output || 'nothing'}`);
    });
    await driver.manage().setTimeouts({ script: 15_000, pageLoad: 30_000 });
    if (ENGINE === 'webkit') await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
    return {
      driver,
      quit: async () => {
        await within(driver.quit(), 15_000, 'ending the session').catch(() => {});
        await kill();
      },
    };
  } catch (err) {
    await kill();
    throw err;
  }
}

/** Polls `fn` until it returns a truthy value (returned); fails with `message` and the last value. */
export async function waitFor(fn, message, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      lastError = undefined;
      if (last) return last;
    } catch (err) {
      if (err instanceof error.UnexpectedAlertOpenError) throw err;
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (${why})`);
    }
    await sleep(100);
  }
}

/** Runs `fn(arg)` in the page (or the frame switched to) and returns its result. */
export function inPage(driver, fn, ...args) {
  return driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
}

/** Waits until the app has rendered its results in the current page or frame. */
export function waitForApp(driver, timeout = 15_000) {
  return waitFor(() => inPage(driver, (s) => document.querySelector(s) !== null, MOUNTED), 'the app to render its results', timeout);
}

/**
 * Switches into `iframe` once the app has rendered in it. The widgets load lazily, and
 * the page moves while they resize, so the frame is scrolled into view on every try.
 */
export async function enterApp(driver, iframe, timeout = 20_000) {
  await waitFor(async () => {
    await driver.switchTo().defaultContent();
    await driver.executeScript('arguments[0].scrollIntoView({block: "start"})', iframe);
    await driver.switchTo().frame(iframe);
    return inPage(driver, (s) => document.querySelector(s) !== null, MOUNTED);
  }, 'the app to render in the frame', timeout);
}

/** Opens the app at `base` with `query` ("?sim=…" or "") and waits for it to render. */
export async function openApp(driver, base, query = '') {
  await driver.get(`${base}/${query}`);
  await waitForApp(driver);
}

/** Reloads the page with location.reload() (Firefox's WebDriver refresh is a force
 * reload, which bypasses the service worker) and waits for the new document's app. */
export async function reload(driver) {
  await inPage(driver, () => {
    window.__azsimOldDocument = true;
    location.reload();
  });
  await waitFor(() => inPage(driver, () => window.__azsimOldDocument === undefined), 'the reload to replace the document');
  await waitForApp(driver);
}

/** textContent of the first element matching `selector`, trimmed (null when none). */
export function text(driver, selector) {
  return inPage(driver, (s) => document.querySelector(s)?.textContent.trim() ?? null, selector);
}

/** textContent, trimmed, of every element matching `selector`. */
export function texts(driver, selector) {
  return inPage(driver, (s) => [...document.querySelectorAll(s)].map((e) => e.textContent.trim()), selector);
}

/** data-channel ids of the feasible paths, in rank order. */
export function feasibleIds(driver) {
  return inPage(driver, () => [...document.querySelectorAll('[data-testid=paths] > li[data-channel]')].map((e) => e.dataset.channel));
}

/** data-channel ids of the "not for you now" paths. */
export function blockedIds(driver) {
  return inPage(driver, () => [...document.querySelectorAll('[data-testid=blocked] > li[data-channel]')].map((e) => e.dataset.channel));
}

/** "name=value" of every checked picker input. */
export function checkedInputs(driver) {
  return inPage(driver, () => [...document.querySelectorAll('input:checked')].map((e) => `${e.name}=${e.value}`));
}

/** Chooses radio `name` = `value` as a person does: by clicking its label (the inputs are chips). */
export async function choose(driver, name, value) {
  const label = await inPage(
    driver,
    (n, v) => {
      const input = document.querySelector(`input[name="${n}"][value="${v}"]`);
      return input?.closest('label') ?? (input?.id ? document.querySelector(`label[for="${input.id}"]`) : null);
    },
    name,
    value,
  );
  assert.ok(label, `a label for ${name}=${value}`);
  await driver.executeScript('arguments[0].scrollIntoView({block: "center"})', label);
  await label.click();
  await waitFor(
    () => inPage(driver, (n, v) => document.querySelector(`input[name="${n}"][value="${v}"]`).checked, name, value),
    `${name}=${value} to be checked`,
  );
}

/** The current URL's query parameter `key`. */
export async function queryParam(driver, key) {
  return new URL(await driver.getCurrentUrl()).searchParams.get(key);
}

/**
 * Starts recording uncaught errors and unhandled rejections in the current document
 * (the app is already running, so this sees what happens from now on).
 */
export function recordErrors(driver) {
  return inPage(driver, () => {
    window.__azsimErrors = [];
    window.addEventListener('error', (e) => window.__azsimErrors.push(`error: ${e.message} (${e.filename}:${e.lineno})`));
    window.addEventListener('unhandledrejection', (e) => window.__azsimErrors.push(`unhandled rejection: ${e.reason}`));
  });
}

/**
 * Asserts the document is healthy: no error recorded since recordErrors, no error
 * page, no alert open, and every resource it loaded came from `origins`.
 */
export async function expectHealthy(driver, origins) {
  try {
    const alert = await driver.switchTo().alert();
    const message = await alert.getText();
    await alert.dismiss();
    assert.fail(`an alert is open: ${message}`);
  } catch (err) {
    if (!(err instanceof error.NoSuchAlertError)) throw err;
  }
  const state = await inPage(driver, () => ({
    errors: window.__azsimErrors ?? [],
    fatal: document.querySelector('[data-testid=fatal]') !== null,
    resources: performance.getEntriesByType('resource').map((r) => r.name),
    origin: location.origin,
  }));
  assert.deepEqual(state.errors, [], 'uncaught errors in the page');
  assert.equal(state.fatal, false, 'the error page is shown');
  const allowed = new Set([state.origin, ...origins]);
  const foreign = state.resources.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowed.has(new URL(u).origin));
  assert.deepEqual(foreign, [], `requests to another origin than ${[...allowed].join(', ')}`);
}
