//! The language packs as `build.rs` writes them: each holds the shipped
//! catalog in its language (the first part what the ranked paths need, the
//! second the rest but the quoted claims, which travel once for all four), and
//! decoding any bytes, the shipped packs damaged or cut short, never panics.
//! Property tests; `PROPTEST_CASES=N` overrides every count.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;

use azsim::domain::catalog::EMBEDDED_FILES;
use azsim::domain::evidence::Claim;
use azsim::domain::{rank, Catalog, Lang, Query};
use azsim::i18n;

/// The shipped catalog (all four languages), as `data/` holds it.
fn shipped() -> Catalog {
    Catalog::from_files(&EMBEDDED_FILES).expect("the shipped catalog is valid")
}

/// `cases` per property, or `PROPTEST_CASES` for a longer run.
fn config(cases: u32) -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok());
    ProptestConfig::with_cases(asked.unwrap_or(cases))
}

#[test]
fn each_language_pack_holds_the_json_catalog_in_that_language() {
    use azsim::domain::typography::polish;
    let full = shipped();
    let ids = |c: &Catalog| {
        c.channels
            .iter()
            .map(|ch| ch.id.0.clone())
            .collect::<Vec<_>>()
    };
    for lang in Lang::ALL {
        let packed = &i18n::pack(lang).expect("built-in pack").catalog;
        assert_eq!(ids(packed), ids(&full));
        assert_eq!(packed.checked, full.checked);
        for (p, f) in packed.channels.iter().zip(&full.channels) {
            // The pack's text is the JSON's, polished (domain::typography).
            let name = polish(lang, f.name.get(lang));
            assert_eq!(p.name.get(lang), name, "{lang:?} {}", f.id.0);
            let steps = |c: &azsim::domain::catalog::Channel| {
                c.steps
                    .iter()
                    .map(|s| polish(lang, s.get(lang)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(steps(p), steps(f), "{lang:?} {}", f.id.0);
        }
    }
}

#[test]
fn the_quotes_travel_once_apart_from_the_packs() {
    let c = shipped();
    assert!(!c.evidence.is_empty());
    // Each claim, without the editors' reason for an assumption.
    let shown = |claim: &Claim| Claim {
        assumption: None,
        ..claim.clone()
    };
    let quoted = i18n::evidence().expect("quoted claims");
    assert!(!quoted.is_empty() && quoted.iter().all(|q| !q.is_assumption()));
    assert!(i18n::EVIDENCE_FILE.starts_with("lang/evidence-"));
    for lang in Lang::ALL {
        let more = i18n::more(lang).expect("second part");
        // The second part has the claims no source states, the file the
        // quoted ones: together, every claim in the catalog's order.
        assert!(!more.evidence.is_empty(), "{lang:?}");
        assert!(more.evidence.iter().all(Claim::is_assumption), "{lang:?}");
        assert!(
            more.evidence.iter().all(|c| c.assumption.is_none()),
            "{lang:?}"
        );
        let mut both: Vec<&Claim> = more.evidence.iter().chain(quoted).collect();
        let order = |claim: &Claim| c.evidence.iter().position(|e| shown(e) == *claim);
        both.sort_by_key(|claim| order(claim));
        let all: Vec<Claim> = c.evidence.iter().map(shown).collect();
        assert_eq!(
            both.into_iter().cloned().collect::<Vec<_>>(),
            all,
            "{lang:?}"
        );
        assert_eq!(more.sources.len(), c.sources.len());
        let first = &i18n::pack(lang).expect("pack").catalog;
        assert!(first.evidence.is_empty() && first.sources.is_empty());
    }
    // Cut short, the file does not decode (and does not panic).
    let bytes = i18n::EVIDENCE_BYTES;
    let cut = &bytes[..bytes.len() / 2];
    let decoded: Result<Catalog, _> = postcard::from_bytes(cut);
    assert!(decoded.is_err());
}

/// Each language's pack as `build.rs` wrote it (UI strings and the catalog
/// in postcard), the bytes the app fetches.
fn packs() -> &'static [Vec<u8>; 4] {
    static PACKS: OnceLock<[Vec<u8>; 4]> = OnceLock::new();
    PACKS.get_or_init(|| {
        std::array::from_fn(|i| {
            let path = std::path::Path::new(env!("OUT_DIR")).join(i18n::PACK_FILES[i]);
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
    })
}

/// Decodes a pack; what decodes must be usable: validating and ranking its
/// catalog does not panic (the app does not validate it again).
fn assert_pack_decodes_soundly(bytes: &[u8]) -> Result<(), TestCaseError> {
    match i18n::decode(bytes) {
        Ok(pack) => {
            let _ = pack.catalog.validate();
            for q in [Query::default(), Query::every()[777]] {
                let _ = rank(&pack.catalog, &q);
            }
        }
        Err(e) => prop_assert!(!e.0.is_empty()),
    }
    Ok(())
}

#[test]
fn the_shipped_packs_decode() {
    for (lang, bytes) in Lang::ALL.into_iter().zip(packs()) {
        let pack = i18n::decode(bytes).unwrap_or_else(|e| panic!("{lang:?}: {}", e.0));
        assert!(pack.catalog.channels.len() >= 20, "{lang:?}");
    }
    assert!(i18n::decode(&[]).is_err());
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn pack_decode_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        assert_pack_decodes_soundly(&bytes)?;
    }

    #[test]
    fn a_truncated_pack_is_an_error(lang in 0usize..4, cut in any::<Index>()) {
        // Every byte is read: any strict prefix runs out.
        let bytes = &packs()[lang];
        let len = cut.index(bytes.len());
        if i18n::decode(&bytes[..len]).is_ok() {
            return Err(TestCaseError::fail(format!("{len} of {} bytes decoded", bytes.len())));
        }
    }

    #[test]
    fn a_damaged_pack_never_panics(
        lang in 0usize..4,
        flips in prop::collection::vec((any::<Index>(), 1u8..=255), 1..6),
        cut in prop::option::of((any::<Index>(), 0usize..64)),
    ) {
        let mut bytes = packs()[lang].clone();
        for (at, x) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= x;
        }
        if let Some((at, n)) = cut {
            let i = at.index(bytes.len());
            bytes.drain(i..(i + n).min(bytes.len()));
        }
        assert_pack_decodes_soundly(&bytes)?;
    }
}
