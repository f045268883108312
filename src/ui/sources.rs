//! The sources behind what a path or a note says: each source with its
//! publisher (linked), page date, how and when it was checked (flagged when
//! that is more than a year ago), confidence, and the verbatim quotes it
//! gives for the entry, in the page's own language; then the claims no
//! source states. The sources and those claims travel in the second part of
//! the language pack (`i18n::more`), fetched after the first paint: until
//! it is installed a source list is an empty slot (`data-entry`), filled by
//! [`fill_page`] when it is. The quotes, the bulk of the evidence, are in a
//! file of their own (`i18n::evidence`), fetched the first time a reader
//! opens a list's quotes (see [`fill_on_open`]).

use wasm_bindgen::JsCast;

use super::dom::El;
use super::{after_paint, clock};
use crate::domain::catalog::{Catalog, CheckedHow, Confidence, Source, SourceId};
use crate::domain::evidence::Claim;
use crate::domain::{typography, Lang};
use crate::i18n::{self, t, t_with, Key};
use crate::packs;

/// A confidence level as a small badge.
pub fn confidence_badge(lang: Lang, c: Confidence) -> El {
    let (class, key) = match c {
        Confidence::High => ("badge high", Key::ConfidenceHigh),
        Confidence::Medium => ("badge medium", Key::ConfidenceMedium),
        Confidence::Low => ("badge low", Key::ConfidenceLow),
        Confidence::Unconfirmed => ("badge unconfirmed", Key::ConfidenceUnconfirmed),
    };
    El::new("span").class(class).text(t(lang, key))
}

/// The sources `ids` behind the claims of `entries` (claim keys such as
/// `channel:nar_kiosk`, separated by spaces), filled after the next frame
/// if the pack's second part is installed (what holds the list paints
/// first, and the list is in place to put a path's note before it), else
/// when it is.
pub fn source_list(lang: Lang, ids: &[SourceId], entries: &str) -> El {
    let slot = empty_list(ids, entries);
    if let Some(more) = i18n::more(lang) {
        let element = slot.element();
        after_paint(move || {
            if !element.has_attribute("data-filled") {
                fill(lang, more, &element);
            }
        });
    }
    slot
}

/// A source list for a collapsed `<details>` among many (the line's facts):
/// filled only when its `<details>` opens (see [`fill_on_open`]), so that a
/// page of facts costs no work for the lists nobody opens.
pub fn source_list_on_open(ids: &[SourceId], entries: &str) -> El {
    empty_list(ids, entries).attr("data-on-open", "")
}

/// A source list not filled yet: what [`fill`] needs, as attributes.
fn empty_list(ids: &[SourceId], entries: &str) -> El {
    let ids: Vec<&str> = ids.iter().map(|id| id.0.as_str()).collect();
    El::new("div")
        .class("source-list")
        .attr("data-entry", entries)
        .attr("data-sources", &ids.join(" "))
}

/// Fills the source lists under `root` that are still empty: every one, or
/// (`all` false) those not waiting for their `<details>` to open (a list
/// whose `<details>` opened before the texts arrived is filled too).
fn fill_under(root: &web_sys::Element, lang: Lang, more: &Catalog, all: bool) {
    let Ok(slots) = root.query_selector_all(".source-list:not([data-filled])") else {
        return;
    };
    for i in 0..slots.length() {
        let Some(slot) = slots
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let waits = slot.has_attribute("data-on-open")
            && !slot
                .closest("details")
                .ok()
                .flatten()
                .is_some_and(|d| d.has_attribute("open"));
        if all || !waits {
            fill(lang, more, &slot);
        }
    }
}

/// Fills the source lists on the page that are still empty (except those
/// waiting for their `<details>` to open), once `lang`'s second part is
/// installed.
pub fn fill_page(lang: Lang) {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let (Some(html), Some(more)) = (html, i18n::more(lang)) {
        fill_under(&html, lang, more, false);
    }
}

/// Fills a `<details>`'s source lists when it opens, and a list's quotes
/// when they are opened (one listener for the page; `lang` tells the
/// language shown).
pub fn fill_on_open(lang: impl Fn() -> Lang + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_toggle =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let opened = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .filter(|d| d.has_attribute("open"));
            let (Some(details), lang) = (opened, lang()) else {
                return;
            };
            if details.class_list().contains("quotes-box") {
                show_quotes(lang, details);
            } else if let Some(more) = i18n::more(lang) {
                fill_under(&details, lang, more, true);
            }
        });
    // `toggle` does not bubble: listen in the capture phase.
    let _ = document.add_event_listener_with_callback_and_bool(
        "toggle",
        on_toggle.as_ref().unchecked_ref(),
        true,
    );
    on_toggle.forget();
}

/// How and when a source was checked: live, or in a stored copy (of a
/// date, when known).
fn checked_text(lang: Lang, s: &Source) -> String {
    let checked = typography::unbroken_date(&s.checked);
    match (s.how, &s.copy_date) {
        (CheckedHow::Live, _) => t_with(lang, Key::SourceChecked, "date", &checked),
        (CheckedHow::StoredCopy, None) => t_with(lang, Key::SourceCheckedCopy, "date", &checked),
        (CheckedHow::StoredCopy, Some(copy)) => {
            let dated = t_with(lang, Key::SourceCheckedCopyDated, "date", &checked);
            i18n::fill(&dated, "{copy}", &typography::unbroken_date(copy))
        }
    }
}

/// A page language's name, in that language (its code when not one of the
/// app's).
fn language_name(code: &str) -> String {
    Lang::from_code(code).map_or_else(|| code.to_ascii_uppercase(), |l| l.native_name().to_owned())
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

/// One source: its publisher (linked), page date, how and when it was
/// checked, confidence, and whether that check is stale.
fn source_item(lang: Lang, s: &Source, today: crate::domain::date::Date) -> El {
    let published = s.published.as_ref().map(|d| {
        El::new("span").class("nowrap").text(&t_with(
            lang,
            Key::SourcePublished,
            "date",
            &typography::unbroken_date(d),
        ))
    });
    let stale = s.is_stale(today).then(|| {
        El::new("span")
            .class("badge stale")
            .text(t(lang, Key::SourceStale))
    });
    El::new("li")
        .child(source_link(s))
        .text(if published.is_some() { " · " } else { "" })
        .maybe(published)
        .text(" · ")
        .child(El::new("span").text(&checked_text(lang, s)))
        .text(" ")
        .child(confidence_badge(lang, s.confidence))
        .text(if stale.is_some() { " " } else { "" })
        .maybe(stale)
}

/// A source's publisher, linked to its page (in a new tab).
fn source_link(s: &Source) -> El {
    El::new("a")
        .attr("href", &s.url)
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .text(&s.publisher)
}

/// The quotes `quoted` (claims about the list's entries) take from `s`, each
/// said once, or `None` when they take none.
fn source_quotes(lang: Lang, s: &Source, quoted: &[&Claim]) -> Option<El> {
    let label = t_with(lang, Key::QuoteOriginal, "lang", &language_name(&s.lang));
    let mut quotes: Vec<El> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for q in quoted
        .iter()
        .flat_map(|c| &c.quotes)
        .filter(|q| q.source == s.id)
    {
        if seen.contains(&q.quote.as_str()) {
            continue;
        }
        seen.push(&q.quote);
        quotes.push(
            El::new("li")
                .child(El::new("span").class("orig").text(&label))
                .text(" ")
                .child(El::new("q").attr("lang", &s.lang).text(&q.quote))
                .text(" ")
                // Where on the page: written by the catalog's editors, in English.
                .child(
                    El::new("span")
                        .class("at")
                        .attr("lang", "en")
                        .text(&format!("({})", q.at)),
                ),
        );
    }
    (!quotes.is_empty()).then(|| {
        El::new("li")
            .child(source_link(s))
            .child(El::new("ul").class("quotes").children(quotes))
    })
}

/// The claims of `claims` about one of `entries` (claim keys separated by
/// spaces).
fn about<'a>(claims: &'a [Claim], entries: &str) -> Vec<&'a Claim> {
    claims
        .iter()
        .filter(|c| entries.split_whitespace().any(|e| e == c.entry))
        .collect()
}

/// Fills one source list (and marks it filled) from `lang`'s second part
/// `more`: its sources, the claims no source states, and a closed
/// `<details>` for the sources' quotes (see [`show_quotes`]). A path card's
/// list (`data-note`: its channel) also puts the channel's note, if it has
/// one, before the list's heading.
fn fill(lang: Lang, more: &Catalog, slot: &web_sys::Element) {
    let _ = slot.set_attribute("data-filled", "");
    if let Some(id) = slot.get_attribute("data-note") {
        let note = more
            .channels
            .iter()
            .find(|c| c.id.0 == id)
            .and_then(|c| c.note.as_ref());
        if let (Some(note), Some(heading)) = (note, slot.previous_element_sibling()) {
            let note =
                El::new("p")
                    .class("note")
                    .titled(lang, t(lang, Key::LabelNote), note.get(lang));
            let _ = heading.before_with_node_1(&note.into_element());
        }
    }
    let entries = slot.get_attribute("data-entry").unwrap_or_default();
    let ids = slot.get_attribute("data-sources").unwrap_or_default();
    let list = El::from(slot.clone());
    let list = if ids.is_empty() {
        list.child(
            El::new("p")
                .class("sources none")
                .text(t(lang, Key::GeneralPractice)),
        )
    } else {
        let today = clock::now().date;
        let items = ids
            .split_whitespace()
            .filter_map(|id| more.sources.iter().find(|s| s.id.0 == id))
            .map(|s| source_item(lang, s, today));
        list.child(El::new("ul").class("sources").children(items))
    };
    // The second part's claims are those no source states.
    let mut assumed: Vec<String> = Vec::new();
    for c in about(&more.evidence, &entries) {
        let text = attribute_text(lang, &c.attribute);
        if !assumed.contains(&text) {
            assumed.push(text);
        }
    }
    let list = if assumed.is_empty() {
        list
    } else {
        list.child(
            El::new("p")
                .class("assumed")
                .child(
                    El::new("span")
                        .class("badge unconfirmed")
                        .text(t(lang, Key::ConfidenceUnconfirmed)),
                )
                .text(" ")
                .text(t(lang, Key::AssumedHeading))
                .text(" ")
                .text(&typography::list(lang, &assumed)),
        )
    };
    if !ids.is_empty() {
        let _ = list.child(
            El::new("details")
                .class("quotes-box")
                .child(El::new("summary").text(t(lang, Key::QuotesShow)))
                // What the box says while its quotes load, or that they
                // could not (a live region: the quotes themselves are read
                // as the box is, not announced).
                .child(
                    El::new("div")
                        .class("quotes-body")
                        .child(El::new("p").class("quotes-status").attr("role", "status")),
                ),
        );
    }
}

/// Asks for the quotes of the source list around `details` (a list's
/// `.quotes-box`, just opened), once: the on-demand module shows them (see
/// [`fetch_quotes`]); meanwhile the box says "Loading…". If they cannot be
/// shown it says so, and opening it again tries again.
fn show_quotes(lang: Lang, details: web_sys::Element) {
    let Ok(Some(body)) = details.query_selector(".quotes-body") else {
        return;
    };
    if body.has_attribute("data-filled") || body.has_attribute("aria-busy") {
        return;
    }
    let _ = body.set_attribute("aria-busy", "true");
    say_in_quotes(&body, Some(t(lang, Key::Loading)));
    super::extras::quotes(body, lang);
}

/// Puts `text` (or nothing) in the quotes box `body`'s status line.
fn say_in_quotes(body: &web_sys::Element, text: Option<&str>) {
    if let Some(status) = body.first_element_child() {
        status.set_text_content(text);
    }
}

/// Says in the quotes box `body` that its quotes could not be shown.
pub fn quotes_failed(lang: Lang, body: &web_sys::Element) {
    let _ = body.remove_attribute("aria-busy");
    say_in_quotes(body, Some(t(lang, Key::QuotesFailed)));
}

/// Fills the quotes box `body` of a source list in `lang` (in the on-demand
/// module): fetches the pack's second part (the browser has it: the app
/// fetched it) and the quoted claims. False if either cannot be read.
pub async fn fetch_quotes(body: &web_sys::Element, lang: Lang) -> bool {
    let (Ok(more), Ok(quoted)) = (packs::load_more(lang).await, packs::load_evidence().await)
    else {
        return false;
    };
    fill_quotes(lang, more, body, quoted);
    true
}

/// Fills a list's quotes box `body` with what the claims `quoted` quote from
/// each of its sources in `more` (or says that they quote none), and marks
/// it filled.
fn fill_quotes(lang: Lang, more: &Catalog, body: &web_sys::Element, quoted: &[Claim]) {
    let Ok(Some(list)) = body.closest(".source-list") else {
        return;
    };
    let entries = list.get_attribute("data-entry").unwrap_or_default();
    let ids = list.get_attribute("data-sources").unwrap_or_default();
    let claims = about(quoted, &entries);
    let items: Vec<El> = ids
        .split_whitespace()
        .filter_map(|id| more.sources.iter().find(|s| s.id.0 == id))
        .filter_map(|s| source_quotes(lang, s, &claims))
        .collect();
    let content = if items.is_empty() {
        El::new("p")
            .class("sources none")
            .text(t(lang, Key::QuotesNone))
    } else {
        El::new("ul").class("sources quoted").children(items)
    };
    let _ = body.set_attribute("data-filled", "");
    let _ = body.remove_attribute("aria-busy");
    say_in_quotes(body, None);
    let _ = body.append_child(&content.into_element());
}
