//! "Show to the clerk": a full-screen card, in Azerbaijani with Russian
//! below, that a user without either language shows at a counter (a payment
//! terminal's helper, an operator's office, a shop, a bank, a post office).
//! The user types the number and the amount into the card itself, in large
//! type; they are kept only if the user ticks "Remember". A modal
//! `<dialog>`: Escape or the Close button closes it, focus goes back to the
//! button that opened it. Its labels in the user's language are compiled
//! into the (precached) on-demand module: it works offline.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlDialogElement};

use crate::domain::Lang;
use crate::i18n::{extra, fill, Extra};
use crate::ui::dom::{option, value_in, El};

/// What the user asks the clerk for.
#[derive(Clone, Copy, PartialEq)]
pub enum Request {
    /// Put money on the number's balance.
    TopUp,
    /// Buy or renew a data pack on the number.
    DataPack,
    /// Buy a scratch card of the operator (in a shop).
    ScratchCard,
}

/// The card's sentences, Azerbaijani then Russian. Checked against an
/// independent translation and back-translated word by word (see the note
/// on the issue); the terms are those of the app's reviewed packs
/// ("balansı artırmaq", "internet paketi", "danışıq kartı"; "пополнить
/// баланс", "интернет-пакет", "карта пополнения").
mod say {
    pub const HELLO: [&str; 2] = [
        "Salam! Zəhmət olmasa, mənə kömək edin.",
        "Здравствуйте! Помогите, пожалуйста.",
    ];
    pub const TOP_UP: [&str; 2] = [
        "Bu nömrənin balansını artırmaq istəyirəm.",
        "Я хочу пополнить баланс этого номера.",
    ];
    pub const DATA_PACK: [&str; 2] = [
        "Bu nömrə üçün internet paketi almaq istəyirəm.",
        "Я хочу купить интернет-пакет для этого номера.",
    ];
    /// `{op}` is the operator's name.
    pub const SCRATCH_CARD: [&str; 2] = [
        "{op} danışıq kartı almaq istəyirəm.",
        "Я хочу купить карту пополнения {op}.",
    ];
    pub const OPERATOR: [&str; 2] = ["Operator", "Оператор"];
    pub const NUMBER: [&str; 2] = ["Nömrə", "Номер"];
    pub const AMOUNT: [&str; 2] = ["Məbləğ", "Сумма"];
    /// After the amount: Azerbaijani keeps "manat" singular after any number;
    /// Russian "манат" changes with it, "AZN" does not.
    pub const UNIT: [&str; 2] = ["manat", "AZN"];
    pub const THANKS: [&str; 2] = ["Təşəkkür edirəm!", "Спасибо!"];
}

/// A pair of lines: Azerbaijani in large type, Russian below it.
fn said(tag: &str, [az, ru]: [&str; 2], class: &str) -> [El; 2] {
    [
        El::new(tag).class(class).attr("lang", "az").text(az),
        El::new("p").class("ru").attr("lang", "ru").text(ru),
    ]
}

/// `el` with "az / ru" appended, each in its language.
fn both(el: El, [az, ru]: [&str; 2]) -> El {
    el.child(El::new("span").attr("lang", "az").text(az))
        .text(" / ")
        .child(El::new("span").attr("lang", "ru").text(ru))
}

/// A label for the clerk ("Nömrə / Номер") with, smaller, what it is in the
/// user's language, for the control `id`.
fn field_label(id: &str, words: [&str; 2], mine: &str) -> El {
    both(El::new("label").attr("for", id), words).child(El::new("small").text(mine))
}

/// The request sentences for `request`, with the operator's name.
fn request_lines(request: Request, operator: &str) -> [El; 2] {
    let lines = match request {
        Request::TopUp => say::TOP_UP,
        Request::DataPack => say::DATA_PACK,
        Request::ScratchCard => say::SCRATCH_CARD,
    };
    let [az, ru] = lines.map(|s| fill(s, "{op}", operator));
    said("p", [&az, &ru], "say")
}

/// What was typed, kept from last time (number, amount).
pub type Saved = Option<(String, String)>;

/// Opens the card over the page (in `opener`'s `<main>`) for `operator`;
/// `opener` gets focus back when it closes, and `on_close` is called with
/// what to keep: [number, amount] if "Remember" is ticked, else [].
pub fn open(
    opener: &Element,
    lang: Lang,
    operator: &str,
    request: Request,
    saved: &Saved,
    on_close: js_sys::Function,
) {
    let Some(root) = opener.closest("main").ok().flatten() else {
        return;
    };
    let dialog = build(lang, request, operator, saved.as_ref());
    let _ = root.append_child(&dialog);
    let Ok(dialog) = dialog.dyn_into::<HtmlDialogElement>() else {
        return;
    };
    listen(&dialog, opener.clone(), operator.to_owned(), on_close);
    if dialog.show_modal().is_err() {
        dialog.remove();
    }
}

/// The `<dialog>`, closed. No `<form>`: with one text field (a scratch
/// card's amount) Enter would submit it and close the card.
fn build(
    lang: Lang,
    request: Request,
    operator: &str,
    saved: Option<&(String, String)>,
) -> Element {
    let label = |text: Extra| extra(lang, text);
    let input = |id: &str, value: &str| {
        El::new("input")
            .class("clerk-input")
            .attr("id", id)
            .attr("name", id)
            .attr("value", value)
    };
    let [az_hello, ru_hello] = said("h2", say::HELLO, "hello");
    let [az_say, ru_say] = request_lines(request, operator);
    let [az_thanks, ru_thanks] = said("p", say::THANKS, "thanks");
    let mut card = El::new("div")
        .class("clerk-card")
        .child(az_hello.attr("id", "clerk-title"))
        .child(ru_hello)
        .child(
            El::new("div")
                .class("clerk-request")
                .child(az_say)
                .child(ru_say),
        )
        .child(
            both(El::new("p").class("clerk-fact"), say::OPERATOR)
                .text(": ")
                .child(El::new("strong").text(operator)),
        );
    if request != Request::ScratchCard {
        let number = input("clerk-number", saved.map_or("", |s| &s.0))
            .attr("type", "tel")
            .attr("autocomplete", "tel");
        card = card
            .child(field_label(
                "clerk-number",
                say::NUMBER,
                label(Extra::ClerkNumber),
            ))
            .child(number);
    }
    let amount = input("clerk-amount", saved.map_or("", |s| &s.1)).attr("inputmode", "decimal");
    card = card
        .child(field_label(
            "clerk-amount",
            say::AMOUNT,
            label(Extra::ClerkAmount),
        ))
        .child(both(
            El::new("p").class("clerk-amount").child(amount).text(" "),
            say::UNIT,
        ))
        .child(az_thanks)
        .child(ru_thanks);
    let what = (request != Request::ScratchCard).then(|| {
        El::new("p")
            .class("clerk-what")
            .child(
                El::new("label")
                    .attr("for", "clerk-what")
                    .text(label(Extra::ClerkWhat)),
            )
            .text(" ")
            .child(
                El::new("select")
                    .attr("id", "clerk-what")
                    .attr("name", "clerk-what")
                    .children([
                        option("top_up", label(Extra::ClerkTopUp), true),
                        option("data_pack", label(Extra::ClerkPack), false),
                    ]),
            )
    });
    let save = El::new("input")
        .attr("type", "checkbox")
        .attr("name", "clerk-save");
    let save = if saved.is_some() {
        save.attr("checked", "")
    } else {
        save
    };
    El::new("dialog")
        .class("clerk")
        .attr("aria-labelledby", "clerk-title")
        .attr("data-testid", "clerk-card")
        .child(
            El::new("div")
                .class("clerk-bar")
                .child(
                    El::new("p")
                        .class("clerk-hint")
                        .text(label(Extra::ClerkHint)),
                )
                .child(
                    El::new("button")
                        .attr("type", "button")
                        .class("clerk-close")
                        .text(label(Extra::Close)),
                ),
        )
        .maybe(what)
        .child(card)
        .child(
            El::new("label")
                .class("clerk-save")
                .child(save)
                .text(" ")
                .text(label(Extra::ClerkSave)),
        )
        .into_element()
}

/// One listener for the card's events: a change of request rewrites the
/// sentences; Close closes it; on close, `on_close` gets what to keep, the
/// card is removed and focus goes back to `opener`.
fn listen(
    dialog: &HtmlDialogElement,
    opener: Element,
    operator: String,
    on_close: js_sys::Function,
) {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new({
        let dialog = dialog.clone();
        move |ev: web_sys::Event| {
            let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
            let (class, id) = target.map_or_else(Default::default, |t| (t.class_name(), t.id()));
            match ev.type_().as_str() {
                "click" if class == "clerk-close" => dialog.close(),
                "change" if id == "clerk-what" => {
                    let request = match value_in(&dialog, "clerk-what").as_str() {
                        "data_pack" => Request::DataPack,
                        _ => Request::TopUp,
                    };
                    if let Some(lines) = dialog.query_selector(".clerk-request").ok().flatten() {
                        lines.set_text_content(None);
                        for line in request_lines(request, &operator) {
                            let _ = lines.append_child(&line.into_element());
                        }
                    }
                }
                "close" => {
                    let remember = dialog
                        .query_selector("[name=clerk-save]:checked")
                        .ok()
                        .flatten()
                        .is_some();
                    let kept = js_sys::Array::new();
                    if remember {
                        for name in ["clerk-number", "clerk-amount"] {
                            kept.push(&value_in(&dialog, name).trim().into());
                        }
                    }
                    let _ = on_close.call1(&JsValue::NULL, &kept);
                    dialog.remove();
                    if let Some(el) = opener.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
                _ => {}
            }
        }
    });
    for event in ["click", "change", "close"] {
        let _ = dialog.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
    }
    // Kept for the page's life: one small closure per card opened.
    handler.forget();
}
