//! The app's store: the stored document (reminders and preferences) as
//! reactive state, and the one way to change it, [`Store::commit`], which
//! saves. Components use the store, never `storage` (the browser's side:
//! `localStorage`, versions, damaged copies, other tabs). A stored document
//! is read after the first paint, in the document reader: until then the
//! store is not [`ready`](Store::ready), and what would change it waits
//! ([`Store::when_ready`]).

use leptos::prelude::*;

use crate::domain::document::Document;
use crate::domain::reminders;
pub use crate::storage::Problem;
use crate::storage::{self, Loaded, Stored};

/// The document and how saving it goes; one per app, shared through
/// `ui::AppState`.
#[derive(Clone, Copy)]
pub struct Store {
    /// The stored document (reminders and preferences).
    pub doc: RwSignal<Document>,
    persistent: RwSignal<bool>,
    /// Why storage is not doing its job, if it is not.
    pub problem: RwSignal<Option<Problem>>,
    /// True once the stored document is read (at once when nothing is
    /// stored): the sections that show or change it wait for it.
    pub ready: RwSignal<bool>,
}

thread_local! {
    /// What waits for the store to be ready ([`Store::when_ready`]).
    static WAITING: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Store {
    /// Starts from what is stored (read in the document reader, when there
    /// is something to read) and follows changes made in other tabs.
    pub fn new(stored: Stored) -> Store {
        let unread = stored.unread();
        let store = Store {
            doc: RwSignal::new(Default::default()),
            persistent: RwSignal::new(false),
            problem: RwSignal::new(None),
            ready: RwSignal::new(false),
        };
        match unread {
            Ok(loaded) => store.settle(loaded),
            Err(text) => leptos::task::spawn_local(async move {
                let read = storage::read(&text).await;
                store.settle(storage::settle(&text, read));
            }),
        }
        storage::on_external_change(move |doc| store.doc.set(doc));
        store
    }

    /// Takes the loaded document, then runs what waited for it.
    fn settle(self, loaded: Loaded) {
        self.doc.set(loaded.doc);
        self.persistent.set(loaded.persistent);
        self.problem.set(loaded.problem);
        self.ready.set(true);
        for waiting in WAITING.with(|w| w.take()) {
            waiting();
        }
    }

    /// Runs `f` now if the store is ready, else once it is (a change made
    /// before the stored document is read must apply to it, not to the empty
    /// one in its place).
    pub fn when_ready(self, f: impl FnOnce() + 'static) {
        if self.ready.get_untracked() {
            return f();
        }
        WAITING.with(|w| w.borrow_mut().push(Box::new(f)));
    }

    /// Applies a change and saves it: the only writer of stored data. Only
    /// once the store is [`ready`](Store::ready) (see [`Store::when_ready`]).
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
