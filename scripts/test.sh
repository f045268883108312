#!/usr/bin/env bash
# Runs every test of AzSIM, stage by stage; stops at the first failure.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

STAGES=()
TIMES=()
T_ALL=$EPOCHREALTIME

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

stage() {
  local name="$1"; shift
  local t0=$EPOCHREALTIME status=0
  printf '\n==> [%d] %s\n' "$(( ${#STAGES[@]} + 1 ))" "$name"
  printf '    $ %s\n' "$*"
  "$@" || status=$?
  local secs; secs="$(elapsed "$t0")"
  STAGES+=("$name"); TIMES+=("$secs")
  if [ "$status" -ne 0 ]; then
    printf '\n!!! FAILED: %s (exit %d, %s s)\n' "$name" "$status" "$secs" >&2
    exit "$status"
  fi
  printf '<== %s ok (%s s)\n' "$name" "$secs"
}

# The domain crate knows no browser: none of its dependencies, for any target, is one.
domain_knows_no_browser() {
  local tree
  tree="$(cargo tree -p azsim-domain -e normal,build --target all --prefix none)" || return 1
  if grep -E '^(web-sys|js-sys|wasm-bindgen|leptos|gloo)' <<<"$tree"; then
    echo "crates/domain depends on the browser crates above" >&2
    return 1
  fi
  echo "azsim-domain: $(sort -u <<<"$tree" | wc -l) crates, none of them a browser crate"
}

check_dist() {
  [ -f dist/index.html ] || { echo "dist/index.html missing after trunk build" >&2; return 1; }
}

stage "setup" bash scripts/setup.sh
stage "rustfmt" cargo fmt --all -- --check
stage "the domain crate knows no browser (cargo tree)" domain_knows_no_browser
stage "clippy (native)" cargo clippy --all-targets -- -D warnings
stage "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
stage "unit tests (native)" cargo test
stage "embed loader and build hook tests (node)" node --test tests/embed-message.test.mjs tests/post-build.test.mjs
# The same wasm-bindgen-test suite in each engine. wasm-bindgen-test-runner picks the
# browser from the driver variable it finds (GECKODRIVER before CHROMEDRIVER), so each
# stage sets only its own. WebKitWebDriver has no headless mode: it gets a virtual display.
stage "browser unit tests (wasm32, headless Chromium)" cargo test --target wasm32-unknown-unknown --test browser
stage "browser unit tests (wasm32, headless Firefox)" \
  env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" cargo test --target wasm32-unknown-unknown --test browser
stage "browser unit tests (wasm32, WebKitGTK under Xvfb)" \
  env -u CHROMEDRIVER SAFARIDRIVER=/usr/bin/WebKitWebDriver xvfb-run -a cargo test --target wasm32-unknown-unknown --test browser
stage "trunk build --release" trunk build --release
stage "dist present" check_dist
stage "end-to-end (Playwright, Chromium)" playwright test
# A debug build (debug assertions on) runs the smoke flows: the reactive graph warns there
# about a tracked signal read outside a tracking context, and a button whose action its
# section does not know stops the app.
stage "trunk build (debug, into dist-debug)" trunk build --dist dist-debug
stage "smoke flows in the debug build (no reactive-graph warning)" \
  env E2E_DEBUG_BUILD=1 E2E_DIST=dist-debug E2E_PORT=4183 playwright test
stage "end-to-end (WebDriver, Firefox ESR headless)" env WD_ENGINE=firefox node --test e2e-webdriver/
stage "end-to-end (WebDriver, WebKitGTK under Xvfb)" env WD_ENGINE=webkit node --test e2e-webdriver/
stage "Lighthouse (mobile; a11y 100, best practices 100, SEO >= 90, perf >= 95)" node scripts/lighthouse.mjs

printf '\n==> timings\n'
for i in "${!STAGES[@]}"; do
  printf '  %8s s  %s\n' "${TIMES[$i]}" "${STAGES[$i]}"
done
printf '  %8s s  total\n' "$(elapsed "$T_ALL")"
printf '\nall %d stages passed\n' "${#STAGES[@]}"
