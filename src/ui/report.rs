//! "Report a mistake" on a path: a short description (the entry, the
//! language, what the card said, the page's address) copied to the clipboard
//! and shown for copying by hand; or, where the deployer set a contact
//! address in `data/report.json`, opened as an e-mail to it. The app sends
//! nothing itself.

use wasm_bindgen::closure::Closure;
use web_sys::Element;

use super::dom::El;
use crate::domain::Lang;
use crate::i18n::{t, Key, REPORT_CONTACT};

/// The trimmed text of the first element under `card` matching `selector`.
fn text_of(card: &Element, selector: &str) -> String {
    card.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// The description of a possible mistake in `card`.
fn describe(lang: Lang, entry: &str, card: &Element) -> String {
    let address = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    format!(
        "AzSIM: {}\nentry: {entry}\nlanguage: {}\npage: {address}\nshown: {} | {}\n\n{}\n",
        t(lang, Key::ReportSubject),
        lang.code(),
        text_of(card, "h3"),
        text_of(card, ".why"),
        t(lang, Key::ReportWhatIsWrong),
    )
}

/// Answers a click on `button` (a [`button`]): opens an e-mail to the
/// deployer's address, or copies the description and shows it under the
/// card's buttons with a confirmation.
pub fn on_click(lang: Lang, button: &Element) {
    // What it says travels in the pack's second part, there a moment after
    // the first paint.
    if crate::i18n::more(lang).is_none() {
        return;
    }
    let (Some(entry), Some(card)) = (
        button.get_attribute("data-id"),
        button.closest("li").ok().flatten(),
    ) else {
        return;
    };
    let text = describe(lang, &entry, &card);
    let Some(window) = web_sys::window() else {
        return;
    };
    if !REPORT_CONTACT.is_empty() {
        let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
        let href = format!(
            "mailto:{REPORT_CONTACT}?subject={}&body={}",
            encode(&format!("AzSIM: {}", t(lang, Key::ReportSubject))),
            encode(&text)
        );
        let _ = window.location().set_href(&href);
        return;
    }
    // One box per card: a second click refreshes it.
    if let Some(old) = card.query_selector(".report-box").ok().flatten() {
        old.remove();
    }
    let status = El::new("p")
        .attr("role", "status")
        .text(t(lang, Key::ReportCopying));
    let status_el = status.element();
    let report_box = El::new("div")
        .class("report-box")
        .child(status)
        .child(El::new("pre").attr("tabindex", "0").text(&text))
        .into_element();
    let _ = button
        .parent_element()
        .map(|meta| meta.after_with_node_1(&report_box));
    let copied = t(lang, Key::ReportCopied);
    let failed = t(lang, Key::ReportCopyByHand);
    let (ok_status, err_status) = (status_el.clone(), status_el);
    let done = Closure::once(move |_: wasm_bindgen::JsValue| {
        ok_status.set_text_content(Some(copied));
    });
    let fail = Closure::once(move |_: wasm_bindgen::JsValue| {
        err_status.set_text_content(Some(failed));
    });
    let _ = window
        .navigator()
        .clipboard()
        .write_text(&text)
        .then2(&done, &fail);
    done.forget();
    fail.forget();
}
