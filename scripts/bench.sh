#!/usr/bin/env bash
# Benchmark of AzSIM (README.md, "Benchmark"): builds the release and the Leptos baseline
# (bench/baseline/) into a scratch folder, times the native ranking engine, serves both
# builds on 127.0.0.1 and measures them in headless Chromium; writes bench-report/report.md
# and bench-report/report.json. Takes about 2 minutes once the builds are warm.
#
#   bash scripts/bench.sh
#   BENCH_DIR=/tmp/x BENCH_PORT=4471 BENCH_RUNS=5 BENCH_TAPS=50 bash scripts/bench.sh
#
# BENCH_DIR   scratch folder for the two builds (default: a folder under $TMPDIR or /tmp)
# BENCH_PORT  first of the local ports used (default 4471: 4471 and 4473)
# BENCH_RUNS  cold loads of each page (default 5, the median is reported)
# BENCH_TAPS  taps for the interaction latency (default 50)
# BENCH_WIRE  br (default: served with brotli, as a real host) or identity
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO"

BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/azsim-bench}"
BENCH_PORT="${BENCH_PORT:-4471}"
OUT="$REPO/bench-report"
mkdir -p "$BENCH_DIR" "$OUT"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"

say() { printf 'bench: %s\n' "$*"; }

bash scripts/setup.sh
cargo fetch --quiet --manifest-path bench/baseline/Cargo.toml

say "trunk build --release --dist $BENCH_DIR/dist"
trunk build --release --dist "$BENCH_DIR/dist"
say "baseline: trunk build --release --dist $BENCH_DIR/baseline"
(cd bench/baseline && trunk build --release --dist "$BENCH_DIR/baseline")

say "ranking engine: cargo run --release --example bench_rank"
cargo run --quiet --release --example bench_rank >"$BENCH_DIR/rank.json"

node scripts/bench.mjs \
  --app-dist "$BENCH_DIR/dist" \
  --base-dist "$BENCH_DIR/baseline" \
  --rank "$BENCH_DIR/rank.json" \
  --port "$BENCH_PORT" \
  --out "$OUT"
