//! Reminders in the page. Each file has one job:
//! - `mod.rs`: the reminders' state (over the module's `Store`, whose
//!   `commit` is the one place that saves), the buttons' actions and the
//!   section;
//! - `list.rs`: the list and the due banner, rows kept by id;
//! - `form.rs`: the add/edit form;
//! - `transfer.rs`: calendar export, backup export and import;
//! - `notices.rs`: storage problems, undo, the import preview, announcements;
//! - `module.rs`: the entry points of the reminders module, the wasm module
//!   of its own that all this is built into (the app's module builds only
//!   the [`placeholder`], see `ui::reminders_link`).
//!
//! Keyboard focus is never dropped: after a change, it goes back to the
//! control that opened a form, to the next row, or to the list's heading
//! (`focus.rs`), and a live region says what happened.

mod focus;
mod form;
mod list;
pub mod module;
mod notices;
mod transfer;

use leptos::prelude::*;
use web_sys::Element;

pub use self::list::due_banner;
use super::dom::{clicked, Action, El};
use super::{clock, keep_text, AppState};
use crate::domain::catalog::{ChannelId, OperatorId};
use crate::domain::date::LocalDateTime;
use crate::domain::reminders::{Draft, Reminder, ReminderId};
use crate::domain::Lang;
use crate::i18n::{t, Key};
use crate::store::Store;

/// A reminder being created (`id: None`) or edited.
#[derive(Clone, Debug, PartialEq)]
pub struct Editing {
    /// The reminder edited; `None` for a new one.
    pub id: Option<ReminderId>,
    /// What the form holds.
    pub draft: Draft,
}

/// What an import found, waiting for the user's yes.
#[derive(Clone, Debug, PartialEq)]
enum Import {
    Ready(Vec<Reminder>),
    Failed(Key),
}

/// The reminders' state: one per reminders module ([`ReminderState::get`]).
#[derive(Clone, Copy)]
pub struct ReminderState {
    /// The stored document and how saving it goes.
    pub store: Store,
    editing: RwSignal<Option<Editing>>,
    undo: RwSignal<Option<Reminder>>,
    import: RwSignal<Option<Import>>,
    /// The last thing that happened, said in the section's live region.
    announce: RwSignal<Option<String>>,
    /// How many rows the section's list and the due banner show (see
    /// `list::FIRST_ROWS`).
    limits: [RwSignal<usize>; 2],
}

impl ReminderState {
    /// The reminders' state over the app's store.
    pub fn new(store: Store) -> ReminderState {
        ReminderState {
            store,
            editing: RwSignal::new(None),
            undo: RwSignal::new(None),
            import: RwSignal::new(None),
            announce: RwSignal::new(None),
            limits: [
                RwSignal::new(list::FIRST_ROWS),
                RwSignal::new(list::FIRST_ROWS),
            ],
        }
    }

    /// How many rows `which` list shows.
    fn limit(self, which: list::Which) -> RwSignal<usize> {
        self.limits[which as usize]
    }

    /// Makes the section's list show the reminder `id`, wherever it sorts.
    fn reveal(self, id: &ReminderId) {
        let index = self
            .store
            .doc
            .with_untracked(|d| d.reminders.iter().position(|r| r.id == *id));
        if let Some(index) = index {
            self.limit(list::Which::List)
                .update(|l| *l = (*l).max(index + 1));
        }
    }

    /// Opens the form for a new reminder, prefilled, due in a day.
    pub fn start_new(
        self,
        label: String,
        operator: Option<OperatorId>,
        channel: Option<ChannelId>,
    ) {
        let now = clock::now();
        let due = LocalDateTime::from_minutes_since_epoch(now.minutes_since_epoch() + 1440)
            .unwrap_or(now);
        self.start_new_at(label, operator, channel, due);
    }

    /// Opens the form for a new reminder, prefilled, due at `due`.
    pub fn start_new_at(
        self,
        label: String,
        operator: Option<OperatorId>,
        channel: Option<ChannelId>,
        due: LocalDateTime,
    ) {
        self.open_form(Editing {
            id: None,
            draft: Draft {
                label,
                due: Some(due),
                operator,
                channel,
                warn_days: 1,
                ..Draft::default()
            },
        });
    }

    /// Opens the form; focus goes to its first field, and back to the
    /// control focused now when the form closes.
    fn open_form(self, editing: Editing) {
        focus::remember_opener();
        self.editing.set(Some(editing));
        focus::later(focus::Target::FormStart);
    }

    /// Closes the form; focus goes back to what opened it.
    fn close_form(self) {
        self.editing.set(None);
        focus::later(focus::Target::Opener);
    }

    fn say(self, text: String) {
        self.announce.set(Some(text));
    }
}

/// What a button in the reminders (list, banner, section) does. Row
/// buttons also carry the reminder's id in `data-id`.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum ReminderAction {
    Renewed,
    Edit,
    Ics,
    Delete,
    Add,
    Cancel,
    Undo,
    ImportConfirm,
    ImportCancel,
    DownloadKept,
    ExportAll,
    BackupExport,
    ShowMore,
}

impl Action for ReminderAction {
    const ALL: &'static [Self] = &[
        ReminderAction::Renewed,
        ReminderAction::Edit,
        ReminderAction::Ics,
        ReminderAction::Delete,
        ReminderAction::Add,
        ReminderAction::Cancel,
        ReminderAction::Undo,
        ReminderAction::ImportConfirm,
        ReminderAction::ImportCancel,
        ReminderAction::DownloadKept,
        ReminderAction::ExportAll,
        ReminderAction::BackupExport,
        ReminderAction::ShowMore,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ReminderAction::Renewed => "renewed",
            ReminderAction::Edit => "edit",
            ReminderAction::Ics => "ics",
            ReminderAction::Delete => "delete",
            ReminderAction::Add => "add",
            ReminderAction::Cancel => "cancel",
            ReminderAction::Undo => "undo",
            ReminderAction::ImportConfirm => "import-confirm",
            ReminderAction::ImportCancel => "import-cancel",
            ReminderAction::DownloadKept => "download-kept",
            ReminderAction::ExportAll => "export-all",
            ReminderAction::BackupExport => "backup-export",
            ReminderAction::ShowMore => "show-more",
        }
    }
}

/// A button of the section, in the secondary style or not.
fn action_button(action: ReminderAction, lang: Lang, key: Key, secondary: bool) -> El {
    El::button(action, t(lang, key)).class(if secondary { "secondary" } else { "primary" })
}

/// Answers a click on any button of the reminders (section or banner).
fn on_click(state: AppState, ev: web_sys::MouseEvent) {
    let Some((action, button)) = clicked::<ReminderAction>(&ev) else {
        return;
    };
    let rem = ReminderState::get();
    let lang = state.lang.get_untracked();
    match action {
        ReminderAction::Renewed => list::renewed(rem, lang, &button),
        ReminderAction::Edit => list::edit(rem, &button),
        ReminderAction::Ics => list::export_one(rem, &button),
        ReminderAction::Delete => list::delete(rem, &button),
        ReminderAction::Add => rem.start_new(String::new(), None, None),
        ReminderAction::Cancel => rem.close_form(),
        ReminderAction::Undo => notices::undo(rem, lang),
        ReminderAction::ImportConfirm => transfer::confirm_import(rem, lang),
        ReminderAction::ImportCancel => {
            rem.import.set(None);
            focus::later(focus::Target::Heading);
        }
        ReminderAction::DownloadKept => transfer::download_kept(rem),
        ReminderAction::ExportAll => transfer::export_calendar(rem),
        ReminderAction::BackupExport => transfer::export_backup(rem),
        ReminderAction::ShowMore => list::show_more(rem, &button),
    }
}

/// The reminders section: notices, list, form, export and import. Built
/// with the `dom` builder in three parts that re-render independently, so
/// typing in the form is never interrupted by a list update.
pub fn reminders_section() -> El {
    let state = AppState::get();
    let [heading, notice_box, announce, list, form_box] = section_parts();
    keep_text(&heading.element(), Key::RemindersHeading);
    notices::render(state, notice_box.element(), announce.element());
    list::render_list(state, list.element());
    form::render(state, form_box.element());
    section([heading, notice_box, announce, list, form_box])
        .on("click", move |ev| on_click(state, ev))
        .on("change", form::on_change)
        .on("submit", move |ev| form::on_submit(state, ev))
}

/// The section as it shows with nothing stored, in `lang`, for the app's
/// module to show until the reminders module has started: the same
/// elements, without their behaviour (the app forwards its taps).
pub fn placeholder(lang: Lang) -> El {
    let [heading, notice_box, announce, list, form_box] = section_parts();
    section([
        heading.text(t(lang, Key::RemindersHeading)),
        notice_box,
        announce,
        list.child(list::empty_item(lang)),
        form_box.children(form::closed(lang)),
    ])
}

/// The section's parts, empty: heading, notices, live region, list, form.
fn section_parts() -> [El; 5] {
    [
        El::new("h2")
            .attr("id", "reminders-heading")
            .attr("tabindex", "-1"),
        El::new("div"),
        // What the last change did, for screen readers and at a glance. It
        // stays in the page: a live region added with its text is not read
        // by every screen reader.
        El::new("p")
            .class("announce")
            .attr("role", "status")
            .attr("data-testid", "announce"),
        El::new("ul")
            .class("reminder-list")
            .attr("data-testid", "reminders"),
        El::new("div"),
    ]
}

/// The section around its `parts`.
fn section(parts: [El; 5]) -> El {
    El::new("section")
        .class("reminders")
        .attr("aria-labelledby", "reminders-heading")
        .children(parts)
}

/// `text` between Unicode directional isolates (U+2068 … U+2069), so that a
/// right-to-left override inside a user's label cannot reorder the sentence
/// around it.
fn isolated(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// The element a click landed on's closest ancestor matching `selector`.
fn closest(el: &Element, selector: &str) -> Option<Element> {
    el.closest(selector).ok().flatten()
}
