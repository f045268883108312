// The Chromium every browser test and measurement runs: Debian's (never `playwright
// install`), with the flags that keep it quiet and on this machine.

/** The browser binary: $CHROME_PATH, else Debian's Chromium. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags for headless runs: no sandbox (root in CI), no GPU, none of Chromium's own traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
