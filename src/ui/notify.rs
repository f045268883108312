//! Optional notifications for reminders that fall due while the app is open,
//! in the top-level app only: a frame can never ask (browsers deny it), and a
//! closed page cannot notify at all, which is why every reminder also
//! exports to the calendar. The opt-in is the app's module's; the check,
//! which reads the reminders, runs in the reminders module.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{clicked, replace_children, Action, El};
use super::reminders::ReminderState;
use super::{clock, reminders_link, AppState};
use crate::domain::reminders::{ReminderId, Status};
use crate::i18n::{t, Key};
use crate::store::Store;

/// How often to look for reminders that fell due, in milliseconds.
const CHECK_EVERY_MS: i32 = 60_000;

thread_local! {
    /// Reminders already notified in this page's life (a list: a hash set's
    /// code weighs more in the wasm).
    static NOTIFIED: RefCell<Vec<ReminderId>> = const { RefCell::new(Vec::new()) };
}

/// True in a top-level page of a browser that has notifications.
fn supported(embedded: bool) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let top_level = window.top().ok().flatten().is_some_and(|top| top == window);
    !embedded && top_level && js_sys::Reflect::has(&window, &"Notification".into()).unwrap_or(false)
}

fn permission() -> web_sys::NotificationPermission {
    web_sys::Notification::permission()
}

/// Shows a notification for each reminder that is due and not yet notified.
fn check(store: Store) {
    if !store.doc.with_untracked(|d| d.prefs.notify)
        || permission() != web_sys::NotificationPermission::Granted
    {
        return;
    }
    let now = clock::now();
    let due: Vec<(ReminderId, String)> = store.doc.with_untracked(|d| {
        d.reminders
            .iter()
            .filter(|r| r.status(now) == Status::Due)
            .map(|r| (r.id.clone(), r.label.clone()))
            .collect()
    });
    for (id, label) in due {
        let new = NOTIFIED.with(|n| {
            let mut n = n.borrow_mut();
            let new = !n.contains(&id);
            if new {
                n.push(id);
            }
            new
        });
        if new {
            let _ = web_sys::Notification::new(&label);
        }
    }
}

/// Starts the once-a-minute check where notifications can work (the
/// reminders already due at start are in the banner, so they are marked as
/// notified).
pub fn start_checking(embedded: bool) {
    if !supported(embedded) {
        return;
    }
    let store = ReminderState::get().store;
    let now = clock::now();
    store.doc.with_untracked(|d| {
        NOTIFIED.with(|n| {
            n.borrow_mut().extend(
                d.reminders
                    .iter()
                    .filter(|r| r.status(now) == Status::Due)
                    .map(|r| r.id.clone()),
            )
        })
    });
    let tick = Closure::<dyn Fn()>::new(move || check(store));
    if let Some(w) = web_sys::window() {
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            CHECK_EVERY_MS,
        );
    }
    tick.forget();
}

/// The opt-in, only where notifications can work; `saved_on`: the stored
/// preferences say they are on.
pub fn notify_opt_in(embedded: bool, saved_on: bool) -> Option<El> {
    let state = AppState::get();
    if !supported(embedded) {
        return None;
    }
    // Reading the permission is a synchronous round trip to the browser: once.
    let now = permission();
    let granted = RwSignal::new(now == web_sys::NotificationPermission::Granted);
    let denied = RwSignal::new(now == web_sys::NotificationPermission::Denied);
    let on = RwSignal::new(saved_on);
    let enabled = move || on.get() && granted.get();
    let ask = move || {
        let Ok(promise) = web_sys::Notification::request_permission() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let answer = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_string());
            match answer.as_deref() {
                Some("granted") => {
                    granted.set(true);
                    on.set(true);
                    reminders_link::notify_on();
                }
                Some("denied") => denied.set(true),
                _ => {}
            }
        });
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((NotifyAction::Ask, _)) = clicked(&ev) {
            ask();
        }
    };
    let opt_in = El::new("div").class("notify").on("click", on_click);
    let div = opt_in.element();
    Effect::new(move || {
        let lang = state.lang.get();
        let content = if enabled() {
            El::new("p").class("hint").text(t(lang, Key::NotifyOn))
        } else if denied.get() {
            El::new("p").class("hint").text(t(lang, Key::NotifyDenied))
        } else {
            El::button(NotifyAction::Ask, t(lang, Key::NotifyOptIn)).class("secondary")
        };
        replace_children(&div, [content]);
    });
    Some(opt_in)
}

/// The opt-in's one button.
#[derive(Clone, Copy)]
enum NotifyAction {
    /// Ask the browser for permission to notify.
    Ask,
}

impl Action for NotifyAction {
    const ALL: &'static [Self] = &[NotifyAction::Ask];

    fn as_str(self) -> &'static str {
        "notify"
    }
}
