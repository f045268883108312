//! Native benchmark of the ranking engine, run by `scripts/bench.sh`:
//!
//! ```sh
//! cargo run --release --example bench_rank     # prints one JSON object
//! ```
//!
//! Ranks every input combination (`Query::every()`, as crates/domain/tests/ranking.rs does: 4 SIM choices × 8 operator choices × 6 payments × online × in
//! Azerbaijan × 2 plans = 1,536 queries) in a plain timed loop: a warm-up pass, then
//! `BENCH_PASSES` (default 200) timed passes over all of them, and reports the median and
//! fastest pass and the time per query. Also times decoding the English
//! language pack (what the app does at start-up).

use std::hint::black_box;
use std::time::Instant;

use azsim::domain::{rank, Lang, Query};
use azsim::i18n::{decode, PACK_BYTES};

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn main() {
    let passes: usize = std::env::var("BENCH_PASSES")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(200);

    let mut load_ms = Vec::new();
    let mut catalog = None;
    for _ in 0..20 {
        let t = Instant::now();
        let c = decode(PACK_BYTES[Lang::En as usize])
            .unwrap_or_else(|e| panic!("pack: {e:?}"))
            .catalog;
        load_ms.push(t.elapsed().as_secs_f64() * 1e3);
        catalog = Some(c);
    }
    let catalog = catalog.expect("loaded at least once");
    load_ms.sort_by(f64::total_cmp);

    let queries = Query::every();
    // Warm-up pass; also counts what the engine returns.
    let (mut feasible, mut blocked) = (0usize, 0usize);
    for q in &queries {
        let r = rank(&catalog, q);
        feasible += r.paths.len();
        blocked += r.blocked.len();
    }

    let mut pass_ms = Vec::with_capacity(passes);
    for _ in 0..passes {
        let t = Instant::now();
        for q in &queries {
            black_box(rank(black_box(&catalog), black_box(q)));
        }
        pass_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    pass_ms.sort_by(f64::total_cmp);
    let med = median(&pass_ms);

    let report = serde_json::json!({
        "queries": queries.len(),
        "passes": passes,
        "pass_ms_median": med,
        "pass_ms_min": pass_ms[0],
        "pass_ms_max": pass_ms[pass_ms.len() - 1],
        "per_query_us_median": med * 1e3 / queries.len() as f64,
        "feasible_paths": feasible,
        "blocked_paths": blocked,
        "catalog_load_ms_median": median(&load_ms),
    });
    println!("{report}");
}
