//! The copy box: a text copied to the clipboard and shown under the buttons
//! of a path card, with what happened ("Share" where the browser has no share
//! sheet); and "Report a mistake", which fills it with a description of the
//! card (the entry, the language, what the card said, the page's address),
//! or opens it as an e-mail where the deployer set a contact address in
//! `data/report.json`. The app sends nothing itself.

use wasm_bindgen::closure::Closure;
use web_sys::Element;

use crate::domain::Lang;
use crate::i18n::{extra, Extra};
use crate::ui::dom::El;

/// Copies `text` and shows it in a box under `button`'s row of its card
/// (the `li` around it; a card has one box, a new one replaces it), with a
/// status line: "Copying…", then `copied` or, if the browser refused,
/// `by_hand` (the text stays there to copy by hand).
pub fn copy_beside(button: &Element, lang: Lang, text: &str, [copied, by_hand]: [Extra; 2]) {
    let (Some(window), Some(card)) = (web_sys::window(), button.closest("li").ok().flatten())
    else {
        return;
    };
    if let Some(old) = card.query_selector(".report-box").ok().flatten() {
        old.remove();
    }
    let line = El::new("p")
        .attr("role", "status")
        .text(extra(lang, Extra::Copying));
    let line_el = line.element();
    let copy_box = El::new("div")
        .class("report-box")
        .child(line)
        .child(El::new("pre").attr("tabindex", "0").text(text))
        .into_element();
    let _ = button
        .parent_element()
        .map(|row| row.after_with_node_1(&copy_box));
    let (ok_line, err_line) = (line_el.clone(), line_el);
    let done = Closure::once(move |_: wasm_bindgen::JsValue| {
        ok_line.set_text_content(Some(extra(lang, copied)));
    });
    let fail = Closure::once(move |_: wasm_bindgen::JsValue| {
        err_line.set_text_content(Some(extra(lang, by_hand)));
    });
    let _ = window
        .navigator()
        .clipboard()
        .write_text(text)
        .then2(&done, &fail);
    done.forget();
    fail.forget();
}

/// The trimmed text of the first element under `card` matching `selector`.
fn text_of(card: &Element, selector: &str) -> String {
    card.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Describes the card of `button` (catalog entry `entry`, shown in `lang`)
/// for its editors: an e-mail to `contact`, or, without one, the copy box.
pub fn report(button: &Element, entry: &str, lang: Lang, contact: &str) {
    let (Some(window), Some(card)) = (web_sys::window(), button.closest("li").ok().flatten())
    else {
        return;
    };
    let address = window.location().href().unwrap_or_default();
    let text = format!(
        "AzSIM: {}\nentry: {entry}\nlanguage: {}\npage: {address}\nshown: {} | {}\n\n{}\n",
        extra(lang, Extra::ReportSubject),
        lang.code(),
        text_of(&card, "h3"),
        text_of(&card, ".why"),
        extra(lang, Extra::ReportWhatIsWrong),
    );
    if contact.is_empty() {
        copy_beside(
            button,
            lang,
            &text,
            [Extra::ReportCopied, Extra::ReportCopyByHand],
        );
        return;
    }
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    let subject = encode(&format!("AzSIM: {}", extra(lang, Extra::ReportSubject)));
    let href = format!("mailto:{contact}?subject={subject}&body={}", encode(&text));
    let _ = window.location().set_href(&href);
}
