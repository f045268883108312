// Size budgets of the release build (the dist/ that the other specs test, E2E_DIST), measured
// by scripts/sizes.mjs exactly as the benchmark report (scripts/bench.sh) does: each file
// compressed on its own with brotli quality 11.
//   first load (index.html + its CSS + boot JS + wasm-bindgen JS + wasm + the largest
//   language pack) <= BUDGETS.firstLoad, 150 KiB (the lower goal is TARGETS; see scripts/sizes.mjs)
//   shell (index.html + CSS, what paints before the wasm arrives)       <= 14 KiB brotli
import { test, expect } from './fixtures.mjs';
import { checkBudgets, firstLoad, fmtBytes } from '../scripts/sizes.mjs';

const DIST = process.env.E2E_DIST ?? 'dist';

test.describe('size budgets (brotli)', () => {
  test('first load and shell fit their budgets', async () => {
    const { files } = await firstLoad(DIST);
    const kinds = new Set(files.map((f) => f.kind));
    // The measurement found what index.html loads: HTML, CSS, JS, wasm and a language pack.
    expect([...kinds].sort(), `first-load files found: ${files.map((f) => f.file).join(', ')}`).toEqual(['css', 'data', 'html', 'js', 'wasm']);
    const lines = files.map((f) => `  ${f.kind.padEnd(4)} ${f.file}: ${fmtBytes(f.brotli)}`).join('\n');
    for (const b of await checkBudgets(DIST)) {
      const goal = b.target ? ` (goal ${fmtBytes(b.target)}: ${b.actual <= b.target ? 'met' : `not met, ${fmtBytes(b.actual - b.target)} to go`})` : '';
      console.log(`budget ${b.name}: ${fmtBytes(b.actual)} of ${fmtBytes(b.budget)}${goal}`);
      expect
        .soft(b.actual, `${b.what} is ${fmtBytes(b.actual)}, over its budget of ${fmtBytes(b.budget)} by ${fmtBytes(b.actual - b.budget)}\n${lines}`)
        .toBeLessThanOrEqual(b.budget);
    }
  });
});
