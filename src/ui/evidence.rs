//! The evidence under each source: the verbatim quotes that support what a
//! path or a note says, in the page's own language, and the claims no source
//! states. The quotes are one file for every language (`EVIDENCE_FILE`),
//! fetched after start-up; until it arrives, the source lists hold empty
//! slots (`data-entry`), filled when it does.

use std::cell::OnceCell;

use wasm_bindgen::JsCast;

use super::dom::El;
use crate::domain::catalog::Source;
use crate::domain::evidence::{Claim, Quote};
use crate::domain::Lang;
use crate::i18n::{t, t_with, Key, EVIDENCE_FILE};

thread_local! {
    /// The claims, once fetched and decoded.
    static CLAIMS: OnceCell<Vec<Claim>> = const { OnceCell::new() };
}

/// An empty slot for the quotes of `source` about `entry` (claim keys, space
/// separated): filled now if the evidence is here, else when it arrives.
pub fn quotes_slot(lang: Lang, entry: &str, source: &Source) -> El {
    let slot = El::new("ul")
        .class("quotes")
        .attr("data-entry", entry)
        .attr("data-source", &source.id.0)
        .attr("data-lang", &source.lang)
        .attr("hidden", "");
    fill_if_loaded(lang, slot)
}

/// A page language's name, in that language (its code when not one of the
/// app's).
fn language_name(code: &str) -> String {
    Lang::from_code(code).map_or_else(|| code.to_uppercase(), |l| l.native_name().to_owned())
}

/// An empty slot for the claims about `entry` (claim keys, space separated)
/// that no source states.
pub fn assumed_slot(lang: Lang, entry: &str) -> El {
    let slot = El::new("div")
        .class("assumed")
        .attr("data-entry", entry)
        .attr("hidden", "");
    fill_if_loaded(lang, slot)
}

fn fill_if_loaded(lang: Lang, slot: El) -> El {
    let element = slot.element();
    CLAIMS.with(|claims| {
        if let Some(claims) = claims.get() {
            fill(lang, claims, &element);
        }
    });
    slot
}

/// What a claim's attribute is, for the list of unconfirmed ones.
fn attribute_text(lang: Lang, attribute: &str) -> String {
    if let Some(code) = attribute.strip_prefix("code:") {
        return t_with(lang, Key::AssumedCode, "code", code);
    }
    let key = match attribute {
        "sims" => Key::AssumedSims,
        "plans" => Key::AssumedPlans,
        "pay_later" => Key::AssumedPayLater,
        "needs_internet" => Key::AssumedInternet,
        "needs_presence" => Key::AssumedPresence,
        "needs_local_card" => Key::AssumedLocalCard,
        "credit_minutes" => Key::AssumedTime,
        "prefixes" => Key::AssumedPrefixes,
        "bands" | "effective" | "window_days" => Key::AssumedPeriods,
        _ => Key::AssumedText,
    };
    t(lang, key).to_owned()
}

/// Fills one slot from the claims (and marks it filled).
fn fill(lang: Lang, claims: &[Claim], slot: &web_sys::Element) {
    let _ = slot.set_attribute("data-filled", "");
    let Some(entries) = slot.get_attribute("data-entry") else {
        return;
    };
    let about = claims
        .iter()
        .filter(|c| entries.split_whitespace().any(|e| e == c.entry));
    let items: Vec<El> = match slot.get_attribute("data-source") {
        Some(source) => {
            let page_lang = slot.get_attribute("data-lang").unwrap_or_default();
            let label = t_with(lang, Key::QuoteOriginal, "lang", &language_name(&page_lang));
            let mut quotes: Vec<&Quote> = Vec::new();
            for q in about.flat_map(|c| c.quotes.iter()) {
                if q.source.0 == source && !quotes.iter().any(|seen| seen.quote == q.quote) {
                    quotes.push(q);
                }
            }
            quotes
                .into_iter()
                .map(|q| {
                    El::new("li")
                        .child(El::new("span").class("orig").text(&label))
                        .text(" ")
                        .child(El::new("q").attr("lang", &page_lang).text(&q.quote))
                        .text(" ")
                        // Where on the page: written by the catalog's editors, in English.
                        .child(
                            El::new("span")
                                .class("at")
                                .attr("lang", "en")
                                .text(&format!("({})", q.at)),
                        )
                })
                .collect()
        }
        None => {
            let mut seen: Vec<String> = Vec::new();
            for c in about.filter(|c| c.is_assumption()) {
                let text = attribute_text(lang, &c.attribute);
                if !seen.contains(&text) {
                    seen.push(text);
                }
            }
            if seen.is_empty() {
                Vec::new()
            } else {
                vec![El::new("p")
                    .child(
                        El::new("span")
                            .class("badge unconfirmed")
                            .text(t(lang, Key::ConfidenceUnconfirmed)),
                    )
                    .text(" ")
                    .text(t(lang, Key::AssumedHeading))
                    .text(" ")
                    .text(&seen.join(t(lang, Key::ListSeparator)))]
            }
        }
    };
    if items.is_empty() {
        return;
    }
    let el = El::from(slot.clone());
    let _ = el.children(items);
    let _ = slot.remove_attribute("hidden");
}

/// Fills every slot on the page not filled yet.
fn fill_page(claims: &[Claim]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = document
        .document_element()
        .and_then(|html| Lang::from_code(&html.get_attribute("lang").unwrap_or_default()))
        .unwrap_or_default();
    let Ok(slots) = document.query_selector_all("[data-entry]:not([data-filled])") else {
        return;
    };
    for i in 0..slots.length() {
        if let Some(slot) = slots
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            fill(lang, claims, &slot);
        }
    }
}

/// Fetches the evidence (once) and fills the slots already on the page. A
/// failure leaves the slots empty: the sources are still listed.
pub fn load() {
    if CLAIMS.with(|c| c.get().is_some()) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let Ok(bytes) = crate::packs::fetch(EVIDENCE_FILE).await else {
            return;
        };
        let Ok(claims) = postcard::from_bytes::<Vec<Claim>>(&bytes) else {
            return;
        };
        CLAIMS.with(|c| {
            let claims = c.get_or_init(|| claims);
            fill_page(claims);
        });
    });
}
