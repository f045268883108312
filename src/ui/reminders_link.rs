//! The app's side of the reminders module (`ui::reminders::module`, a wasm
//! module of its own: the stored document, the due banner, the reminders
//! section and the notifications' check). The app gives it two places, for
//! the due banner above the picker and for the section after the results,
//! and loads it (the boot script's `azsimReminders()`; the service worker
//! has it offline): at start when a document is stored, or storage is
//! blocked in a top-level page, which the section says; else on the first
//! thing that needs it
//! (a tap on the placeholder the app shows in the section's place, "Remind
//! me", a language chosen, the clerk's input kept, a document another tab
//! stored). Every call waits for the module and is then answered: a tap
//! made while it loads is not lost. Should it fail to load, its places stay
//! as they are (the placeholder, or empty) and the next call tries again.

use std::cell::RefCell;

use js_sys::{Array, Promise};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::dom::{clicked, page_width, replace_children, Action, El};
use super::reminders::{placeholder, ReminderAction};
use super::AppState;
use crate::domain::catalog::{ChannelId, OperatorId};
use crate::domain::date::LocalDateTime;
use crate::domain::document::ClerkInput;
use crate::domain::Lang;
use crate::i18n::{t, Key};
use crate::modules;
use crate::storage::{self, Stored};

/// The places the app gives the module.
struct Places {
    banner: Element,
    section: Element,
}

thread_local! {
    static PLACES: RefCell<Option<Places>> = const { RefCell::new(None) };
    /// The module, started: the promise of its exports, once asked for.
    static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// The due banner's place (the app puts it above the picker); starts the
/// module at once if something is stored, or if storage is blocked in a
/// top-level page (there may be reminders it cannot read: the section says
/// so); else when another tab stores a document. A frame without storage
/// (a sandboxed embed, whose footer already says it keeps nothing) loads it
/// only on the first tap that needs it.
pub fn banner_place(stored: &Stored, embedded: bool) -> El {
    let banner = El::new("div")
        .class("due-place")
        .attr("data-testid", "due-place");
    if let Stored::Text(_) = stored {
        keep_banner_room(&banner.element());
    }
    let section = El::new("div");
    PLACES.with_borrow_mut(|p| {
        *p = Some(Places {
            banner: banner.element(),
            section: section.element(),
        })
    });
    match stored {
        Stored::Empty => start_when_another_tab_stores(),
        Stored::Blocked if embedded => {}
        Stored::Blocked | Stored::Text(_) => drop(module()),
    }
    banner
}

/// Keeps the due banner's `place` as tall as the banner last was at this
/// page width (`storage::banner_height`), saying "Loading…" in it, until the
/// module shows the banner: the picker and the paths are already where the
/// banner leaves them.
fn keep_banner_room(place: &Element) {
    let Some(height) = page_width().and_then(storage::banner_height) else {
        return;
    };
    if let Some(place) = place.dyn_ref::<web_sys::HtmlElement>() {
        let _ = place.style().set_property("min-height", &height);
        let lang = AppState::get().lang.get_untracked();
        let _ = place.append_child(
            &El::new("p")
                .class("wait")
                .text(t(lang, Key::Loading))
                .into_element(),
        );
    }
}

/// Empties the due banner's `place` and lets go of the room kept for the
/// banner ([`keep_banner_room`]): the module cannot show it.
pub fn let_go_of_banner_room(place: &Element) {
    if let Some(place) = place.dyn_ref::<web_sys::HtmlElement>() {
        let _ = place.style().remove_property("min-height");
        replace_children(place, []);
    }
}

/// The section's place, once [`banner_place`] has made it.
fn section() -> Option<Element> {
    PLACES.with_borrow(|p| p.as_ref().map(|p| p.section.clone()))
}

/// The attribute that marks the [`placeholder`] in the section's place.
const PLACEHOLDER: &str = "data-placeholder";

/// The section's place (after the results): the [`placeholder`], in the
/// page's language, until the module has started.
pub fn section_place() -> El {
    let state = AppState::get();
    let Some(section) = section() else {
        return El::new("div");
    };
    let place = section.clone();
    Effect::new(move || {
        let lang = state.lang.get();
        if !started() {
            let forward = placeholder(lang)
                .attr(PLACEHOLDER, "")
                .on("click", on_placeholder_click)
                .on("change", on_placeholder_change);
            replace_children(&place, [forward]);
        }
    });
    El::from(section)
}

/// A tap on one of the placeholder's buttons: the module's section answers
/// it.
fn on_placeholder_click(ev: web_sys::Event) {
    if let Some((action, button)) = clicked::<ReminderAction>(&ev) {
        show_waiting(Some(&button));
        call("tap", Array::of1(&action.as_str().into()));
    }
}

/// A backup chosen in the placeholder: the module reads it.
fn on_placeholder_change(ev: web_sys::Event) {
    if let Some(input) = ev.target() {
        show_waiting(None);
        call("import_backup", Array::of1(&input));
    }
}

/// Says that the reminders are loading, until the module has started and
/// answers (it clears every `aria-busy` mark with [`WAITING_MARK`]): on
/// `control`, the button tapped, and on the section's place, in whose
/// placeholder the live region says "Loading…" (the module's own section,
/// once there, keeps its live region for what it says).
pub fn show_waiting(control: Option<&Element>) {
    let Some(section) = section() else {
        return;
    };
    let marks = control.into_iter().chain([&section]);
    for el in marks {
        let _ = el.set_attribute("aria-busy", "true");
        let _ = el.set_attribute(WAITING_MARK, "");
    }
    let lang = AppState::get().lang.get_untracked();
    let announce = format!("[{PLACEHOLDER}] .announce");
    if let Ok(Some(announce)) = section.query_selector(&announce) {
        announce.set_text_content(Some(t(lang, Key::Loading)));
    }
}

/// The attribute of what [`show_waiting`] marked busy.
pub const WAITING_MARK: &str = "data-waits-for-reminders";

/// True once the module has been asked for.
fn started() -> bool {
    MODULE.with_borrow(Option::is_some)
}

/// The module, started in the page's language: loaded on the first call.
/// Its start is the first thing run once it is there, so every call after
/// finds it started. A load that fails is tried again on the next call.
fn module() -> Option<Promise> {
    if let Some(loading) = MODULE.with_borrow(Clone::clone) {
        return Some(loading);
    }
    let loading = modules::load("azsimReminders")?;
    let (banner, section) = PLACES.with_borrow(|p| {
        let p = p.as_ref()?;
        Some((p.banner.clone(), p.section.clone()))
    })?;
    let lang = AppState::get().lang.get_untracked();
    let args = Array::of3(&lang.code().into(), &banner, &section);
    modules::call_when_loaded(&loading, "start", args);
    // Not loaded: the next call tries again, and the banner's place no
    // longer waits for it.
    let forget = Closure::once(move |_: JsValue| {
        MODULE.with_borrow_mut(|m| *m = None);
        let_go_of_banner_room(&banner);
    });
    let _ = loading.catch(&forget);
    forget.forget();
    MODULE.with_borrow_mut(|m| *m = Some(loading.clone()));
    Some(loading)
}

/// Calls the module's export `name` with `args`, starting it first.
fn call(name: &'static str, args: Array) {
    if let Some(started) = module() {
        modules::call_when_loaded(&started, name, args);
    }
}

/// Starts the module when another tab stores the document (its own
/// listener follows later changes).
fn start_when_another_tab_stores() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_storage = Closure::<dyn Fn(web_sys::StorageEvent)>::new(|e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(storage::KEY) && !started() {
            drop(module());
        }
    });
    let _ = window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();
}

/// Opens the reminder form, prefilled: due at `due`, or in a day; `from`
/// is the button tapped.
pub fn remind(
    from: &Element,
    label: &str,
    operator: Option<OperatorId>,
    channel: Option<&ChannelId>,
    due: Option<LocalDateTime>,
) {
    show_waiting(Some(from));
    let args = Array::of4(
        &label.into(),
        &operator.map_or(JsValue::UNDEFINED, |o| o.as_str().into()),
        &channel.map_or(JsValue::UNDEFINED, |c| c.0.as_str().into()),
        &due.map_or(JsValue::UNDEFINED, |d| {
            (d.minutes_since_epoch() as f64).into()
        }),
    );
    call("remind", args);
}

/// Shows `lang` in the reminders too, and saves it as the chosen language.
pub fn language(lang: Lang) {
    call("set_lang", Array::of1(&lang.code().into()));
}

/// What the user kept for the clerk last time, if anything: read from what is
/// stored now (`JSON.parse`, as the saved language), without the module.
pub fn clerk_saved() -> Option<ClerkInput> {
    let kept = Stored::look().saved_pref("clerk");
    let field = |name: &str| {
        js_sys::Reflect::get(&kept, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    if !kept.is_object() {
        return None;
    }
    Some(ClerkInput {
        number: field("number")?,
        amount: field("amount")?,
    })
}

/// Keeps what the user typed for the clerk, or forgets it (`None`; nothing
/// to forget when nothing was ever kept).
pub fn keep_clerk(kept: Option<ClerkInput>) {
    if kept.is_none() && !started() {
        return;
    }
    let (number, amount) = kept.map_or((JsValue::UNDEFINED, JsValue::UNDEFINED), |c| {
        (c.number.into(), c.amount.into())
    });
    call("keep_clerk", Array::of2(&number, &amount));
}

/// Saves that the user turned notifications on.
pub fn notify_on() {
    call("notify_on", Array::new());
}
