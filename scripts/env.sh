# shellcheck shell=bash
# Sourced (never executed) by the other scripts in scripts/. Puts the project's own
# tools first on PATH: node_modules/.bin (wasm-opt from npm binaryen, playwright) and
# ~/.cargo/bin (trunk, wasm-bindgen, wasm-bindgen-test-runner). The exports reach only
# the sourcing script and its children, never the caller's shell.
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO
export PATH="$REPO/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export TRUNK_OFFLINE=true
# Playwright runs Debian's Chromium (/usr/bin/chromium): never download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
