// Size budgets of the release build (the dist/ that the other specs test, E2E_DIST), measured
// by scripts/sizes.mjs exactly as the benchmark report (scripts/bench.sh) does: each file
// compressed on its own with brotli quality 11.
//   critical path (index.html + its CSS + boot JS + wasm-bindgen JS + wasm + the largest
//   pack's first part and essentials' texts)                     <= BUDGETS.criticalPath
//   first load (the critical path + the largest pack's second part) <= BUDGETS.firstLoad
//   shell (index.html + CSS, what paints before the wasm arrives)       <= 14 KiB brotli
// The lower goals are TARGETS (scripts/sizes.mjs), reported beside them.
import { test, expect, gotoApp } from './fixtures.mjs';
import { assetSizes, checkBudgets, firstLoad, fmtBytes } from '../scripts/sizes.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';

test.describe('size budgets (brotli)', () => {
  test('critical path, first load and shell fit their budgets', async () => {
    const { files } = await firstLoad(DIST);
    const kinds = new Set(files.map((f) => f.kind));
    // The measurement found what index.html loads: HTML, CSS, JS, wasm and a language pack.
    expect([...kinds].sort(), `first-load files found: ${files.map((f) => f.file).join(', ')}`).toEqual(['css', 'data', 'html', 'js', 'wasm']);
    // Both parts of the pack: the first on the critical path, the second after it. The
    // sources' quotes (lang/evidence-*) wait until a reader opens them.
    const packs = files.filter((f) => f.file.endsWith('.bin'));
    const counted = Object.fromEntries(packs.map((f) => [f.file.replace(/-[0-9a-f]{16}\.bin$/, ''), f.critical]));
    expect(counted, `packs counted: ${packs.map((f) => f.file).join(', ')}`).toEqual({ 'lang/ru': true, 'lang/ru-more': false });
    const lines = files.map((f) => `  ${f.kind.padEnd(4)} ${f.file}: ${fmtBytes(f.brotli)}`).join('\n');
    for (const b of await checkBudgets(DIST)) {
      const goal = b.target ? ` (goal ${fmtBytes(b.target)}: ${b.actual <= b.target ? 'met' : `not met, ${fmtBytes(b.actual - b.target)} to go`})` : '';
      console.log(`budget ${b.name}: ${fmtBytes(b.actual)} of ${fmtBytes(b.budget)}${goal}`);
      expect
        .soft(b.actual, `${b.what} is ${fmtBytes(b.actual)}, over its budget of ${fmtBytes(b.budget)} by ${fmtBytes(b.actual - b.budget)}\n${lines}`)
        .toBeLessThanOrEqual(b.budget);
    }
  });

  // The budgets count brotli bytes: this checks that they are what crosses the wire. Each
  // file of the first load, language packs included (both parts), comes from the
  // project's static server with brotli, exactly the size scripts/sizes.mjs counts.
  test('what the first load sends over the wire is the brotli size counted', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
    const page = await context.newPage();
    const sent = new Map();
    page.on('requestfinished', async (req) => {
      const file = decodeURIComponent(new URL(req.url()).pathname.slice(1)) || 'index.html';
      const res = await req.response();
      sent.set(file, { encoding: res?.headers()['content-encoding'], bytes: (await req.sizes()).responseBodySize });
    });
    await gotoApp(page, '?lang=ru');
    // The pack's second part arrives after the first paint.
    const packs = () => [...sent.keys()].filter((f) => /^lang\/ru-/.test(f)).length;
    await expect.poll(packs, { message: 'both parts of the Russian pack fetched' }).toBe(2);
    const sizes = new Map((await assetSizes(DIST)).map((a) => [a.file, a]));
    const { files } = await firstLoad(DIST);
    const expected = [...files.map((f) => f.file), ...[...sent.keys()].filter((f) => f.startsWith('lang/'))];
    for (const file of new Set(expected)) {
      const wire = sent.get(file);
      expect.soft(wire, `${file} was not fetched`).toBeTruthy();
      if (!wire || file === 'index.html') continue; // the HTML was fetched as the document
      expect.soft(wire.encoding, `${file}: Content-Encoding`).toBe('br');
      expect.soft(wire.bytes, `${file}: bytes on the wire vs brotli size`).toBe(sizes.get(file).brotli);
    }
    await context.close();
  });
});

