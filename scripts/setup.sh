#!/usr/bin/env bash
# Installs what AzSIM's build and tests need, and only what is missing or at the wrong
# version. Idempotent; takes seconds when everything is present. Exports nothing:
# scripts that need the tools source scripts/env.sh.
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
NODE_MAJOR_MIN=20
T0=$EPOCHREALTIME

say() { printf 'setup: %s\n' "$*"; }
# cargo_tool CRATE VERSION FOUND TIME: installs CRATE at VERSION from crates.io unless
# FOUND (the version on PATH) is it; TIME says how long an install takes.
cargo_tool() {
  if [ "$3" = "$2" ]; then
    say "$1 $2 present, skipped"
  else
    say "installing $1 $2 (found: ${3:-none}; takes ~$4)"
    cargo install "$1" --version "$2" --locked --force
  fi
}
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi

# --- Rust toolchain (comes with the machine; rustup cannot download here) -------------
command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
command -v rustup >/dev/null || die "rustup not found"

installed_components="$(rustup component list --installed)"
for comp in rustfmt clippy; do
  if grep -q "^$comp" <<<"$installed_components"; then
    say "$comp present, skipped"
  else
    say "installing rustup component $comp"
    rustup component add "$comp"
  fi
done

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target present, skipped"
else
  say "adding target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- Trunk ---------------------------------------------------------------------------
cargo_tool trunk "$TRUNK_VERSION" "$(trunk --version 2>/dev/null | awk '{print $2}' || true)" "6 min"

# --- wasm-bindgen-cli: must equal the wasm-bindgen crate in Cargo.lock ----------------
[ -f Cargo.lock ] || die "Cargo.lock missing"
WB_VERSION="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { name = $3; gsub(/"/, "", name) }
  /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_wbtr="$(command -v wasm-bindgen-test-runner || true)"
if [ "$have_wb" = "$WB_VERSION" ] && [ -n "$have_wbtr" ]; then
  say "wasm-bindgen-cli $WB_VERSION present, skipped"
else
  say "installing wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none}; takes ~2 min)"
  # Without --locked: the crate's locked dependency set does not build.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# --- Debian packages: Chromium + chromedriver, Firefox ESR, WebKitGTK's WebDriver and
# its X server (WebKitWebDriver has no headless mode), brotli for size reports ---------
apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver)
[ -x /usr/bin/firefox-esr ] || apt_missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || apt_missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || apt_missing+=(xvfb)
command -v brotli >/dev/null || apt_missing+=(brotli)
# Chinese glyphs for the screenshots people look at (without them zh renders as boxes).
[ -d /usr/share/fonts/opentype/noto ] || apt_missing+=(fonts-noto-cjk)
if [ ${#apt_missing[@]} -eq 0 ]; then
  say "chromium, chromedriver, firefox-esr, WebKitWebDriver, xvfb, brotli, CJK fonts present, skipped"
else
  say "apt-get install ${apt_missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}"
fi

# --- geckodriver (Firefox's WebDriver) from crates.io ---------------------------------
cargo_tool geckodriver "$GECKODRIVER_VERSION" "$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }' || true)" "90 s"

# --- Node packages (Playwright, axe-core, wasm-opt from binaryen@132) -----------------
command -v node >/dev/null || die "node not found (Node >= $NODE_MAJOR_MIN needed)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge "$NODE_MAJOR_MIN" ] || die "Node $node_major found, >= $NODE_MAJOR_MIN needed"
[ -f package-lock.json ] || die "package-lock.json missing"
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
  && wasm-opt --version 2>/dev/null | grep -q 'version_132'; then
  say "node_modules up to date, skipped"
else
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
command -v wasm-opt | grep -q "^$REPO/node_modules/.bin/" || die "wasm-opt is not the npm binaryen one"

# --- Rust crates ---------------------------------------------------------------------
say "cargo fetch"
cargo fetch --quiet

say "done in $(awk -v a="$T0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }')"
