//! Reminders in and out: calendar files (.ics), the backup file and its
//! import, and the copy of unreadable stored data.

use leptos::prelude::*;

use crate::domain::document::{DecodeError, Document, MAX_BACKUP_BYTES};
use crate::domain::ics;
use crate::domain::reminders::{Reminder, MAX_REMINDERS};
use crate::domain::Lang;
use crate::i18n::{t, t_with, Key};
use crate::store::{Problem, Store};
use crate::ui::dom::El;
use crate::ui::{clock, files, AppState};

use super::focus::{self, Target};
use super::{action_button, Import, ReminderAction, ReminderState};

/// The reminders as one calendar file.
fn ics_for(reminders: &[&Reminder]) -> String {
    let events: Vec<ics::Event<'_>> = reminders
        .iter()
        .map(|r| ics::Event {
            reminder: r,
            due_utc: ics::UtcTime(clock::utc_seconds(r.due)),
        })
        .collect();
    ics::calendar(&events, ics::UtcTime((js_sys::Date::now() / 1000.0) as i64))
}

/// One reminder as a calendar file, downloaded.
pub(super) fn export_one(reminder: &Reminder) {
    files::download(
        &ics::file_name(&reminder.label),
        "text/calendar",
        &ics_for(&[reminder]),
    );
}

/// Every reminder as one calendar file, downloaded.
pub(super) fn export_calendar(rem: ReminderState) {
    let text = rem
        .store
        .doc
        .with_untracked(|d| ics_for(&d.reminders.iter().collect::<Vec<_>>()));
    files::download("azsim-reminders.ics", "text/calendar", &text);
}

/// The backup file, downloaded.
pub(super) fn export_backup(rem: ReminderState) {
    let text = rem
        .store
        .doc
        .with_untracked(|d| d.to_backup(&clock::now().to_string()));
    files::download("azsim-backup.json", "application/json", &text);
}

/// The stored text that could not be read, downloaded.
pub(super) fn download_kept(rem: ReminderState) {
    if let Some(Problem::Damaged { backup_key }) = rem.store.problem.get_untracked() {
        if let Some(text) = Store::read_kept(&backup_key) {
            files::download("azsim-unreadable-data.json", "application/json", &text);
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
pub(super) fn on_change(state: AppState, target: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if target.get_attribute("name").as_deref() != Some("backup-import") {
        return;
    }
    if let Ok(input) = target.clone().dyn_into::<web_sys::HtmlInputElement>() {
        wasm_bindgen_futures::spawn_local(import_file(state.reminders, input));
    }
}

async fn import_file(rem: ReminderState, input: web_sys::HtmlInputElement) {
    let outcome = match files::read_chosen(&input, MAX_BACKUP_BYTES).await {
        None => return,
        Some(Err(_)) => Import::Failed(Key::ImportTooLarge),
        Some(Ok(bytes)) => match Document::from_backup(&bytes) {
            Ok(incoming) => {
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
            Err(DecodeError::TooLarge) => Import::Failed(Key::ImportTooLarge),
            Err(DecodeError::TooNew(_)) => Import::Failed(Key::ImportTooNew),
            Err(DecodeError::TooMany) => Import::Failed(Key::ImportTooMany),
            Err(_) => Import::Failed(Key::ImportBad),
        },
    };
    input.set_value("");
    rem.announce.set(None);
    rem.import.set(Some(outcome));
}

/// "Import" in the preview: adds what it listed, checked again (limit,
/// already here) against the document as it is now; focus goes to the first
/// reminder added.
pub(super) fn confirm_import(rem: ReminderState, lang: Lang) {
    let Some(Import::Ready(add)) = rem.import.get_untracked() else {
        return;
    };
    let first = add.first().map(|r| r.id.0.clone());
    let mut added = Ok(0);
    rem.store.commit(|d| added = d.add_new(add));
    let target = match added {
        Ok(0) => {
            rem.import.set(Some(Import::Ready(Vec::new())));
            Target::Heading
        }
        Ok(n) => {
            rem.import.set(None);
            rem.say(t_with(lang, Key::ImportDone, "n", &n.to_string()));
            first.map_or(Target::Heading, Target::Row)
        }
        Err(_) => {
            rem.import.set(Some(Import::Failed(Key::ImportTooMany)));
            Target::Heading
        }
    };
    focus::later(target);
}
