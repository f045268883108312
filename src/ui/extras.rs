//! The app's side of the on-demand module (`crate::extras`, its own wasm):
//! each call loads the module if it is not there yet (the boot script's
//! `azsimExtras()`, which knows its hashed name; the service worker has it
//! offline) and runs once it is, so a tap made while it loads is answered,
//! not lost. The module has its own strings: the app passes the language.

use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::AppState;
use crate::domain::catalog::{Channel, ChannelKind};
use crate::domain::document::ClerkInput;
use crate::i18n::{operator_name, REPORT_CONTACT};

/// Calls the module's export `name` with `args`, loading the module first.
fn call(name: &'static str, args: Array) {
    let load = Reflect::get(&js_sys::global(), &"azsimExtras".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(loading) = load
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return;
    };
    let run = Closure::once(move |module: JsValue| {
        let export = Reflect::get(&module, &name.into()).ok();
        if let Some(f) = export.and_then(|f| f.dyn_into::<Function>().ok()) {
            let _ = f.apply(&JsValue::NULL, &args);
        }
    });
    let _ = loading.then(&run);
    run.forget();
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
    let operator = operator_name(lang, state.catalog_untracked(), channel.operator);
    let saved: Array = state
        .store
        .doc
        .with_untracked(|d| d.prefs.clerk.clone())
        .map(|c| [c.number, c.amount].iter().map(JsValue::from).collect())
        .unwrap_or_default();
    let on_close = Closure::once_into_js(move |kept: JsValue| {
        let kept = Array::from(&kept);
        let kept = kept.get(0).as_string().zip(kept.get(1).as_string());
        let kept = kept.map(|(number, amount)| ClerkInput { number, amount });
        state.store.commit(|d| d.prefs.clerk = kept);
    });
    let scratch_card = JsValue::from(channel.kind == ChannelKind::ScratchCard);
    let args = Array::of5(
        opener,
        &lang.code().into(),
        &operator.into(),
        &scratch_card,
        &saved,
    );
    args.push(&on_close);
    call("clerk", args);
}

/// Works out and shows the answer of the calculator `form` (`ui::tools`).
pub fn tool(state: AppState, form: &Element) {
    let lang = state.lang.get_untracked().code();
    call("tool", Array::of2(form, &lang.into()));
}
