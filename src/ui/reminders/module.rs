//! The reminders module's entry points (`src/bin/reminders.rs`, a wasm
//! module of its own): it owns the stored document, reads and writes it, and
//! shows the due banner, the reminders section and the notifications, in
//! the places the app's module gave it (`ui::reminders_link`). The app loads
//! it after the first paint when a document is stored, or on the first tap
//! that needs it; until it has started, what the app asks of it waits
//! ([`when_started`]) and is then answered.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{reminders_section, transfer, ReminderState};
use crate::domain::catalog::{ChannelId, OperatorId};
use crate::domain::date::LocalDateTime;
use crate::domain::document::ClerkInput;
use crate::domain::Lang;
use crate::packs;
use crate::store::Store;
use crate::ui::dom::replace_children;
use crate::ui::reminders_link::WAITING_MARK;
use crate::ui::{self, fatal, notify, AppState};

/// A call that waits for the start.
type Waiting = Box<dyn FnOnce(ReminderState)>;

thread_local! {
    /// The module's reminders state, set before it builds anything.
    static STATE: Cell<Option<ReminderState>> = const { Cell::new(None) };
    /// True once the module has started: its sections are built and shown.
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// What waits for the start ([`when_started`]).
    static WAITING: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` once the module has started (now if it has), then clears what
/// the app marked busy meanwhile.
fn when_started(f: impl FnOnce(ReminderState) + 'static) {
    match STATE.with(Cell::get).filter(|_| STARTED.with(Cell::get)) {
        Some(rem) => {
            f(rem);
            done_waiting();
        }
        None => WAITING.with_borrow_mut(|w| w.push(Box::new(f))),
    }
}

/// Takes `aria-busy` off what the app marked while it waited for the module
/// (`reminders_link::show_waiting`).
fn done_waiting() {
    let selector = format!("[{WAITING_MARK}]");
    let document = web_sys::window().and_then(|w| w.document());
    let Some(marked) = document.and_then(|d| d.query_selector_all(&selector).ok()) else {
        return;
    };
    for i in 0..marked.length() {
        if let Some(el) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = el.remove_attribute("aria-busy");
            let _ = el.remove_attribute(WAITING_MARK);
        }
    }
}

impl ReminderState {
    /// The module's reminders state (set when it starts, before it builds
    /// anything).
    pub fn get() -> ReminderState {
        STATE
            .with(Cell::get)
            .expect("ReminderState::get: the reminders module sets its state before building")
    }
}

/// Starts the module in `lang` (the app's language now): reads the stored
/// document, installs the language's pack (cached: the app has it), then
/// shows the due banner in `banner` and the section in `section` (in place
/// of the app's placeholder, keeping keyboard focus on the same control),
/// and answers what waited.
pub fn start(lang: Lang, banner: Element, section: Element) {
    fatal::install_panic_hook();
    fatal::set_lang(lang);
    // Effects and tasks run on the module's own executor (the app's module
    // has its own; `mount_to` sets that one up).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let params = crate::address::current_params();
    let embedded = params.embed;
    let store = Store::load();
    leptos::task::spawn_local(async move {
        let Ok((pack, more)) = packs::load_both(lang).await else {
            // No banner to come: its place need not keep room for one.
            return ui::reminders_link::let_go_of_banner_room(&banner);
        };
        let state = AppState::start(pack, lang, params);
        state.install(lang, Some(more));
        let rem = ReminderState::new(store);
        STATE.with(|s| s.set(Some(rem)));
        let owner = Owner::new();
        let focused = focused_action(&section);
        owner.with(|| {
            replace_children(&banner, [super::due_banner()]);
            replace_children(&section, [reminders_section()]);
            notify::start_checking(embedded);
        });
        std::mem::forget(owner);
        // The sections fill themselves in effects, which run before the next
        // task: then focus goes back where it was, and what waited runs.
        ui::defer(move || {
            if let Some(action) = focused {
                focus_action(&section, &action);
            }
            STARTED.with(|s| s.set(true));
            for waiting in WAITING.with_borrow_mut(std::mem::take) {
                waiting(rem);
            }
            done_waiting();
        });
    });
}

/// The `data-action` (or `name`) of the control focused in `section`, if
/// focus is there.
fn focused_action(section: &Element) -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    if !section.contains(Some(&active)) {
        return None;
    }
    active
        .get_attribute("data-action")
        .or_else(|| active.get_attribute("name"))
}

/// Focuses the control of `section` whose `data-action` (or `name`) is
/// `action`.
fn focus_action(section: &Element, action: &str) {
    let selector = format!("[data-action=\"{action}\"],[name=\"{action}\"]");
    let control = section.query_selector(&selector).ok().flatten();
    if let Some(control) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// Shows `lang` (once its packs are installed) and saves it as the chosen
/// language.
pub fn set_lang(lang: Lang) {
    when_started(move |rem| {
        leptos::task::spawn_local(async move {
            let Ok((_, more)) = packs::load_both(lang).await else {
                return;
            };
            fatal::set_lang(lang);
            AppState::get().install(lang, Some(more));
            rem.store
                .commit(|d| d.prefs.lang = Some(lang.code().to_owned()));
        });
    });
}

/// Opens the form for a new reminder, prefilled: due at `due`, or in a day.
pub fn remind(
    label: String,
    operator: Option<OperatorId>,
    channel: Option<ChannelId>,
    due: Option<LocalDateTime>,
) {
    when_started(move |rem| match due {
        Some(due) => rem.start_new_at(label, operator, channel, due),
        None => rem.start_new(label, operator, channel),
    });
}

/// A tap on the placeholder's button `action`, answered by the section's
/// own button.
pub fn tap(action: String) {
    when_started(move |_| {
        let selector = format!(".reminders button[data-action=\"{action}\"]");
        let document = web_sys::window().and_then(|w| w.document());
        let button = document.and_then(|d| d.query_selector(&selector).ok().flatten());
        if let Some(button) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            button.click();
        }
    });
}

/// A backup chosen in the placeholder's `input`: read and previewed as one
/// chosen in the section.
pub fn import_backup(input: Element) {
    when_started(move |_| transfer::on_change(&input));
}

/// Keeps (or forgets, with `None`) what the user typed for the clerk.
pub fn keep_clerk(kept: Option<ClerkInput>) {
    when_started(move |rem| rem.store.commit(|d| d.prefs.clerk = kept));
}

/// Saves that the user turned notifications on.
pub fn notify_on() {
    when_started(|rem| rem.store.commit(|d| d.prefs.notify = true));
}
