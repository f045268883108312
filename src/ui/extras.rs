//! The app's side of the on-demand module (`crate::extras`, its own wasm):
//! each call loads the module if it is not there yet (the boot script's
//! `azsimExtras()`, which knows its hashed name; the service worker has it
//! offline) and runs once it is, so a tap made while it loads is answered,
//! not lost. The module has its own strings: the app passes the language.

use js_sys::{Array, Promise};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

use super::{reminders_link, sources, AppState};
use crate::domain::catalog::{Channel, ChannelKind};
use crate::domain::document::{ClerkInput, Document};
use crate::domain::Lang;
use crate::i18n::{operator_name, REPORT_CONTACT};
use crate::storage;

/// Calls the module's export `name` with `args`, loading the module first.
fn call(name: &'static str, args: Array) {
    if let Some(loading) = crate::modules::load("azsimExtras") {
        crate::modules::call_when_loaded(&loading, name, args);
    }
}

/// "Report a mistake" on `button`'s card, whose `data-id` names the catalog
/// entry: the module describes it for its editors.
pub fn report(state: AppState, button: &Element) {
    let Some(entry) = button.get_attribute("data-id") else {
        return;
    };
    let lang = state.lang.get_untracked().code();
    call(
        "report",
        Array::of4(button, &entry.into(), &lang.into(), &REPORT_CONTACT.into()),
    );
}

/// Shares the page's choices (the module makes the full app's link).
pub fn share(state: AppState, button: &Element) {
    let lang = state.lang.get_untracked().code();
    call("share", Array::of2(button, &lang.into()));
}

/// Opens the card to show the clerk for `channel`, with what the user
/// chose to keep last time; keeps (or forgets) what they typed when it
/// closes.
pub fn clerk(state: AppState, channel: &Channel, opener: &Element) {
    let lang = state.lang.get_untracked();
    let operator: JsValue = operator_name(lang, state.catalog_untracked(), channel.operator).into();
    let scratch_card = JsValue::from(channel.kind == ChannelKind::ScratchCard);
    let saved: Array = reminders_link::clerk_saved()
        .map(|c| [c.number, c.amount].iter().map(JsValue::from).collect())
        .unwrap_or_default();
    let on_close = Closure::once_into_js(move |kept: JsValue| {
        let kept = Array::from(&kept);
        let kept = kept.get(0).as_string().zip(kept.get(1).as_string());
        reminders_link::keep_clerk(kept.map(|(number, amount)| ClerkInput { number, amount }));
    });
    let args = Array::of5(
        opener,
        &lang.code().into(),
        &operator,
        &scratch_card,
        &saved,
    );
    args.push(&on_close);
    call("clerk", args);
}

/// Shows the quotes of the source list whose quotes box is `body`
/// (`ui::sources`), or says that they cannot be shown: the module or the
/// quotes could not be loaded.
pub fn quotes(body: Element, lang: Lang) {
    let loading = crate::modules::load("azsimExtras");
    wasm_bindgen_futures::spawn_local(async move {
        let args = Array::of2(&body, &lang.code().into());
        // The module's `quotes` answers with a promise of whether it could.
        let shown = async {
            let module = JsFuture::from(loading?).await.ok()?;
            let shown = crate::modules::apply(&module, "quotes", &args)?;
            JsFuture::from(shown.dyn_into::<Promise>().ok()?)
                .await
                .ok()?
                .as_bool()
        };
        if shown.await != Some(true) {
            sources::quotes_failed(lang, &body);
        }
    });
}

/// Works out and shows the answer of the calculator `form` (`ui::tools`).
pub fn tool(state: AppState, form: &Element) {
    let lang = state.lang.get_untracked().code();
    call("tool", Array::of2(form, &lang.into()));
}

/// The reminders of `doc` as a calendar file, downloaded: the one whose id
/// is `only`, or all of them.
pub fn calendar(doc: &Document, only: Option<&str>) {
    let only = only.map_or(JsValue::UNDEFINED, JsValue::from);
    call("calendar", Array::of2(&storage::encode(doc).into(), &only));
}

/// `doc` as a backup file, downloaded.
pub fn backup(doc: &Document) {
    call("backup", Array::of1(&storage::encode(doc).into()));
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    call(
        "download",
        Array::of3(&name.into(), &mime.into(), &text.into()),
    );
}

/// Reads the backup file chosen in `input` and calls `on_read` with the
/// document it holds, or why it was refused (`DecodeError::name`).
pub fn read_backup(
    input: &web_sys::HtmlInputElement,
    on_read: impl FnOnce(Result<Document, String>) + 'static,
) {
    let on_read = Closure::once_into_js(move |text: JsValue, refusal: JsValue| {
        let Some(text) = text.as_string() else {
            return on_read(Err(refusal.as_string().unwrap_or_default()));
        };
        on_read(storage::decode(&text).map_err(|e| e.name().to_owned()));
    });
    call("read_backup", Array::of2(input, &on_read));
}
