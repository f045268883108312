//! Reminders in and out of the device: calendar files (.ics), the backup
//! file and its reading, and the copy of unreadable stored data. The app
//! passes its stored document as it is saved (`Document::encode`) and takes
//! an import back the same way, so the calendar writer and the backup
//! reader never weigh on its first load.

use wasm_bindgen::JsValue;

use super::files;
use crate::domain::document::{DecodeError, Document, MAX_BACKUP_BYTES};
use crate::domain::ics;
use crate::domain::reminders::Reminder;
use crate::ui::clock;

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

/// The reminders of `stored` (the app's document) as a calendar file,
/// downloaded: the one whose id is `only`, or all of them.
pub fn calendar(stored: &str, only: Option<&str>) {
    let Ok(doc) = Document::decode(stored) else {
        return;
    };
    match only {
        Some(id) => {
            if let Some(r) = doc.reminders.iter().find(|r| r.id.0 == id) {
                files::download(&ics::file_name(&r.label), "text/calendar", &ics_for(&[r]));
            }
        }
        None => {
            let all: Vec<&Reminder> = doc.reminders.iter().collect();
            files::download("azsim-reminders.ics", "text/calendar", &ics_for(&all));
        }
    }
}

/// `stored` (the app's document) as a backup file, downloaded.
pub fn backup(stored: &str) {
    if let Ok(doc) = Document::decode(stored) {
        let text = doc.to_backup(&clock::now().to_string());
        files::download("azsim-backup.json", "application/json", &text);
    }
}

/// Reads the backup file chosen in `input` and calls `on_read` with what it
/// holds, as the app stores a document (`Document::encode`), or with
/// `null` and why it was refused (`DecodeError::name`). The input is
/// emptied, so choosing the same file again reads it again.
pub async fn read_backup(input: web_sys::HtmlInputElement, on_read: js_sys::Function) {
    let read = match files::read_chosen(&input, MAX_BACKUP_BYTES).await {
        None => return,
        Some(Err(_)) => Err(DecodeError::TooLarge),
        Some(Ok(bytes)) => Document::from_backup(&bytes),
    };
    input.set_value("");
    let (text, refusal) = match read {
        Ok(doc) => (JsValue::from(doc.encode()), JsValue::NULL),
        Err(e) => (JsValue::NULL, JsValue::from(e.name())),
    };
    let _ = on_read.call2(&JsValue::NULL, &text, &refusal);
}
