//! Texts in four languages. `build.rs` checks `locales/*.json` and `data/`
//! and writes one *pack* per language: its UI strings and the catalog with
//! only its text. The app fetches just the pack it shows (see `packs`), so
//! the other three languages cost nothing until chosen; natively, the packs
//! are compiled in for the tests.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::catalog::{OperatorId, Payment};
use crate::domain::evidence::Claim;
use crate::domain::{Catalog, Lang};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// One language's texts: the first part's UI strings in [`Key`] order, and
/// the catalog with that language's text (the other languages' text is
/// empty) that the picker and the ranked paths need.
#[derive(Deserialize)]
pub struct Pack {
    strings: Vec<String>,
    /// The first part of the catalog (see `Catalog::split_for_packs`).
    pub catalog: Catalog,
}

/// A pack's second part: the UI strings of the sections that wait for it
/// (keys from [`FIRST_STRINGS`] on), and the rest of the catalog.
#[derive(Deserialize)]
struct More {
    strings: Vec<String>,
    catalog: Catalog,
}

/// The packs installed so far, by language.
static PACKS: [OnceLock<&'static Pack>; 4] = [const { OnceLock::new() }; 4];

/// The packs' second parts installed so far, by language.
static MORE: [OnceLock<&'static More>; 4] = [const { OnceLock::new() }; 4];

/// The validity rules installed so far, by language.
static VALIDITY: [OnceLock<&'static Catalog>; 4] = [const { OnceLock::new() }; 4];

/// The quoted claims, once installed (the same in every language).
static EVIDENCE: OnceLock<&'static [Claim]> = OnceLock::new();

/// Why a pack's bytes cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub struct PackError(pub String);

/// Bytes that do not decode as a pack. postcard's own messages are left
/// out: their text alone weighs about half a kilobyte of the wasm.
fn undecodable(_: postcard::Error) -> PackError {
    PackError("not a pack of this version of AzSIM (damaged or mismatched)".into())
}

/// Decodes a pack. Its content was checked before it was encoded, so only
/// damaged or mismatched bytes fail here, reported, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Pack, PackError> {
    let pack: Pack = postcard::from_bytes(bytes).map_err(undecodable)?;
    check_count(pack.strings.len(), FIRST_STRINGS)?;
    Ok(pack)
}

/// A part holds exactly the strings of its keys.
fn check_count(found: usize, expected: usize) -> Result<(), PackError> {
    if found == expected {
        return Ok(());
    }
    Err(PackError(format!("{found} strings, expected {expected}")))
}

/// Decodes and keeps `lang`'s pack for the rest of the session (a language
/// already installed keeps its first pack).
pub fn install(lang: Lang, bytes: &[u8]) -> Result<&'static Pack, PackError> {
    if let Some(pack) = PACKS[lang as usize].get() {
        return Ok(pack);
    }
    let pack: &'static Pack = Box::leak(Box::new(decode(bytes)?));
    Ok(PACKS[lang as usize].get_or_init(|| pack))
}

/// Decodes and keeps `lang`'s second part: the UI strings of the sections
/// that wait for it, and the catalog's sources, advice and facts (see
/// `Catalog::split_for_packs`; the validity rules travel apart, see
/// [`install_validity`]) and, as its `evidence`, the claims
/// no source states (the quoted ones travel apart, see [`install_evidence`]).
pub fn install_more(lang: Lang, bytes: &[u8]) -> Result<&'static Catalog, PackError> {
    if let Some(more) = MORE[lang as usize].get() {
        return Ok(&more.catalog);
    }
    let more: More = postcard::from_bytes(bytes).map_err(undecodable)?;
    check_count(more.strings.len(), Key::ALL.len() - FIRST_STRINGS)?;
    let more: &'static More = Box::leak(Box::new(more));
    Ok(&MORE[lang as usize].get_or_init(|| more).catalog)
}

/// Decodes and keeps `lang`'s validity rules (a catalog with only those:
/// the rules, their notes and what is unknown), for the calculator's answer.
pub fn install_validity(lang: Lang, bytes: &[u8]) -> Result<&'static Catalog, PackError> {
    if let Some(rules) = VALIDITY[lang as usize].get() {
        return Ok(rules);
    }
    let rules: &'static Catalog =
        Box::leak(Box::new(postcard::from_bytes(bytes).map_err(undecodable)?));
    Ok(VALIDITY[lang as usize].get_or_init(|| rules))
}

/// `lang`'s validity rules, if installed. Natively they are compiled in.
pub fn validity(lang: Lang) -> Option<&'static Catalog> {
    #[cfg(not(target_arch = "wasm32"))]
    if VALIDITY[lang as usize].get().is_none() {
        install_validity(lang, VALIDITY_BYTES[lang as usize]).expect("the built-in rules decode");
    }
    VALIDITY[lang as usize].get().copied()
}

/// Decodes and keeps the quoted claims: every claim a source states, with
/// its quotes (the same in every language, so installed once).
pub fn install_evidence(bytes: &[u8]) -> Result<&'static [Claim], PackError> {
    if let Some(claims) = EVIDENCE.get() {
        return Ok(claims);
    }
    // A catalog with only the quoted claims (see `build.rs`).
    let only: Catalog = postcard::from_bytes(bytes).map_err(undecodable)?;
    let claims: &'static [Claim] = Box::leak(only.evidence.into_boxed_slice());
    Ok(EVIDENCE.get_or_init(|| claims))
}

/// The quoted claims, if installed. Natively they are compiled in.
pub fn evidence() -> Option<&'static [Claim]> {
    #[cfg(not(target_arch = "wasm32"))]
    if EVIDENCE.get().is_none() {
        install_evidence(EVIDENCE_BYTES).expect("the built-in evidence decodes");
    }
    EVIDENCE.get().copied()
}

/// `lang`'s second part, if installed. Natively every one is compiled in.
fn more_part(lang: Lang) -> Option<&'static More> {
    #[cfg(not(target_arch = "wasm32"))]
    if MORE[lang as usize].get().is_none() {
        install_more(lang, MORE_BYTES[lang as usize]).expect("the built-in packs decode");
    }
    MORE[lang as usize].get().copied()
}

/// The catalog of `lang`'s second part, if installed.
pub fn more(lang: Lang) -> Option<&'static Catalog> {
    more_part(lang).map(|m| &m.catalog)
}

/// `lang`'s pack, if installed. Natively every pack is compiled in.
pub fn pack(lang: Lang) -> Option<&'static Pack> {
    #[cfg(not(target_arch = "wasm32"))]
    if PACKS[lang as usize].get().is_none() {
        install(lang, PACK_BYTES[lang as usize]).expect("the built-in packs decode");
    }
    PACKS[lang as usize].get().copied()
}

/// The UI string `key` in `lang`; empty if the part of the pack that holds
/// it is not installed (the app shows a language only once its first part
/// is, and the sections that use the second part's strings once it is).
pub fn t(lang: Lang, key: Key) -> &'static str {
    let i = key as usize;
    match i.checked_sub(FIRST_STRINGS) {
        None => pack(lang).map_or("", |p| p.strings[i].as_str()),
        Some(j) => more_part(lang).map_or("", |m| m.strings[j].as_str()),
    }
}

/// The UI string with `{name}` replaced by `value`.
pub fn t_with(lang: Lang, key: Key, name: &str, value: &str) -> String {
    fill(t(lang, key), &format!("{{{name}}}"), value)
}

/// `text` with each `placeholder` (such as `{date}`) replaced by `value`;
/// `value` is not searched again. Every placeholder the app fills starts
/// with `{`, which is found as a character: with a string pattern,
/// `str::replace` links the standard library's two-way string search.
pub fn fill(text: &str, placeholder: &str, value: &str) -> String {
    let mut out = String::with_capacity(text.len() + value.len());
    let mut rest = text;
    while let Some((before, from)) = rest.find('{').and_then(|at| rest.split_at_checked(at)) {
        out.push_str(before);
        match from.strip_prefix(placeholder) {
            Some(after) if !placeholder.is_empty() => {
                out.push_str(value);
                rest = after;
            }
            _ => {
                out.push('{');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// A count's text: `many` with `{n}` replaced by `n`, or, when `n` is 1,
/// `one` (English needs its singular; the other languages word 1 their own
/// way, as "every day" for "every 1 days").
pub fn t_count(lang: Lang, many: Key, one: Key, n: usize) -> String {
    match n {
        1 => t(lang, one).to_owned(),
        n => t_with(lang, many, "n", &n.to_string()),
    }
}

/// An operator's name as shown in `lang`: its brand, or, for "another
/// travel eSIM", the UI's words for it.
pub fn operator_name(lang: Lang, catalog: &Catalog, op: OperatorId) -> &str {
    if op == OperatorId::OtherEsim {
        return t(lang, Key::OpOtherEsim);
    }
    catalog
        .operator(op)
        .map_or(op.as_str(), |o| o.name.as_str())
}

/// The UI string that names a payment method.
pub fn pay_key(p: Payment) -> Key {
    match p {
        Payment::Cash => Key::PayCash,
        Payment::LocalCard => Key::PayLocalCard,
        Payment::ForeignCard => Key::PayForeignCard,
        Payment::Wallet => Key::PayWallet,
        Payment::Transfer => Key::PayTransfer,
    }
}

/// A string compiled into the app, usable when no pack is.
pub fn fatal(lang: Lang, text: Fatal) -> &'static str {
    FATAL_TEXT[lang as usize][text as usize]
}

/// A string of the on-demand module, compiled into it.
pub fn extra(lang: Lang, text: Extra) -> &'static str {
    EXTRA_TEXT[lang as usize][text as usize]
}

// Natively only: the packs are compiled in there.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_placeholder_as_str_replace_does() {
        for (text, placeholder, value) in [
            ("checked {date}", "{date}", "2026-11-30"),
            ("{n} of {n}", "{n}", "3"),
            ("{{n}} {n", "{n}", "7"),
            ("no placeholder {here}", "{date}", "x"),
            ("*100*{card}#", "{card}", "{card}"),
            ("{copy}{copy}", "{copy}", ""),
            ("日期：{date}。", "{date}", "30 нояб."),
            ("", "{date}", "x"),
            ("{", "{n}", "x"),
        ] {
            assert_eq!(
                fill(text, placeholder, value),
                text.replace(placeholder, value),
                "{text:?}"
            );
        }
    }

    #[test]
    fn every_key_has_text_in_every_language() {
        for lang in Lang::ALL {
            for key in Key::ALL {
                assert!(!t(lang, key).trim().is_empty(), "{lang:?} {key:?}");
            }
            for text in Fatal::ALL {
                assert!(!fatal(lang, text).trim().is_empty(), "{lang:?} {text:?}");
            }
        }
        assert_eq!(t(Lang::En, Key::PayCash), "Cash");
        assert_eq!(t(Lang::Ru, Key::AppTitle), "AzSIM");
        assert_eq!(fatal(Lang::En, Fatal::Reload), "Reload");
    }

    #[test]
    fn a_count_of_one_has_its_own_words() {
        const PAIRS: [(Key, Key); 5] = [
            (Key::WarnN, Key::WarnOne),
            (Key::RepeatEveryN, Key::RepeatEveryOne),
            (Key::ImportWillAdd, Key::ImportWillAddOne),
            (Key::ImportDone, Key::ImportDoneOne),
            (Key::BlockedShow, Key::BlockedShowOne),
        ];
        for lang in Lang::ALL {
            for (many, one) in PAIRS {
                assert!(t(lang, many).contains("{n}"), "{lang:?} {many:?}");
                assert!(!t(lang, one).contains("{n}"), "{lang:?} {one:?}");
                assert_eq!(t_count(lang, many, one, 1), t(lang, one));
                assert_eq!(t_count(lang, many, one, 12), t_with(lang, many, "n", "12"));
                assert_eq!(t_count(lang, many, one, 0), t_with(lang, many, "n", "0"));
            }
        }
        let plain = |s: String| s.replace('\u{a0}', " ");
        let warn = |n| plain(t_count(Lang::En, Key::WarnN, Key::WarnOne, n));
        assert_eq!(warn(1), "warns 1 day before");
        assert_eq!(warn(2), "warns 2 days before");
        let every = |lang| t_count(lang, Key::RepeatEveryN, Key::RepeatEveryOne, 1);
        assert_eq!(every(Lang::En), "every day");
        assert_eq!(every(Lang::Ru), "каждый день");
    }

    #[test]
    fn each_pack_holds_only_its_language() {
        for lang in Lang::ALL {
            let catalog = &pack(lang).expect("pack").catalog;
            let name = &catalog.channels[0].name;
            assert!(!name.get(lang).is_empty(), "{lang:?}");
            for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
                assert_eq!(name.get(other), "", "{lang:?} pack has {other:?} text");
            }
        }
        assert!(PACK_FILES
            .iter()
            .all(|f| f.starts_with("lang/") && f.ends_with(".bin")));
    }

    #[test]
    fn a_packs_two_parts_hold_the_whole_catalog_between_them() {
        for lang in Lang::ALL {
            let first = &pack(lang).expect("pack").catalog;
            let more = more(lang).expect("second part");
            assert!(!first.channels.is_empty());
            // The channels' notes travel in the second part, without the
            // channels' other text.
            assert!(first.channels.iter().all(|c| c.note.is_none()));
            assert!(!more.channels.is_empty());
            assert!(more
                .channels
                .iter()
                .all(|c| c.note.is_some() && c.steps.is_empty()));
            assert!(!more.sources.is_empty() && first.sources.is_empty());
            // The claims no source states travel in the second part, the
            // quoted ones in a file of their own (tests/packs.rs).
            assert!(more.evidence.iter().all(|c| c.is_assumption()));
            assert!(!more.evidence.is_empty() && first.evidence.is_empty());
            assert!(!more.facts.is_empty() && first.facts.is_empty());
            // The validity rules travel in a part of their own.
            let rules = validity(lang).expect("validity rules");
            assert!(more.validity.is_empty() && first.validity.is_empty());
            assert!(!rules.validity.is_empty() && !rules.validity_notes.is_empty());
            assert!(rules.channels.is_empty() && rules.sources.is_empty());
            assert!(!first.checked.is_empty());
            // The operators' check codes travel in the second part only.
            assert!(first.operators.iter().all(|o| o.codes.is_empty()));
            assert!(more.operators.iter().any(|o| !o.codes.is_empty()));
        }
        let half = &MORE_BYTES[1][..MORE_BYTES[1].len() / 2];
        assert!(postcard::from_bytes::<More>(half).is_err());
    }

    #[test]
    fn the_second_parts_strings_come_from_the_second_part() {
        // A key of locales/second-part.json is after the first part's.
        assert!((Key::RemindersHeading as usize) >= FIRST_STRINGS);
        assert!((Key::PayCash as usize) < FIRST_STRINGS);
        for lang in Lang::ALL {
            let more = more_part(lang).expect("second part");
            assert_eq!(more.strings.len(), Key::ALL.len() - FIRST_STRINGS);
            assert_eq!(
                t(lang, Key::RemindersHeading),
                more.strings[Key::RemindersHeading as usize - FIRST_STRINGS]
            );
        }
        assert_eq!(t(Lang::En, Key::RemindersHeading), "Your reminders");
    }

    #[test]
    fn damaged_packs_are_errors() {
        let good = PACK_BYTES[Lang::En as usize];
        assert!(decode(good).is_ok());
        assert!(decode(&good[..good.len() / 2]).is_err());
        assert!(decode(&[]).is_err());
        // One string fewer: the count no longer matches, or the rest misaligns.
        let mut short = good.to_vec();
        short[0] = short[0].wrapping_sub(1);
        assert!(decode(&short).is_err());
    }

    #[test]
    fn placeholders_are_filled() {
        // The pack keeps the number with its unit (domain::typography::polish).
        assert_eq!(
            t_with(Lang::En, Key::TimeMinutes, "n", "30"),
            "within about 30\u{a0}minutes"
        );
    }
}
