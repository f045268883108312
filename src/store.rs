//! The app's store: the stored document (reminders and preferences) as
//! reactive state, and the one way to change it, [`Store::commit`], which
//! saves. Components use the store, never `storage` (the browser's side:
//! `localStorage`, versions, damaged copies, other tabs). The store lives in
//! the reminders module (`ui::reminders::module`), which the app loads when a
//! document is stored or something would change it.

use leptos::prelude::*;

use crate::domain::document::Document;
use crate::domain::reminders;
use crate::storage;
pub use crate::storage::Problem;

/// The document and how saving it goes; one per reminders module, shared
/// through its `ReminderState`.
#[derive(Clone, Copy)]
pub struct Store {
    /// The stored document (reminders and preferences).
    pub doc: RwSignal<Document>,
    persistent: RwSignal<bool>,
    /// Why storage is not doing its job, if it is not.
    pub problem: RwSignal<Option<Problem>>,
}

impl Store {
    /// Reads what is stored and follows changes made in other tabs.
    pub fn load() -> Store {
        let loaded = storage::load();
        let store = Store {
            doc: RwSignal::new(loaded.doc),
            persistent: RwSignal::new(loaded.persistent),
            problem: RwSignal::new(loaded.problem),
        };
        storage::on_external_change(move |doc| store.doc.set(doc));
        store
    }

    /// Applies a change and saves it: the only writer of stored data.
    pub fn commit(self, change: impl FnOnce(&mut Document)) {
        self.doc.update(|doc| {
            change(doc);
            reminders::sort(&mut doc.reminders);
        });
        self.save();
    }

    /// Saves the document (one copy of this code for every `commit`).
    #[inline(never)]
    fn save(self) {
        if !self.persistent.get_untracked() {
            return;
        }
        match self.doc.with_untracked(storage::save) {
            Ok(()) => {
                if self.problem.get_untracked() == Some(Problem::Full) {
                    self.problem.set(None);
                }
            }
            Err(problem) => {
                if problem == Problem::Blocked {
                    self.persistent.set(false);
                }
                self.problem.set(Some(problem));
            }
        }
    }

    /// The text kept under `key` (an unreadable document's copy), if any.
    pub fn read_kept(key: &str) -> Option<String> {
        storage::read_kept(key)
    }
}
