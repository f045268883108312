// End-to-end tests against the release build (dist/), served by scripts/static-server.mjs.
// Uses Debian's Chromium; never run `playwright install`. With E2E_DEBUG_BUILD=1 (and
// E2E_DIST pointing at a `trunk build` without --release), only the debug build's spec
// runs: the smoke flows, with the reactive graph's debug warnings watched.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
};

export default defineConfig({
  testDir: 'e2e',
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: process.env.E2E_DEBUG_BUILD ? [
    { name: 'debug-build', testMatch: /debug-build\.spec\.mjs$/, use: { ...chromium, timezoneId: 'Asia/Baku' } },
  ] : [
    {
      name: 'chromium',
      testIgnore: /debug-build\.spec\.mjs$/,
      // Azerbaijan's zone (UTC+4, no daylight saving), set explicitly: the machine's
      // zone must not change what the tests see.
      use: { ...chromium, timezoneId: 'Asia/Baku' },
    },
    {
      // A zone with daylight saving, for the specs that handle dates and times (their
      // axe-core runs do not depend on the zone: the default project has them).
      name: 'chromium-new-york',
      testMatch: /(reminders|faults)\.spec\.mjs$/,
      grepInvert: /axe-core/,
      use: { ...chromium, timezoneId: 'America/New_York' },
    },
  ],
  webServer: {
    command: `node scripts/static-server.mjs ${DIST} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
