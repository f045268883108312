//! Reminders in and out: calendar files (.ics), the backup file and its
//! import, and the copy of unreadable stored data. The files are written
//! and read by the on-demand module (`ui::extras`); the import's preview
//! and its checks against the reminders here are the app's.

use leptos::prelude::*;

use crate::domain::document::{DecodeError, Document};
use crate::domain::reminders::{Reminder, MAX_REMINDERS};
use crate::domain::Lang;
use crate::i18n::{t, t_count, Key};
use crate::store::{Problem, Store};
use crate::ui::dom::El;
use crate::ui::extras;

use super::focus::{self, Target};
use super::{action_button, Import, ReminderAction, ReminderState};

/// One reminder as a calendar file, downloaded.
pub(super) fn export_one(rem: ReminderState, reminder: &Reminder) {
    rem.store
        .doc
        .with_untracked(|d| extras::calendar(d, Some(&reminder.id.0)));
}

/// Every reminder as one calendar file, downloaded.
pub(super) fn export_calendar(rem: ReminderState) {
    rem.store.doc.with_untracked(|d| extras::calendar(d, None));
}

/// The backup file, downloaded.
pub(super) fn export_backup(rem: ReminderState) {
    rem.store.doc.with_untracked(extras::backup);
}

/// The stored text that could not be read, downloaded.
pub(super) fn download_kept(rem: ReminderState) {
    if let Some(Problem::Damaged { backup_key }) = rem.store.problem.get_untracked() {
        if let Some(text) = Store::read_kept(&backup_key) {
            extras::download("azsim-unreadable-data.json", "application/json", &text);
        }
    }
}

/// The buttons under the list.
pub(super) fn file_actions(lang: Lang) -> El {
    El::new("div")
        .class("actions files")
        .child(action_button(
            ReminderAction::ExportAll,
            lang,
            Key::AllToCalendar,
            true,
        ))
        .child(
            action_button(ReminderAction::BackupExport, lang, Key::BackupExport, true)
                .attr("data-testid", "backup-export"),
        )
        .child(
            El::new("label")
                .class("file secondary")
                .child(El::new("span").text(t(lang, Key::BackupImport)))
                .child(
                    El::new("input")
                        .attr("type", "file")
                        .attr("name", "backup-import")
                        .attr("accept", ".json,application/json")
                        .attr("data-testid", "backup-import"),
                ),
        )
}

/// A backup file was chosen: reads it and shows what it would add.
pub(super) fn on_change(target: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if target.get_attribute("name").as_deref() != Some("backup-import") {
        return;
    }
    let Ok(input) = target.clone().dyn_into::<web_sys::HtmlInputElement>() else {
        return;
    };
    let rem = ReminderState::get();
    extras::read_backup(&input, move |read| {
        rem.announce.set(None);
        rem.import.set(Some(preview(rem, read)));
    });
}

/// What importing `read` (a backup's document, or why it was refused)
/// would do to the reminders here.
fn preview(rem: ReminderState, read: Result<Document, String>) -> Import {
    let incoming = match read {
        Ok(incoming) => incoming,
        Err(refusal) => {
            let was = |e: DecodeError| refusal == e.name();
            return Import::Failed(if was(DecodeError::TooLarge) {
                Key::ImportTooLarge
            } else if was(DecodeError::TooNew(0)) {
                Key::ImportTooNew
            } else if was(DecodeError::TooMany) {
                Key::ImportTooMany
            } else {
                Key::ImportBad
            });
        }
    };
    let add: Vec<Reminder> = rem
        .store
        .doc
        .with_untracked(|d| d.plan_import(&incoming).into_iter().cloned().collect());
    let total = rem.store.doc.with_untracked(|d| d.reminders.len()) + add.len();
    if total > MAX_REMINDERS {
        Import::Failed(Key::ImportTooMany)
    } else {
        Import::Ready(add)
    }
}

/// "Import" in the preview: adds what it listed, checked again (limit,
/// already here) against the document as it is now; focus goes to the first
/// reminder added.
pub(super) fn confirm_import(rem: ReminderState, lang: Lang) {
    let Some(Import::Ready(add)) = rem.import.get_untracked() else {
        return;
    };
    let first = add.first().map(|r| r.id.clone());
    let mut added = Ok(0);
    rem.store.commit(|d| added = d.add_new(add));
    let target = match added {
        Ok(0) => {
            rem.import.set(Some(Import::Ready(Vec::new())));
            Target::Heading
        }
        Ok(n) => {
            rem.import.set(None);
            rem.say(t_count(lang, Key::ImportDone, Key::ImportDoneOne, n));
            match first {
                Some(first) => {
                    rem.reveal(&first);
                    Target::Row(first.0)
                }
                None => Target::Heading,
            }
        }
        Err(_) => {
            rem.import.set(Some(Import::Failed(Key::ImportTooMany)));
            Target::Heading
        }
    };
    focus::later(target);
}
