// The catalog's truth as a user meets it: the line's lifecycle and what happens when
// data runs out (in every language), the sources' quotes (opened under each source list)
// and the claims no source states, a source's age, and "Report a mistake".
import { readFileSync } from 'node:fs';
import { test, expect, gotoApp, expectNoAxeViolations, holdRequests } from './fixtures.mjs';

const data = (file) => JSON.parse(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8'));
const { facts } = data('line.json');
const channels = data('channels.json');
const notes = data('notes.json');
/** The verbatim quotes of an entry's evidence. */
const quotesOf = (entry) => Object.values(entry.evidence ?? {}).flatMap((e) => (Array.isArray(e) ? e.map((q) => q.quote) : []));

/** The facts of `topic` for `operator` (and those for every operator). */
const factsOf = (topic, operator) => facts.filter((f) => f.topic === topic && (!f.operator || f.operator === operator));
/** Text with runs of white space made one space, as both engines render it. */
const norm = (s) => s.replace(/\u2011/g, '-').replace(/\s+/g, ' ').trim();

for (const lang of ['zh', 'en', 'az', 'ru']) {
  test(`${lang}: what keeps a Nar and an Azercell line alive, and what happens when data runs out`, async ({ page }) => {
    for (const op of ['nar', 'azercell', 'bakcell']) {
      await gotoApp(page, `sim=physical&op=${op}&pay=cash&lang=${lang}`);
      for (const [topic, heading] of [['lifecycle', '#lifecycle-heading'], ['data_out', '#data-out-heading']]) {
        const section = page.locator(`section:has(> ${heading})`);
        await expect(section).toBeVisible();
        const shown = norm(await section.locator('.facts-list').innerText());
        const expected = factsOf(topic, op);
        expect(expected.length, `${op} ${topic} facts`).toBeGreaterThan(0);
        for (const f of expected) expect(shown, `${op} ${topic}: ${f.id}`).toContain(norm(f.text[lang]));
        // Another operator's facts are not shown.
        const other = facts.find((f) => f.topic === topic && f.operator && f.operator !== op);
        if (other) expect(shown).not.toContain(norm(other.text[lang]));
      }
    }
    // Credit and transfers: Nar says neither keeps the line alive.
    await gotoApp(page, `sim=physical&op=nar&pay=cash&lang=${lang}`);
    const lifecycle = norm(await page.locator('section:has(> #lifecycle-heading)').innerText());
    for (const id of ['nar_credit_transfer_no_extend']) {
      const fact = facts.find((f) => f.id === id);
      expect(fact, id).toBeTruthy();
      expect(lifecycle).toContain(norm(fact.text[lang]));
    }
    await expectNoAxeViolations(page);
  });
}

/** Opens the quotes box of `scope`'s first source list and waits for its quotes. */
async function openQuotes(scope) {
  const box = scope.locator('.source-list[data-filled] .quotes-box').first();
  await box.locator('summary').click();
  await expect(box.locator('.quotes-body[data-filled]')).toBeAttached();
  return box;
}

test.describe('the evidence (the sources\' quotes)', () => {
  // The service worker would answer from its cache before page.route could.
  test.use({ serviceWorkers: 'block' });

  test('is fetched once, when a reader first opens the quotes, in any language', async ({ page }) => {
    const fetched = [];
    page.on('request', (req) => {
      const file = new URL(req.url()).pathname.match(/lang\/(.+)-[0-9a-f]{16}\.bin$/)?.[1];
      if (file) fetched.push(file);
    });
    await gotoApp(page, 'sim=physical&op=nar&pay=cash');
    const first = page.locator('[data-testid=paths] > li[data-channel]').first();
    // The sources and the claims no source states show without the quotes.
    await expect(first.locator('.source-list[data-filled] .sources > li').first()).toBeVisible();
    await expect(first.locator('.quotes-box')).not.toHaveAttribute('open');
    expect(fetched).toEqual(['en', 'en-more']);
    const box = await openQuotes(first);
    await expect(box.locator('.quotes li q').first()).toBeVisible();
    await expect(box.locator('.quotes-body')).not.toHaveAttribute('aria-busy');
    expect([...new Set(fetched)]).toEqual(['en', 'en-more', 'evidence']);
    await page.locator('#lang').selectOption('ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const again = await openQuotes(page.locator('[data-testid=paths] > li[data-channel]').first());
    await expect(again.locator('.quotes .orig').first()).toHaveText(/[а-я]{4}/);
    // The choice starts the reminders module, to save it; the module asks for
    // the same two parts again, which the browser has (cache or service worker).
    await expect(page.locator('#reminders-heading')).toHaveText(/[а-я]{4}/);
    expect([...new Set(fetched)]).toEqual(['en', 'en-more', 'evidence', 'ru', 'ru-more']);
    expect(fetched.filter((f) => f === 'evidence')).toHaveLength(1);
  });

  test('say "Loading…" while they come', async ({ page }) => {
    const release = await holdRequests(page, '**/lang/evidence-*.bin');
    await gotoApp(page, 'sim=physical&op=azercell&pay=cash');
    const first = page.locator('[data-testid=paths] > li[data-channel]').first();
    const box = first.locator('.source-list[data-filled] .quotes-box').first();
    await box.locator('summary').press('Enter');
    await expect(box.locator('.quotes-body')).toHaveAttribute('aria-busy', 'true');
    await expect(box.locator('.quotes-body [role=status]')).toHaveText('Loading…');
    release();
    await expect(box.locator('.quotes li q').first()).toBeVisible();
    await expect(box.locator('.quotes-body')).not.toHaveAttribute('aria-busy');
    await expect(box.locator('.quotes-body [role=status]')).toHaveText('');
    await expectNoAxeViolations(page);
  });

  test.describe('when they cannot come', () => {
    // The failed request is logged by the browser.
    test.use({ allowedConsoleErrors: [[/lang\/evidence-[0-9a-f]{16}\.bin/], {}] });

    test('say so, and try again on the next opening', async ({ page }) => {
    // A closed card's quotes, with the network failing.
    await page.route('**/lang/evidence-*.bin', (route) => route.abort());
    await gotoApp(page, 'sim=physical&op=azercell&pay=cash');
    const second = page.locator('[data-testid=paths] > li[data-channel]').nth(1).locator(':scope > details');
    await second.locator(':scope > summary').click();
    const secondBox = second.locator('.source-list[data-filled] .quotes-box').first();
    await secondBox.locator('summary').click();
    await expect(secondBox.locator('.quotes-body [role=status]')).toContainText('could not be loaded');
    await expect(secondBox.locator('.quotes-body')).not.toHaveAttribute('aria-busy');
    await page.unroute('**/lang/evidence-*.bin');
    await secondBox.locator('summary').click();
    await secondBox.locator('summary').click();
    await expect(secondBox.locator('.quotes li q').first()).toBeVisible();
    await expect(secondBox.locator('.quotes-body')).not.toHaveAttribute('aria-busy');
    await expect(secondBox.locator('.quotes-body [role=status]')).toHaveText('');
    });
  });
});

test('a path shows its sources\' quotes in the page\'s language and what no source states', async ({ page }) => {
  await gotoApp(page, 'sim=physical&op=nar&pay=cash&inaz=1');
  const first = page.locator('[data-testid=paths] > li[data-channel]').first();
  const id = await first.getAttribute('data-channel');
  const channel = channels.find((c) => c.id === id);
  // The path's own quotes and those of the warnings it shows.
  const warnings = Object.values(notes).flat().filter((n) => channel.warnings?.includes(n.id));
  const quotes = [channel, ...warnings].flatMap(quotesOf);
  await openQuotes(first);
  const shown = first.locator('.quotes li q');
  await expect(shown.first()).toBeVisible();
  for (const q of await shown.allTextContents()) expect(quotes.map(norm)).toContain(norm(q));
  // Each quote carries its page's language and says it is the original wording.
  await expect(first.locator('.quotes li q').first()).toHaveAttribute('lang', /^[a-z]{2}$/);
  await expect(first.locator('.quotes .orig').first()).toContainText('Original wording');
  // The claims about this path that no source states are listed as unconfirmed.
  const assumed = Object.entries(channel.evidence).filter(([, e]) => !Array.isArray(e));
  if (assumed.length) await expect(first.locator('.assumed .badge.unconfirmed')).toBeVisible();
  // How each source was checked, never "live" for a stored copy.
  await expect(first.locator('.sources > li').first()).toContainText('stored copy');
  // A closed card's sources and quotes are built when it is opened.
  const second = page.locator('[data-testid=paths] > li[data-channel]').nth(1);
  await expect(second.locator('.sources')).toHaveCount(0);
  await second.locator('details > summary').click();
  await expect(second.locator('.sources > li').first()).toBeVisible();
  // So are a fact's.
  const fact = page.locator('section:has(> #lifecycle-heading) .facts-list > li').first();
  await fact.locator('details > summary').click();
  await expect(fact.locator('.sources > li').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a source checked more than a year ago is flagged as possibly outdated', async ({ page }) => {
  await gotoApp(page, 'sim=physical&op=nar&pay=cash');
  const first = page.locator('[data-testid=paths] > li[data-channel]').first();
  await expect(first.locator('.sources > li').first()).toBeVisible();
  await expect(first.locator('.badge.stale')).toHaveCount(0);
  // Two years on, the same catalog's checks are stale.
  await page.clock.setSystemTime(new Date('2028-12-01T09:00:00+04:00'));
  await gotoApp(page, 'sim=physical&op=nar&pay=cash');
  await expect(page.locator('[data-testid=paths] > li[data-channel]').first().locator('.badge.stale').first()).toBeVisible();
});

test('"Report a mistake" copies a description of the path, and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoApp(page, 'sim=physical&op=azercell&pay=cash&lang=ru');
  const first = page.locator('[data-testid=paths] > li[data-channel]').first();
  const id = await first.getAttribute('data-channel');
  await first.locator('button[data-action=report]').click();
  const box = first.locator('.report-box');
  await expect(box.locator('[role=status]')).toHaveText(/Скопировано/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`entry: channel:${id}`);
  expect(copied).toContain('language: ru');
  expect(copied).toContain(norm(await first.locator('h3').innerText()).replace(/^\d+\s*/, ''));
  await expect(box.locator('pre')).toHaveText(copied.trim());
  await expectNoAxeViolations(page);
});
