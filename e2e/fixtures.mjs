// Every spec imports `test` and `expect` from here instead of '@playwright/test'.
// The `page` fixture fails a test that logged a console error, threw an uncaught page
// error, or made a request to another origin than baseURL's (data: and blob: ignored).
// Options (per file or describe: `test.use({ ... })`):
//   allowedConsoleErrors: RegExp[]  console/page errors matching one are tolerated (pass a list
//                                   as [[/a/, /b/], {}]: Playwright reads [x, {..}] as value + options)
//   allowedOrigins: string[]        further origins that requests may go to
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

export const test = base.extend({
  allowedConsoleErrors: [[], { option: true }],
  allowedOrigins: [[], { option: true }],

  page: async ({ page, baseURL, allowedConsoleErrors, allowedOrigins }, use) => {
    const origins = new Set([new URL(baseURL).origin, ...allowedOrigins]);
    const errors = [];
    const foreign = [];
    const tolerated = (text) => allowedConsoleErrors.some((re) => re.test(text));

    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const { url, lineNumber } = msg.location();
      const text = `console.error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`;
      if (!tolerated(text)) errors.push(text);
    });
    page.on('pageerror', (err) => {
      const text = `pageerror: ${err.stack || err.message}`;
      if (!tolerated(text)) errors.push(text);
    });
    // On the context, so requests of workers and service workers count too.
    const onRequest = (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      let origin;
      try {
        origin = new URL(url).origin;
      } catch {
        origin = url;
      }
      if (!origins.has(origin)) foreign.push(`${req.method()} ${url}`);
    };
    page.context().on('request', onRequest);

    await use(page);

    page.context().off('request', onRequest);
    expect.soft(errors, `console or page errors:\n  ${errors.join('\n  ')}`).toEqual([]);
    expect.soft(foreign, `requests to another origin than ${[...origins].join(', ')}:\n  ${foreign.join('\n  ')}`).toEqual([]);
  },
});

/** Opens the app with an optional query ("sim=esim&op=nar" or "?sim=esim") and waits for it to mount. */
export async function gotoApp(page, query = '') {
  const q = query === '' ? '' : query.startsWith('?') ? query : `?${query}`;
  await page.goto(`/${q}`);
  await page.waitForSelector('[data-testid=paths], [data-testid=no-path]', { state: 'attached' });
}

/**
 * Holds the requests matching `pattern` (a page.route glob) until the returned function
 * is called, then lets them go: a file that arrives late. The service worker must be
 * blocked (it would answer from its cache first).
 */
export async function holdRequests(page, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Runs axe-core on the page (or `include` selector) and asserts zero violations. */
export async function expectNoAxeViolations(page, { include, disableRules = [] } = {}) {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  if (disableRules.length) builder = builder.disableRules(disableRules);
  const { violations } = await builder.analyze();
  const report = violations
    .map((v) =>
      [
        `${v.id} [${v.impact}] ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.map((n) => `  - ${n.target.join(' ')}\n      ${n.html.length > 300 ? `${n.html.slice(0, 300)}…` : n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n\n');
  expect(violations.length, `axe-core found ${violations.length} violation(s) on ${page.url()}:\n\n${report}\n`).toBe(0);
}

/** The picker's input: a radio (name + value) or, without value, the checkbox `name`. */
export function pickerInput(page, name, value) {
  return value === undefined
    ? page.locator(`input[name="${name}"]`)
    : page.locator(`input[name="${name}"][value="${value}"]`);
}

/** Clicks the label of an input, as a person would (the inputs are styled as chips). */
async function clickLabel(page, input, name, value) {
  const id = await input.getAttribute('id');
  const own = value === undefined ? `input[name="${name}"]` : `input[name="${name}"][value="${value}"]`;
  const selector = `label:has(${own})` + (id ? `, label[for="${id}"]` : '');
  await page.locator(selector).first().click();
}

/** Chooses radio `name` = `value` by clicking its label. */
export async function choose(page, name, value) {
  const input = pickerInput(page, name, value);
  await clickLabel(page, input, name, value);
  await expect(input).toBeChecked();
}

/** Sets checkbox `name` to `checked` by clicking its label when needed. */
export async function setChecked(page, name, checked) {
  const input = pickerInput(page, name);
  if ((await input.isChecked()) !== checked) await clickLabel(page, input, name);
  await expect(input).toBeChecked({ checked });
}

/** data-channel ids of the feasible paths, in rank order. */
export function feasibleIds(page) {
  return page.locator('[data-testid=paths] > li[data-channel]').evaluateAll((els) => els.map((e) => e.dataset.channel));
}

/** data-channel ids of the "not for you now" paths. */
export function blockedIds(page) {
  return page.locator('[data-testid=blocked] > li[data-channel]').evaluateAll((els) => els.map((e) => e.dataset.channel));
}

/** Waits until the URL query has all the given parameters. */
export async function expectQuery(page, params) {
  for (const [key, value] of Object.entries(params)) {
    await expect.poll(() => new URL(page.url()).searchParams.get(key), { message: `URL query ${key}` }).toBe(value);
  }
}

const MAX_TABS = 250;

/** A short description of the focused element, for messages. */
export const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const name = e.getAttribute('name');
    return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${name ? `[name=${name}][value=${e.getAttribute('value')}]` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
  });

/**
 * Presses Tab until the focused element matches `selector` (continuing from wherever
 * focus is, wrapping past the end of the page); fails after MAX_TABS presses.
 */
export async function tabTo(page, selector, what = selector) {
  const seen = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    if (seen.length < 60) seen.push(await focused(page));
  }
  throw new Error(`${what} (${selector}) not reached in ${MAX_TABS} Tab presses; focus went through:\n  ${seen.join('\n  ')}`);
}
